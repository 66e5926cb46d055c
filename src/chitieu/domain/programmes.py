"""Programme budgets: capital plans by source and period, allocations per unit, disbursements, targets (pure).

A programme is a plan (``Plan`` of kind programme / component / subproject, linked by ``parent_code``):
"Chương trình MTQG phát triển KT-XH vùng đồng bào DTTS và MN" → "Dự án 3" → "Tiểu dự án 1". The money
attached to each node is kept here, in triệu đồng, the unit programme reports use:

- ``CapitalPlan``: capital planned (kế hoạch vốn giao) for a period, by source, for the node's whole area
  (``org_unit_code`` None) or allocated to one unit; ``kind`` says whether it is the period's own plan or
  capital of an earlier year carried over (kéo dài, chuyển nguồn).
- ``Disbursement``: what was disbursed of that capital up to a day (``as_of``): cumulative, as reports
  state it; a row may give the amount, the rate printed next to it, or both.
- ``DisbursementTarget``: a target on the disbursement rate ("giải ngân đạt 95% trở lên").

A figure recorded for a node is that node's total, its components included (as report tables print it);
the components' figures are summed only where the node has none of its own (``chitieu.assessment.disbursement``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from chitieu.domain.observations import ObservationFlag, Period
from chitieu.domain.org_units import OrgUnit
from chitieu.domain.plans import Plan, PlanKind
from chitieu.domain.provenance import Provenance
from chitieu.domain.quantity import Op

MONEY_UNIT = "triệu đồng"  # every amount of this module


class CapitalSource(StrEnum):
    """Where the money comes from, as programme reports split it."""

    STATE_BUDGET = "state_budget"  # ngân sách nhà nước, every level together (NSNN)
    CENTRAL_INVESTMENT = "central_investment"  # vốn đầu tư phát triển ngân sách trung ương
    CENTRAL_RECURRENT = "central_recurrent"  # vốn sự nghiệp ngân sách trung ương
    CENTRAL_BUDGET = "central_budget"  # ngân sách trung ương, not split
    LOCAL_INVESTMENT = "local_investment"  # vốn đầu tư ngân sách địa phương (đối ứng)
    LOCAL_RECURRENT = "local_recurrent"  # vốn sự nghiệp ngân sách địa phương
    LOCAL_BUDGET = "local_budget"  # ngân sách địa phương, not split
    INVESTMENT = "investment"  # vốn đầu tư, level not said
    RECURRENT = "recurrent"  # vốn sự nghiệp, level not said
    CREDIT = "credit"  # vốn tín dụng (chính sách)
    MOBILISED = "mobilised"  # vốn huy động, lồng ghép, doanh nghiệp, nhân dân đóng góp
    ODA = "oda"  # vốn ODA, vay ưu đãi nước ngoài
    OTHER = "other"

    @property
    def label_vi(self) -> str:
        return SOURCE_LABELS_VI[self]


SOURCE_LABELS_VI: dict[CapitalSource, str] = {
    CapitalSource.STATE_BUDGET: "Ngân sách nhà nước",
    CapitalSource.CENTRAL_INVESTMENT: "Vốn đầu tư phát triển NSTW",
    CapitalSource.CENTRAL_RECURRENT: "Vốn sự nghiệp NSTW",
    CapitalSource.CENTRAL_BUDGET: "Ngân sách trung ương",
    CapitalSource.LOCAL_INVESTMENT: "Vốn đầu tư NSĐP",
    CapitalSource.LOCAL_RECURRENT: "Vốn sự nghiệp NSĐP",
    CapitalSource.LOCAL_BUDGET: "Ngân sách địa phương",
    CapitalSource.INVESTMENT: "Vốn đầu tư",
    CapitalSource.RECURRENT: "Vốn sự nghiệp",
    CapitalSource.CREDIT: "Vốn tín dụng",
    CapitalSource.MOBILISED: "Vốn huy động, lồng ghép",
    CapitalSource.ODA: "Vốn ODA, vay ưu đãi",
    CapitalSource.OTHER: "Nguồn khác",
}
ALL_SOURCES_VI = "Tất cả các nguồn vốn"


class CapitalKind(StrEnum):
    """The period's own capital, or capital of an earlier year carried into it."""

    ANNUAL = "annual"  # kế hoạch vốn của kỳ
    CARRIED_OVER = "carried_over"  # vốn năm trước kéo dài, chuyển nguồn sang

    @property
    def label_vi(self) -> str:
        return {"annual": "Kế hoạch vốn trong kỳ", "carried_over": "Vốn năm trước chuyển sang"}[self.value]


PROGRAMME_KINDS = (PlanKind.PROGRAMME, PlanKind.COMPONENT, PlanKind.SUBPROJECT)


@dataclass(frozen=True, slots=True)
class CapitalPlan:
    """Capital planned for ``plan_code`` in ``period`` (triệu đồng); None source/kind/unit mean "all"."""

    plan_code: str
    period: Period
    amount: float
    source: CapitalSource | None = None
    kind: CapitalKind | None = None
    org_unit_code: str | None = None
    text: str = ""  # the amount as written, when it was read from a document
    note: str = ""
    provenance: Provenance | None = None

    @property
    def key(self) -> tuple[object, ...]:
        return (self.plan_code, self.org_unit_code, self.period, self.source, self.kind)


@dataclass(frozen=True, slots=True)
class Disbursement:
    """Capital of ``period`` disbursed up to ``as_of`` (cumulative), as an amount and/or the printed rate."""

    plan_code: str
    period: Period
    as_of: date
    amount: float | None = None  # triệu đồng
    stated_rate: float | None = None  # "% kế hoạch" as printed next to it
    source: CapitalSource | None = None
    kind: CapitalKind | None = None
    org_unit_code: str | None = None
    flag: ObservationFlag = ObservationFlag.ACTUAL
    text: str = ""
    note: str = ""
    provenance: Provenance | None = None

    @property
    def key(self) -> tuple[object, ...]:
        return (self.plan_code, self.org_unit_code, self.period, self.source, self.kind, self.as_of, self.flag)


@dataclass(frozen=True, slots=True)
class DisbursementTarget:
    """A target on the disbursement rate in percent ("≥ 95"), for one period or every one (``period`` None)."""

    plan_code: str
    op: Op
    value: float | None
    text: str
    low: float | None = None
    high: float | None = None
    period: Period | None = None
    source: CapitalSource | None = None
    deadline: date | None = None  # the day the rate is judged; default 31/12 of the period's last year
    provenance: Provenance | None = None

    @property
    def key(self) -> tuple[object, ...]:
        return (self.plan_code, self.period, self.source)

    def deadline_for(self, period: Period) -> date:
        return self.deadline or date(period.end, 12, 31)


@dataclass(slots=True)
class ProgrammeBudget:
    """The programme tree(s) and the money attached to them, as the assessment and reports read it."""

    plans: list[Plan] = field(default_factory=list)
    capital_plans: list[CapitalPlan] = field(default_factory=list)
    disbursements: list[Disbursement] = field(default_factory=list)
    targets: list[DisbursementTarget] = field(default_factory=list)
    org_units: list[OrgUnit] = field(default_factory=list)

    def plan(self, code: str) -> Plan | None:
        return next((p for p in self.plans if p.code == code), None)

    def children(self, code: str) -> list[Plan]:
        return [p for p in self.plans if p.parent_code == code]

    def tree(self, root: str | None = None) -> list[tuple[Plan, int]]:
        """(plan, depth) in tree order: each node followed by its components; ``root`` limits to one subtree."""
        codes = {p.code for p in self.plans}
        tops = [p for p in self.plans if (p.code == root if root else p.parent_code not in codes)]
        out: list[tuple[Plan, int]] = []
        seen: set[str] = set()

        def walk(plan: Plan, depth: int) -> None:
            if plan.code in seen:
                return
            seen.add(plan.code)
            out.append((plan, depth))
            for child in self.children(plan.code):
                walk(child, depth + 1)

        for top in tops:
            walk(top, 0)
        return out

    def has_money(self, code: str) -> bool:
        rows: list[CapitalPlan | Disbursement] = [*self.capital_plans, *self.disbursements]
        return any(r.plan_code == code for r in rows)

    def counts(self) -> dict[str, int]:
        return {"capital_plans": len(self.capital_plans), "disbursements": len(self.disbursements),
                "disbursement_targets": len(self.targets)}

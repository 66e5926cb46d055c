"""The registry aggregate: documents, org units, plans and each plan's content (pure, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from chitieu.domain.bundle import PlanBundle
from chitieu.domain.org_units import OrgUnit, UnitChange
from chitieu.domain.plans import Plan
from chitieu.domain.programmes import CapitalPlan, Disbursement, DisbursementTarget, ProgrammeBudget
from chitieu.domain.provenance import Provenance
from chitieu.domain.round_rules import RoundRule
from chitieu.domain.tasks import Task


@dataclass(frozen=True, slots=True)
class CitedDocument:
    """A document that targets and observations cite as their source (``source_document`` code)."""

    code: str
    title: str
    kind: str = ""
    issued_on: date | None = None
    issuer: str = ""
    note: str = ""


@dataclass(slots=True)
class Registry:
    """The whole exchange content: what a registry folder/workbook holds and the store keeps.

    ``contents`` maps a plan code to that plan's groups, indicators, targets, observations and stated counts (as a
    ``PlanBundle`` whose ``related_plans`` and ``org_units`` are left empty: those are shared and
    live in ``plans`` and ``org_units``). ``plan_sources`` is the provenance of each plan's row.
    Programme budgets (capital plans, disbursements, their targets) are kept beside the plans they belong
    to, and so are the tasks (nhiệm vụ) of each plan. ``unit_changes`` links org units to what they became (docs/registry-format.md). ``tables`` names the tables the source held: an import changes budget rows only for the tables it
    held (a registry written before programme budgets existed leaves them alone).
    """

    documents: list[CitedDocument] = field(default_factory=list)
    org_units: list[OrgUnit] = field(default_factory=list)
    unit_changes: list[UnitChange] = field(default_factory=list)  # successor links (merge, split, ...)
    plans: list[Plan] = field(default_factory=list)
    contents: dict[str, PlanBundle] = field(default_factory=dict)
    plan_sources: dict[str, Provenance] = field(default_factory=dict)
    capital_plans: list[CapitalPlan] = field(default_factory=list)
    disbursements: list[Disbursement] = field(default_factory=list)
    disbursement_targets: list[DisbursementTarget] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    round_rules: list[RoundRule] = field(default_factory=list)  # validation rules of reporting rounds, per plan
    tables: set[str] = field(default_factory=set)

    def plan(self, code: str) -> Plan | None:
        return next((p for p in self.plans if p.code == code), None)

    def descendants(self, code: str) -> list[Plan]:
        """Plans below ``code`` in the parent chain, in registry order."""
        below: set[str] = {code}
        changed = True
        while changed:
            changed = False
            for p in self.plans:
                if p.parent_code in below and p.code not in below:
                    below.add(p.code)
                    changed = True
        return [p for p in self.plans if p.code in below and p.code != code]

    def bundle(self, code: str) -> PlanBundle | None:
        """The plan's bundle as ``load_bundle`` returns it: content plus related plans and org units."""
        plan = self.plan(code)
        if plan is None:
            return None
        content = self.contents.get(code) or PlanBundle(plan=plan)
        return PlanBundle(
            plan=plan,
            groups=list(content.groups),
            indicators=list(content.indicators),
            targets=list(content.targets),
            observations=list(content.observations),
            org_units=list(self.org_units),
            related_plans=self.descendants(code),
            stated_counts=list(content.stated_counts),
        )

    def budget(self) -> ProgrammeBudget:
        """The programme budget rows with the plans and org units they refer to."""
        return ProgrammeBudget(plans=list(self.plans), capital_plans=list(self.capital_plans),
                               disbursements=list(self.disbursements), targets=list(self.disbursement_targets),
                               org_units=list(self.org_units))

    def counts(self) -> dict[str, int]:
        """How many records of each table (keys are the registry table names)."""
        bundles = list(self.contents.values())
        return {
            "documents": len(self.documents),
            "plans": len(self.plans),
            "org_units": len(self.org_units),
            "unit_changes": len(self.unit_changes),
            "groups": sum(len(b.groups) for b in bundles),
            "indicators": sum(len(b.indicators) for b in bundles),
            "targets": sum(len(b.targets) for b in bundles),
            "observations": sum(len(b.observations) for b in bundles),
            "stated_counts": sum(len(b.stated_counts) for b in bundles),
            "round_rules": len(self.round_rules),
            "capital_plans": len(self.capital_plans),
            "disbursements": len(self.disbursements),
            "disbursement_targets": len(self.disbursement_targets),
            "tasks": len(self.tasks),
        }

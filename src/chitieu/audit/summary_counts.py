"""(e) The counts a report states about its own table ("12 chỉ tiêu vượt, 10 … đạt") against its rows.

Stated counts are data (``StatedCount``, a registry table): the plan's bundle carries them.
Rows are counted from the official verdicts printed in the table (``Observation.stated_verdict``) of
the as-of column (period ending in ``year``) and the end-of-term column (period ending at the
plan's last year).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from chitieu.audit.context import province_columns
from chitieu.audit.findings import Finding, Severity, make_finding
from chitieu.domain.bundle import PlanBundle
from chitieu.domain.observations import Observation
from chitieu.domain.stated_counts import StatedCount
from chitieu.messages import msg
from chitieu.vocab.verdicts import Status, parse_verdict

SUCCESS = frozenset({Status.EXCEEDED, Status.ACHIEVED})


@dataclass(frozen=True, slots=True)
class TableView:
    """The table's rows as the counts see them: verdicts of the as-of and end-of-term columns."""

    bundle: PlanBundle
    midterm: dict[str, Status]  # indicator code → official verdict, as-of column
    final: dict[str, Status]

    def count(self, predicate: Callable[[str], bool]) -> int:
        return sum(1 for code in self.rows if predicate(code))

    @property
    def rows(self) -> list[str]:
        return [t.indicator_code for t in self.bundle.targets if self.bundle.current_target(t.indicator_code) is t]


def _groups(view: TableView) -> int:
    codes = {c for c in view.rows}
    return len({i.group_code for i in view.bundle.indicators if i.code in codes and i.group_code})


def _numbered(view: TableView) -> int:
    codes = set(view.rows)
    return len({i.number for i in view.bundle.indicators if i.code in codes and i.number})


def _numbered_met(view: TableView) -> int:
    by_number: dict[str, list[str]] = {}
    for ind in view.bundle.indicators:
        if ind.number and ind.code in set(view.rows):
            by_number.setdefault(ind.number, []).append(ind.code)
    return sum(1 for codes in by_number.values() if all(view.midterm.get(c) in SUCCESS for c in codes))


def _mid(status: Status) -> Callable[[TableView], int]:
    return lambda v: v.count(lambda c: v.midterm.get(c) is status)


# category → how to count it in the table; its Vietnamese label is the catalogue's "audit_category_<category>"
CATEGORIES: dict[str, Callable[[TableView], int]] = {
    "groups": _groups,
    "indicators": _numbered,
    "components": lambda v: len(v.rows),
    "exceeded": _mid(Status.EXCEEDED),
    "achieved": _mid(Status.ACHIEVED),
    "met": lambda v: v.count(lambda c: v.midterm.get(c) in SUCCESS),
    "on_track": lambda v: v.count(lambda c: v.midterm.get(c) not in SUCCESS and v.final.get(c) in SUCCESS),
    "at_risk": lambda v: v.count(lambda c: v.final.get(c) is Status.AT_RISK),
    "indicators_met": _numbered_met,
}


def _column(observations: Sequence[Observation]) -> dict[str, Status]:
    found: dict[str, Status] = {}
    for obs in observations:
        status = parse_verdict(obs.stated_verdict)
        if status is not None:
            found[obs.indicator_code] = status
    return found


def table_view(bundle: PlanBundle, year: int) -> TableView:
    columns = province_columns(bundle)
    end_year = bundle.plan.term_end or max((p.end for p in columns), default=year)
    mid = [o for p, obs in columns.items() if p.end == year for o in obs]
    end = [o for p, obs in columns.items() if p.end == end_year and p.end != year for o in obs]
    return TableView(bundle, _column(mid), _column(end))


def check_summary_counts(bundle: PlanBundle, stated: Sequence[StatedCount]) -> list[Finding]:
    findings: list[Finding] = []
    views: dict[int, TableView] = {}
    for claim in stated:
        if claim.plan_code != bundle.plan.code or claim.category not in CATEGORIES:
            continue
        view = views.setdefault(claim.year, table_view(bundle, claim.year))
        counted = CATEGORIES[claim.category](view)
        if counted == claim.count:
            continue
        findings.append(
            make_finding(
                "count_mismatch",
                Severity.WARNING,
                period=str(claim.year),
                expected=str(counted),
                actual=str(claim.count),
                locations=(claim.provenance.short() if claim.provenance else "",),
                label=msg(f"audit_category_{claim.category}"),
            )
        )
    return findings

"""Totals of programme budgets: capital planned and disbursed for a node, unit, source and kind (pure).

A figure recorded for a programme node is that node's total, its components included, as report tables
print it. When a node has no figure of its own for what is asked, it is put together from what it has:

1. the period's own capital and the capital carried over (``kind`` None asked),
2. the sources, each counted once (``source`` None asked: a "central budget" figure covers its investment
   and recurrent parts, so they are not added again),
3. the units the node allocated to (``unit`` None asked),
4. the node's components (programme → component project → sub-project).

Disbursements are cumulative: for a day, each figure used is the latest one on or before it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from chitieu.domain.observations import ObservationFlag, Period
from chitieu.domain.programmes import CapitalKind, CapitalPlan, CapitalSource, Disbursement, ProgrammeBudget

# A source figure that covers others: when both are present only the covering one is counted.
COVERS: dict[CapitalSource, frozenset[CapitalSource]] = {
    CapitalSource.STATE_BUDGET: frozenset({
        CapitalSource.CENTRAL_BUDGET, CapitalSource.CENTRAL_INVESTMENT, CapitalSource.CENTRAL_RECURRENT,
        CapitalSource.LOCAL_BUDGET, CapitalSource.LOCAL_INVESTMENT, CapitalSource.LOCAL_RECURRENT,
        CapitalSource.INVESTMENT, CapitalSource.RECURRENT}),
    CapitalSource.CENTRAL_BUDGET: frozenset({CapitalSource.CENTRAL_INVESTMENT, CapitalSource.CENTRAL_RECURRENT}),
    CapitalSource.LOCAL_BUDGET: frozenset({CapitalSource.LOCAL_INVESTMENT, CapitalSource.LOCAL_RECURRENT}),
    CapitalSource.INVESTMENT: frozenset({CapitalSource.CENTRAL_INVESTMENT, CapitalSource.LOCAL_INVESTMENT}),
    CapitalSource.RECURRENT: frozenset({CapitalSource.CENTRAL_RECURRENT, CapitalSource.LOCAL_RECURRENT}),
}
KINDS = (CapitalKind.ANNUAL, CapitalKind.CARRIED_OVER)
MEASURED_FLAGS = (ObservationFlag.ACTUAL, ObservationFlag.ESTIMATE)


def disjoint_sources(present: Iterable[CapitalSource]) -> list[CapitalSource]:
    """The sources to add up for an all-sources total: a source covered by another present one is dropped."""
    found = set(present)
    covered = {s for c in found for s in COVERS.get(c, frozenset())}
    return [s for s in CapitalSource if s in found and s not in covered]


@dataclass(frozen=True, slots=True)
class Amount:
    """A total and how it was obtained: ``as_of`` is the latest day of the disbursement figures used."""

    value: float
    derived: bool = False  # put together from parts rather than recorded as such
    as_of: date | None = None
    mixed_days: bool = False  # parts reported up to different days


def _add(parts: list[Amount]) -> Amount | None:
    if not parts:
        return None
    days = {p.as_of for p in parts if p.as_of is not None}
    return Amount(sum(p.value for p in parts), True, max(days) if days else None,
                  len(days) > 1 or any(p.mixed_days for p in parts))


Scope = tuple[str, str | None, CapitalSource | None, CapitalKind | None]


class BudgetTotals:
    """Totals of one period's capital and disbursements over a budget, with the fallbacks above."""

    def __init__(self, budget: ProgrammeBudget, period: Period, flags: tuple[ObservationFlag, ...] = MEASURED_FLAGS):
        self.budget = budget
        self.period = period
        self.capital = [c for c in budget.capital_plans if c.period == period]
        self.disbursed = [d for d in budget.disbursements if d.period == period and d.flag in flags]
        self.figures: list[CapitalPlan | Disbursement] = [*self.capital, *self.disbursed]
        self._children: dict[str, list[str]] = {}
        for p in budget.plans:
            if p.parent_code:
                self._children.setdefault(p.parent_code, []).append(p.code)

    # -- what is present ---------------------------------------------------------------------------------
    def subtree(self, code: str) -> set[str]:
        found, todo = {code}, [code]
        while todo:
            for child in self._children.get(todo.pop(), []):
                if child not in found:
                    found.add(child)
                    todo.append(child)
        return found

    def units_of(self, code: str) -> list[str]:
        """Units that hold figures for the node or its components, in order of first appearance."""
        codes = self.subtree(code)
        seen: dict[str, None] = {}
        for r in self.figures:
            if r.plan_code in codes and r.org_unit_code is not None:
                seen.setdefault(r.org_unit_code, None)
        return list(seen)

    def sources_of(self, code: str, unit: str | None = None) -> list[CapitalSource]:
        codes = self.subtree(code)
        found = {r.source for r in self.figures if r.plan_code in codes and r.source is not None
                 and (unit is None or r.org_unit_code == unit)}
        return [s for s in CapitalSource if s in found]

    def has_own_data(self, code: str) -> bool:
        return any(r.plan_code == code for r in self.figures)

    def has_data(self, code: str, unit: str | None = None) -> bool:
        codes = self.subtree(code)
        return any(r.plan_code in codes and (unit is None or r.org_unit_code == unit)
                   for r in self.figures)

    # -- totals ------------------------------------------------------------------------------------------
    def allocated(self, code: str, unit: str | None, source: CapitalSource | None,
                  kind: CapitalKind | None) -> Amount | None:
        """Capital planned for the scope (triệu đồng)."""
        def exact(scope: Scope) -> Amount | None:
            rows = [c for c in self.capital if _in_scope(c, scope)]
            return Amount(sum(c.amount for c in rows)) if rows else None

        return self._resolve((code, unit, source, kind), exact, {})

    def disbursed_on(self, code: str, unit: str | None, source: CapitalSource | None,
                     kind: CapitalKind | None, day: date) -> Amount | None:
        """Capital disbursed for the scope up to ``day`` (the latest amount on or before it, per figure)."""
        def exact(scope: Scope) -> Amount | None:
            rows = [d for d in self.disbursed if _in_scope(d, scope) and d.as_of <= day and d.amount is not None]
            if not rows:
                return None
            latest = max(rows, key=lambda d: (d.as_of, d.flag is ObservationFlag.ACTUAL))
            return Amount(latest.amount or 0.0, False, latest.as_of)

        return self._resolve((code, unit, source, kind), exact, {})

    def stated_rate_on(self, code: str, unit: str | None, source: CapitalSource | None,
                       kind: CapitalKind | None, day: date) -> Disbursement | None:
        """The latest figure recorded for the scope on or before ``day`` that prints a rate (for all sources, the
        one source's figure when the scope has a single source)."""
        scopes: list[Scope] = [(code, unit, source, kind)]
        if source is None:
            present = disjoint_sources(self.sources_of(code, unit))
            if len(present) == 1:
                scopes.append((code, unit, present[0], kind))
        for scope in scopes:
            rows = [d for d in self.disbursed if _in_scope(d, scope) and d.as_of <= day and d.stated_rate is not None]
            if rows:
                return max(rows, key=lambda d: (d.as_of, d.flag is ObservationFlag.ACTUAL))
        return None

    def days(self, code: str, unit: str | None = None) -> list[date]:
        """Every day with a disbursement figure in the node's subtree (and unit), in order."""
        codes = self.subtree(code)
        return sorted({d.as_of for d in self.disbursed if d.plan_code in codes
                       and (unit is None or d.org_unit_code == unit)})

    def _resolve(self, scope: Scope, exact: Callable[[Scope], Amount | None], memo: dict[Scope, Amount | None]) -> Amount | None:
        """The recorded figure of ``scope``, else the most complete of the ways of putting it together.

        Parts are never negative, so of two ways that both leave something out the larger one leaves out less
        (a node whose sources are split by kind for some and not for others is best added up by source)."""
        if scope in memo:
            return memo[scope]
        memo[scope] = None  # a cycle in the plan tree must not recurse for ever
        found = exact(scope)
        if found is None:
            code, unit, source, kind = scope
            ways: list[list[Scope]] = []
            if kind is None:
                ways.append([(code, unit, source, k) for k in KINDS])
            if source is None:
                ways.append([(code, unit, s, kind) for s in disjoint_sources(self.sources_of(code, unit))])
            if unit is None:
                ways.append([(code, u, source, kind) for u in self.units_of(code)])
            ways.append([(c, unit, source, kind) for c in self._children.get(code, [])])
            totals = [_add([a for part in way if (a := self._resolve(part, exact, memo)) is not None]) for way in ways]
            found = max((t for t in totals if t is not None), key=lambda t: t.value, default=None)
        memo[scope] = found
        return found

def _in_scope(row: CapitalPlan | Disbursement, scope: Scope) -> bool:
    code, unit, source, kind = scope
    return row.plan_code == code and row.org_unit_code == unit and row.source == source and row.kind == kind

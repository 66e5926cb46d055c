"""Aggregation up the hierarchy valid in each period (pure): commune → province → nation, across the merges.

For one indicator (matched across plans by name and unit) and one year, ``resolve_year`` gives every unit's
value, trying in order:

1. ``own``: the unit's own recorded value for the year;
2. ``below``: the units below it in the hierarchy valid that year (``hierarchy_on`` the year's last day),
   combined by the indicator's method, when every one of them has a value;
3. ``predecessors``: for a unit that did not exist yet, the units it was made from (the successor links of
   the 2025 reform), each weighted by the share of it the unit took;
4. ``restated``: the units below it today, when their series were restated on today's boundaries (a unit
   keeps its territory while it keeps its code, unless part of it was transferred).

A unit whose value needs a part that is missing gets none (a total without one commune is not the
province's total); ``missing`` names the units lacking and ``partial`` combines the parts that had a value,
from the way that covered the most of the unit (shown as "of the units with data", never as the total). Sums are for
additive quantities only (vocab/aggregation.py decides); ``mean`` is the unweighted mean of the units below
and the share-weighted mean across merges; ``none`` keeps the units' own values only.

Verdict counts (``VerdictCounts``) add up plainly: a province's counts are the sum of its units'.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from chitieu.domain.org_units import UnitChange, UnitChangeKind
from chitieu.domain.unit_history import Hierarchy
from chitieu.vocab.aggregation import AggregationMethod
from chitieu.vocab.verdicts import Status

BASES = ("own", "below", "predecessors", "restated", "missing")


@dataclass(frozen=True, slots=True)
class UnitValue:
    """A unit's value for a year and how it was obtained (``basis`` one of BASES)."""

    code: str
    year: int
    value: float | None
    basis: str
    parts: int = 0
    missing: tuple[str, ...] = ()
    partial: float | None = None  # without a value: the combination of the parts that had one (not a total)


def year_end(year: int) -> date:
    """The day whose hierarchy a yearly value belongs to (the units as they stood at the year's end)."""
    return date(year, 12, 31)


def _children_index(hierarchy: Hierarchy) -> dict[str, list[str]]:
    """Children of every unit at once (Hierarchy.children scans every unit on each call)."""
    out: dict[str, list[str]] = {}
    for code, parent in hierarchy.parent.items():
        if parent is not None:
            out.setdefault(parent, []).append(code)
    for kids in out.values():
        kids.sort()
    return out


def combine(method: AggregationMethod, parts: list[tuple[float, float]]) -> float:
    """Combine (share, value) parts: the share-weighted sum, or the share-weighted mean."""
    if method is AggregationMethod.SUM:
        return sum(s * v for s, v in parts)
    total = sum(s for s, _ in parts)
    return sum(s * v for s, v in parts) / total


@dataclass(slots=True)
class _Resolver:
    method: AggregationMethod
    own: Mapping[str, float]
    year: int
    then: Hierarchy
    now: Hierarchy
    into: dict[str, list[UnitChange]]
    transferred: set[str]
    reachable: set[str] = field(default_factory=set)
    kids_then: dict[str, list[str]] = field(default_factory=dict)
    kids_now: dict[str, list[str]] = field(default_factory=dict)
    done: dict[str, UnitValue] = field(default_factory=dict)
    busy: set[str] = field(default_factory=set)

    def value(self, code: str) -> UnitValue:
        found = self.done.get(code)
        if found is not None:
            return found
        if code in self.busy:  # a cycle in the data: no value through it
            return UnitValue(code, self.year, None, "missing", 0, (code,))
        self.busy.add(code)
        try:
            result = self._resolve(code)
        finally:
            self.busy.discard(code)
        self.done[code] = result
        return result

    def _resolve(self, code: str) -> UnitValue:
        if code in self.own:
            return UnitValue(code, self.year, self.own[code], "own", 1)
        if self.method is AggregationMethod.NONE or code not in self.reachable:
            return UnitValue(code, self.year, None, "missing", 0, (code,))  # nothing anywhere it could come from
        attempts: list[tuple[str, list[tuple[str, float]]]] = []
        if code in self.then.units:
            attempts.append(("below", [(c, 1.0) for c in self.kids_then.get(code, [])]))
        else:
            attempts.append(("predecessors", self._predecessors(code)))
        if code in self.now.units and code not in self.transferred:
            attempts.append(("restated", [(c, 1.0) for c in self.kids_now.get(code, [])]))
        best: tuple[int, float, tuple[str, ...], float | None] | None = None  # parts, coverage, missing, partial
        for basis, members in attempts:
            if not members:
                continue
            parts: list[tuple[float, float]] = []
            lacking: list[str] = []
            for member, share in members:
                got = self.value(member)
                if got.value is None:
                    lacking.extend(got.missing or (member,))
                else:
                    parts.append((share, got.value))
            if not lacking:
                return UnitValue(code, self.year, combine(self.method, parts), basis, len(parts))
            coverage = len(parts) / len(members)
            if best is None or coverage > best[1]:
                partial = combine(self.method, parts) if parts else None
                best = (len(parts), coverage, tuple(dict.fromkeys(lacking)), partial)
        if best is None:
            return UnitValue(code, self.year, None, "missing", 0, (code,))
        return UnitValue(code, self.year, None, "missing", best[0], best[2], best[3])

    def _predecessors(self, code: str) -> list[tuple[str, float]]:
        """The units valid that year that went into ``code`` (through chains of changes), with shares;
        empty when a share is unknown (a split given only as a list of parts cannot be carried back)."""
        out: dict[str, float] = {}
        todo: list[tuple[str, float, frozenset[str]]] = [(code, 1.0, frozenset({code}))]
        while todo:
            current, share, path = todo.pop()
            for change in self.into.get(current, []):
                p = change.predecessor_code
                if p in path or change.effective_on <= year_end(self.year):
                    continue  # a change already in force that year does not lead back before it
                if change.share is None:
                    return []
                part = share * change.share
                if p in self.then.units:
                    out[p] = out.get(p, 0.0) + part
                else:
                    todo.append((p, part, path | {p}))
        return sorted(out.items())


def resolve_year(method: AggregationMethod, own: Mapping[str, float], year: int, then: Hierarchy, now: Hierarchy,
                 changes: Iterable[UnitChange], codes: Iterable[str]) -> dict[str, UnitValue]:
    """The value of each unit of ``codes`` for ``year`` (``own`` = the recorded values of that year by unit;
    ``then`` = the hierarchy valid at the year's end, ``now`` = today's)."""
    into: dict[str, list[UnitChange]] = {}
    transferred: set[str] = set()
    for change in changes:
        into.setdefault(change.successor_code, []).append(change)
        if change.kind is UnitChangeKind.TRANSFER:
            transferred.update((change.predecessor_code, change.successor_code))
    resolver = _Resolver(method, own, year, then, now, into, transferred, _reachable(own, then, now, into),
                         _children_index(then), _children_index(now))
    return {code: resolver.value(code) for code in codes}


def _reachable(own: Mapping[str, float], then: Hierarchy, now: Hierarchy, into: dict[str, list[UnitChange]]) -> set[str]:
    """Units a value could reach: the units with one, everything above them (that year and today) and what
    they became (and everything above that). A unit outside cannot get a value: the resolver stops there at
    once instead of visiting every unit below it (the old communes of a year nobody reported)."""
    became: dict[str, list[str]] = {}
    for successor, changes in into.items():
        for change in changes:
            became.setdefault(change.predecessor_code, []).append(successor)
    found: set[str] = set()
    todo = list(own)
    while todo:
        code = todo.pop()
        if code in found:
            continue
        found.add(code)
        for hierarchy in (then, now):
            parent = hierarchy.parent.get(code)
            if parent is not None and parent not in found:
                todo.append(parent)
        todo.extend(s for s in became.get(code, ()) if s not in found)
    return found


def parents_of(*hierarchies: Hierarchy) -> set[str]:
    """Units with at least one unit below them in any of the hierarchies (the ones worth a stored total)."""
    return {p for h in hierarchies for p in h.parent.values() if p is not None}


@dataclass(slots=True)
class VerdictCounts:
    """How many targets have each verdict, and the latest period with a value among them."""

    by_status: dict[str, int] = field(default_factory=dict)
    latest_year: int | None = None

    def add(self, status: str, year: int | None = None, n: int = 1) -> None:
        self.by_status[status] = self.by_status.get(status, 0) + n
        if year is not None and (self.latest_year is None or year > self.latest_year):
            self.latest_year = year

    def merge(self, other: VerdictCounts) -> None:
        for status, n in other.by_status.items():
            self.add(status, None, n)
        if other.latest_year is not None and (self.latest_year is None or other.latest_year > self.latest_year):
            self.latest_year = other.latest_year

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    @property
    def met(self) -> int:
        """Targets met (exceeded or achieved)."""
        return self.by_status.get(Status.EXCEEDED.value, 0) + self.by_status.get(Status.ACHIEVED.value, 0)

    @property
    def with_data(self) -> int:
        return self.total - self.by_status.get(Status.NO_DATA.value, 0)

    @property
    def met_percent(self) -> float | None:
        """Share of the targets with data that are met (None without any)."""
        return None if not self.with_data else round(100.0 * self.met / self.with_data, 1)

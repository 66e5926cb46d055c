"""Org units through time (pure): the hierarchy valid on a day, and values carried across merges and splits.

The 2025 reorganisation abolished districts (from 1 July 2025), merged communes and merged provinces. A
series kept per unit breaks there unless it is mapped: a new commune's 2023 value is the sum of the 2023
values of the communes it was made from (each weighted by the share of it the new commune took). These
functions do that mapping on plain data; the store, services and the national aggregation call them.

- ``hierarchy_on(units, day)``: the units valid on ``day``, each under its nearest ancestor still valid
  that day (a commune of an abolished district hangs under the province).
- ``predecessors(changes, code)``: every unit whose territory went (directly or through a chain of
  changes) into ``code``, with the share of it that did.
- ``successors_on(changes, code, day)``: the units ``code`` had become by ``day``, with shares.
- ``carry_over(values, code, changes)``: the value of ``code`` computed from values of the units it was
  made from (``MappedValue`` says which parts were used and whether anything was missing).
- ``map_series(series, code, changes)``: a per-period series for ``code`` across the reform.
- ``rollup(values, hierarchy)``: totals up the hierarchy valid on the day (own value first, else the sum
  of the units below).

Only additive quantities (population, money, counts) may be summed; a rate (percent, per capita) must be
carried as the additive parts it is made of. ``how="mean"`` gives the share-weighted mean instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from chitieu.domain.org_units import OrgUnit, UnitChange, UnitChangeKind

Combine = Literal["sum", "mean"]


@dataclass(frozen=True, slots=True)
class Hierarchy:
    """The units valid on ``day`` with each one's parent that day (nearest valid ancestor; None = a root)."""

    day: date
    units: dict[str, OrgUnit]
    parent: dict[str, str | None]

    def children(self, code: str) -> list[str]:
        return [c for c, p in self.parent.items() if p == code]

    def descendants(self, code: str) -> list[str]:
        """Every unit below ``code`` that day, breadth first."""
        out: list[str] = []
        todo = self.children(code)
        while todo:
            current = todo.pop(0)
            out.append(current)
            todo.extend(self.children(current))
        return out

    def roots(self) -> list[str]:
        return [c for c, p in self.parent.items() if p is None]

    def path(self, code: str) -> list[str]:
        """``code`` and its ancestors that day, up to the root."""
        out: list[str] = []
        current: str | None = code
        while current is not None and current not in out:
            out.append(current)
            current = self.parent.get(current)
        return out


def hierarchy_on(units: Iterable[OrgUnit], day: date) -> Hierarchy:
    """The hierarchy valid on ``day``: units valid that day, parents skipped up to the nearest valid one."""
    every = {u.code: u for u in units}
    valid = {code: u for code, u in every.items() if u.valid_on(day)}
    parent: dict[str, str | None] = {}
    for code, unit in valid.items():
        seen = {code}
        up = unit.parent_code
        while up is not None and up not in valid and up in every and up not in seen:
            seen.add(up)
            up = every[up].parent_code
        parent[code] = up if up in valid else None
    return Hierarchy(day, valid, parent)


def _product(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else a * b


def predecessors(changes: Iterable[UnitChange], code: str, *, after: date | None = None) -> dict[str, float | None]:
    """Units whose territory went into ``code`` (transitively), with the share of each that did (None: unknown).

    With ``after``, only changes effective after that day are followed (the units as they were on it).
    ``code`` itself is not included. A unit reached by two paths gets the sum of the shares.
    """
    into: dict[str, list[UnitChange]] = {}
    for change in changes:
        if after is None or change.effective_on > after:
            into.setdefault(change.successor_code, []).append(change)
    found: dict[str, float | None] = {}
    todo: list[tuple[str, float | None, frozenset[str]]] = [(code, 1.0, frozenset({code}))]
    while todo:
        current, share, path = todo.pop()
        for change in into.get(current, []):
            p = change.predecessor_code
            if p in path:  # a cycle in the data: stop there
                continue
            part = _product(share, change.share)
            _add(found, p, part)
            todo.append((p, part, path | {p}))
    return found


def successors_on(changes: Iterable[UnitChange], code: str, day: date) -> dict[str, float | None]:
    """The units ``code`` had become by ``day`` (the end of every chain of changes effective by then), with the
    share of ``code`` each holds; ``{code: 1.0}`` when nothing happened to it. A transfer keeps the rest of
    the predecessor in place (its share is 1 minus what was transferred, when known)."""
    out_of: dict[str, list[UnitChange]] = {}
    for change in changes:
        if change.effective_on <= day:
            out_of.setdefault(change.predecessor_code, []).append(change)
    result: dict[str, float | None] = {}
    todo: list[tuple[str, float | None, frozenset[str]]] = [(code, 1.0, frozenset({code}))]
    while todo:
        current, share, path = todo.pop()
        going = [c for c in out_of.get(current, []) if c.successor_code not in path]
        if not going or all(c.kind is UnitChangeKind.TRANSFER for c in going):
            kept = share
            for c in going:
                moved = _product(share, c.share)
                kept = None if kept is None or moved is None else kept - moved
            _add(result, current, kept)
        for c in going:
            todo.append((c.successor_code, _product(share, c.share), path | {c.successor_code}))
    return result


def _add(into: dict[str, float | None], code: str, share: float | None) -> None:
    if code in into:
        before = into[code]
        into[code] = None if before is None or share is None else before + share
    else:
        into[code] = share


@dataclass(frozen=True, slots=True)
class MappedValue:
    """A value computed for a unit from the values of other units (or its own).

    ``parts`` are (unit code, share, value) used; ``missing`` the units that should have contributed but had
    no value or an unknown share; ``value`` is None unless the value is ``complete``.
    """

    code: str
    value: float | None
    parts: tuple[tuple[str, float, float], ...] = ()
    missing: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        return self.value is not None and not self.missing


def carry_over(values: Mapping[str, float], code: str, changes: Iterable[UnitChange], *,
               how: Combine = "sum") -> MappedValue:
    """The value of ``code`` from ``values`` keyed by unit: its own when given, else built from the units it
    was made from (nearest first: a predecessor with a value is used whole, its own predecessors are not)."""
    if code in values:
        return MappedValue(code, values[code], ((code, 1.0, values[code]),))
    changes = list(changes)
    into: dict[str, list[UnitChange]] = {}
    for change in changes:
        into.setdefault(change.successor_code, []).append(change)
    parts: list[tuple[str, float, float]] = []
    missing: list[str] = []

    def walk(current: str, share: float | None, path: frozenset[str]) -> None:
        ins = into.get(current, [])
        if not ins or any(c.kind is UnitChangeKind.TRANSFER for c in ins):
            missing.append(current)  # nothing it was made of, or it existed before and only gained a part
            return
        for c in ins:
            p, part = c.predecessor_code, _product(share, c.share)
            if p in path:
                continue
            if part is None:
                missing.append(p)
            elif p in values:
                parts.append((p, part, values[p]))
            else:
                walk(p, part, path | {p})

    walk(code, 1.0, frozenset({code}))
    if missing or not parts:
        return MappedValue(code, None, tuple(parts), tuple(dict.fromkeys(missing or [code])))
    if how == "mean":
        total_share = sum(s for _, s, _ in parts)
        value = sum(s * v for _, s, v in parts) / total_share
    else:
        value = sum(s * v for _, s, v in parts)
    return MappedValue(code, value, tuple(parts))


def map_series(series: Mapping[int, Mapping[str, float]], code: str, changes: Iterable[UnitChange], *,
               how: Combine = "sum") -> dict[int, MappedValue]:
    """A series for ``code`` across reorganisations: for each period key (e.g. the year) the unit's own value,
    else the value carried over from the units it was made from."""
    changes = list(changes)
    return {key: carry_over(values, code, changes, how=how) for key, values in sorted(series.items())}


@dataclass(frozen=True, slots=True)
class Rollup:
    """Totals of every unit of a hierarchy: ``values`` for units with a complete figure, ``incomplete`` for
    units whose total misses a part (the codes missing)."""

    values: dict[str, float] = field(default_factory=dict)
    incomplete: dict[str, tuple[str, ...]] = field(default_factory=dict)


def rollup(values: Mapping[str, float], hierarchy: Hierarchy) -> Rollup:
    """Each unit's value that day: its own when given, else the sum of its children's (bottom-up)."""
    out: dict[str, float] = {}
    incomplete: dict[str, tuple[str, ...]] = {}

    def total(code: str) -> None:
        if code in out or code in incomplete:
            return
        if code in values:
            out[code] = values[code]
            return
        children = hierarchy.children(code)
        if not children:
            incomplete[code] = (code,)
            return
        for child in children:
            total(child)
        lacking = tuple(m for child in children for m in incomplete.get(child, ()))
        if lacking:
            incomplete[code] = lacking
        else:
            out[code] = sum(out[child] for child in children)

    for root in hierarchy.roots():
        total(root)
    return Rollup(out, incomplete)

"""Validate the ``unit_changes`` table of the exchange format (pure): successor links between org units.

A row says that from ``effective_on`` the share ``weight`` of ``predecessor_code`` belongs to
``successor_code`` (kind merge, split, rename or transfer; see ``chitieu.domain.UnitChange``). Checks:
both units exist, a unit does not succeed itself, the weight is a share (0 < w ≤ 1, "40%" = 0,4), the shares a
predecessor gives away on one day add up to at most 1, a merged, split or renamed unit has ended before the
change takes effect and its successor has begun by then. Every problem names the file, row and column.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from chitieu.domain import OrgUnit, UnitChange, UnitChangeKind
from chitieu.messages import msg
from chitieu.registry.cells import Cells

if TYPE_CHECKING:
    from chitieu.registry.parse import _Builder

SHARE_SLACK = 1e-6  # rounding allowed when shares given as printed ("33,3%") add up


def _weight(c: Cells) -> float | None:
    raw = c.text("weight")
    value = c.number("weight")
    if value is None:
        return None
    if raw.endswith("%"):
        value /= 100
    if not 0 < value <= 1:
        c.problem("bad_value", "weight", value=raw, reason=msg("reason_share_range"))
        return None
    return value


def _unit(builder: _Builder, c: Cells, column: str, units: dict[str, OrgUnit]) -> str:
    code = c.required(column)
    if code and code not in units and not builder.already_reported("org_units", code):
        c.problem("unknown_reference", column, value=code)
    return code


def read_unit_changes(builder: _Builder) -> None:
    units = {u.code: u for u in builder.registry.org_units}
    seen: set[object] = set()
    given: dict[tuple[str, object], tuple[float, Cells]] = {}

    def each(c: Cells) -> None:
        before = _unit(builder, c, "predecessor_code", units)
        after = _unit(builder, c, "successor_code", units)
        day = c.day("effective_on")
        if c.text("effective_on") == "":
            c.problem("missing_value", "effective_on")
        kind = c.choice("kind", UnitChangeKind, UnitChangeKind.MERGE) or UnitChangeKind.MERGE
        weight = _weight(c)
        source = builder.provenance(c)
        if before and before == after:
            c.problem("bad_value", "successor_code", value=after, reason=msg("reason_unit_succeeds_itself"))
        if day is not None and before in units and kind is not UnitChangeKind.TRANSFER:
            ended = units[before].valid_to
            if ended is not None and ended >= day:
                c.problem("bad_value", "effective_on", value=day.isoformat(),
                          reason=msg("reason_change_before_end", unit=before, day=ended.isoformat()))
        if day is not None and after in units:
            begun = units[after].valid_from
            if begun is not None and begun > day:
                c.problem("bad_value", "effective_on", value=day.isoformat(),
                          reason=msg("reason_change_before_start", unit=after, day=begun.isoformat()))
        if c.failed or day is None or not before or not after:
            return
        if not builder.unique(c, seen, (before, after, day), f"{before} → {after} ({day.isoformat()})"):
            return
        change = UnitChange(before, after, day, kind, weight, c.text("note"), source)
        if change.share is not None and kind in (UnitChangeKind.SPLIT, UnitChangeKind.TRANSFER, UnitChangeKind.MERGE):
            total, _ = given.get((before, day), (0.0, c))
            total += change.share
            given[(before, day)] = (total, c)
            if total > 1 + SHARE_SLACK:
                c.problem("unit_change_shares_over", "weight", value=c.text("weight") or "1",
                          unit=before, day=day.isoformat())
                return
        builder.registry.unit_changes.append(change)

    builder.rows("unit_changes", each)

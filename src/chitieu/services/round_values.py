"""Values of a reporting round: written as officials write them, versioned, audited per value.

``put_value`` reads "47,5", ">5", "9-10", "Hoàn thành", "Chưa có số liệu" with the registry's cell grammar,
the flag as written (thực hiện / ước / dự ước), and keeps a note. The unit must be one the actor may write
for (officers and approvers: their units), the unit must be in draft or returned, the round open. A write
based on an old version (``expected_version``) is refused with the value someone else saved meanwhile. Each
change records one event (entity ``round_value``): who, when, old → new, reason, source (form, api, file, claim).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chitieu.domain import Actor, ObservationFlag, Op
from chitieu.domain.rounds import UnitAction, UnitStatus, may_act
from chitieu.messages import ChitieuError, msg
from chitieu.quantities import QuantityError, parse_quantity
from chitieu.registry.schema import choice_of
from chitieu.registry.text_cells import read_words_cell
from chitieu.services.concurrency import check_version
from chitieu.services.events import record_event
from chitieu.services.rounds import now, require_open, round_row, round_unit
from chitieu.store.models import IndicatorRow, OrgUnitRow
from chitieu.store.models_rounds import RoundUnitRow, RoundValueRow
from chitieu.vocab.units import conversion_factor, normalise_unit_text

MAX_TEXT = 500
MAX_NOTE = 4000


@dataclass(frozen=True, slots=True)
class ValueInfo:
    round_id: int
    unit: str
    indicator: str
    name: str
    unit_of_measure: str
    text: str
    value: float | None
    op: str | None
    flag: str
    note: str
    lead: bool
    version: int
    updated_by: str
    updated_at: datetime | None

    def to_json(self) -> dict[str, Any]:
        return {"round": self.round_id, "unit": self.unit, "indicator": self.indicator, "name": self.name,
                "unit_of_measure": self.unit_of_measure, "text": self.text, "value": self.value, "op": self.op,
                "flag": self.flag, "note": self.note, "lead": self.lead, "version": self.version,
                "updated_by": self.updated_by, "updated_at": self.updated_at.isoformat() if self.updated_at else None}


def _unit_scale(written: str, unit_of_measure: str) -> float | None:
    """The factor from a unit written after the number to the indicator's unit; None when it does not belong.

    "1O" (letter O for zero) reads as 1 with the unit "o": that must be refused, not stored as 1.
    A catalogued unit of the same dimension converts ("1,2 tỷ đồng" for triệu đồng is 1.200); the
    indicator's own unit or its leading words ("triệu đồng" for "triệu đồng/người") are taken as written.
    """
    factor = conversion_factor(written, unit_of_measure)
    if factor is not None:
        return factor
    wrote, wanted = normalise_unit_text(written), normalise_unit_text(unit_of_measure)
    return 1.0 if len(wrote) > 1 and wanted.startswith(wrote) else None


def read_value_text(text: str, unit_of_measure: str | None = None) -> tuple[Op | None, float | None]:
    """(op, value) of a value as written; ``ValueError`` when it cannot be read. Empty text clears the value.

    With the indicator's ``unit_of_measure``, a unit written after the number must belong with it and is
    converted to it (see ``_unit_scale``).
    """
    text = text.strip()
    if not text:
        return None, None
    try:
        q = parse_quantity(text)
    except QuantityError:
        words = read_words_cell(text, target=False)
        if words is None:
            raise ValueError(text) from None
        return words.op, words.value
    scale = 1.0
    if q.unit and q.boolean is None and unit_of_measure is not None:
        found = _unit_scale(q.unit, unit_of_measure)
        if found is None:
            raise ValueError(text)
        scale = found
    if q.op is Op.RANGE:
        return Op.EQ, None if q.point is None else q.point * scale
    if q.op is Op.DONE:
        return Op.DONE, 1.0 if q.boolean is not False else 0.0
    return q.op, None if q.value is None else q.value * scale


def parse_flag(text: str | None) -> ObservationFlag | None:
    if text is None or not text.strip():
        return None
    found = choice_of(ObservationFlag, text)
    if found is None:
        raise ChitieuError("round_bad_flag", value=text)
    return found


def _info(round_id: int, unit: str, indicator: IndicatorRow, row: RoundValueRow) -> ValueInfo:
    return ValueInfo(round_id, unit, indicator.code, indicator.name, indicator.unit, row.text, row.value, row.op,
                     row.flag, row.note, row.lead, row.version, row.updated_by, row.updated_at)


def value_row(session: Session, unit_row: RoundUnitRow, indicator_code: str, round_id: int,
              unit_code: str) -> tuple[RoundValueRow, IndicatorRow]:
    found = session.execute(
        select(RoundValueRow, IndicatorRow).join(IndicatorRow, RoundValueRow.indicator_id == IndicatorRow.id)
        .where(RoundValueRow.round_unit_id == unit_row.id, IndicatorRow.code == indicator_code)
    ).first()
    if found is None:
        raise ChitieuError("round_indicator_not_found", indicator=indicator_code, unit=unit_code, id=round_id)
    return found[0], found[1]


def check_may(actor: Actor, action: UnitAction, unit_code: str) -> None:
    if not may_act(actor, action, unit_code):
        raise ChitieuError("round_forbidden", role=actor.role, action=msg(f"round_action_{action.value}"), unit=unit_code)


def put_value(
    session: Session, actor: Actor, round_id: int, unit_code: str, indicator_code: str, *, text: str,
    flag: str | None = None, note: str | None = None, expected_version: int | None = None, source: str = "api",
    reason: str = "",
) -> ValueInfo:
    """Write (or clear, with empty text) one value of a unit in a round; returns it with its new version."""
    row = round_row(session, actor, round_id)
    check_may(actor, UnitAction.WRITE, unit_code)
    unit_row, _ = round_unit(session, round_id, unit_code)
    value, indicator = value_row(session, unit_row, indicator_code, round_id, unit_code)
    require_open(row)
    status = UnitStatus(unit_row.status)
    if not status.writable:
        raise ChitieuError("round_unit_locked", unit=unit_code, status=status.label_vi)
    if len(text) > MAX_TEXT or (note is not None and len(note) > MAX_NOTE):
        raise ChitieuError("round_value_too_long", maximum=MAX_TEXT, note_maximum=MAX_NOTE)
    try:
        op, number = read_value_text(text, indicator.unit or "")
    except ValueError:
        raise ChitieuError("round_value_unreadable", text=text, indicator=indicator_code, unit=unit_code) from None
    new_flag = parse_flag(flag)
    check_version(value, expected_version, what=msg("what_round_value", indicator=indicator_code, unit=unit_code),
                  value=lambda: value.text or msg("round_value_empty"), session=session, entity="round_value")
    before = {"text": value.text, "flag": value.flag, "note": value.note}
    after = {"text": text.strip(), "flag": (new_flag or ObservationFlag(value.flag)).value,
             "note": value.note if note is None else note.strip()}
    if before == after:
        return _info(round_id, unit_code, indicator, value)
    value.text, value.flag, value.note = after["text"], after["flag"], after["note"]
    value.op, value.value = (op.value if op else None), number
    value.source, value.updated_by, value.updated_at = source, actor.name, now()
    session.flush()
    record_event(session, actor, action="round.value", entity="round_value", entity_id=value.id,
                 key=f"{round_id}/{unit_code}/{indicator_code}", before=before, after=after,
                 reason=reason.strip(), context={"round": round_id, "unit": unit_code, "indicator": indicator_code,
                                                 "source": source})
    return _info(round_id, unit_code, indicator, value)


def unit_values(session: Session, actor: Actor, round_id: int, unit_code: str) -> list[ValueInfo]:
    """The values a unit reports in a round, in the plan's order (anyone who may read the workspace)."""
    round_row(session, actor, round_id)
    unit_row, _ = round_unit(session, round_id, unit_code)
    rows = session.execute(
        select(RoundValueRow, IndicatorRow).join(IndicatorRow, RoundValueRow.indicator_id == IndicatorRow.id)
        .where(RoundValueRow.round_unit_id == unit_row.id).order_by(IndicatorRow.position, IndicatorRow.id)
    ).all()
    return [_info(round_id, unit_code, indicator, value) for value, indicator in rows]


def round_values(session: Session, actor: Actor, round_id: int) -> dict[str, list[ValueInfo]]:
    """Every unit's values in a round (unit code → values)."""
    round_row(session, actor, round_id)
    codes = session.scalars(
        select(OrgUnitRow.code).join(RoundUnitRow, RoundUnitRow.org_unit_id == OrgUnitRow.id)
        .where(RoundUnitRow.round_id == round_id).order_by(RoundUnitRow.id))
    return {code: unit_values(session, actor, round_id, code) for code in codes}

"""Values of a unit approved at province level (locked) become the plan's observations.

When the office locks a unit's report, each written value with a figure is stored as an observation of the
round's plan for the round's period, with its flag (thực hiện / ước / dự ước), for the unit (the plan's whole
area when the unit is the top of the hierarchy, e.g. the province), replacing an earlier value of the same
indicator, unit, period and flag; the assessment, dashboards and reports then use it. Each observation
written records an event naming the round. A half-year round publishes nothing: six-month figures are not
the year's.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from chitieu.domain import Actor
from chitieu.domain.rounds import PeriodKind
from chitieu.messages import msg
from chitieu.services.bulk_assess import SeriesKey
from chitieu.services.events import record_event
from chitieu.services.summaries import refresh_touched
from chitieu.store.models import IndicatorRow, ObservationRow, OrgUnitRow
from chitieu.store.models_rounds import RoundRow, RoundUnitRow, RoundValueRow


def publish_unit(session: Session, actor: Actor, round_row: RoundRow, unit_row: RoundUnitRow) -> int:
    """Store the unit's values as observations; returns how many were created or changed."""
    if round_row.period_kind == PeriodKind.HALF_YEAR:
        return 0
    org = session.get(OrgUnitRow, unit_row.org_unit_id)
    assert org is not None
    org_unit_id = None if org.parent_id is None else org.id
    location = msg("round_source_location", round=round_row.id, title=round_row.title, unit=org.code)
    rows = session.execute(
        select(RoundValueRow, IndicatorRow).join(IndicatorRow, RoundValueRow.indicator_id == IndicatorRow.id)
        .where(RoundValueRow.round_unit_id == unit_row.id, RoundValueRow.text != "", RoundValueRow.value.is_not(None))
    ).all()
    changed = 0
    touched: list[SeriesKey] = []
    for value, indicator in rows:
        query = select(ObservationRow).where(
            ObservationRow.indicator_id == indicator.id, ObservationRow.period_start == round_row.period_start,
            ObservationRow.period_end == round_row.period_end, ObservationRow.flag == value.flag,
            ObservationRow.org_unit_id.is_(None) if org_unit_id is None else ObservationRow.org_unit_id == org_unit_id)
        existing = session.scalars(query).first()
        after = {"value": value.value, "op": value.op or "=", "text": value.text, "source_location": location,
                 "source_quote": value.note[:200]}
        if existing is None:
            existing = ObservationRow(indicator_id=indicator.id, org_unit_id=org_unit_id, period_start=round_row.period_start,
                                      period_end=round_row.period_end, flag=value.flag, **after)
            session.add(existing)
            before = None
        else:
            before = {k: getattr(existing, k) for k in after}
            if before == after:
                continue
            for k, v in after.items():
                setattr(existing, k, v)
        session.flush()
        changed += 1
        touched.append(SeriesKey(indicator.id, org_unit_id))
        period = f"{round_row.period_start}-{round_row.period_end}" if round_row.period_start != round_row.period_end \
            else str(round_row.period_start)
        record_event(session, actor, action="round.publish", entity="observation", entity_id=existing.id,
                     key=f"{indicator.code}/{org.code if org_unit_id else ''}/{period}/{value.flag}", before=before,
                     after=after, context={"round": round_row.id, "unit": org.code, "indicator": indicator.code})
    refresh_touched(session, actor, series=touched)  # the dashboard summaries follow the write
    return changed

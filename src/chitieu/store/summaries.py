"""The SQL side of the dashboard summaries (inside the caller's transaction): reading what the aggregation
needs, writing the materialised rows in bulk (PostgreSQL ``COPY``, SQLite ``executemany``) and counting
verdicts per plan and unit in the database."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam, delete, select, text
from sqlalchemy.orm import Session

from chitieu.domain.org_units import OrgUnit, UnitChange, UnitChangeKind
from chitieu.store.models import IndicatorRow, OrgUnitRow, PlanRow
from chitieu.store.models_summaries import (
    STATUS_COLUMNS,
    SummaryCountRow,
    SummaryStateRow,
    SummaryTargetRow,
    SummaryValueRow,
)

TARGET_COLUMNS = ("workspace_id", "plan_id", "indicator_id", "org_unit_id", "status", "value", "ratio", "period",
                  "latest_year")
COUNT_COLUMNS = ("workspace_id", "scope", "plan_id", "unit_id", *STATUS_COLUMNS, "total", "latest_year")
VALUE_COLUMNS = ("workspace_id", "indicator_key", "name", "unit", "method", "org_unit_id", "year", "value", "partial", "basis",
                 "parts", "missing", "missing_codes")


def bulk_insert(session: Session, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Insert plain tuples: COPY on PostgreSQL (ids from the table's sequence), executemany on SQLite."""
    rows = list(rows)
    if not rows:
        return 0
    if session.get_bind().dialect.name == "postgresql":
        raw = session.connection().connection.driver_connection
        with raw.cursor() as cursor, cursor.copy(  # type: ignore[union-attr]
                f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    else:
        marks = ", ".join("?" for _ in columns)
        raw = session.connection().connection.driver_connection
        raw.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)  # type: ignore[union-attr]
    return len(rows)


def state(session: Session, ws: int, *, lock: bool = False) -> SummaryStateRow | None:
    """The workspace's summary state; with ``lock`` the row is locked until the transaction ends, so that
    two writers refreshing the same plan's counts one after the other never both delete and re-insert them
    (PostgreSQL ``FOR UPDATE``; SQLite writers are serialised already)."""
    query = select(SummaryStateRow).where(SummaryStateRow.workspace_id == ws)
    if lock:
        query = query.with_for_update()
    return session.execute(query).scalar_one_or_none()


def save_state(session: Session, ws: int, as_of: int, seconds: float) -> None:
    row = session.get(SummaryStateRow, ws)
    if row is None:
        session.add(SummaryStateRow(workspace_id=ws, as_of=as_of, refreshed_at=datetime.now().astimezone(),
                                    seconds=seconds))
    else:
        row.as_of, row.refreshed_at, row.seconds = as_of, datetime.now().astimezone(), seconds
    session.flush()


def last_actual_year(session: Session, ws: int) -> int | None:
    """The last year with a measured (actual) value in the workspace."""
    return session.execute(text(
        "SELECT max(o.period_end) FROM observations o JOIN indicators i ON i.id = o.indicator_id "
        "JOIN plans p ON p.id = i.plan_id WHERE p.workspace_id = :ws AND o.flag = 'actual' AND o.value IS NOT NULL"),
        {"ws": ws}).scalar()


def org_units(session: Session, ws: int) -> tuple[list[OrgUnit], dict[str, int]]:
    """The workspace's units (parents by code) and their ids by code."""
    rows = session.execute(select(OrgUnitRow.id, OrgUnitRow.code, OrgUnitRow.name, OrgUnitRow.kind,
                                  OrgUnitRow.parent_id, OrgUnitRow.valid_from, OrgUnitRow.valid_to)
                           .where(OrgUnitRow.workspace_id == ws)).all()
    code_of = {r[0]: r[1] for r in rows}
    units = [OrgUnit(code, name, kind, code_of.get(parent) if parent is not None else None, start, end)
             for _, code, name, kind, parent, start, end in rows]
    return units, {code: i for i, code in code_of.items()}


def plan_areas(session: Session, ws: int, plan_ids: Iterable[int] | None = None) -> dict[int, int | None]:
    """Each plan's area unit (of ``plan_ids``, else of all): the one unit above every unit its unit targets
    are for (a province plan with targets for its communes covers the province); None when there is no
    such single unit."""
    query = select(PlanRow.id).where(PlanRow.workspace_id == ws)
    only = ""
    if plan_ids is not None:
        chosen = sorted({int(p) for p in plan_ids}) or [0]
        query = query.where(PlanRow.id.in_(chosen))
        only = " AND i.plan_id IN ({})".format(", ".join(str(p) for p in chosen))
    found: dict[int, set[int | None]] = {pid: set() for pid in session.scalars(query)}
    rows: list[Any] = list(session.execute(text(
            "SELECT DISTINCT i.plan_id, u.parent_id FROM targets t JOIN indicators i ON i.id = t.indicator_id "
            "JOIN plans p ON p.id = i.plan_id JOIN org_units u ON u.id = t.org_unit_id WHERE p.workspace_id = :ws"
            + only), {"ws": ws}).all())
    for plan_id, parent in rows:
        found.setdefault(plan_id, set()).add(parent)
    return {pid: next(iter(parents)) if len(parents) == 1 else None for pid, parents in found.items()}


def unit_links(session: Session, ws: int) -> list[UnitChange]:
    """The workspace's successor links without their provenance (what the aggregation reads)."""
    rows: list[Any] = list(session.execute(text(
        "SELECT a.code, b.code, c.effective_on, c.kind, c.weight FROM org_unit_changes c "
        "JOIN org_units a ON a.id = c.predecessor_id JOIN org_units b ON b.id = c.successor_id "
        "WHERE c.workspace_id = :ws ORDER BY c.effective_on, c.id"), {"ws": ws}).all())
    return [UnitChange(a, b, day if isinstance(day, date) else date.fromisoformat(str(day)), UnitChangeKind(kind), weight)
            for a, b, day, kind, weight in rows]


def stored_areas(session: Session, ws: int) -> dict[int, int | None]:
    """The plans' areas as the last refresh found them (kept on the plans' count rows): a plan without unit
    targets has none either way."""
    rows: list[Any] = list(session.execute(text(
        "SELECT plan_id, unit_id FROM summary_counts WHERE workspace_id = :ws AND scope IN ('area', 'units')"),
        {"ws": ws}).all())
    return {plan_id: unit_id for plan_id, unit_id in rows}


def indicators(session: Session, ws: int, ids: Iterable[int] | None = None) -> list[tuple[int, int, str, str, str, str]]:
    """(id, plan id, name, unit, polarity, declared aggregation) of the workspace's indicators."""
    query = (select(IndicatorRow.id, IndicatorRow.plan_id, IndicatorRow.name, IndicatorRow.unit,
                    IndicatorRow.polarity, IndicatorRow.aggregation)
             .join(PlanRow, PlanRow.id == IndicatorRow.plan_id).where(PlanRow.workspace_id == ws)
             .order_by(IndicatorRow.id))
    if ids is not None:
        query = query.where(IndicatorRow.id.in_(bindparam("ids", expanding=True)))
        return [tuple(r) for r in session.execute(query, {"ids": sorted(set(ids))}).all()]  # type: ignore[misc]
    return [tuple(r) for r in session.execute(query).all()]  # type: ignore[misc]


def yearly_values(session: Session, indicator_ids: Sequence[int]) -> list[tuple[int, int | None, int, float, str]]:
    """(indicator id, unit id or None, year, value, flag) of the yearly observations of ``indicator_ids``,
    by id (later rows win among equals)."""
    if not indicator_ids:
        return []
    return [tuple(r) for r in session.execute(  # type: ignore[misc]
        text("SELECT indicator_id, org_unit_id, period_end, value, flag FROM observations "
             "WHERE indicator_id IN :ids AND period_start = period_end AND value IS NOT NULL ORDER BY id")
        .bindparams(bindparam("ids", expanding=True)), {"ids": sorted(set(indicator_ids))}).all()]


def delete_targets(session: Session, ws: int, *, plan_ids: Iterable[int] = (),
                   series: Iterable[tuple[int, int | None]] = ()) -> None:
    """Forget the stored verdicts of whole plans and of single series (indicator id, unit id)."""
    plans = sorted(set(plan_ids))
    if plans:
        session.execute(delete(SummaryTargetRow).where(SummaryTargetRow.plan_id.in_(plans)))
    for indicator_id, unit_id in sorted(set(series), key=lambda s: (s[0], s[1] or 0)):
        unit_clause = (SummaryTargetRow.org_unit_id.is_(None) if unit_id is None
                       else SummaryTargetRow.org_unit_id == unit_id)
        session.execute(delete(SummaryTargetRow).where(SummaryTargetRow.indicator_id == indicator_id, unit_clause))


def clear(session: Session, ws: int) -> None:
    for model in (SummaryTargetRow, SummaryCountRow, SummaryValueRow):
        session.execute(delete(model).where(model.workspace_id == ws))


def verdict_counts(session: Session, ws: int, plan_ids: Iterable[int] | None = None
                   ) -> list[tuple[int, int | None, str, int, int | None]]:
    """(plan id, unit id or None, status, count, latest year) from the stored verdicts, counted in SQL."""
    where = "workspace_id = :ws"
    params: dict[str, Any] = {"ws": ws}
    statement = text(f"SELECT plan_id, org_unit_id, status, count(*), max(latest_year) FROM summary_targets "
                     f"WHERE {where}{' AND plan_id IN :plans' if plan_ids is not None else ''} "
                     f"GROUP BY plan_id, org_unit_id, status")
    if plan_ids is not None:
        statement = statement.bindparams(bindparam("plans", expanding=True))
        params["plans"] = sorted(set(plan_ids)) or [0]
    return [tuple(r) for r in session.execute(statement, params).all()]  # type: ignore[misc]


def delete_counts(session: Session, ws: int, plan_ids: Iterable[int] | None = None) -> None:
    query = delete(SummaryCountRow).where(SummaryCountRow.workspace_id == ws)
    if plan_ids is not None:
        query = query.where(SummaryCountRow.plan_id.in_(sorted(set(plan_ids))))
    session.execute(query)


def nation_counts(session: Session, ws: int) -> tuple[list[int], int | None]:
    """The sums of every plan's whole-area counts (status columns, total) and the latest year among them."""
    sums = ", ".join(f"COALESCE(sum({c}), 0)" for c in (*STATUS_COLUMNS, "total"))
    row = session.execute(text(f"SELECT {sums}, max(latest_year) FROM summary_counts "
                               f"WHERE workspace_id = :ws AND scope = 'area'"), {"ws": ws}).one()
    return [int(v) for v in row[:-1]], row[-1]


def delete_values(session: Session, ws: int, keys: Iterable[str] | None = None) -> None:
    query = delete(SummaryValueRow).where(SummaryValueRow.workspace_id == ws)
    if keys is not None:
        query = query.where(SummaryValueRow.indicator_key.in_(sorted(set(keys))))
    session.execute(query)


def plans_of_indicators(session: Session, indicator_ids: Iterable[int]) -> dict[int, int]:
    ids = sorted(set(indicator_ids))
    if not ids:
        return {}
    return dict(session.execute(select(IndicatorRow.id, IndicatorRow.plan_id).where(IndicatorRow.id.in_(ids))).all())

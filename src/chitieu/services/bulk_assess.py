"""Set-based assessment of every target of every plan in a workspace (``chitieu assess --all-plans``).

The database does the work that grows with the data, in a few set queries: the edition in force of every
target (a window function, into a temporary table), every indicator, and every target's series of
observations in one ordered join. Each target is then judged by the row engine's own
``_assess_indicator`` on its series (the one as-of rule, forecasts and required pace included), without
the explanation sentence: the rows are the row engine's by construction, and
tests/services/test_bulk_assess.py checks on generated data that they agree with ``assess --plan``.

``assess_all_plans(..., keys=[SeriesKey(indicator, unit)])`` does the same for a few series only: what a
write touches.
"""

from __future__ import annotations

import gc
import io
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, Any

import numpy as np
from sqlalchemy import text
from sqlalchemy.orm import Session

from chitieu.assessment.bundle import AssessmentRow
from chitieu.assessment.conventions import DEFAULT_PROFILE, ConventionProfile
from chitieu.domain import Actor, Indicator, Polarity
from chitieu.domain.actors import Permission
from chitieu.services.bulk_columns import fetch_observations
from chitieu.services.bulk_judge import (
    FIELDS,
    Columns,
    IndicatorInfo,
    Row,
    columns_of,
    judge_columns,
    judge_rows,
    rows_of,
)
from chitieu.services.workspaces import workspace_id

_KEY = "o.indicator_id = c.indicator_id AND COALESCE(o.org_unit_id, 0) = c.unit_key"
TEMP = "bulk_current"

CURRENT = """
SELECT * FROM (
  SELECT t.id AS target_id, t.indicator_id, t.org_unit_id, t.target_version, t.op, t.value, t.low, t.high, t.kind,
         t.start_year, t.deadline, t.unit AS target_unit, t.text AS target_text, t.baseline_year, t.baseline_value,
         p.id AS plan_id, p.code AS plan_code, p.term_start, p.term_end,
         COALESCE(t.start_year, p.term_start) AS first_year, COALESCE(t.org_unit_id, 0) AS unit_key,
         ROW_NUMBER() OVER (PARTITION BY t.indicator_id, COALESCE(t.org_unit_id, 0) ORDER BY
           CASE t.target_version WHEN 'revised' THEN 0 WHEN 'adopted' THEN 1 ELSE 2 END, t.id) AS edition
  FROM targets t JOIN indicators i ON i.id = t.indicator_id JOIN plans p ON p.id = i.plan_id
  WHERE p.workspace_id = :ws {where}
) cur WHERE edition = 1
"""

SERIES = """
SELECT c.target_id, o.id, o.period_start, o.period_end, o.value, o.op, o.flag, o.text, o.stated_verdict
FROM bulk_current c JOIN observations o ON {key}
"""

INDICATORS = """
SELECT i.id, i.code, i.name, i.unit, i.polarity, i.number, i.position, g.code, g.name, par.name, par.polarity,
       par.code
FROM indicators i JOIN plans p ON p.id = i.plan_id
LEFT JOIN indicator_groups g ON g.id = i.group_id LEFT JOIN indicators par ON par.id = i.parent_id
WHERE p.workspace_id = :ws {where}
"""


@dataclass(frozen=True, slots=True)
class SeriesKey:
    """One target series: an indicator (by id) for the plan's whole area (``org_unit_id`` None) or a unit."""

    indicator_id: int
    org_unit_id: int | None


def _query(session: Session, sql: str, params: dict[str, Any]) -> list[Sequence[Any]]:
    """All rows at once (the driver's fetchall: far cheaper than row by row)."""
    cursor = session.connection().exec_driver_sql(_driver_sql(session, sql), _driver_params(session, params))
    return list(cursor.fetchall())


def _driver_sql(session: Session, sql: str) -> str:
    """``:name`` parameters in the driver's style (psycopg ``%(name)s``, sqlite3 ``:name``)."""
    if session.get_bind().dialect.name == "postgresql":
        return re.sub(r"(?<!:):(\w+)", r"%(\1)s", sql.replace("%", "%%"))
    return sql


def _driver_params(session: Session, params: dict[str, Any]) -> dict[str, Any]:
    return params


def _indicator(row: Sequence[Any]) -> tuple[Indicator, Indicator | None, str, str]:
    (_, code, name, unit, polarity, number, position, group_code, group_name, parent_name, parent_polarity,
     parent_code) = row
    indicator = Indicator(code=code, name=name, unit=unit, polarity=Polarity(polarity), group_code=group_code,
                          parent_code=parent_code, number=number, order=position)
    parent = None
    if parent_code is not None:
        parent = Indicator(code=parent_code, name=parent_name, polarity=Polarity(parent_polarity))
    return indicator, parent, group_code or "", group_name or ""


@dataclass(frozen=True, slots=True)
class BulkResult:
    """The rows of ``assess --all-plans`` as columns (one list per AssessmentRow field), and how many targets
    the row engine judged (those the columnar judgement leaves to it)."""

    columns: Columns
    row_engine: int

    def __len__(self) -> int:
        return len(self.columns["code"])

    def rows(self) -> list[AssessmentRow]:
        return rows_of(self.columns)


def assess_all_plans(session: Session, actor: Actor, *, as_of: int, profile: ConventionProfile = DEFAULT_PROFILE,
                     keys: Iterable[SeriesKey] | None = None, engine: str = "columnar") -> list[AssessmentRow]:
    """Every current target of every plan of the workspace judged at ``as_of`` (or only the series ``keys``),
    ordered by plan code, indicator order, the whole area first then unit codes. ``engine="rows"`` judges
    each target with the row engine (the reference the columnar judgement is tested against)."""
    result = assess_all_plans_columns(session, actor, as_of=as_of, profile=profile, keys=keys, engine=engine)
    with paused_collector():
        return result.rows()


@contextmanager
def paused_collector() -> Iterator[None]:
    """The cyclic garbage collector paused: building hundreds of thousands of row tuples, none of them in a
    cycle, would otherwise set it off again and again over all of them (measured: 3 to 5 times the time
    of turning rows into columns at F = 0.1)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def assess_all_plans_columns(session: Session, actor: Actor, *, as_of: int,
                             profile: ConventionProfile = DEFAULT_PROFILE, keys: Iterable[SeriesKey] | None = None,
                             engine: str = "columnar") -> BulkResult:
    """``assess_all_plans`` as columns, without building a row object per target."""
    columns: Columns = {f: [] for f in FIELDS}
    row_engine = 0
    for part in iter_assess_all_plans(session, actor, as_of=as_of, profile=profile, keys=keys, engine=engine):
        for f in FIELDS:
            columns[f].extend(part.columns[f])
        row_engine += part.row_engine
    return BulkResult(columns, row_engine)


BATCH_TARGETS = 40_000  # targets judged at a time: whole plans, memory bounded by the batch, not the country


def _batches(targets: list[Row], size: int) -> list[list[Row]]:
    """Consecutive whole plans (targets are sorted by plan) of about ``size`` targets each."""
    out: list[list[Row]] = []
    for t in targets:
        if not out or (len(out[-1]) >= size and out[-1][-1][16] != t[16]):
            out.append([])
        out[-1].append(t)
    return out


def iter_assess_all_plans(session: Session, actor: Actor, *, as_of: int,
                          profile: ConventionProfile = DEFAULT_PROFILE, keys: Iterable[SeriesKey] | None = None,
                          engine: str = "columnar", batch: int = BATCH_TARGETS) -> Iterator[BulkResult]:
    """``assess_all_plans_columns`` batch by batch of whole plans, in the same order: the CLI writes each
    batch as it comes, so memory follows the batch, not the whole country."""
    ws = workspace_id(session, actor, Permission.READ)
    postgresql = session.get_bind().dialect.name == "postgresql"
    if postgresql:
        session.execute(text("SET LOCAL work_mem = '64MB'"))  # the window sorts stay in memory
    where = ""
    wanted: set[tuple[int, int]] | None = None
    if keys is not None:
        wanted = {(k.indicator_id, k.org_unit_id or 0) for k in keys}
        if not wanted:
            return
        where = "AND i.id IN ({})".format(", ".join(str(int(i)) for i in sorted({w[0] for w in wanted})))
    _drop_temp(session)
    session.connection().exec_driver_sql(_driver_sql(session, f"CREATE TEMP TABLE {TEMP} AS {CURRENT.format(where=where)}"),
                                         {"ws": ws})
    try:
        units: dict[int, str] = dict(session.execute(text("SELECT id, code FROM org_units WHERE workspace_id = :ws"),
                                                     {"ws": ws}).all())
        indicators = {row[0]: _indicator(row) for row in _query(session, INDICATORS.format(where=where), {"ws": ws})}
        targets = _query(session, f"SELECT * FROM {TEMP}", {})
        if wanted is not None:
            targets = [t for t in targets if (t[1], t[2] or 0) in wanted]
        targets.sort(key=lambda t: (t[16], indicators[t[1]][0].order, t[1], t[2] is not None,
                                    units.get(t[2], "") if t[2] is not None else ""))
        parts = _batches(targets, batch)
        if keys is not None or not postgresql or len(parts) > 1:
            # the planner's row counts for the batches' joins (one batch of every target needs none)
            session.connection().exec_driver_sql(f"ANALYZE {TEMP}")
        for part in parts:
            with paused_collector():
                result = _judge_batch(session, part, indicators, units, as_of, profile, engine,
                                      whole=keys is None and postgresql, alone=len(parts) == 1)
            yield result
    finally:
        _drop_temp(session)


def _judge_batch(session: Session, targets: list[Row], indicators: dict[int, IndicatorInfo], units: dict[int, str],
                 as_of: int, profile: ConventionProfile, engine: str, *, whole: bool, alone: bool) -> BulkResult:
    """One batch: its observations (one hash join over the plans' indicator range: an index range scan),
    then the judgement."""
    where = ""
    if not alone:
        plans = sorted({int(t[15]) for t in targets})
        lo, hi = min(int(t[1]) for t in targets), max(int(t[1]) for t in targets)
        where = f" WHERE c.plan_id IN ({', '.join(map(str, plans))}) AND o.indicator_id BETWEEN {lo} AND {hi}"
    if whole:
        # every target of the batch: one hash join. The planner, misjudging the join on COALESCE(org_unit_id, 0)
        # (a few rows where there are hundreds of thousands), would otherwise probe the index once per target
        # (7× slower at F = 0.1) or merge on the indicator alone (12× slower for a batch at F = 1)
        session.connection().exec_driver_sql("SET LOCAL enable_nestloop = off; SET LOCAL enable_mergejoin = off")
    observations = fetch_observations(session, SERIES.format(key=_KEY) + where)
    if whole:
        session.connection().exec_driver_sql("SET LOCAL enable_nestloop = on; SET LOCAL enable_mergejoin = on")
    kept = {t[0] for t in targets}
    observations = observations.keep(np.isin(observations.target_id, list(kept)))
    if engine == "rows":
        rows = judge_rows(targets, observations, indicators, units, as_of, profile)
        return BulkResult(columns_of(rows), len(rows))
    return BulkResult(*judge_columns(targets, observations, indicators, units, as_of, profile))


BULK_COLUMNS = (
    "plan_code", "org_unit", "code", "number", "name", "unit", "target", "value", "ratio", "gap", "gap_unit", "status",
    "status_vi", "stage", "period", "basis", "polarity", "official_status", "required_linear_per_year",
    "required_cagr_percent", "required_average",
)
_NUMERIC = {"value", "ratio", "gap", "required_linear_per_year", "required_cagr_percent", "required_average"}
WRITE_ROWS = 20_000  # rows written at a time


def write_rows(rows: Sequence[AssessmentRow], fmt: str, handle: IO[bytes], *, bom: bool = True) -> None:
    """The rows as CSV (UTF-8 with BOM, text cells made safe to open), Parquet or JSON, columns BULK_COLUMNS."""
    write_columns(columns_of(rows), fmt, handle, bom=bom)


def write_columns(columns: Columns, fmt: str, handle: IO[bytes], *, bom: bool = True) -> None:
    """``write_rows`` from columns."""
    write_batches([columns], fmt, handle, bom=bom)


def write_batches(batches: Iterable[Columns], fmt: str, handle: IO[bytes], *, bom: bool = True) -> None:
    """The rows of each batch of columns as they come (CSV, JSON or Parquet, columns BULK_COLUMNS), in
    pieces of WRITE_ROWS rows."""
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = pa.schema([(c, pa.float64() if c in _NUMERIC else pa.string()) for c in BULK_COLUMNS])
        with pq.ParquetWriter(handle, schema) as writer:
            empty = True
            for columns in batches:
                for start in range(0, len(columns["code"]), WRITE_ROWS):
                    empty = False
                    writer.write_table(pa.Table.from_pydict(
                        {c: columns[c][start:start + WRITE_ROWS] for c in BULK_COLUMNS}, schema=schema))
            if empty:
                writer.write_table(pa.Table.from_pydict({c: [] for c in BULK_COLUMNS}, schema=schema))
        return
    stream = io.TextIOWrapper(handle, encoding="utf-8", newline="", write_through=False)
    try:
        if fmt == "json":
            stream.write("[")
            first = True
            for columns in batches:
                wanted = [columns[c] for c in BULK_COLUMNS]
                for start in range(0, len(wanted[0]), WRITE_ROWS):
                    part = zip(*(col[start:start + WRITE_ROWS] for col in wanted), strict=True)
                    text_ = ", ".join(json.dumps(dict(zip(BULK_COLUMNS, values, strict=True)), ensure_ascii=False)
                                      for values in part)
                    stream.write(("" if first else ", ") + text_)
                    first = False
            stream.write("]\n")
        else:
            import csv

            from chitieu.reports.safe_cells import UTF8_BOM, escape_text

            if bom:
                stream.write(UTF8_BOM)
            writer = csv.writer(stream, lineterminator="\n")
            writer.writerow(BULK_COLUMNS)
            escaped: dict[str, str] = {}  # names, units, verdicts repeat: each distinct text escaped once
            for columns in batches:
                safe = []
                for c in BULK_COLUMNS:
                    col = columns[c]
                    if c not in _NUMERIC:
                        for v in set(col) - escaped.keys():
                            if isinstance(v, str):
                                escaped[v] = escape_text(v)
                        col = list(map(escaped.get, col, col))
                    safe.append(col)
                for start in range(0, len(safe[0]), WRITE_ROWS):
                    writer.writerows(zip(*(col[start:start + WRITE_ROWS] for col in safe), strict=True))
    finally:
        stream.flush()
        stream.detach()


def _drop_temp(session: Session) -> None:
    session.connection().exec_driver_sql(f"DROP TABLE IF EXISTS {TEMP}")


def series_of_observation(session: Session, observation_id: int) -> SeriesKey | None:
    """The series an observation belongs to (what re-assessing after a write to it must cover)."""
    row = session.execute(text("SELECT indicator_id, org_unit_id FROM observations WHERE id = :id"),
                          {"id": observation_id}).first()
    return SeriesKey(row[0], row[1]) if row is not None else None

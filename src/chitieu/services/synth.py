"""Load the national synthetic dataset (chitieu.synth.national) in bulk: PostgreSQL ``COPY`` or SQLite's
``executemany``, province by province, in the caller's transaction (nothing is left half-written).

Ids are given by the loader (the tables' next ids, the sequences moved past them afterwards), so that rows
can reference each other without a round trip per row. Memory stays bounded: one province's rows at most.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from chitieu.domain import Actor
from chitieu.domain.actors import Permission
from chitieu.messages import ChitieuError
from chitieu.services.events import record_event
from chitieu.services.workspaces import workspace_id
from chitieu.store.models import DocumentRow, PlanRow
from chitieu.synth import national as nat

Row = Sequence[Any]
Progress = Callable[[int], None]  # rows written since the last call

COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("id", "workspace_id", "code", "title", "kind", "issued_on", "issuer", "note"),
    "org_units": ("id", "workspace_id", "code", "name", "kind", "parent_id", "valid_from", "valid_to"),
    "org_unit_changes": ("id", "workspace_id", "predecessor_id", "successor_id", "effective_on", "kind", "note",
                         "source_document_id", "source_location", "source_quote"),
    "plans": ("id", "workspace_id", "code", "title", "kind", "number", "issued_on", "issuer", "term_start", "term_end",
              "budget_note", "source_document_id", "source_location", "source_quote"),
    "indicator_groups": ("id", "plan_id", "code", "name", "position"),
    "indicators": ("id", "plan_id", "code", "name", "unit", "polarity", "group_id", "number", "position",
                   "description"),
    "targets": ("id", "indicator_id", "org_unit_id", "target_version", "op", "value", "low", "high", "kind",
                "start_year", "deadline", "unit", "text", "baseline_year", "baseline_value", "source_document_id",
                "source_location", "source_quote"),
    "observations": ("id", "indicator_id", "org_unit_id", "period_start", "period_end", "value", "op", "flag", "text",
                     "source_document_id", "source_location", "source_quote"),
}
BATCH = 20_000


@dataclass(frozen=True, slots=True)
class SynthSummary:
    scale: float
    seed: int
    provinces: int
    communes: int
    org_units: int
    plans: int
    indicators: int
    targets: int
    observations: int
    seconds: float

    @property
    def rows(self) -> int:
        return self.org_units + self.plans + self.indicators + self.targets + self.observations

    @property
    def rows_per_second(self) -> float:
        return nat.rows_per_second(self.rows, self.seconds)


def _copy_text(value: Any) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    s = str(value)
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


class _Writer:
    """Rows of one table at a time, written in batches by COPY (PostgreSQL) or executemany (SQLite)."""

    def __init__(self, session: Session, progress: Progress) -> None:
        self.session = session
        self.progress = progress
        self.postgres = session.get_bind().dialect.name == "postgresql"
        self.next_ids: dict[str, int] = {}
        self.counts: dict[str, int] = {}

    def next_id(self, table: str) -> int:
        if table not in self.next_ids:
            found = self.session.execute(text(f"SELECT MAX(id) FROM {table}")).scalar()
            self.next_ids[table] = int(found or 0) + 1
        value = self.next_ids[table]
        self.next_ids[table] = value + 1
        return value

    def write(self, table: str, rows: Iterable[Row]) -> None:
        batch: list[Row] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH:
                self._flush(table, batch)
                batch = []
        if batch:
            self._flush(table, batch)

    def _flush(self, table: str, batch: list[Row]) -> None:
        columns = COLUMNS[table]
        if self.postgres:
            raw = self.session.connection().connection.driver_connection
            buffer = io.StringIO()
            for row in batch:
                buffer.write("\t".join(_copy_text(v) for v in row))
                buffer.write("\n")
            with raw.cursor() as cursor, cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:  # type: ignore[union-attr]
                copy.write(buffer.getvalue())
        else:
            marks = ", ".join("?" for _ in columns)
            self.session.connection().exec_driver_sql(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",
                [tuple(r) for r in batch],
            )
        self.counts[table] = self.counts.get(table, 0) + len(batch)
        self.progress(len(batch))

    def fast_path(self) -> None:
        """On PostgreSQL, as pg_restore does: foreign-key triggers off for this transaction only (the rows are
        consistent by construction), when the role may do so; otherwise every row is checked as usual."""
        if not self.postgres:
            return
        if self.session.execute(text("SELECT current_setting('is_superuser')")).scalar() == "on":
            self.session.execute(text("SET LOCAL session_replication_role = replica"))

    def finish(self) -> None:
        """Move PostgreSQL's id sequences past the ids given here; refresh the planner's statistics (a bulk
        load leaves them empty, and the set-based assessment's plans depend on them)."""
        for table in self.next_ids:
            if self.postgres:
                self.session.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
                ))
            self.session.execute(text(f"ANALYZE {table}"))


def synth_national(session: Session, actor: Actor, *, scale: float, seed: int = 1,
                   progress: Progress | None = None) -> SynthSummary:
    """Generate and load the national dataset at ``scale`` into the actor's workspace."""
    if not 0 < scale <= 100:
        raise ChitieuError("synth_bad_scale", scale=scale)
    ws = workspace_id(session, actor, Permission.EDIT_REGISTRY)
    shape = nat.Shape.of(scale)
    taken = session.scalar(select(func.count()).select_from(PlanRow).where(
        PlanRow.workspace_id == ws, PlanRow.code.in_([nat.plan_code(p) for p in range(shape.provinces)])))
    if taken:
        raise ChitieuError("synth_exists", workspace=actor.workspace)
    started = time.perf_counter()
    w = _Writer(session, progress or (lambda n: None))
    w.fast_path()
    doc_code = f"SYNTH-{seed}"
    if session.scalar(select(DocumentRow.id).where(DocumentRow.workspace_id == ws, DocumentRow.code == doc_code)):
        raise ChitieuError("synth_exists", workspace=actor.workspace)
    doc_id = w.next_id("documents")
    w.write("documents", [(doc_id, ws, doc_code, nat.document_title(seed, scale),
                           "synthetic", None, "chitieu synth national", "")])
    unit_ids: dict[str, int] = {}

    def units() -> Iterable[Row]:
        for u in nat.org_units(shape):
            unit_ids[u.code] = w.next_id("org_units")
            yield (unit_ids[u.code], ws, u.code, u.name, u.kind, unit_ids.get(u.parent or ""), u.valid_from, u.valid_to)

    w.write("org_units", units())
    location = "chitieu synth national"
    # the 2025 merges as the hierarchy's successor links (old province → new province, old commune → new)
    w.write("org_unit_changes", ((w.next_id("org_unit_changes"), ws, unit_ids[old], unit_ids[new], nat.MERGE_DAY,
                                  "merge", "", doc_id, location, "") for old, new in nat.predecessors(shape)))
    for p in range(shape.provinces):
        plan_id = w.next_id("plans")
        code, title, number, issuer, issued_on = nat.plan_row(p)
        w.write("plans", [(plan_id, ws, code, title, "resolution", number, issued_on, issuer,
                           nat.TERM_START, nat.TERM_END, "", doc_id, location, "")])
        group_ids = [w.next_id("indicator_groups") for _ in nat.GROUPS]
        w.write("indicator_groups", [(gid, plan_id, g[0], g[1], i) for i, (gid, g) in enumerate(zip(group_ids, nat.GROUPS, strict=True))])
        indicator_ids: list[int] = []
        rows: list[Row] = []
        for position in range(nat.INDICATORS_PER_PLAN):
            icode, name, t = nat.indicator_of(position)
            indicator_ids.append(w.next_id("indicators"))
            rows.append((indicator_ids[-1], plan_id, icode, name, t.unit, t.polarity, group_ids[t.group],
                         str(position + 1), position, ""))
        w.write("indicators", rows)
        targets: list[Row] = []
        observations: list[Row] = []
        for unit, position, s in nat.plan_series(shape, seed, p):
            _, _, t = nat.indicator_of(position)
            iid, uid = indicator_ids[position], unit_ids[unit] if unit else None
            for spec in s.targets:
                targets.append((w.next_id("targets"), iid, uid, spec.version, spec.op, spec.value, spec.low, spec.high,
                                t.kind, nat.TERM_START, nat.TERM_END, t.unit, spec.text,
                                s.baseline[0] if s.baseline else None, s.baseline[1] if s.baseline else None,
                                doc_id, location, ""))
            for start, end, value, op, flag, words in s.values:
                observations.append((w.next_id("observations"), iid, uid, start, end, value, op, flag, words,
                                     doc_id, location, ""))
            if len(observations) >= BATCH:
                w.write("targets", targets)
                w.write("observations", observations)
                targets, observations = [], []
        w.write("targets", targets)
        w.write("observations", observations)
    w.finish()
    counts = w.counts
    summary = SynthSummary(scale, seed, shape.provinces, shape.communes, counts.get("org_units", 0),
                           counts.get("plans", 0), counts.get("indicators", 0), counts.get("targets", 0),
                           counts.get("observations", 0), time.perf_counter() - started)
    record_event(session, actor, action="synth_national", entity="workspace", key=actor.workspace,
                 context={"scale": scale, "seed": seed, "plans": summary.plans, "targets": summary.targets,
                          "observations": summary.observations})
    return summary

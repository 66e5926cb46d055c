"""The national dashboard's read side: nation → province → commune, from the materialised summaries only
(summary_counts, summary_values, summary_targets) and the names of units, plans and indicators.

- the nation: its total (every plan's whole-area targets), one line per plan with its area (a province):
  the province's own targets and its communes' targets together, and the nation's aggregated values;
- a unit that is a plan's area (a province): its plans' counts, one line per unit below with that unit's
  targets, and the province's aggregated values;
- a unit with targets of its own (a commune): its counts and each target's verdict.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from chitieu.domain.actors import Actor, Permission
from chitieu.domain.aggregation import VerdictCounts
from chitieu.messages import ChitieuError, msg
from chitieu.services.workspaces import workspace_id
from chitieu.store import summaries as store
from chitieu.store.models_summaries import STATUS_COLUMNS
from chitieu.vocab.verdicts import Status

_COUNTS = ", ".join(f"c.{s}" for s in STATUS_COLUMNS) + ", c.latest_year"


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the dashboard: a unit (or plan) and its verdict counts."""

    code: str
    name: str
    counts: VerdictCounts
    plan_code: str = ""
    below: VerdictCounts | None = None  # the units' targets of a plan, together (nation page)
    drill: bool = True

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "name": self.name, "plan_code": self.plan_code or None,
                               **_counts_dict(self.counts)}
        if self.below is not None:
            out["units"] = _counts_dict(self.below)
        return out


@dataclass(frozen=True, slots=True)
class AggregateValue:
    name: str
    unit: str
    method: str
    year: int
    value: float | None
    partial: float | None
    basis: str
    parts: int
    missing: int
    missing_codes: str

    @property
    def basis_vi(self) -> str:
        return msg(f"basis_{self.basis}")

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "unit": self.unit, "method": self.method, "year": self.year, "value": self.value,
                "partial": self.partial, "basis": self.basis, "parts": self.parts, "missing": self.missing}


@dataclass(frozen=True, slots=True)
class TargetLine:
    plan_code: str
    code: str
    name: str
    unit: str
    status: str
    value: float | None
    ratio: float | None
    period: str

    @property
    def status_vi(self) -> str:
        return Status(self.status).label_vi

    def to_dict(self) -> dict[str, Any]:
        return {"plan_code": self.plan_code, "code": self.code, "name": self.name, "unit": self.unit,
                "status": self.status, "status_vi": self.status_vi, "value": self.value, "ratio": self.ratio,
                "period": self.period}


@dataclass(slots=True)
class NationalView:
    as_of: int
    refreshed_at: datetime
    level: str  # nation | area | unit
    code: str
    name: str
    path: list[tuple[str, str]]  # (code, name) from the nation down to the parent
    counts: VerdictCounts
    lines: list[Line] = field(default_factory=list)
    values: list[AggregateValue] = field(default_factory=list)
    targets: list[TargetLine] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"as_of": self.as_of, "refreshed_at": self.refreshed_at.isoformat(), "level": self.level,
                "unit": self.code or None, "name": self.name, "path": [{"code": c, "name": n} for c, n in self.path],
                **_counts_dict(self.counts), "lines": [x.to_dict() for x in self.lines],
                "values": [v.to_dict() for v in self.values], "targets": [t.to_dict() for t in self.targets]}


def _counts_dict(counts: VerdictCounts) -> dict[str, Any]:
    return {"total": counts.total, "met_percent": counts.met_percent, "latest_year": counts.latest_year,
            "counts": {s: counts.by_status.get(s, 0) for s in STATUS_COLUMNS}}


def _counts(row: Any, offset: int) -> VerdictCounts:
    counts = VerdictCounts()
    for i, status in enumerate(STATUS_COLUMNS):
        if row[offset + i]:
            counts.add(status, None, int(row[offset + i]))
    counts.latest_year = row[offset + len(STATUS_COLUMNS)]
    return counts


def national_view(session: Session, actor: Actor, unit: str | None = None) -> NationalView:
    """The dashboard at the nation (``unit`` None) or at a unit, from the summaries."""
    ws = workspace_id(session, actor, Permission.READ)
    current = store.state(session, ws)
    if current is None:
        raise ChitieuError("summaries_not_built", workspace=actor.workspace)
    if unit is None:
        return _nation(session, ws, current.as_of, current.refreshed_at)
    found: Any = session.execute(text("SELECT id, code, name, parent_id FROM org_units WHERE workspace_id = :ws AND code = :c"),
                            {"ws": ws, "c": unit[:100]}).first()
    if found is None:
        raise ChitieuError("summaries_unit_not_found", code=unit[:100])
    unit_id, code, name, parent = found
    path = _path(session, parent)
    view = NationalView(current.as_of, current.refreshed_at, "area", code, name, path, VerdictCounts())
    areas = session.execute(text(
        f"SELECT c.plan_id, p.code, {_COUNTS} FROM summary_counts c JOIN plans p ON p.id = c.plan_id "
        "WHERE c.workspace_id = :ws AND c.scope = 'area' AND c.unit_id = :u ORDER BY p.code"), {"ws": ws, "u": unit_id}).all()
    if areas:
        for row in areas:
            view.counts.merge(_counts(row, 2))
        plans = [row[0] for row in areas]
        view.lines = [Line(r[0], r[1], _counts(r, 3), plan_code=r[2]) for r in session.execute(text(
            f"SELECT u.code, u.name, p.code, {_COUNTS} FROM summary_counts c JOIN org_units u ON u.id = c.unit_id "
            "JOIN plans p ON p.id = c.plan_id WHERE c.scope = 'unit' AND c.plan_id IN ({}) ORDER BY u.code".format(
                ", ".join(str(int(p)) for p in plans)))).all()]
    else:
        view.level = "unit"
        for row in session.execute(text(f"SELECT c.plan_id, {_COUNTS} FROM summary_counts c WHERE c.workspace_id = :ws "
                                        "AND c.scope = 'unit' AND c.unit_id = :u"), {"ws": ws, "u": unit_id}).all():
            view.counts.merge(_counts(row, 1))
        view.targets = [TargetLine(*r) for r in _rows(session, text(
            "SELECT p.code, i.code, i.name, i.unit, t.status, t.value, t.ratio, t.period FROM summary_targets t "
            "JOIN indicators i ON i.id = t.indicator_id JOIN plans p ON p.id = t.plan_id "
            "WHERE t.org_unit_id = :u ORDER BY p.code, i.position, i.id"), {"u": unit_id})]
    view.values = _values(session, ws, unit_id)
    return view


def _nation(session: Session, ws: int, as_of: int, refreshed: datetime) -> NationalView:
    top: Any = session.execute(text(f"SELECT u.code, u.name, {_COUNTS}, c.unit_id FROM summary_counts c "
                               "LEFT JOIN org_units u ON u.id = c.unit_id "
                               "WHERE c.workspace_id = :ws AND c.scope = 'nation'"), {"ws": ws}).first()
    counts = _counts(top, 2) if top is not None else VerdictCounts()
    view = NationalView(as_of, refreshed, "nation", "", msg("national_title"), [], counts)
    below: dict[int, VerdictCounts] = {r[0]: _counts(r, 1) for r in session.execute(text(
        f"SELECT c.plan_id, {_COUNTS} FROM summary_counts c WHERE c.workspace_id = :ws AND c.scope = 'units'"),
        {"ws": ws}).all()}
    for r in session.execute(text(
            f"SELECT c.plan_id, p.code, u.code, u.name, p.title, {_COUNTS} FROM summary_counts c "
            "JOIN plans p ON p.id = c.plan_id LEFT JOIN org_units u ON u.id = c.unit_id "
            "WHERE c.workspace_id = :ws AND c.scope = 'area' ORDER BY COALESCE(u.code, p.code)"), {"ws": ws}).all():
        plan_id, plan_code, unit_code, unit_name, title = r[:5]
        view.lines.append(Line(unit_code or plan_code, unit_name or title, _counts(r, 5), plan_code=plan_code,
                               below=below.get(plan_id), drill=unit_code is not None))
    if top is not None and top[-1] is not None:
        view.values = _values(session, ws, top[-1])
    return view


def _path(session: Session, parent_id: int | None) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    seen: set[int] = set()
    while parent_id is not None and parent_id not in seen:
        seen.add(parent_id)
        row = session.execute(text("SELECT code, name, parent_id FROM org_units WHERE id = :i"), {"i": parent_id}).first()
        if row is None or row[2] is None:
            break  # the root is the nation: always first, as the dashboard's own top
        out.append((row[0], row[1]))
        parent_id = row[2]
    return list(reversed(out))


def _values(session: Session, ws: int, unit_id: int) -> list[AggregateValue]:
    """The unit's aggregated values of its latest year with one, by indicator."""
    rows = _rows(session, text(
        "SELECT name, unit, method, year, value, partial, basis, parts, missing, missing_codes FROM summary_values "
        "WHERE workspace_id = :ws AND org_unit_id = :u ORDER BY indicator_key, year DESC"), {"ws": ws, "u": unit_id})
    latest: dict[tuple[str, str], AggregateValue] = {}
    for r in rows:
        key = (r[0], r[1])
        if key not in latest or (latest[key].value is None and r[4] is not None):
            latest[key] = AggregateValue(*r)
    return list(latest.values())


def _rows(session: Session, statement: Any, params: dict[str, Any]) -> list[Any]:
    return list(session.execute(statement, params).all())

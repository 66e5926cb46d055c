"""Materialised dashboard summaries: built once (``chitieu summaries refresh``), then refreshed incrementally.

``refresh_summaries`` rebuilds a workspace's summaries at an as-of year: the verdict of every current target
(``assess_all_plans``, the set-based engine), verdict counts per plan, unit and the nation, and the values of
aggregable indicators up the hierarchy valid each year (domain/aggregation.py). Once built, every service
that writes values or targets calls ``refresh_touched`` with what it touched, inside its own transaction: the
summaries change with the data or not at all. A workspace that never built them pays nothing.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from chitieu.domain.actors import Actor, Permission
from chitieu.domain.aggregation import VerdictCounts, parents_of, resolve_year, year_end
from chitieu.domain.org_units import OrgUnit, UnitChange
from chitieu.domain.unit_history import Hierarchy, hierarchy_on
from chitieu.grammar.text import norm
from chitieu.messages import ChitieuError
from chitieu.services.bulk_assess import SeriesKey, assess_all_plans
from chitieu.services.workspaces import workspace_id
from chitieu.store import summaries as store
from chitieu.store.models import IndicatorRow, PlanRow
from chitieu.store.models_summaries import STATUS_COLUMNS
from chitieu.vocab.aggregation import AggregationMethod, method_of

_YEAR = re.compile(r"(\d{4})\D*$")
MISSING_SHOWN = 5  # unit codes kept with a value that lacks parts (the rest are counted)


@dataclass(frozen=True, slots=True)
class RefreshOutcome:
    as_of: int
    targets: int
    counts: int
    values: int
    seconds: float


def indicator_key(name: str, unit: str) -> str:
    """Indicators of different plans are the same quantity when their names and units read the same."""
    return f"{norm(name)}|{norm(unit)}"


def refresh_summaries(session: Session, actor: Actor, *, as_of: int | None = None) -> RefreshOutcome:
    """Rebuild every summary of the actor's workspace (judged at ``as_of``; default: the last measured year)."""
    started = time.perf_counter()
    ws = workspace_id(session, actor, Permission.EDIT_REGISTRY)
    if as_of is None:
        as_of = store.last_actual_year(session, ws)
        if as_of is None:
            raise ChitieuError("summaries_no_data")
    store.state(session, ws, lock=True)  # one refresh at a time per workspace
    store.clear(session, ws)
    ctx = _Context.load(session, ws)
    targets = _assess_into(session, actor, ws, as_of, None, ctx.unit_ids)
    counts = _refresh_counts(session, ws, None, ctx)
    values = _refresh_values(session, ws, None, ctx)
    seconds = time.perf_counter() - started
    store.save_state(session, ws, as_of, seconds)
    return RefreshOutcome(as_of, targets, counts, values, seconds)


def refresh_touched(session: Session, actor: Actor, *, series: Iterable[SeriesKey] = (),
                    plan_ids: Iterable[int] = ()) -> bool:
    """Bring the summaries up to date after a write to ``series`` (indicator, unit) or to whole plans.

    Does nothing (False) when the workspace has not built summaries. Called inside the writer's transaction.
    """
    ws = workspace_id(session, actor, Permission.READ)
    current = store.state(session, ws, lock=True)
    if current is None:
        return False
    started = time.perf_counter()
    keys = {(k.indicator_id, k.org_unit_id) for k in series}
    plans = set(plan_ids)
    plan_of = store.plans_of_indicators(session, {i for i, _ in keys})
    keys = {k for k in keys if k[0] in plan_of and plan_of[k[0]] not in plans}  # a whole plan covers its series
    touched_plans = plans | {plan_of[i] for i, _ in keys}
    if not touched_plans:
        return True
    store.delete_targets(session, ws, plan_ids=plans, series=keys)
    wanted = [SeriesKey(i, u) for i, u in sorted(keys, key=lambda k: (k[0], k[1] or 0))]
    if plans:
        wanted += _plan_series(session, plans)
    ctx = _Context.load(session, ws, touched_plans)
    _assess_into(session, actor, ws, current.as_of, wanted, ctx.unit_ids)
    _refresh_counts(session, ws, touched_plans, ctx)
    indicator_ids = {i for i, _ in keys} | set(session.scalars(
        select(IndicatorRow.id).where(IndicatorRow.plan_id.in_(sorted(plans))))) if plans else {i for i, _ in keys}
    touched_keys = {indicator_key(name, unit) for _, _, name, unit, _, _ in store.indicators(session, ws, indicator_ids)}
    _refresh_values(session, ws, touched_keys, ctx)
    store.save_state(session, ws, current.as_of, time.perf_counter() - started)
    return True


@dataclass(slots=True)
class _Context:
    """What every part of a refresh reads once: units, their ids, the successor links, the plans' areas."""

    units: list[OrgUnit]
    unit_ids: dict[str, int]
    changes: list[UnitChange]
    areas: dict[int, int | None]

    @staticmethod
    def load(session: Session, ws: int, touched: set[int] | None = None) -> _Context:
        """Everything afresh (``touched`` None), or the plans' areas as stored but for the touched plans
        (finding every plan's area reads every unit target: too much for one write)."""
        units, ids = store.org_units(session, ws)
        if touched is None:
            areas = store.plan_areas(session, ws)
        else:
            areas = {p: a for p, a in store.stored_areas(session, ws).items() if a is not None}
            areas.update(store.plan_areas(session, ws, touched))
        return _Context(units, ids, store.unit_links(session, ws), areas)

    def nation_id(self, now: Hierarchy) -> int | None:
        """The unit above every plan's area today (the nation above the provinces); else the one root."""
        code_of = {i: c for c, i in self.unit_ids.items()}
        above = {now.parent.get(code_of[a]) for a in self.areas.values() if a is not None and a in code_of}
        if len(above) == 1 and None not in above:
            return self.unit_ids[next(iter(above))]  # type: ignore[index]
        roots = now.roots()
        return self.unit_ids[roots[0]] if len(roots) == 1 else None


def _plan_series(session: Session, plan_ids: Iterable[int]) -> list[SeriesKey]:
    """Every target series (indicator, unit) of the plans."""
    found: list[Any] = list(session.execute(text(
        "SELECT DISTINCT t.indicator_id, t.org_unit_id FROM targets t JOIN indicators i ON i.id = t.indicator_id "
        "WHERE i.plan_id IN ({})".format(", ".join(str(int(p)) for p in sorted(set(plan_ids)) or [0])))).all())
    return [SeriesKey(i, u) for i, u in found]


def _latest_year(period: str) -> int | None:
    found = _YEAR.search(period or "")
    return int(found.group(1)) if found else None


def _assess_into(session: Session, actor: Actor, ws: int, as_of: int, keys: Sequence[SeriesKey] | None,
                 unit_ids: dict[str, int]) -> int:
    """Judge the targets (all, or the series ``keys``) and store their verdicts."""
    if keys is None:  # plan by plan: memory stays bounded by one plan's rows whatever the workspace's size
        plans = session.scalars(select(PlanRow.id).where(PlanRow.workspace_id == ws).order_by(PlanRow.id)).all()
        return sum(_assess_into(session, actor, ws, as_of, _plan_series(session, [p]), unit_ids) for p in plans)
    if not keys:
        return 0
    rows = assess_all_plans(session, actor, as_of=as_of, keys=keys)
    plan_ids = dict(session.execute(select(PlanRow.code, PlanRow.id).where(PlanRow.workspace_id == ws)).all())
    indicator_ids = {(p, c): i for i, p, c in session.execute(
        select(IndicatorRow.id, IndicatorRow.plan_id, IndicatorRow.code).join(PlanRow, PlanRow.id == IndicatorRow.plan_id)
        .where(PlanRow.workspace_id == ws)).all()}
    out = []
    for r in rows:
        plan_id = plan_ids[r.plan_code]
        out.append((ws, plan_id, indicator_ids[(plan_id, r.code)], unit_ids[r.org_unit] if r.org_unit else None,
                    r.status, r.value, r.ratio, (r.period or "")[:20], _latest_year(r.period)))
    return store.bulk_insert(session, "summary_targets", store.TARGET_COLUMNS, out)


def _count_row(ws: int, scope: str, plan_id: int | None, unit_id: int | None, counts: VerdictCounts) -> tuple[object, ...]:
    return (ws, scope, plan_id, unit_id, *[counts.by_status.get(s, 0) for s in STATUS_COLUMNS], counts.total,
            counts.latest_year)


def _refresh_counts(session: Session, ws: int, plan_ids: set[int] | None, ctx: _Context) -> int:
    """Recount the verdicts of ``plan_ids`` (all when None) and the nation's total."""
    store.delete_counts(session, ws, plan_ids)
    session.execute(text("DELETE FROM summary_counts WHERE workspace_id = :ws AND scope = 'nation'"), {"ws": ws})
    per_unit: dict[tuple[int, int | None], VerdictCounts] = {}
    for plan_id, unit_id, status, n, latest in store.verdict_counts(session, ws, plan_ids):
        per_unit.setdefault((plan_id, unit_id), VerdictCounts()).add(status, latest, n)
    rows: list[tuple[object, ...]] = []
    together: dict[int, VerdictCounts] = {}
    for (plan_id, unit_id), counts in sorted(per_unit.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0)):
        if unit_id is None:
            rows.append(_count_row(ws, "area", plan_id, ctx.areas.get(plan_id), counts))
        else:
            rows.append(_count_row(ws, "unit", plan_id, unit_id, counts))
            together.setdefault(plan_id, VerdictCounts()).merge(counts)
    rows += [_count_row(ws, "units", plan_id, ctx.areas.get(plan_id), counts) for plan_id, counts in together.items()]
    written = store.bulk_insert(session, "summary_counts", store.COUNT_COLUMNS, rows)
    sums, latest = store.nation_counts(session, ws)
    nation = ctx.nation_id(hierarchy_on(ctx.units, date.today()))
    return written + store.bulk_insert(session, "summary_counts", store.COUNT_COLUMNS,
                                       [(ws, "nation", None, nation, *sums, latest)])


def _method(members: list[tuple[int, int, str, str, str, str]]) -> AggregationMethod:
    """The key's method: the first declared one among its indicators, else the default of the first."""
    declared = next((m for m in members if m[5]), members[0])
    return method_of(declared[5], declared[2], declared[3], declared[4])


def _refresh_values(session: Session, ws: int, keys: set[str] | None, ctx: _Context) -> int:
    """Recompute the yearly values up the hierarchy of the aggregable indicators ``keys`` (all when None)."""
    by_key: dict[str, list[tuple[int, int, str, str, str, str]]] = {}
    for row in store.indicators(session, ws):
        key = indicator_key(row[2], row[3])
        if keys is None or key in keys:
            by_key.setdefault(key, []).append(row)
    store.delete_values(session, ws, keys)
    code_of = {i: c for c, i in ctx.unit_ids.items()}
    now = hierarchy_on(ctx.units, date.today())
    hierarchies: dict[int, Hierarchy] = {}
    out: list[tuple[object, ...]] = []
    for key, members in sorted(by_key.items()):
        method = _method(members)
        if method is AggregationMethod.NONE:
            continue
        plan_of = {m[0]: m[1] for m in members}
        own: dict[int, dict[str, tuple[int, float]]] = {}
        for indicator_id, unit_id, year, value, flag in store.yearly_values(session, list(plan_of)):
            area = ctx.areas.get(plan_of[indicator_id]) if unit_id is None else unit_id
            if area is None:
                continue
            rank = 1 if flag == "actual" else 0  # a measured value beats an estimate of the same year
            code = code_of[area]
            before = own.setdefault(year, {}).get(code)
            if before is None or rank >= before[0]:
                own[year][code] = (rank, value)
        name, unit = members[0][2], members[0][3]
        for year, values in sorted(own.items()):
            then = hierarchies.get(year)
            if then is None:
                then = hierarchies[year] = hierarchy_on(ctx.units, year_end(year))
            parents = parents_of(then, now)
            codes = sorted(parents | {c for c in now.units if c not in then.units})
            resolved = resolve_year(method, {c: v for c, (_, v) in values.items()}, year, then, now, ctx.changes, codes)
            for code, got in resolved.items():
                if code not in parents and got.basis in ("own", "missing"):
                    continue  # a commune's own value is the observation itself
                out.append((ws, key, name, unit, method.value, ctx.unit_ids[code], year, got.value, got.partial, got.basis,
                            got.parts, len(got.missing), " ".join(got.missing[:MISSING_SHOWN])))
    return store.bulk_insert(session, "summary_values", store.VALUE_COLUMNS, out)


def set_method(session: Session, actor: Actor, plan_code: str, code: str, method: str) -> AggregationMethod:
    """Declare how an indicator's values combine across units ("" = back to the default), refreshing the
    summaries of its key; a sum of a share or rate is refused."""
    ws = workspace_id(session, actor, Permission.EDIT_REGISTRY)
    row = session.execute(select(IndicatorRow).join(PlanRow, PlanRow.id == IndicatorRow.plan_id).where(
        PlanRow.workspace_id == ws, PlanRow.code == plan_code, IndicatorRow.code == code)).scalar_one_or_none()
    if row is None:
        raise ChitieuError("summaries_indicator_not_found", code=code, plan=plan_code)
    chosen = method_of(method, row.name, row.unit, row.polarity)
    row.aggregation = method
    session.flush()
    current = store.state(session, ws)
    if current is not None:
        _refresh_values(session, ws, {indicator_key(row.name, row.unit)}, _Context.load(session, ws))
    return chosen


def refresh_plans_by_code(session: Session, actor: Actor, plan_codes: Iterable[str]) -> bool:
    """``refresh_touched`` for whole plans named by code (a registry save rewrites a plan's content)."""
    codes = sorted(set(plan_codes))
    if not codes or store.state(session, workspace_id(session, actor, Permission.READ)) is None:
        return False
    ws = workspace_id(session, actor, Permission.READ)
    ids = session.scalars(select(PlanRow.id).where(PlanRow.workspace_id == ws, PlanRow.code.in_(codes))).all()
    return refresh_touched(session, actor, plan_ids=ids)

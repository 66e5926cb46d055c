"""The read side of the pages and the API: visible plans, assessments (cached), an indicator's story.

Reads go through here so that the web has one place where workspace scoping and caching are decided.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chitieu.assessment import AssessmentRow, assess_bundle
from chitieu.domain import Observation, PlanBundle
from chitieu.messages import ChitieuError, msg
from chitieu.services.workspaces import workspace_id
from chitieu.store.models import EventRow, IndicatorRow, ObservationRow, PlanRow, TargetRow
from chitieu.store.models_web import PlanPublicationRow
from chitieu.store.reader import read_bundle
from chitieu.web.context import Caller

YEAR_LOW, YEAR_HIGH = 1900, 2200


@dataclass(frozen=True, slots=True)
class PlanListItem:
    code: str
    title: str
    kind: str
    number: str
    issuer: str
    term_start: int | None
    term_end: int | None
    parent_code: str | None
    indicator_count: int
    published: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code, "title": self.title, "kind": self.kind, "number": self.number, "issuer": self.issuer,
            "term_start": self.term_start, "term_end": self.term_end, "parent_code": self.parent_code,
            "indicator_count": self.indicator_count, "published": self.published,
        }


def published_plan_ids(session: Session) -> set[int]:
    return set(session.scalars(select(PlanPublicationRow.plan_id)))


def workspace_of(session: Session, who: Caller) -> int:
    return workspace_id(session, who.actor())


def list_visible_plans(session: Session, who: Caller) -> list[PlanListItem]:
    """The workspace's plans for a signed-in user; only the published ones for an anonymous visitor."""
    ws = workspace_of(session, who)
    counts = dict(session.execute(
        select(IndicatorRow.plan_id, func.count(IndicatorRow.id)).join(PlanRow, PlanRow.id == IndicatorRow.plan_id)
        .where(PlanRow.workspace_id == ws).group_by(IndicatorRow.plan_id)).all())
    published = published_plan_ids(session)
    rows = list(session.scalars(select(PlanRow).where(PlanRow.workspace_id == ws).order_by(PlanRow.id)))
    codes = {r.id: r.code for r in rows}
    items = [
        PlanListItem(r.code, r.title, r.kind, r.number, r.issuer, r.term_start, r.term_end,
                     codes.get(r.parent_id) if r.parent_id else None, counts.get(r.id, 0), r.id in published)
        for r in rows
    ]
    return items if who.signed_in else [i for i in items if i.published]


def plan_row(session: Session, who: Caller, code: str) -> PlanRow:
    """The plan ``code`` if the caller may see it (``plan_not_found`` / ``plan_not_published`` otherwise)."""
    ws = workspace_of(session, who)
    row = session.scalar(select(PlanRow).where(PlanRow.workspace_id == ws, PlanRow.code == code)) if len(code) <= 100 else None
    if row is None:
        raise ChitieuError("plan_not_found", code=code[:100])
    if not who.signed_in and row.id not in published_plan_ids(session):
        raise ChitieuError("plan_not_published", code=code)
    return row


def check_year(value: int | None) -> int | None:
    if value is not None and not (YEAR_LOW <= value <= YEAR_HIGH):
        raise ChitieuError("bad_option", option="as_of", reason=msg("web_year_range", value=value, low=YEAR_LOW, high=YEAR_HIGH))
    return value


# --- assessments, cached by the state of the data ----------------------------------------------------


def data_fingerprint(session: Session) -> tuple[Any, ...]:
    """Changes whenever the registry changes: every service write records an event (ids only grow);
    the newest target and observation ids also catch rows written in bulk without one."""
    parts: list[Any] = [session.scalar(select(func.max(EventRow.id)))]
    for model in (TargetRow, ObservationRow):
        parts.append(session.scalar(select(func.max(model.id))))
    parts.append(len(published_plan_ids(session)))
    return tuple(parts)


@dataclass(slots=True)
class PlanView:
    """One plan assessed at a year and to the end of its term."""

    bundle: PlanBundle
    as_of: int
    rows: list[AssessmentRow]
    forecast: list[AssessmentRow]
    extra: dict[str, Any] = field(default_factory=dict)


class AssessmentCache:
    """Recently assessed plans, dropped as soon as the data changes (a few entries, thread-safe)."""

    def __init__(self, size: int = 16) -> None:
        self.size = size
        self._entries: OrderedDict[tuple[Any, ...], PlanView] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[Any, ...]) -> PlanView | None:
        with self._lock:
            view = self._entries.get(key)
            if view is not None:
                self._entries.move_to_end(key)
            return view

    def put(self, key: tuple[Any, ...], view: PlanView) -> None:
        with self._lock:
            self._entries[key] = view
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


def default_as_of(bundle: PlanBundle) -> int:
    """The services' rule (the last year with measured data); this year within the term without any."""
    from chitieu.services.registry import default_as_of as measured_year

    try:
        return measured_year(bundle)
    except ChitieuError:
        this_year = date.today().year
        return min(bundle.plan.term_end or this_year, this_year)


def plan_view(session: Session, cache: AssessmentCache, code: str, as_of: int | None, who: Caller) -> PlanView:
    ws = workspace_of(session, who)
    fingerprint = data_fingerprint(session)
    key = (ws, code, as_of, fingerprint)
    view = cache.get(key)
    if view is not None:
        return view
    bundle = read_bundle(session, ws, code, unit_values=False)  # units' values: per indicator, on its page
    if bundle is None:
        raise ChitieuError("plan_not_found", code=code)
    year = as_of if as_of is not None else default_as_of(bundle)
    from chitieu.services.conventions import workspace_profile

    profile = workspace_profile(session, who.actor())  # the workspace's convention in use (an event clears the cache)
    view = PlanView(bundle, year, assess_bundle(bundle, as_of=year, profile=profile),
                    assess_bundle(bundle, forecast=True, profile=profile))
    cache.put(key, view)
    return view


def unit_observations(session: Session, who: Caller, plan_code: str, indicator_code: str) -> list[Observation]:
    """The org units' values of one indicator (the assessed view holds only the plan's own area)."""
    from chitieu.domain import Op, Period, Provenance
    from chitieu.domain.observations import ObservationFlag
    from chitieu.store.models import DocumentRow, OrgUnitRow

    ws = workspace_of(session, who)
    rows = session.execute(
        select(ObservationRow, OrgUnitRow.code, DocumentRow.code)
        .join(IndicatorRow, IndicatorRow.id == ObservationRow.indicator_id)
        .join(PlanRow, PlanRow.id == IndicatorRow.plan_id)
        .join(OrgUnitRow, OrgUnitRow.id == ObservationRow.org_unit_id)
        .outerjoin(DocumentRow, DocumentRow.id == ObservationRow.source_document_id)
        .where(PlanRow.workspace_id == ws, PlanRow.code == plan_code, IndicatorRow.code == indicator_code)
        .order_by(OrgUnitRow.code, ObservationRow.period_start, ObservationRow.period_end)
    ).all()
    found = []
    for o, unit, document in rows:
        provenance = (Provenance(document, o.source_location, o.source_quote, o.source_page, o.source_start, o.source_end)
                      if document else None)
        found.append(Observation(indicator_code=indicator_code, period=Period(o.period_start, o.period_end), value=o.value,
                                 op=Op(o.op), org_unit_code=unit, flag=ObservationFlag(o.flag), text=o.text,
                                 stated_ratio=o.stated_ratio, stated_verdict=o.stated_verdict, provenance=provenance))
    return found


def row_dict(row: AssessmentRow, plan_code: str) -> dict[str, Any]:
    """An assessment row as the API gives it: ``chitieu assess --format json`` keys plus plan and unit."""
    data = row.to_dict()
    data.setdefault("plan_code", plan_code)
    data.setdefault("org_unit", None)
    return data

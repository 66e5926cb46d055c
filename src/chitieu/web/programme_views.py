"""The read side of programme budgets for pages and the API: parse the view's day and period, assess."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from chitieu.assessment.disbursement import DisbursementRow
from chitieu.domain import Actor, Period
from chitieu.messages import ChitieuError, msg
from chitieu.numbers import format_number
from chitieu.services.programmes import assess_programmes, budget_day, list_programmes, load_budget
from chitieu.services.tasks import parse_day


def period_of(text: str | None) -> Period | None:
    if text is None or not text.strip():
        return None
    try:
        period = Period.parse(text.strip())
    except ValueError:
        raise ChitieuError("bad_option", option="period", reason=msg("cli_bad_period", value=text)) from None
    if period.end < period.start or not 1900 <= period.start <= 2200:
        raise ChitieuError("bad_option", option="period", reason=msg("cli_bad_period", value=text))
    return period


def programme_rows(session: Session, actor: Actor, *, as_of: str | None = None, period: str | None = None,
                   root: str | None = None, unit: str | None = None, by_source: bool = False,
                   ) -> tuple[date, list[DisbursementRow]]:
    """The day meant (the latest figure's day when none is given) and the assessed rows."""
    day = parse_day(as_of, field="as_of") if as_of and as_of.strip() else budget_day(load_budget(session, actor))
    rows = assess_programmes(session, actor, as_of=day, period=period_of(period), root=root or None,
                             unit=unit or None, by_unit=True, by_source=by_source)
    return day, rows


def roots(session: Session, actor: Actor) -> list[dict[str, Any]]:
    """The programme nodes to choose from (tree order, indented)."""
    return [{"code": s.plan.code, "title": s.plan.title, "depth": s.depth} for s in list_programmes(session, actor)]


def money(value: float | None) -> str:
    return "" if value is None else format_number(value, 0 if abs(value) >= 100 else 2)


def rate(value: float | None) -> str:
    return "" if value is None else f"{format_number(value, 1)}%"

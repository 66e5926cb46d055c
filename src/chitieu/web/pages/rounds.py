"""Kỳ báo cáo in the browser: the rounds, a round's units, the entry form of a unit (htmx, row by row).

Every request is checked by the same services as the API (a unit officer writes only its units, …); a
value row is saved on its own (drafts are kept as typed), answers with the row re-drawn: saved, refused
with the Vietnamese reason, or — when someone saved it meanwhile — the other person's value.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from chitieu.domain.actors import Role
from chitieu.domain.rounds import ROUND_MANAGERS, UnitAction, UnitStatus, may_act
from chitieu.messages import ChitieuError, msg
from chitieu.services import round_approval, round_audit, round_template, round_values, rounds
from chitieu.services.registry import list_plans, load_org_units
from chitieu.services.reminders import reminders_for
from chitieu.web.api.documents import read_upload
from chitieu.web.api.schemas import RowId
from chitieu.web.context import check_csrf, require, transaction
from chitieu.web.errors import status_of
from chitieu.web.templating import render

router = APIRouter()
FLAGS = (("actual", "thực hiện"), ("estimate", "ước"), ("projection", "dự ước"))


def _rounds_page(request: Request, *, error: str = "", status: int = 200, typed: dict[str, Any] | None = None) -> Response:
    who = require(request, "read")
    actor = who.actor()
    manager = Role(actor.role) in ROUND_MANAGERS
    with transaction(request) as session:
        listed = rounds.list_rounds(session, actor)
        notes = reminders_for(session, actor, date.today())
        plans = [s.plan for s in list_plans(session, actor) if s.indicator_count] if manager else []
        units = load_org_units(session, actor) if manager else []
    return render(request, "rounds.html", {
        "rounds": listed, "reminders": notes, "active": "rounds", "manager": manager, "plans": plans,
        "units": [u for u in units if u.valid_to is None or u.valid_to >= date.today()], "error": error,
        "typed": typed or {}}, status_code=status)


@router.get("/rounds")
def rounds_page(request: Request) -> Response:
    return _rounds_page(request)


@router.post("/rounds")
def create_round(request: Request, plan: str = Form("", max_length=100), period: str = Form("", max_length=100),
                 deadline: str = Form("", max_length=20), title: str = Form("", max_length=500),
                 units: list[str] = Form([]), csrf_token: str = Form("")) -> Response:
    """The office opens a round for the units ticked (every indicator of the plan)."""
    who = require(request, "read")
    check_csrf(request, who, csrf_token)
    try:
        with transaction(request, write=True) as session:
            made = rounds.create_round(session, who.actor(), plan=plan, period=period, deadline=deadline,
                                       units=[u[:100] for u in units[:5000]], title=title)
    except ChitieuError as exc:
        typed = {"plan": plan, "period": period, "deadline": deadline, "title": title, "units": set(units)}
        return _rounds_page(request, error=exc.message, status=status_of(exc), typed=typed)
    return RedirectResponse(f"/rounds/{made.id}", status_code=303)


@router.post("/rounds/{round_id}/state")
def round_state(request: Request, round_id: RowId, action: str = Form(..., pattern="^(close|reopen)$"),
                reason: str = Form("", max_length=4000), csrf_token: str = Form("")) -> Response:
    who = require(request, "read")
    check_csrf(request, who, csrf_token)
    try:
        with transaction(request, write=True) as session:
            if action == "close":
                rounds.close_round(session, who.actor(), round_id)
            else:
                rounds.reopen_round(session, who.actor(), round_id, reason)
    except ChitieuError as exc:
        return _round_page(request, round_id, error=exc.message, status=status_of(exc))
    return RedirectResponse(f"/rounds/{round_id}", status_code=303)


def _round_page(request: Request, round_id: int, *, error: str = "", status: int = 200) -> Response:
    who = require(request, "read")
    actor = who.actor()
    with transaction(request) as session:
        info = rounds.get_round(session, actor, round_id)
    return render(request, "round.html", {
        "round": info, "active": "rounds", "error": error, "manager": Role(actor.role) in ROUND_MANAGERS,
        "can_write": {u.code: may_act(actor, UnitAction.WRITE, u.code) for u in info.units}}, status_code=status)


@router.get("/rounds/{round_id}")
def round_page(request: Request, round_id: RowId) -> Response:
    return _round_page(request, round_id)


def _unit_context(request: Request, round_id: int, unit: str, message: str = "", error: str = "") -> dict[str, Any]:
    who = require(request, "read")
    actor = who.actor()
    with transaction(request) as session:
        info = rounds.get_round(session, actor, round_id)
        values = round_values.unit_values(session, actor, round_id, unit)
        history = round_audit.round_audit(session, actor, round_id, unit=unit, steps=True)
    [state] = [u for u in info.units if u.code == unit]
    status = UnitStatus(state.status)
    by_indicator: dict[str, list[dict[str, Any]]] = {}
    for item in history:
        if item["indicator"]:
            by_indicator.setdefault(item["indicator"], []).append(item)
    return {
        "round": info, "unit": state, "values": values, "history": by_indicator,
        "steps": [h for h in history if h["indicator"] is None], "flags": FLAGS, "status_label": status.label_vi,
        "editable": status.writable and info.status == "open" and may_act(actor, UnitAction.WRITE, unit),
        "can": {a.value: may_act(actor, a, unit) for a in UnitAction}, "message": message, "error": error,
        "active": "rounds",
    }


@router.get("/rounds/{round_id}/units/{unit}")
def unit_page(request: Request, round_id: RowId, unit: str) -> Response:
    return render(request, "round_unit.html", _unit_context(request, round_id, unit[:100]))


@router.post("/rounds/{round_id}/units/{unit}/values/{indicator}")
def save_value(request: Request, round_id: RowId, unit: str, indicator: str, text: str = Form("", max_length=500),
               flag: str = Form("", max_length=50), note: str = Form("", max_length=4000),
               version: int | None = Form(None, ge=0, le=2_147_483_647), csrf_token: str = Form("")) -> Response:
    """One value row, saved alone (htmx swaps the row); a refusal re-draws the row with the reason."""
    who = require(request, "read")
    check_csrf(request, who, csrf_token)
    unit, indicator = unit[:100], indicator[:100]
    error, status_code, saved = "", 200, False
    try:
        with transaction(request, write=True) as session:
            round_values.put_value(session, who.actor(), round_id, unit, indicator, text=text, flag=flag or None,
                                   note=note, expected_version=version, source="form")
        saved = True
    except ChitieuError as exc:
        error, status_code = exc.message, status_of(exc)
    with transaction(request) as session:
        values = round_values.unit_values(session, who.actor(), round_id, unit)
        history = round_audit.round_audit(session, who.actor(), round_id, unit=unit, indicator=indicator)
    [value] = [v for v in values if v.indicator == indicator]
    context = {"v": value, "flags": FLAGS, "editable": True, "round_id": round_id, "unit_code": unit,
               "history": {indicator: history}, "row_error": error, "row_saved": saved,
               "typed": {"text": text, "flag": flag, "note": note} if error else None}
    if request.headers.get("hx-request"):
        return render(request, "_round_value.html", context, status_code=200 if status_code < 500 else status_code)
    if error:
        return render(request, "round_unit.html", _unit_context(request, round_id, unit, error=error), status_code=status_code)
    return RedirectResponse(f"/rounds/{round_id}/units/{unit}#v-{indicator}", status_code=303)


@router.post("/rounds/{round_id}/units/{unit}/step")
def unit_step(request: Request, round_id: RowId, unit: str, action: str = Form(..., pattern="^(submit|approve|return|reopen)$"),
              comment: str = Form("", max_length=4000), csrf_token: str = Form("")) -> Response:
    who = require(request, "read")
    check_csrf(request, who, csrf_token)
    unit = unit[:100]
    try:
        with transaction(request, write=True) as session:
            actor = who.actor()
            if action == "submit":
                done = round_approval.submit_unit(session, actor, round_id, unit)
            elif action == "approve":
                done = round_approval.approve_unit(session, actor, round_id, unit, comment)
            elif action == "return":
                done = round_approval.return_unit(session, actor, round_id, unit, comment)
            else:
                done = round_approval.reopen_unit(session, actor, round_id, unit, comment)
    except ChitieuError as exc:
        return render(request, "round_unit.html", _unit_context(request, round_id, unit, error=exc.message),
                      status_code=status_of(exc))
    said = [msg("round_page_step", status=UnitStatus(done.status).label_vi)] + [w.message for w in done.warnings]
    return render(request, "round_unit.html", _unit_context(request, round_id, unit, message=" ".join(said)))


@router.post("/rounds/{round_id}/units/{unit}/upload")
def upload_template(request: Request, round_id: RowId, unit: str, file: UploadFile | None = File(None),
                    csrf_token: str = Form("")) -> Response:
    who = require(request, "read")
    check_csrf(request, who, csrf_token)
    unit = unit[:100]
    try:
        name, content = read_upload(request, file)
        with transaction(request, write=True) as session:
            outcome = round_template.read_round_template(session, who.actor(), round_id, unit, content, name)
    except ChitieuError as exc:
        return render(request, "round_unit.html", _unit_context(request, round_id, unit, error=exc.message),
                      status_code=status_of(exc))
    if outcome.problems:
        error = " ".join(p.message for p in outcome.problems[:20])
        return render(request, "round_unit.html", _unit_context(request, round_id, unit, error=error), status_code=400)
    said = msg("round_page_uploaded", count=len(outcome.changed), unchanged=outcome.unchanged)
    return render(request, "round_unit.html", _unit_context(request, round_id, unit, message=said))

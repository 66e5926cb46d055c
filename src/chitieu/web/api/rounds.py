"""Reporting rounds over the API: create, close, reopen; values per unit and indicator; approval; audit.

Who may do what is decided by the services for every request (``chitieu.domain.rounds``): a unit officer
writes only its units' values, a unit approver approves its units, the office approves at province level and
manages rounds, a viewer reads. 401 without a login or token, 403 for a role or unit not allowed, 409 for a
write to an approved unit, a closed round or a stale version (with the value someone else saved).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, File, Query, Request, UploadFile
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from chitieu.messages import msg
from chitieu.services import round_approval, round_audit, round_template, round_values, rounds
from chitieu.web.api.documents import read_upload
from chitieu.web.api.schemas import RowId
from chitieu.web.context import check_csrf, require, transaction

router = APIRouter(tags=["rounds"])
Code = Annotated[str, PathParam(min_length=1, max_length=100, description="Mã")]
ShortText = Annotated[str, Field(max_length=4000)]


class RoundCreate(BaseModel):
    plan: str = Field(min_length=1, max_length=100)
    period: str = Field(min_length=1, max_length=100, examples=["năm 2025", "6 tháng 2025", "giữa kỳ", "2021-2023"])
    deadline: str = Field(min_length=1, max_length=20, examples=["2025-12-15", "15/12/2025"])
    units: list[Annotated[str, Field(max_length=100)]] = Field(min_length=1, max_length=5000)
    indicators: list[Annotated[str, Field(max_length=100)]] | None = Field(default=None, max_length=5000)
    title: str = Field(default="", max_length=500)
    assignments: dict[str, list[str]] | None = None
    leads: dict[str, str] | None = None


class ValueBody(BaseModel):
    text: str = Field(max_length=500, examples=["47,5", ">5", "Hoàn thành"])
    flag: str | None = Field(default=None, max_length=50, examples=["thực hiện", "ước", "dự ước"])
    note: ShortText | None = None
    version: int | None = Field(default=None, ge=0, le=2_147_483_647)
    reason: ShortText = ""


class CommentBody(BaseModel):
    comment: ShortText = ""
    version: int | None = Field(default=None, ge=0, le=2_147_483_647)


class ReasonBody(BaseModel):
    reason: ShortText = ""
    version: int | None = Field(default=None, ge=0, le=2_147_483_647)


def _round_json(info: rounds.RoundInfo) -> dict[str, Any]:
    out = asdict(info)
    out["deadline"] = info.deadline.isoformat()
    return out


def _writer(request: Request) -> Any:
    who = require(request, "read")
    check_csrf(request, who)
    return who


@router.post("/rounds", status_code=201, summary="Tạo kỳ báo cáo")
def create_round(request: Request, body: RoundCreate) -> dict[str, Any]:
    who = _writer(request)
    with transaction(request, write=True) as session:
        info = rounds.create_round(session, who.actor(), plan=body.plan, period=body.period, deadline=body.deadline,
                                   units=body.units, indicators=body.indicators, title=body.title,
                                   assignments=body.assignments, leads=body.leads)
    return _round_json(info)


@router.get("/rounds", summary="Các kỳ báo cáo")
def list_rounds(request: Request) -> list[dict[str, Any]]:
    who = require(request, "read")
    with transaction(request) as session:
        return [_round_json(r) for r in rounds.list_rounds(session, who.actor())]


@router.get("/rounds/{round_id}", summary="Một kỳ báo cáo: đơn vị, trạng thái, chỉ tiêu")
def get_round(request: Request, round_id: RowId) -> dict[str, Any]:
    who = require(request, "read")
    with transaction(request) as session:
        return _round_json(rounds.get_round(session, who.actor(), round_id))


@router.post("/rounds/{round_id}/close", summary="Đóng kỳ báo cáo")
def close_round(request: Request, round_id: RowId) -> dict[str, Any]:
    who = _writer(request)
    with transaction(request, write=True) as session:
        return _round_json(rounds.close_round(session, who.actor(), round_id))


@router.post("/rounds/{round_id}/reopen", summary="Mở lại kỳ báo cáo (cần lý do)")
def reopen_round(request: Request, round_id: RowId, body: ReasonBody) -> dict[str, Any]:
    who = _writer(request)
    with transaction(request, write=True) as session:
        return _round_json(rounds.reopen_round(session, who.actor(), round_id, body.reason))


@router.get("/rounds/{round_id}/units/{unit}/values", summary="Số liệu của một đơn vị trong kỳ")
def unit_values(request: Request, round_id: RowId, unit: Code) -> list[dict[str, Any]]:
    who = require(request, "read")
    with transaction(request) as session:
        return [v.to_json() for v in round_values.unit_values(session, who.actor(), round_id, unit)]


@router.put("/rounds/{round_id}/values/{unit}/{indicator}", summary="Nhập (hoặc sửa) một giá trị")
def put_value(request: Request, round_id: RowId, unit: Code, indicator: Code, body: ValueBody) -> dict[str, Any]:
    """``{text, flag?, note?, version?}``: ``version`` is the one you read; if someone saved since, 409 with their value."""
    who = _writer(request)
    source = "api" if who.via == "api" else "form"
    with transaction(request, write=True) as session:
        return round_values.put_value(session, who.actor(), round_id, unit, indicator, text=body.text, flag=body.flag,
                                      note=body.note, expected_version=body.version, source=source,
                                      reason=body.reason).to_json()


@router.post("/rounds/{round_id}/units/{unit}/submit", summary="Gửi báo cáo của đơn vị")
def submit(request: Request, round_id: RowId, unit: Code, body: CommentBody | None = None) -> dict[str, Any]:
    who = _writer(request)
    with transaction(request, write=True) as session:
        return round_approval.submit_unit(session, who.actor(), round_id, unit,
                                          body.version if body else None).to_json()


@router.post("/rounds/{round_id}/units/{unit}/approve", summary="Phê duyệt báo cáo của đơn vị")
def approve(request: Request, round_id: RowId, unit: Code, body: CommentBody | None = None) -> dict[str, Any]:
    who = _writer(request)
    with transaction(request, write=True) as session:
        return round_approval.approve_unit(session, who.actor(), round_id, unit, body.comment if body else "",
                                           body.version if body else None).to_json()


@router.post("/rounds/{round_id}/units/{unit}/return", summary="Trả lại báo cáo (kèm ý kiến)")
def return_(request: Request, round_id: RowId, unit: Code, body: CommentBody) -> dict[str, Any]:
    who = _writer(request)
    with transaction(request, write=True) as session:
        return round_approval.return_unit(session, who.actor(), round_id, unit, body.comment, body.version).to_json()


@router.post("/rounds/{round_id}/units/{unit}/reopen", summary="Mở lại báo cáo đã duyệt (cần lý do)")
def reopen_unit(request: Request, round_id: RowId, unit: Code, body: ReasonBody) -> dict[str, Any]:
    who = _writer(request)
    with transaction(request, write=True) as session:
        return round_approval.reopen_unit(session, who.actor(), round_id, unit, body.reason, body.version).to_json()


@router.get("/audit", summary="Lịch sử thay đổi từng giá trị của một kỳ báo cáo")
def audit(
    request: Request,
    round_id: Annotated[int, Query(alias="round", ge=1, le=2_147_483_647)],
    unit: Annotated[str | None, Query(max_length=100)] = None,
    indicator: Annotated[str | None, Query(max_length=100)] = None,
    steps: bool = False,
) -> list[dict[str, Any]]:
    """``[{actor, at, unit, indicator, old, new, reason, source, …}]``; ``steps=true`` adds the approval steps."""
    who = require(request, "read")
    with transaction(request) as session:
        return round_audit.round_audit(session, who.actor(), round_id, unit=unit, indicator=indicator, steps=steps)


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@router.get("/rounds/{round_id}/units/{unit}/template.xlsx", summary="Tải biểu mẫu Excel của đơn vị",
            response_class=Response, responses={200: {"content": {XLSX: {}}}})
def download_template(request: Request, round_id: RowId, unit: Code) -> Response:
    who = require(request, "read")
    with transaction(request) as session:
        content = round_template.write_round_template(session, who.actor(), round_id, unit)
    name = f"ky-{round_id}-{unit}.xlsx"
    return Response(content, media_type=XLSX, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.post("/rounds/{round_id}/units/{unit}/template.xlsx", summary="Tải lên biểu mẫu Excel đã nhập (tất cả hoặc không)")
def upload_template(request: Request, round_id: RowId, unit: Code,
                    file: UploadFile | None = File(None, description="Biểu mẫu .xlsx đã nhập")) -> Any:
    """200 ``{changed, unchanged, values}``; 400 ``{code, message, problems: [{file, row, column, value, message}]}``
    with every problem cell by cell when anything is wrong (then nothing is written)."""
    who = _writer(request)
    name, content = read_upload(request, file)
    with transaction(request, write=True) as session:
        outcome = round_template.read_round_template(session, who.actor(), round_id, unit, content, name)
    if outcome.problems:
        shown = "; ".join(p.message for p in outcome.problems[:10])
        return JSONResponse(status_code=400, content={
            "code": "round_template_problems",
            "message": msg("round_template_problems", count=len(outcome.problems), problems=shown),
            "problems": [p.to_dict() for p in outcome.problems]})
    return {"changed": len(outcome.changed), "unchanged": outcome.unchanged,
            "values": [v.to_json() for v in outcome.changed]}


AUDIT_COLUMNS = ("at", "actor", "role", "via", "action", "unit", "indicator", "old", "new", "flag_old", "flag_new",
                 "note_old", "note_new", "reason", "source")


@router.get("/audit.csv", summary="Lịch sử thay đổi của một kỳ báo cáo (CSV)", response_class=Response,
            responses={200: {"content": {"text/csv": {}}}})
def audit_csv(
    request: Request,
    round_id: Annotated[int, Query(alias="round", ge=1, le=2_147_483_647)],
    steps: bool = True,
) -> Response:
    """The audit trail as CSV (UTF-8 with BOM, formula-like text escaped), approval steps included by default."""
    import io

    from chitieu.reports.safe_cells import SafeDictWriter

    who = require(request, "read")
    with transaction(request) as session:
        rows = round_audit.round_audit(session, who.actor(), round_id, steps=steps)
    out = io.StringIO()
    writer = SafeDictWriter(out, AUDIT_COLUMNS)
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return Response(out.getvalue().encode("utf-8"), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="nhat-ky-ky-{round_id}.csv"'})

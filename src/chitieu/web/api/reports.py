"""Reports of a plan: the official appendix (.xlsx, .docx), the summary paragraph, audit findings, data CSV."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from chitieu.messages import ChitieuError
from chitieu.web import queries, reports_data
from chitieu.web.context import caller, transaction

router = APIRouter(tags=["reports"])
MEDIA = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _view(request: Request, code: str, as_of: int | None) -> queries.PlanView:
    who = caller(request)
    with transaction(request) as session:
        queries.plan_row(session, who, code)
        return queries.plan_view(session, request.app.state.assessments, code, as_of, who)


def _download(content: bytes | str, media: str, file_name: str) -> Response:
    disposition = f"attachment; filename=\"{file_name.encode('ascii', 'replace').decode()}\"; filename*=UTF-8''{quote(file_name)}"
    return Response(content, media_type=media, headers={"content-disposition": disposition})


YEAR = Query(None, ge=queries.YEAR_LOW, le=queries.YEAR_HIGH, description="Năm đánh giá (mặc định: năm gần nhất có số liệu)")


@router.get("/plans/{code}/appendix.xlsx", summary="Phụ lục kết quả thực hiện (Excel)",
            responses={200: {"content": {MEDIA["xlsx"]: {}}}})
def appendix_xlsx(request: Request, code: str, as_of: int | None = YEAR) -> Response:
    view = _view(request, code, as_of)
    return _download(reports_data.appendix_bytes(view, "xlsx"), MEDIA["xlsx"], f"phu-luc-{code.lower()}.xlsx")


@router.get("/plans/{code}/appendix.docx", summary="Phụ lục kết quả thực hiện (Word)",
            responses={200: {"content": {MEDIA["docx"]: {}}}})
def appendix_docx(request: Request, code: str, as_of: int | None = YEAR) -> Response:
    view = _view(request, code, as_of)
    return _download(reports_data.appendix_bytes(view, "docx"), MEDIA["docx"], f"phu-luc-{code.lower()}.docx")


@router.get("/plans/{code}/observations.csv", summary="Số liệu của kế hoạch (CSV; ?format=sdmx cho SDMX-CSV)",
            responses={200: {"content": {"text/csv": {}}}})
def observations_csv(request: Request, code: str, format: str = Query("csv", pattern="^(csv|sdmx)$")) -> Response:
    from chitieu.store.reader import read_bundle

    who = caller(request)
    with transaction(request) as session:
        queries.plan_row(session, who, code)
        bundle = read_bundle(session, queries.workspace_of(session, who), code)  # with every unit's values
    if bundle is None:
        raise ChitieuError("plan_not_found", code=code)
    text = reports_data.observations_csv(bundle, sdmx=format == "sdmx")
    suffix = "-sdmx" if format == "sdmx" else ""
    return _download(text.encode("utf-8"), "text/csv; charset=utf-8", f"so-lieu-{code.lower()}{suffix}.csv")


@router.get("/plans/{code}/summary", summary="Đoạn tóm tắt kết quả (như trong báo cáo)")
def summary(request: Request, code: str, as_of: int | None = YEAR) -> dict[str, Any]:
    view = _view(request, code, as_of)
    return {"plan_code": code, "as_of": view.as_of, "summary": reports_data.summary_text(view)}


@router.get("/plans/{code}/audit", summary="Các phát hiện kiểm tra tính nhất quán")
def audit(request: Request, code: str) -> dict[str, Any]:
    from chitieu.services.audit import audit_plans

    who = caller(request)
    with transaction(request) as session:
        queries.plan_row(session, who, code)
        findings = audit_plans(session, who.actor(), code)
    return {"plan_code": code, "findings": [f.to_dict() for f in findings]}

"""Programme budgets: ``GET /api/v1/programmes/assessment`` (allocation, disbursement, rate, verdict per node
and unit, as ``chitieu programme assess --format json``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request

from chitieu.web import programme_views
from chitieu.web.context import require, transaction

router = APIRouter(tags=["programmes"])


@router.get("/programmes/assessment", summary="Vốn, giải ngân và đánh giá từng chương trình, đơn vị")
def programme_assessment(
    request: Request,
    as_of: str | None = Query(None, max_length=20, description="Đến ngày (mặc định: ngày số liệu mới nhất)"),
    period: str | None = Query(None, max_length=20, description="Kỳ vốn (2023, 2021-2025)"),
    root: str | None = Query(None, max_length=100, description="Mã chương trình gốc"),
    unit: str | None = Query(None, max_length=100, description="Chỉ một đơn vị"),
    sources: bool = Query(False, description="Thêm dòng theo nguồn vốn"),
) -> dict[str, Any]:
    who = require(request, "read")
    with transaction(request) as session:
        day, rows = programme_views.programme_rows(session, who.actor(), as_of=as_of, period=period, root=root,
                                                   unit=unit, by_source=sources)
    return {"as_of": day.isoformat(), "period": rows[0].period if rows else None,
            "rows": [r.to_dict() for r in rows]}

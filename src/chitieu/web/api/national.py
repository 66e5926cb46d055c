"""The national dashboard as JSON: ``GET /api/v1/national`` and ``GET /api/v1/national/{unit}``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from chitieu.services.summaries_read import national_view
from chitieu.web.context import require, transaction

router = APIRouter(tags=["national"])


@router.get("/national", summary="Tổng hợp toàn quốc: số chỉ tiêu theo mức đánh giá của từng tỉnh")
def national(request: Request) -> dict[str, Any]:
    """The nation's verdict counts, one line per plan (its area, its units together) and aggregated values."""
    return _view(request, None)


@router.get("/national/{unit}", summary="Tổng hợp của một đơn vị: tỉnh (các xã) hoặc xã (các chỉ tiêu)")
def national_unit(request: Request, unit: str) -> dict[str, Any]:
    return _view(request, unit)


def _view(request: Request, unit: str | None) -> dict[str, Any]:
    who = require(request, "read")
    with transaction(request) as session:
        return national_view(session, who.actor(), unit).to_dict()

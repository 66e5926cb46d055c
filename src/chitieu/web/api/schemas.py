"""Shapes of the API's answers (they make the OpenAPI document at /openapi.json)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Path as PathParam
from pydantic import BaseModel, ConfigDict, Field

# Row ids in paths: 32-bit positive integers, so a huge number is a 422, never a database overflow.
RowId = Annotated[int, PathParam(ge=1, le=2_147_483_647, description="Số hiệu")]
Finite = Annotated[float, Field(allow_inf_nan=False, ge=-1e15, le=1e15)]


class ErrorBody(BaseModel):
    """Every error: a stable code and the catalogue's Vietnamese message."""

    code: str = Field(examples=["plan_not_found"])
    message: str = Field(examples=["Không tìm thấy kế hoạch/nghị quyết có mã «X»."])


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "Dữ liệu không hợp lệ"},
    401: {"model": ErrorBody, "description": "Cần đăng nhập hoặc token"},
    403: {"model": ErrorBody, "description": "Vai trò không đủ quyền"},
    404: {"model": ErrorBody, "description": "Không tìm thấy"},
    422: {"model": ErrorBody, "description": "Yêu cầu sai dạng"},
}


class Plan(BaseModel):
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


class AssessmentRowModel(BaseModel):
    """The keys of ``chitieu assess --format json`` plus ``plan_code`` and ``org_unit``."""

    model_config = ConfigDict(extra="allow")
    code: str
    name: str
    target: str
    value: float | None
    ratio: float | None
    status: str
    status_vi: str
    explanation: str
    plan_code: str
    org_unit: str | None


class Assessment(BaseModel):
    plan_code: str
    as_of: int | None
    forecast: bool
    summary: str
    rows: list[AssessmentRowModel]


class DocumentAccepted(BaseModel):
    id: int
    status: Literal["queued", "running", "done", "failed"]
    job_id: int
    created: bool


class DocumentState(BaseModel):
    id: int
    file_name: str
    kind: str
    sha256: str
    plan_code: str | None
    status: Literal["queued", "running", "done", "failed"]
    progress: int
    stage: str
    reason: str
    error_code: str
    claims: int
    text_length: int


class AcceptBody(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    indicator_code: str | None = Field(default=None, max_length=100)
    as_: Literal["target", "observation"] | None = Field(default=None, alias="as")
    period: str | None = Field(default=None, max_length=20)
    version: Literal["draft", "adopted", "revised"] = "adopted"


class EditBody(BaseModel):
    value: Finite | None = None
    low: Finite | None = None
    high: Finite | None = None
    op: Literal["=", ">", ">=", "<", "<=", "range"] | None = None
    unit: str | None = Field(default=None, max_length=100)
    indicator_code: str | None = Field(default=None, max_length=100)


class ClaimDecision(BaseModel):
    id: int
    status: str
    created: str | None = None
    row_id: int | None = None
    indicator_code: str | None = None


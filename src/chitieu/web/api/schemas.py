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



class Evidence(BaseModel):
    document: str = Field(min_length=1, max_length=100)
    location: str = Field(default="", max_length=500)
    quote: str = Field(default="", max_length=2000)


class TaskModel(BaseModel):
    """The keys of ``chitieu task list --format json``."""

    plan_code: str
    code: str
    number: str
    title: str
    owner_unit: str | None
    owner: str
    deadline: str | None
    progress: Literal["not_started", "in_progress", "done", "done_late"]
    completed_on: str | None
    state: Literal["not_started", "in_progress", "done", "done_late", "overdue"]
    state_vi: str
    as_of: str
    days_overdue: int | None
    note: str
    evidence: Evidence | None
    version: int


class TaskList(BaseModel):
    plan_code: str
    as_of: str
    tasks: list[TaskModel]


class TaskCreate(BaseModel):
    """A new task; ``state`` in words (đang thực hiện) or as a code (in_progress)."""

    model_config = ConfigDict(extra="forbid")
    code: str = Field(min_length=1, max_length=100)
    title: str = Field(min_length=1, max_length=2000)
    number: str = Field(default="", max_length=50)
    owner_unit: str | None = Field(default=None, max_length=100)
    owner: str = Field(default="", max_length=500)
    deadline: str | None = Field(default=None, max_length=20, description="31/12/2025, 2025-12-31 hoặc 2025")
    state: str = Field(default="not_started", max_length=50)
    completed_on: str | None = Field(default=None, max_length=20)
    note: str = Field(default="", max_length=4000)
    evidence: Evidence | None = None


class TaskPatch(BaseModel):
    """Fields to change (absent = unchanged) and ``version``: the version the caller saw (409 if stale)."""

    model_config = ConfigDict(extra="forbid")
    title: str | None = Field(default=None, min_length=1, max_length=2000)
    number: str | None = Field(default=None, max_length=50)
    owner_unit: str | None = Field(default=None, max_length=100)
    owner: str | None = Field(default=None, max_length=500)
    deadline: str | None = Field(default=None, max_length=20)
    state: str | None = Field(default=None, max_length=50)
    completed_on: str | None = Field(default=None, max_length=20)
    note: str | None = Field(default=None, max_length=4000)
    evidence: Evidence | None = None
    version: int | None = Field(default=None, ge=1, le=2_147_483_647)
    reason: str = Field(default="", max_length=1000)


class TaskEvent(BaseModel):
    at: str
    actor: str
    via: str
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    reason: str


class ConventionSave(BaseModel):
    """A profile (the JSON of ``chitieu convention show --format json`` or of a learn answer) kept by name."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=60)
    profile: dict[str, Any]
    use: bool = True

"""The registry exchange format as data: tables, their columns, and accepted spellings of choices.

See docs/registry-format.md. Order of ``TABLES`` is the order tables are read, validated and written.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from chitieu.domain import (
    CapitalKind,
    ObservationFlag,
    Op,
    PlanKind,
    Polarity,
    TargetKind,
    TargetVersion,
    TaskProgress,
    UnitChangeKind,
)
from chitieu.domain.round_rules import RuleKind, Severity
from chitieu.vocab.table_headers import parse_polarity_word

PROVENANCE_COLUMNS = ("source_document", "source_location", "source_quote")


@dataclass(frozen=True, slots=True)
class TableSpec:
    name: str
    required: tuple[str, ...]
    optional: tuple[str, ...]
    required_table: bool = False

    @property
    def columns(self) -> tuple[str, ...]:
        return self.required + self.optional


TABLES: tuple[TableSpec, ...] = (
    TableSpec("documents", ("code", "title"), ("kind", "issued_on", "issuer", "note")),
    TableSpec(
        "plans",
        ("code", "title"),
        ("kind", "number", "issued_on", "issuer", "term_start", "term_end", "parent_code", "budget",
         "budget_note", *PROVENANCE_COLUMNS),
        required_table=True,
    ),
    TableSpec("org_units", ("code", "name"), ("kind", "parent_code", "valid_from", "valid_to")),
    TableSpec(
        "unit_changes",
        ("predecessor_code", "successor_code", "effective_on"),
        ("kind", "weight", "note", *PROVENANCE_COLUMNS),
    ),
    TableSpec("groups", ("plan_code", "code", "name"), ("parent_code", "order")),
    TableSpec(
        "indicators",
        ("plan_code", "code", "name"),
        ("unit", "polarity", "group_code", "parent_code", "number", "order", "description"),
        required_table=True,
    ),
    TableSpec(
        "targets",
        ("plan_code", "indicator_code", "version", "text"),
        ("op", "value", "low", "high", "kind", "start_year", "deadline", "unit", "baseline_year",
         "baseline_value", *PROVENANCE_COLUMNS),
    ),
    TableSpec(
        "observations",
        ("plan_code", "indicator_code", "period", "text"),
        ("value", "op", "org_unit_code", "flag", "stated_ratio", "stated_verdict", *PROVENANCE_COLUMNS),
    ),
    TableSpec("stated_counts", ("plan_code", "year", "category", "count"), PROVENANCE_COLUMNS),
    TableSpec("round_rules", ("plan_code", "rule"), ("indicator_code", "severity", "limit", "note")),
    # programme budgets (amounts in triệu đồng)
    TableSpec(
        "capital_plans",
        ("plan_code", "period", "amount"),
        ("source", "kind", "org_unit_code", "text", "note", *PROVENANCE_COLUMNS),
    ),
    TableSpec(
        "disbursements",
        ("plan_code", "period", "as_of"),
        ("amount", "rate", "source", "kind", "org_unit_code", "flag", "text", "note", *PROVENANCE_COLUMNS),
    ),
    TableSpec(
        "disbursement_targets",
        ("plan_code", "text"),
        ("op", "value", "low", "high", "period", "source", "deadline", *PROVENANCE_COLUMNS),
    ),
    # tasks (nhiệm vụ) of a plan; the source columns are the evidence of the state
    TableSpec(
        "tasks",
        ("plan_code", "code", "title"),
        ("number", "order", "owner_unit_code", "owner", "deadline", "state", "completed_on", "note",
         *PROVENANCE_COLUMNS),
    ),
)
TABLE_BY_NAME: dict[str, TableSpec] = {t.name: t for t in TABLES}

# Accepted spellings of enumerated cells besides the codes themselves (keys lower-case); polarities: below.
CHOICE_ALIASES: dict[type[StrEnum], dict[str, str]] = {
    PlanKind: {
        "nghị quyết": "resolution", "chương trình": "programme", "đề án": "project",
        "kết luận": "conclusion", "chỉ thị": "directive", "kế hoạch": "plan",
        "dự án thành phần": "component", "dự án": "component", "tiểu dự án": "subproject",
    },
    TargetKind: {
        "mức": "level", "bình quân năm": "annual_rate", "hằng năm": "per_year", "mỗi năm": "per_year",
        "cộng dồn": "cumulative", "lũy kế": "cumulative",
    },
    TargetVersion: {"dự thảo": "draft", "thông qua": "adopted", "chính thức": "adopted", "điều chỉnh": "revised"},
    ObservationFlag: {
        "thực hiện": "actual", "ước": "estimate", "ước thực hiện": "estimate", "dự ước": "projection",
        "dự kiến": "projection", "kế hoạch": "plan",
    },
    Op: {"≥": ">=", "≤": "<=", "=>": ">=", "=<": "<=", "==": "=", "khoảng": "range", "hoàn thành": "done"},
    RuleKind: {
        "tỷ lệ tối đa": "share_max", "tỷ lệ không quá": "share_max", "tổng các đơn vị": "units_sum",
        "tổng đơn vị": "units_sum", "biến động": "jump_factor", "tăng giảm bất thường": "jump_factor",
        "ghi chú khi khó đạt": "note_when_at_risk",
    },
    Severity: {"lỗi": "error", "cảnh báo": "warning"},
    UnitChangeKind: {
        "sáp nhập": "merge", "hợp nhất": "merge", "nhập": "merge", "chia tách": "split", "chia": "split",
        "tách": "split", "đổi tên": "rename", "điều chỉnh": "transfer", "điều chỉnh địa giới": "transfer",
        "điều chỉnh một phần": "transfer",
    },
    CapitalKind: {
        "kế hoạch năm": "annual", "vốn trong năm": "annual", "trong năm": "annual", "năm kế hoạch": "annual",
        "năm trước chuyển sang": "carried_over", "chuyển nguồn": "carried_over", "kéo dài": "carried_over",
        "chuyển sang": "carried_over",
    },
    TaskProgress: {
        "chưa triển khai": "not_started", "chưa thực hiện": "not_started", "chưa bắt đầu": "not_started",
        "đang thực hiện": "in_progress", "đang triển khai": "in_progress", "đang tổ chức thực hiện": "in_progress",
        "hoàn thành": "done", "đã hoàn thành": "done", "hoàn thành đúng hạn": "done",
        "hoàn thành quá hạn": "done_late", "hoàn thành chậm": "done_late", "hoàn thành muộn": "done_late",
    },
}


E = TypeVar("E", bound=StrEnum)


def choice_of(enum: type[E], text: str) -> E | None:
    """The enum member written as ``text`` (its code or an accepted alias), or None. Polarities are read
    through the one polarity-alias table (``grammar/rules/polarity.yaml``)."""
    if enum is Polarity:
        return parse_polarity_word(text)  # type: ignore[return-value]
    key = " ".join(text.strip().lower().split())
    key = CHOICE_ALIASES.get(enum, {}).get(key, key)
    try:
        return enum(key)
    except ValueError:
        return None


def accepted_choices(enum: type[StrEnum]) -> str:
    return ", ".join(m.value for m in enum)

"""Review as a spreadsheet: the queue of claims exported to .xlsx, decided there, the decisions imported back.

``export_queue`` writes one row per claim (id and version, what was found, where, the suggested indicator or
the new one it would make) and empty decision columns: «Quyết định» (chấp nhận / loại / blank), «Mã chỉ
tiêu» (an existing indicator), «Chỉ tiêu mới» (the code of a new one), «Ghi là» (target / observation),
«Kỳ», «Phiên bản». ``import_decisions`` applies the rows with a decision, each on its own (a row that cannot
be applied — stale version, unknown indicator, no value — is reported with its row and column and the
others go on); a claim decided by someone else since the export is a conflict, never overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from chitieu.domain import Actor, Permission
from chitieu.messages import ChitieuError, Problem, Report, msg
from chitieu.numbers import format_number
from chitieu.services.ingest_review import ClaimView, accept_claim, list_claims, reject_claim
from chitieu.services.output_files import atomic_output
from chitieu.services.workspaces import require

SHEET = "Đề xuất"
# (key, header as shown, width); the decision columns come last and are the only ones read back besides id/version.
COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("id", "Số", 7), ("version", "Phiên bản dòng", 8), ("plan", "Kế hoạch", 12), ("kind", "Loại", 10),
    ("phrase", "Cụm từ trong văn bản", 40), ("linked", "Chỉ tiêu gợi ý", 14), ("score", "Độ khớp", 8),
    ("proposal", "Tên chỉ tiêu mới (nếu tạo)", 40), ("value", "Giá trị", 14), ("unit", "Đơn vị", 12),
    ("period", "Kỳ trong văn bản", 14), ("source", "Nguồn", 24), ("quote", "Trích dẫn", 60),
    ("decision", "Quyết định", 12), ("indicator", "Mã chỉ tiêu", 14), ("new_indicator", "Chỉ tiêu mới", 14),
    ("as", "Ghi là", 12), ("period_override", "Kỳ", 10), ("target_version", "Phiên bản", 10),
)
HEADERS = {key: header for key, header, _ in COLUMNS}
TARGET_VERSIONS = ("draft", "adopted", "revised")
ACCEPT_WORDS = {"chấp nhận", "chap nhan", "accept", "đồng ý", "x", "có", "co", "yes"}
REJECT_WORDS = {"loại", "loai", "loại bỏ", "reject", "không", "khong", "no"}
AS_WORDS = {"target": "target", "mục tiêu": "target", "observation": "observation", "kết quả": "observation",
            "số liệu": "observation", "result": "observation"}


@dataclass(slots=True)
class DecisionsOutcome:
    accepted: list[int] = field(default_factory=list)
    rejected: list[int] = field(default_factory=list)
    created_indicators: list[str] = field(default_factory=list)
    report: Report = field(default_factory=Report)  # rows not applied, with row and column


def _value_text(v: ClaimView) -> str:
    if v.op == "range":
        return f"{format_number(v.low)} - {format_number(v.high)}"
    symbol = {">": ">", ">=": "≥", "<": "<", "<=": "≤"}.get(v.op or "", "")
    return f"{symbol}{format_number(v.value)}"


def export_queue(session: Session, actor: Actor, path: str | Path, *, plan_code: str | None = None,
                 status: str | None = "candidate") -> int:
    """Write the claims (of one plan, in one status) to ``path`` (.xlsx, atomically); returns the row count."""
    from sqlalchemy import select

    from chitieu.services.review_new import proposal_of
    from chitieu.store.models import ClaimRow

    views = list_claims(session, actor, plan_code=plan_code, status=status)
    rows = {c.id: c for c in session.scalars(select(ClaimRow).where(ClaimRow.id.in_([v.id for v in views])))}
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ChitieuError("review_sheet_not_xlsx", path=path)
    from chitieu.reports.safe_cells import XlsxStyles, xlsx_workbook

    with atomic_output(path) as temp:
        book = xlsx_workbook(str(temp))
        styles = XlsxStyles(book, {"head": {"bold": True, "text_wrap": True, "bg_color": "#DDEBF7", "border": 1},
                                   "cell": {"text_wrap": True, "valign": "top"},
                                   "decide": {"bg_color": "#FFF2CC", "border": 1, "valign": "top"}})
        sheet = book.add_worksheet(SHEET)
        decide_from = next(i for i, (key, _, _) in enumerate(COLUMNS) if key == "decision")
        for col, (_, header, width) in enumerate(COLUMNS):
            sheet.set_column(col, col, width)
            styles.text(sheet, 0, col, header, "head")
        for r, v in enumerate(views, start=1):
            claim = rows.get(v.id)
            proposal = proposal_of(claim).name if claim is not None and not v.indicator_code else ""
            source = v.file_name + (f", {msg('cli_page_short', page=v.page)}" if v.page else "")
            values: dict[str, object] = {
                "id": v.id, "version": v.version, "plan": v.plan_code, "kind": v.kind, "phrase": v.indicator_phrase,
                "linked": v.indicator_code or "", "score": round(v.link_score, 2) if v.link_score is not None else "",
                "proposal": proposal, "value": _value_text(v), "unit": v.unit, "period": v.period, "source": source,
                "quote": v.quote,
            }
            for col, (key, _, _) in enumerate(COLUMNS):
                style = "decide" if col >= decide_from else "cell"
                styles.value(sheet, r, col, values.get(key, ""), style)
        if views:
            sheet.data_validation(1, decide_from, len(views), decide_from,
                                  {"validate": "list", "source": ["chấp nhận", "loại"]})
        sheet.freeze_panes(1, 2)
        sheet.autofilter(0, 0, max(1, len(views)), len(COLUMNS) - 1)
        book.close()
    return len(views)


def _read_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    from openpyxl import load_workbook

    from chitieu.reports.safe_cells import unescape_cell

    if not path.is_file():
        raise ChitieuError("review_sheet_missing", path=path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # not a workbook at all
        raise ChitieuError("review_sheet_unreadable", path=path, reason=type(exc).__name__) from exc
    try:
        sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
        it = sheet.iter_rows(values_only=True)
        header = [str(c or "").strip() for c in next(it, ())]
        by_header = {h: i for i, h in enumerate(header)}
        missing = [HEADERS[k] for k in ("id", "version", "decision") if HEADERS[k] not in by_header]
        if missing:
            raise ChitieuError("review_sheet_no_columns", path=path, columns=", ".join(missing))
        out = []
        for number, cells in enumerate(it, start=2):
            row = {}
            for key, header_text in HEADERS.items():
                i = by_header.get(header_text)
                value = cells[i] if i is not None and i < len(cells) else None
                row[key] = "" if value is None else unescape_cell(_text(value))
            if any(row.values()):
                out.append((number, row))
        return out
    finally:
        book.close()


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _int(row: dict[str, str], key: str, path: Path, number: int, report: Report) -> int | None:
    try:
        return int(float(row[key]))
    except ValueError:
        report.add(Problem.make("review_sheet_bad_number", path=str(path), row=number, column=HEADERS[key],
                                value=row[key]))
        return None


def import_decisions(session: Session, actor: Actor, path: str | Path) -> DecisionsOutcome:
    """Apply the decisions of a review sheet (rows with «Quyết định»); each row on its own, problems reported."""
    from chitieu.services.review_new import accept_as_new_indicator

    require(actor, Permission.REVIEW)
    path = Path(path)
    outcome = DecisionsOutcome()
    for number, row in _read_rows(path):
        decision = row["decision"].strip().lower()
        if not decision:
            continue
        claim_id = _int(row, "id", path, number, outcome.report)
        version = _int(row, "version", path, number, outcome.report)
        if claim_id is None or version is None:
            continue
        as_kind = AS_WORDS.get(row["as"].strip().lower()) if row["as"].strip() else None
        if row["as"].strip() and as_kind is None:
            outcome.report.add(Problem.make("review_sheet_bad_as", path=str(path), row=number,
                                            column=HEADERS["as"], value=row["as"]))
            continue
        target_version = row["target_version"].strip().lower() or "adopted"
        if target_version not in TARGET_VERSIONS:
            outcome.report.add(Problem.make("review_sheet_bad_version", path=str(path), row=number,
                                            column=HEADERS["target_version"], value=row["target_version"]))
            continue
        try:
            with session.begin_nested():
                if decision in REJECT_WORDS:
                    reject_claim(session, actor, claim_id, expected_version=version)
                    outcome.rejected.append(claim_id)
                elif decision in ACCEPT_WORDS:
                    if row["new_indicator"].strip():
                        made = accept_as_new_indicator(session, actor, claim_id, row["new_indicator"].strip(),
                                                       as_kind=as_kind, period=row["period_override"] or None,
                                                       version=target_version, expected_version=version)
                        if made.created:
                            outcome.created_indicators.append(made.code)
                    else:
                        accept_claim(session, actor, claim_id, indicator_code=row["indicator"].strip() or None,
                                     as_kind=as_kind, period=row["period_override"] or None,
                                     version=target_version, expected_version=version)
                    outcome.accepted.append(claim_id)
                else:
                    raise ChitieuError("review_sheet_bad_decision", value=row["decision"])
        except ChitieuError as exc:
            outcome.report.add(Problem.make("review_sheet_row", path=str(path), row=number,
                                            column=HEADERS["decision"], value=row["decision"], reason=exc.message))
    return outcome

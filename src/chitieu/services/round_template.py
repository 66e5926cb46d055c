"""The Excel template of a unit in a round: downloaded pre-filled, uploaded back, all or nothing.

The workbook names the round, the unit and its deadline; one row per indicator asked with its code, name,
unit of measure, the target in force and the last value known, then the three cells to fill (value as
written, flag, note). Only those cells are unlocked; the flag has a drop-down list and the value a length
limit. A hidden column keeps each value's version and a hidden sheet the round and unit, so an upload is
matched cell by cell: any cell that cannot be read, a flag not in the list, a row someone else changed since
the download, a workbook of another round or unit, is reported by its address in Vietnamese and nothing is
written. Otherwise every changed value is written (source ``file``) with its audit event.
"""

from __future__ import annotations

import io
import json
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chitieu.domain import Actor, ObservationFlag, PlanBundle
from chitieu.domain.rounds import UnitAction, UnitStatus
from chitieu.messages import ChitieuError, Problem, msg
from chitieu.readers.input_files import open_workbook
from chitieu.readers.zipguard import check_zip
from chitieu.reports.safe_cells import XlsxStyles, xlsx_workbook
from chitieu.services.registry import load_bundle
from chitieu.services.round_values import (
    MAX_NOTE,
    MAX_TEXT,
    ValueInfo,
    check_may,
    parse_flag,
    put_value,
    read_value_text,
    unit_values,
)
from chitieu.services.rounds import get_round, require_open, round_row, round_unit
from chitieu.store.models import OrgUnitRow

META_SHEET = "_chitieu"
META_KIND = "chitieu.round-values"
META_VERSION = 1
FIRST_ROW = 6  # 0-based index of the first data row (Excel row 7)
C_NUMBER, C_CODE, C_NAME, C_UNIT, C_TARGET, C_LAST, C_TEXT, C_FLAG, C_NOTE, C_VERSION = range(10)
HEADERS = ("STT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu", "Số liệu gần nhất", "Giá trị kỳ này",
           "Loại số liệu", "Ghi chú", "Phiên bản")
FLAG_WORDS = {ObservationFlag.ACTUAL: "thực hiện", ObservationFlag.ESTIMATE: "ước",
              ObservationFlag.PROJECTION: "dự ước"}
LETTERS = "ABCDEFGHIJ"


@dataclass(slots=True)
class TemplateUpload:
    """What an upload did: the values changed, or the problems found (then nothing was written)."""

    changed: list[ValueInfo] = field(default_factory=list)
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)


def _last_value(bundle: PlanBundle, code: str, unit: str | None, before: int) -> str:
    found = [o for o in bundle.observations_of(code, unit) if o.period.end < before]
    if not found:
        return ""
    last = max(found, key=lambda o: (o.period.end, o.period.start))
    return msg("round_template_last", text=last.text or str(last.value), period=last.period.label())


def write_round_template(session: Session, actor: Actor, round_id: int, unit_code: str) -> bytes:
    """The pre-filled .xlsx of ``unit_code`` in round ``round_id`` (anyone who may read the round)."""
    info = get_round(session, actor, round_id)
    row = round_row(session, actor, round_id)
    unit_row, org = round_unit(session, round_id, unit_code)
    values = unit_values(session, actor, round_id, unit_code)
    bundle = load_bundle(session, actor, info.plan)
    plan_area = session.scalar(select(OrgUnitRow.parent_id).where(OrgUnitRow.id == org.id)) is None
    observed_unit = None if plan_area else unit_code
    meta = {"kind": META_KIND, "version": META_VERSION, "workspace": actor.workspace, "round": round_id,
            "unit": unit_code, "rows": len(values), "first_row": FIRST_ROW + 1,
            "created": datetime.now().isoformat(timespec="seconds")}
    buffer = io.BytesIO()
    book = xlsx_workbook(buffer)  # type: ignore[arg-type]
    font = {"font_name": "Times New Roman", "font_size": 11}
    styles = XlsxStyles(book, {
        "title": {**font, "bold": True, "font_size": 13, "align": "center", "text_wrap": True},
        "label": {**font, "italic": True},
        "head": {**font, "bold": True, "align": "center", "valign": "vcenter", "text_wrap": True, "border": 1,
                 "bg_color": "#E8EEF4"},
        "text": {**font, "border": 1, "text_wrap": True, "valign": "top"},
        "code": {**font, "border": 1, "font_color": "#777777", "valign": "top"},
        "input": {**font, "border": 1, "locked": False, "bg_color": "#FFF9E0", "valign": "top", "text_wrap": True},
    })
    sheet = book.add_worksheet(msg("round_template_sheet"))
    sheet.merge_range(0, 0, 0, C_NOTE, "", styles["title"])
    styles.text(sheet, 0, 0, msg("round_template_title", title=info.title, plan=info.plan), "title")
    styles.text(sheet, 1, 0, msg("round_template_unit", unit=org.name, code=unit_code,
                                 status=UnitStatus(unit_row.status).label_vi), "label")
    styles.text(sheet, 2, 0, msg("round_template_period", period=info.period,
                                 deadline=row.deadline.strftime("%d/%m/%Y")), "label")
    styles.text(sheet, 3, 0, msg("round_template_instructions"), "label")
    for c, header in enumerate(HEADERS):
        styles.text(sheet, FIRST_ROW - 1, c, header, "head")
    sheet.set_row(FIRST_ROW - 1, 36)
    widths = {C_NUMBER: 5, C_CODE: 12, C_NAME: 48, C_UNIT: 12, C_TARGET: 16, C_LAST: 18, C_TEXT: 16, C_FLAG: 13,
              C_NOTE: 30}
    for c in range(len(HEADERS)):
        sheet.set_column(c, c, widths.get(c, 10), None, {"hidden": c == C_VERSION})
    flags = list(FLAG_WORDS.values())
    for k, value in enumerate(values):
        r = FIRST_ROW + k
        target = bundle.current_target(value.indicator)
        styles.value(sheet, r, C_NUMBER, k + 1, "code")
        styles.text(sheet, r, C_CODE, value.indicator, "code")
        styles.text(sheet, r, C_NAME, value.name, "text")
        styles.text(sheet, r, C_UNIT, value.unit_of_measure, "text")
        styles.text(sheet, r, C_TARGET, target.text if target is not None else "", "text")
        styles.text(sheet, r, C_LAST, _last_value(bundle, value.indicator, observed_unit, info.period_start), "text")
        styles.text(sheet, r, C_TEXT, value.text, "input")
        styles.text(sheet, r, C_FLAG, FLAG_WORDS.get(ObservationFlag(value.flag), value.flag), "input")
        styles.text(sheet, r, C_NOTE, value.note, "input")
        styles.value(sheet, r, C_VERSION, value.version, "code")
    if values:
        last = FIRST_ROW + len(values) - 1
        sheet.data_validation(FIRST_ROW, C_FLAG, last, C_FLAG, {
            "validate": "list", "source": flags, "error_title": msg("round_template_bad_flag_title"),
            "error_message": msg("round_template_bad_flag_hint")})
        sheet.data_validation(FIRST_ROW, C_TEXT, last, C_TEXT, {
            "validate": "length", "criteria": "<=", "value": MAX_TEXT, "ignore_blank": True,
            "error_title": msg("round_template_bad_text_title"), "error_message": msg("round_template_bad_text_hint")})
    sheet.freeze_panes(FIRST_ROW, C_NAME + 1)
    sheet.protect("", {"format_columns": True, "format_rows": True, "select_locked_cells": True,
                       "select_unlocked_cells": True})
    hidden = book.add_worksheet(META_SHEET)
    hidden.write_string(0, 0, json.dumps(meta, ensure_ascii=False))
    hidden.hide()
    sheet.activate()
    book.close()
    return buffer.getvalue()


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return msg("value_done" if value else "value_not_done")
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value).replace(".", ",")
    return str(value).strip()


def _meta(book: Any) -> dict[str, Any] | None:
    if META_SHEET not in book.sheetnames:
        return None
    for row in book[META_SHEET].iter_rows(min_row=1, max_row=1, max_col=1, values_only=True):
        raw = row[0]
        try:
            meta = json.loads(raw) if isinstance(raw, str) else None
        except ValueError:
            return None
        return meta if isinstance(meta, dict) and meta.get("kind") == META_KIND else None
    return None


def read_round_template(session: Session, actor: Actor, round_id: int, unit_code: str, content: bytes,
                        file_name: str = "template.xlsx") -> TemplateUpload:
    """Check the whole upload, then write every changed value (or nothing, with every problem listed)."""
    row = round_row(session, actor, round_id)
    check_may(actor, UnitAction.WRITE, unit_code)
    unit_row, _ = round_unit(session, round_id, unit_code)
    require_open(row)
    status = UnitStatus(unit_row.status)
    if not status.writable:
        raise ChitieuError("round_unit_locked", unit=unit_code, status=status.label_vi)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "upload.xlsx"
        path.write_bytes(content)
        try:
            check_zip(path)
        except ChitieuError:
            raise ChitieuError("round_template_not_xlsx", name=file_name) from None
        book = open_workbook(path)
        try:
            return _read(session, actor, book, round_id, unit_code, file_name)
        finally:
            book.close()


def _read(session: Session, actor: Actor, book: Any, round_id: int, unit_code: str, name: str) -> TemplateUpload:
    meta = _meta(book)
    if meta is None:
        raise ChitieuError("round_template_not_ours", name=name)
    if meta.get("round") != round_id or meta.get("unit") != unit_code:
        raise ChitieuError("round_template_other", name=name, round=meta.get("round"), unit=meta.get("unit"),
                           expected_round=round_id, expected_unit=unit_code)
    sheet = book[book.sheetnames[0]]
    current = {v.indicator: v for v in unit_values(session, actor, round_id, unit_code)}
    outcome = TemplateUpload()
    wanted: list[tuple[ValueInfo, str, str, str, int | None]] = []
    seen: set[str] = set()
    for r, cells in enumerate(sheet.iter_rows(min_row=FIRST_ROW + 1, max_col=len(HEADERS), values_only=True),
                              start=FIRST_ROW + 1):
        cells = tuple(cells) + (None,) * (len(HEADERS) - len(cells))
        code = _cell_text(cells[C_CODE])
        if not code and not any(_cell_text(c) for c in cells[C_TEXT:C_NOTE + 1]):
            continue

        def problem(column: int, code_: str, r: int = r, **fields: object) -> None:
            outcome.problems.append(Problem.make(code_, path=name, row=r, column=f"{LETTERS[column]}{r}",
                                                 **fields))  # type: ignore[arg-type]

        value = current.get(code)
        if value is None or code in seen:
            problem(C_CODE, "round_template_unknown_row", value=code, cell=f"{LETTERS[C_CODE]}{r}")
            continue
        seen.add(code)
        text, flag_text, note = _cell_text(cells[C_TEXT]), _cell_text(cells[C_FLAG]), _cell_text(cells[C_NOTE])
        if len(text) > MAX_TEXT or len(note) > MAX_NOTE:
            problem(C_TEXT, "round_template_too_long", cell=f"{LETTERS[C_TEXT]}{r}", value=text[:40])
            continue
        try:
            read_value_text(text, value.unit_of_measure or "")
        except ValueError:
            problem(C_TEXT, "round_template_unreadable", value=text, cell=f"{LETTERS[C_TEXT]}{r}", indicator=code)
            continue
        try:
            flag = parse_flag(flag_text)
        except ChitieuError:
            problem(C_FLAG, "round_template_bad_flag", value=flag_text, cell=f"{LETTERS[C_FLAG]}{r}")
            continue
        raw_version = cells[C_VERSION]
        version = int(raw_version) if isinstance(raw_version, int | float) and not isinstance(raw_version, bool) else None
        flag_value = (flag or ObservationFlag(value.flag)).value
        if (text, flag_value, note) == (value.text, value.flag, value.note):
            outcome.unchanged += 1
            continue
        if version is not None and version != value.version:
            problem(C_TEXT, "round_template_stale", cell=f"{LETTERS[C_TEXT]}{r}", indicator=code,
                    by=value.updated_by or "—", value=value.text or msg("round_value_empty"))
            continue
        wanted.append((value, text, flag_value, note, version))
    if outcome.problems:
        return outcome
    for value, text, flag_value, note, version in wanted:
        outcome.changed.append(put_value(session, actor, round_id, unit_code, value.indicator, text=text,
                                         flag=flag_value, note=note, expected_version=version, source="file",
                                         reason=msg("round_template_reason", name=name)))
    return outcome

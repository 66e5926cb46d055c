"""The Excel template an office fills: capital plans and disbursements of a programme, per node and unit.

Downloaded pre-filled (programme nodes, units and sources named, current figures in place), with only the
cells to fill unlocked, numbers validated by Excel (not negative) and the rate computed by a formula.
Hidden columns and a hidden sheet carry the codes, so the upload is matched cell by cell. The upload is
checked whole first: any cell that is not a number, or that the person may not change (an officer changes
only the disbursement of their own units; capital plans are the office's), is reported by its address and
nothing is written; otherwise every changed figure is stored with its event (through the template).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from chitieu.assessment.budget_totals import BudgetTotals
from chitieu.domain import (
    PROGRAMME_KINDS,
    Actor,
    CapitalKind,
    CapitalSource,
    Period,
    Permission,
    ProgrammeBudget,
    Via,
)
from chitieu.domain.programmes import ALL_SOURCES_VI
from chitieu.messages import ChitieuError, Problem, msg
from chitieu.numbers import NumberFormatError, parse_number
from chitieu.readers.input_files import open_workbook
from chitieu.reports.safe_cells import XlsxStyles, xlsx_workbook
from chitieu.services.events import record_event
from chitieu.services.output_files import atomic_output
from chitieu.services.programmes import load_budget, record_disbursement, set_capital_plan
from chitieu.services.workspaces import workspace_id

if TYPE_CHECKING:
    from chitieu.services.programme_files import BudgetImport

META_SHEET = "_chitieu"
META_KIND = "chitieu.programme-budget"
META_VERSION = 1
SHEET = "Kế hoạch vốn, giải ngân"
DAY_CELL = (2, 4)  # row, col (0-based) of the "số liệu đến ngày" cell
FIRST_ROW = 6  # 0-based index of the first data row
# columns (0-based)
C_NUMBER, C_PLAN, C_UNIT, C_SOURCE, C_EDIT, C_NAME, C_SOURCE_VI, C_TOTAL, C_CARRIED, C_DISBURSED, C_RATE, C_NOTE = range(12)
HEADERS = ("STT", "Mã chương trình", "Mã đơn vị", "Mã nguồn vốn", "Nhập", "Chương trình, dự án / Đơn vị",
           "Nguồn vốn", "Kế hoạch vốn (tổng số, triệu đồng)", "Trong đó: vốn năm trước chuyển sang",
           "Lũy kế giải ngân đến ngày báo cáo", "Tỷ lệ giải ngân (%)", "Ghi chú")


@dataclass(frozen=True, slots=True)
class TemplateRow:
    plan_code: str
    plan_title: str
    depth: int
    unit: str | None
    unit_name: str
    source: CapitalSource | None
    editable: bool
    total: float | None
    carried: float | None
    disbursed: float | None


def template_rows(budget: ProgrammeBudget, *, root: str | None, period: Period, as_of: date,
                  units: list[str] | None = None) -> list[TemplateRow]:
    """The rows of the template: each programme node, then its units; sources where figures are split by source.

    A node's own row is to fill when the node has no components or already holds figures of its own (a
    report that gives only a programme's totals); unit rows are always to fill.
    ``units`` adds a row for each of those units under every node without components.
    """
    totals = BudgetTotals(budget, period)
    names = {u.code: u.name for u in budget.org_units}
    rows: list[TemplateRow] = []
    for plan, depth in budget.tree(root):
        if plan.kind not in PROGRAMME_KINDS and not totals.has_data(plan.code) and plan.code != root:
            continue
        leaf = not any(p.kind in PROGRAMME_KINDS or totals.has_data(p.code) for p in budget.children(plan.code))
        own_units = [u for u in totals.units_of(plan.code)]
        for extra in units or []:
            if leaf and extra not in own_units:
                own_units.append(extra)
        for unit in [None, *own_units]:
            sources: list[CapitalSource | None] = [*totals.sources_of(plan.code, unit)] or [None]
            for source in sources:
                total = totals.allocated(plan.code, unit, source, None)
                carried = totals.allocated(plan.code, unit, source, CapitalKind.CARRIED_OVER)
                disbursed = totals.disbursed_on(plan.code, unit, source, None, as_of)
                own = any(r.plan_code == plan.code and r.org_unit_code == unit and r.source == source
                          for r in totals.figures)
                rows.append(TemplateRow(plan.code, plan.title, depth, unit, names.get(unit or "", ""), source,
                                        leaf or unit is not None or own, total.value if total else None,
                                        carried.value if carried else None, disbursed.value if disbursed else None))
    return rows


def write_template(
    session: Session, actor: Actor, path: str | Path, *, root: str | None, period: Period, as_of: date,
    units: list[str] | None = None, all_units: bool = False,
) -> Path:
    """Write the pre-filled template to ``path`` (.xlsx); returns the path written."""
    budget = load_budget(session, actor)
    if root is not None and budget.plan(root) is None:
        raise ChitieuError("plan_not_found", code=root)
    known = {u.code for u in budget.org_units}
    for u in units or []:
        if u not in known:
            raise ChitieuError("org_unit_not_found", code=u)
    if all_units:
        units = [u.code for u in budget.org_units if u.parent_code is not None]
    rows = template_rows(budget, root=root, period=period, as_of=as_of, units=units)
    if not rows:
        raise ChitieuError("template_no_rows", plan=root or "—")
    root_plan = budget.plan(root) if root else None
    title = root_plan.title if root_plan is not None else msg("template_all_programmes")
    path = Path(path)
    meta = {"kind": META_KIND, "version": META_VERSION, "workspace": actor.workspace, "root": root,
            "period": period.label(), "as_of": as_of.isoformat(), "first_row": FIRST_ROW + 1, "rows": len(rows),
            "created": datetime.now().isoformat(timespec="seconds")}
    with atomic_output(path) as tmp:
        book = xlsx_workbook(str(tmp))
        _write_book(book, rows, title, period, as_of, meta)
        book.close()
    return path


def _write_book(book: Any, rows: list[TemplateRow], title: str, period: Period, as_of: date,
                meta: dict[str, Any]) -> None:
    font = {"font_name": "Times New Roman", "font_size": 11}
    styles = XlsxStyles(book, {
        "title": {**font, "bold": True, "font_size": 13, "align": "center", "text_wrap": True},
        "label": {**font, "italic": True},
        "head": {**font, "bold": True, "align": "center", "valign": "vcenter", "text_wrap": True, "border": 1,
                 "bg_color": "#E8EEF4"},
        "text": {**font, "border": 1, "text_wrap": True, "valign": "top"},
        "bold": {**font, "border": 1, "text_wrap": True, "bold": True, "valign": "top"},
        "code": {**font, "border": 1, "font_color": "#777777"},
        "locked": {**font, "border": 1, "num_format": "#,##0.###", "bg_color": "#F2F2F2"},
        "input": {**font, "border": 1, "num_format": "#,##0.###", "locked": False, "bg_color": "#FFF9E0"},
        "rate": {**font, "border": 1, "num_format": "0.0", "bg_color": "#F2F2F2"},
        "note": {**font, "border": 1, "text_wrap": True, "locked": False, "bg_color": "#FFF9E0"},
        "day": {**font, "num_format": "dd/mm/yyyy", "locked": False, "bg_color": "#FFF9E0", "border": 1},
    })
    sheet = book.add_worksheet(SHEET)
    sheet.merge_range(0, 0, 0, C_NOTE, "", styles["title"])
    styles.text(sheet, 0, 0, msg("template_title", title=title, period=period.label()), "title")
    styles.text(sheet, 1, 0, msg("template_instructions"), "label")
    styles.text(sheet, 2, C_NAME, msg("template_day_label"), "label")
    sheet.write_datetime(DAY_CELL[0], DAY_CELL[1] + 1, datetime(as_of.year, as_of.month, as_of.day), styles["day"])
    sheet.data_validation(DAY_CELL[0], DAY_CELL[1] + 1, DAY_CELL[0], DAY_CELL[1] + 1, {
        "validate": "date", "criteria": "between", "minimum": datetime(period.start, 1, 1),
        "maximum": datetime(period.end + 1, 12, 31), "error_title": msg("template_bad_day_title"),
        "error_message": msg("template_bad_day", period=period.label())})
    styles.text(sheet, 3, C_NAME, msg("template_money_unit"), "label")
    for c, header in enumerate(HEADERS):
        styles.text(sheet, FIRST_ROW - 1, c, header, "head")
    sheet.set_row(FIRST_ROW - 1, 48)
    widths = {C_NUMBER: 6, C_NAME: 48, C_SOURCE_VI: 22, C_TOTAL: 16, C_CARRIED: 16, C_DISBURSED: 16, C_RATE: 11,
              C_NOTE: 28}
    for c in range(len(HEADERS)):
        sheet.set_column(c, c, widths.get(c, 12), None, {"hidden": c in (C_PLAN, C_UNIT, C_SOURCE, C_EDIT)})
    for k, row in enumerate(rows):
        r = FIRST_ROW + k
        indent = "    " * row.depth + ("    " if row.unit else "")
        name = indent + (row.unit_name or row.unit or "") if row.unit else indent + row.plan_title
        styles.value(sheet, r, C_NUMBER, k + 1, "code")
        styles.text(sheet, r, C_PLAN, row.plan_code, "code")
        styles.text(sheet, r, C_UNIT, row.unit or "", "code")
        styles.text(sheet, r, C_SOURCE, row.source.value if row.source else "", "code")
        styles.value(sheet, r, C_EDIT, 1 if row.editable else 0, "code")
        styles.text(sheet, r, C_NAME, name, "text" if row.unit or row.editable else "bold")
        styles.text(sheet, r, C_SOURCE_VI, row.source.label_vi if row.source else ALL_SOURCES_VI, "text")
        cell = "input" if row.editable else "locked"
        for c, value in ((C_TOTAL, row.total), (C_CARRIED, row.carried), (C_DISBURSED, row.disbursed)):
            if value is None:
                sheet.write_blank(r, c, None, styles[cell])
            else:
                sheet.write_number(r, c, value, styles[cell])
            if row.editable:
                sheet.data_validation(r, c, r, c, {
                    "validate": "decimal", "criteria": ">=", "value": 0, "ignore_blank": True,
                    "error_title": msg("template_bad_number_title"), "error_message": msg("template_bad_number")})
        total, done = f"{_col(C_TOTAL)}{r + 1}", f"{_col(C_DISBURSED)}{r + 1}"
        sheet.write_formula(r, C_RATE, f'=IF(AND(ISNUMBER({total}),{total}>0,ISNUMBER({done})),{done}/{total}*100,"")',
                            styles["rate"])
        styles.text(sheet, r, C_NOTE, "", "note" if row.editable else "text")
    sheet.freeze_panes(FIRST_ROW, C_NAME + 1)
    sheet.protect("", {"format_columns": True, "format_rows": True, "select_locked_cells": True,
                       "select_unlocked_cells": True})
    hidden = book.add_worksheet(META_SHEET)
    hidden.write_string(0, 0, json.dumps(meta, ensure_ascii=False))
    hidden.hide()
    sheet.activate()


def _col(index: int) -> str:
    from chitieu.registry.budget_layout import column_letter

    return column_letter(index)


# -- upload -----------------------------------------------------------------------------------------------


def _meta(book: Any) -> dict[str, Any] | None:
    if META_SHEET not in book.sheetnames:
        return None
    raw = book[META_SHEET].cell(row=1, column=1).value
    try:
        meta = json.loads(raw) if isinstance(raw, str) else None
    except ValueError:
        return None
    return meta if isinstance(meta, dict) and meta.get("kind") == META_KIND else None


def is_template(path: Path) -> bool:
    """Whether ``path`` is a workbook written by ``write_template``."""
    try:
        book = open_workbook(path)
    except ChitieuError:
        return False
    try:
        return _meta(book) is not None
    finally:
        book.close()


def _number(value: Any) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip()
    if not text:
        return None
    try:
        return parse_number(text.replace(" ", ""))
    except NumberFormatError:
        raise ValueError(text) from None


def _day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
            try:
                return datetime.strptime(text, fmt).date()
            except ValueError:
                continue
    return None


def read_template(session: Session, actor: Actor, path: Path, outcome: BudgetImport, *,
                  dry_run: bool = False) -> BudgetImport:
    """Check a filled template whole, then store every changed figure (nothing when any cell is wrong)."""
    workspace_id(session, actor, Permission.REPORT_FIGURES)
    book = open_workbook(path)
    try:
        meta = _meta(book)
        if meta is None:
            raise ChitieuError("template_not_ours", path=path.name)
        if meta.get("workspace") != actor.workspace:
            raise ChitieuError("template_other_workspace", path=path.name, workspace=meta.get("workspace"),
                               current=actor.workspace)
        sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
        values = [list(r) for r in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
    outcome.template = True
    period = Period.parse(str(meta.get("period")))
    label = f"{path.name} › {SHEET}"
    day_raw = values[DAY_CELL[0]][DAY_CELL[1] + 1] if len(values) > DAY_CELL[0] else None
    as_of = _day(day_raw)
    cell = f"{_col(DAY_CELL[1] + 1)}{DAY_CELL[0] + 1}"
    if as_of is None or not period.start <= as_of.year <= period.end + 1:
        outcome.report.add(Problem.make("template_bad_day_cell", path=label, cell=cell, value=day_raw or "",
                                        period=period.label()))
        return outcome
    budget = load_budget(session, actor)
    totals = BudgetTotals(budget, period)
    plans = {p.code for p in budget.plans}
    units = {u.code for u in budget.org_units}
    may_plan = actor.may(Permission.EDIT_REGISTRY)
    work: list[tuple[str, dict[str, Any]]] = []
    for r, row in enumerate(values[FIRST_ROW:], start=FIRST_ROW + 1):
        row = row + [None] * (len(HEADERS) - len(row))
        code = str(row[C_PLAN] or "").strip()
        if not code:
            continue
        unit = str(row[C_UNIT] or "").strip() or None
        source_code = str(row[C_SOURCE] or "").strip() or None
        if code not in plans or (unit is not None and unit not in units):
            outcome.report.add(Problem.make("template_unknown_row", path=label, row=r, value=f"{code}/{unit or ''}"))
            continue
        try:
            source = CapitalSource(source_code) if source_code else None
        except ValueError:
            outcome.report.add(Problem.make("template_unknown_row", path=label, row=r, value=source_code))
            continue
        numbers: dict[int, float | None] = {}
        for c in (C_TOTAL, C_CARRIED, C_DISBURSED):
            try:
                numbers[c] = _number(row[c])
            except ValueError:
                outcome.report.add(Problem.make("template_bad_number_cell", path=label, row=r,
                                                cell=f"{_col(c)}{r}", value=str(row[c])[:60]))
                continue
            if numbers[c] is not None and numbers[c] < 0:  # type: ignore[operator]
                outcome.report.add(Problem.make("template_negative_cell", path=label, row=r, cell=f"{_col(c)}{r}",
                                                value=row[c]))
        if not all(c in numbers for c in (C_TOTAL, C_CARRIED, C_DISBURSED)):
            continue
        note = str(row[C_NOTE] or "").strip()
        shown_total = totals.allocated(code, unit, source, None)
        shown_carried = totals.allocated(code, unit, source, CapitalKind.CARRIED_OVER)
        stored_total = shown_total.value if shown_total else None
        stored_carried = shown_carried.value if shown_carried else None
        stored_done = totals.disbursed_on(code, unit, source, None, as_of)
        scope = {"plan_code": code, "unit": unit, "source": source}
        for c, stored, kind in ((C_TOTAL, stored_total, None), (C_CARRIED, stored_carried, CapitalKind.CARRIED_OVER)):
            value = numbers[c]
            if value is None or (stored is not None and abs(stored - value) < 1e-9):
                continue
            if not may_plan:
                outcome.report.add(Problem.make("template_capital_forbidden", path=label, row=r, cell=f"{_col(c)}{r}"))
                continue
            work.append(("capital", {**scope, "amount": value, "kind": kind, "row": r}))
        done = numbers[C_DISBURSED]
        same_day = stored_done is not None and stored_done.as_of == as_of and abs(stored_done.value - done) < 1e-9 \
            if done is not None else True
        if done is not None and not same_day:
            if not actor.covers_unit(unit):
                outcome.report.add(Problem.make("template_unit_forbidden", path=label, row=r,
                                                cell=f"{_col(C_DISBURSED)}{r}", unit=unit or msg("whole_area")))
                continue
            work.append(("disbursement", {**scope, "amount": done, "note": note, "row": r}))
    outcome.read.figures = len(work)
    if not outcome.report.ok or dry_run:
        return outcome
    via = replace(actor, via=Via.TEMPLATE.value)
    for what, item in work:
        if what == "capital":
            set_capital_plan(session, via, item["plan_code"], period, item["amount"], source=item["source"],
                             kind=item["kind"], unit=item["unit"])
        else:
            record_disbursement(session, via, item["plan_code"], period, as_of, amount=item["amount"],
                                source=item["source"], unit=item["unit"], note=item["note"])
    record_event(session, via, action="programme.template", entity="programme_budget", key=path.name,
                 after={"changes": len(work), "period": period.label(), "as_of": as_of.isoformat()},
                 context={"source": path.name, "root": meta.get("root")})
    outcome.written = True
    outcome.changes = {"figures": {"updated": len(work)}}
    return outcome


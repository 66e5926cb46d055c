"""The appendix as an Excel workbook (XlsxWriter): the official table and one native chart per group.

Number display. Excel number formats are rendered with the separators of the *reader's* locale:
``#,##0.0`` shows 2,134.6 on an English Windows and 2.134,6 on a Vietnamese one, and no format
code can force a decimal comma for numbers of any size. The visible cells of the table therefore
hold the text exactly as the official appendix prints it, formatted by ``chitieu.numbers``
("2.134,6", "73,1%", ">5", "9-10" — the last two are not numbers at all). Next to the table, hidden
columns hold the same figures as real numbers (target, result, % of target for both blocks), so
formulas and sorting work on numbers. The chart sheet lists the % of target of each group as numeric
cells (format ``0.0%``, shown in the reader's locale) and its native charts read those cells.
"""

from __future__ import annotations

import math
from pathlib import Path

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from chitieu.reports import labels
from chitieu.reports.appendix import AppendixRow, AppendixTable, GroupChart, ResultCell, RowKind
from chitieu.reports.filing import Filing, Line
from chitieu.reports.safe_cells import XlsxStyles, xlsx_workbook

FONT = "Times New Roman"
VISIBLE_COLUMNS = 10  # A..J as in the official table
HIDDEN_FIRST = 11  # L..P: numeric copies (K stays empty)
HIDDEN_HEADERS = ("Mục tiêu (số)", "Giữa kỳ: kết quả (số)", "Giữa kỳ: tỷ lệ", "Cuối kỳ: kết quả (số)", "Cuối kỳ: tỷ lệ")
COLUMN_WIDTHS = (5, 46, 10, 12, 11, 12, 13, 11, 12, 13)
A4 = 9
MM_PER_INCH = 25.4
AGENCY_COLUMNS = (0, 3)  # A..D hold the issuing body, E..J the national name or Party heading
HEADING_COLUMNS = (4, VISIBLE_COLUMNS - 1)
SIGNATURE_COLUMNS = (6, VISIBLE_COLUMNS - 1)


class FiledWorksheet(Worksheet):  # type: ignore[misc]  # xlsxwriter is untyped
    """A worksheet whose page-number header is hidden on the first page (ND 30/2020: no number on page 1).

    XlsxWriter writes only the odd-page header; this adds ``differentFirst`` and an empty first-page header.
    """

    def _write_header_footer(self) -> None:
        if not self.header:
            super()._write_header_footer()
            return
        self._xml_start_tag("headerFooter", [("differentFirst", 1)])
        self._xml_data_element("oddHeader", self.header)
        self._xml_data_element("firstHeader", "")
        self._xml_end_tag("headerFooter")


def write_xlsx(table: AppendixTable, path: Path) -> None:
    """Write ``table`` to ``path`` (the caller handles temp files and renaming)."""
    workbook = xlsx_workbook(str(path), default_format_properties={"font_name": FONT, "font_size": 12})
    try:
        formats = _formats(workbook)
        sheet = workbook.add_worksheet(labels.SHEET_TABLE, worksheet_class=FiledWorksheet)
        top = _title(sheet, table, formats)
        _page_setup(sheet, top)
        _headers(sheet, table, formats, top)
        last = _rows(sheet, table.rows, formats, top + 2)
        end = _summary(sheet, table.summary, last + 2, formats)
        if table.filing is not None:
            _signature(sheet, table.filing, end + 2, formats)
        _charts(workbook, table, formats)
    finally:
        workbook.close()


def _formats(wb: Workbook) -> XlsxStyles:
    """Every cell style once (no per-cell format objects); text cells never become formulas."""
    border = {"border": 1, "valign": "vcenter", "font_name": FONT, "font_size": 12}
    line = {"align": "center", "valign": "vcenter", "font_name": FONT}
    return XlsxStyles(wb, {
        "title": {**line, "bold": True, "font_size": 14, "text_wrap": True},
        "subtitle": {**line, "font_size": 13},
        **{_line_style(bold, italic, size, underline): {**line, "bold": bold, "italic": italic, "font_size": size,
                                                        "underline": underline}
           for bold in (False, True) for italic in (False, True) for size in (13, 14, 15) for underline in (0, 1)},
        "header": {**border, "bold": True, "align": "center", "text_wrap": True, "bg_color": "#F2F2F2"},
        "group": {**border, "bold": True, "text_wrap": True},
        "group_center": {**border, "bold": True, "align": "center"},
        "text": {**border, "text_wrap": True},
        "component": {**border, "text_wrap": True, "indent": 1},
        "header_row": {**border, "text_wrap": True, "italic": True},
        "center": {**border, "align": "center", "text_wrap": True},
        "number": {**border, "align": "right"},
        "summary": {"text_wrap": True, "valign": "top", "font_name": FONT, "font_size": 12},
        "summary_head": {"bold": True, "font_name": FONT, "font_size": 12},
        "hidden_number": {"num_format": "#,##0.###", "font_name": FONT},
        "hidden_percent": {"num_format": "0.0%", "font_name": FONT},
        "data_header": {**border, "bold": True, "text_wrap": True, "align": "center"},
        "data_percent": {**border, "num_format": "0.0%"},
    })


def _line_style(bold: bool, italic: bool, size: float, underline: int) -> str:
    return f"line_{int(bold)}{int(italic)}_{int(size)}_{underline}"


def _page_setup(sheet: Worksheet, header_top: int) -> None:
    sheet.set_landscape()
    sheet.set_paper(A4)
    sheet.set_margins(left=30 / MM_PER_INCH, right=15 / MM_PER_INCH, top=20 / MM_PER_INCH,
                      bottom=20 / MM_PER_INCH)
    sheet.set_header('&C&"Times New Roman,Regular"&13&P', margin=10 / MM_PER_INCH)  # page number, top centre
    sheet.center_horizontally()
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(header_top, header_top + 1)
    sheet.freeze_panes(header_top + 2, 0)
    for col, width in enumerate(COLUMN_WIDTHS):
        sheet.set_column(col, col, width)
    sheet.set_column(VISIBLE_COLUMNS, VISIBLE_COLUMNS + len(HIDDEN_HEADERS), 14, None, {"hidden": True})


def _line(sheet: Worksheet, r: int, columns: tuple[int, int], line: Line, f: XlsxStyles) -> None:
    """One centred line of the header block; a rule as long as the words becomes an underline."""
    style = _line_style(line.bold, line.italic, min(15, max(13, round(line.size))), int(line.rule_below >= 1.0))
    f.merged(sheet, r, columns[0], r, columns[1], line.text, style)


def _title(sheet: Worksheet, table: AppendixTable, f: XlsxStyles) -> int:
    """The lines above the table; returns the row of the table's first header row."""
    r = 0
    filing = table.filing
    if filing is not None:
        for k in range(max(len(filing.agency), len(filing.heading))):
            if k < len(filing.agency):
                _line(sheet, r + k, AGENCY_COLUMNS, filing.agency[k], f)
            if k < len(filing.heading):
                _line(sheet, r + k, HEADING_COLUMNS, filing.heading[k], f)
        r += max(len(filing.agency), len(filing.heading)) + 1
        _line(sheet, r, (0, VISIBLE_COLUMNS - 1), filing.appendix_label, f)
        r += 1
    sheet.set_row(r, 36)
    f.merged(sheet, r, 0, r, VISIBLE_COLUMNS - 1, table.title, "title")
    r += 1
    if table.subtitle:
        f.merged(sheet, r, 0, r, VISIBLE_COLUMNS - 1, table.subtitle, "subtitle")
        r += 1
    if filing is not None:
        _line(sheet, r, (0, VISIBLE_COLUMNS - 1), filing.attachment, f)
        r += 1
    return r + 1


def _signature(sheet: Worksheet, filing: Filing, r: int, f: XlsxStyles) -> None:
    *titles, name = filing.signature
    for line in titles:
        _line(sheet, r, SIGNATURE_COLUMNS, line, f)
        r += 1
    _line(sheet, r + filing.signature_space, SIGNATURE_COLUMNS, name, f)


def _headers(sheet: Worksheet, table: AppendixTable, f: XlsxStyles, top: int) -> None:
    bottom = top + 1
    sheet.set_row(bottom, 64)
    for col, text in enumerate((labels.COL_NUMBER, labels.COL_NAME, labels.COL_UNIT, table.target_column)):
        f.merged(sheet, top, col, bottom, col, text, "header")
    for first, block in ((4, table.midterm_block), (7, table.final_block)):
        f.merged(sheet, top, first, top, first + 2, block.title, "header")
        f.row(sheet, bottom, first, (labels.COL_RESULT, labels.COL_RATIO, table.verdict_column), "header")
    f.row(sheet, bottom, HIDDEN_FIRST, HIDDEN_HEADERS, "header")


def _rows(sheet: Worksheet, rows: list[AppendixRow], f: XlsxStyles, first: int) -> int:
    r = first
    for row in rows:
        if row.kind is RowKind.GROUP:
            f.text(sheet, r, 0, row.number, "group_center")
            f.text(sheet, r, 1, row.name, "group")
            f.row(sheet, r, 2, [""] * (VISIBLE_COLUMNS - 2), "group")
        else:
            name_format = "component" if row.level > 1 else "header_row" if row.kind is RowKind.HEADER else "text"
            f.text(sheet, r, 0, row.number, "center")
            f.text(sheet, r, 1, row.name, name_format)
            f.text(sheet, r, 2, row.unit, "center")
            f.text(sheet, r, 3, row.target_text, "number")
            _block(sheet, r, 4, row.midterm, f)
            _block(sheet, r, 7, row.final, f)
            _hidden(sheet, r, row, f)
        sheet.set_row(r, _row_height(row))
        r += 1
    return r - 1


def _row_height(row: AppendixRow) -> float:
    """Height for the wrapped indicator name: spreadsheet programs do not grow rows when opening a file."""
    per_line = COLUMN_WIDTHS[1] * 1.05  # characters of 12-point Times New Roman per line, roughly
    lines = max(1, math.ceil(len(row.name) / per_line), math.ceil(len(row.unit) / (COLUMN_WIDTHS[2] * 1.05)))
    return 16.5 * lines


def _block(sheet: Worksheet, r: int, col: int, cell: ResultCell, f: XlsxStyles) -> None:
    f.text(sheet, r, col, cell.value_text, "number")
    f.text(sheet, r, col + 1, cell.ratio_text, "number")
    f.text(sheet, r, col + 2, cell.status_vi, "center")


def _hidden(sheet: Worksheet, r: int, row: AppendixRow, f: XlsxStyles) -> None:
    values = (row.target_value, row.midterm.value, _fraction(row.chart_midterm), row.final.value,
              _fraction(row.chart_final))
    for k, value in enumerate(values):
        if value is not None:
            sheet.write_number(r, HIDDEN_FIRST + k, value, f["hidden_percent"] if k in (2, 4) else f["hidden_number"])


def _fraction(percent: float | None) -> float | None:
    return None if percent is None else percent / 100


def _summary(sheet: Worksheet, text: str, r: int, f: XlsxStyles) -> int:
    f.text(sheet, r, 0, labels.SUMMARY_HEADING, "summary_head")
    lines = max(2, len(text) // 150 + 1)
    sheet.set_row(r + 1, 16 * lines)
    f.merged(sheet, r + 1, 0, r + 1, VISIBLE_COLUMNS - 1, text, "summary")
    return r + 1


def _charts(wb: Workbook, table: AppendixTable, f: XlsxStyles) -> None:
    """Sheet 2: per group, the % of target by indicator as numbers and a native bar chart beside them."""
    sheet = wb.add_worksheet(labels.SHEET_CHARTS)
    sheet.set_landscape()
    sheet.set_paper(A4)
    sheet.set_column(0, 0, 44)
    sheet.set_column(1, 2, 14)
    mid = table.midterm_block
    end = table.final_block
    series_names = (labels.CHART_SERIES_MID.format(start=mid.start, end=mid.end),
                    labels.CHART_SERIES_END.format(start=end.start, end=end.end))
    r = 0
    for chart_data in table.charts:
        r = _group_chart(wb, sheet, chart_data, series_names, r, f)


def _group_chart(
    wb: Workbook, sheet: Worksheet, data: GroupChart, series_names: tuple[str, str], r: int, f: XlsxStyles
) -> int:
    title = labels.CHART_TITLE.format(group=f"{data.number}. {data.name}")
    f.text(sheet, r, 0, title, "summary_head")
    f.row(sheet, r + 1, 0, (labels.COL_NAME, *series_names), "data_header")
    first = r + 2
    for k, label in enumerate(data.labels):
        f.text(sheet, first + k, 0, label, "text")
        for col, value in ((1, data.midterm[k]), (2, data.final[k])):
            if value is None:
                sheet.write_blank(first + k, col, None, f["data_percent"])
            else:
                sheet.write_number(first + k, col, value / 100, f["data_percent"])
    last = first + len(data.labels) - 1
    chart = wb.add_chart({"type": "bar"})
    for col, name in ((1, series_names[0]), (2, series_names[1])):
        chart.add_series({
            "name": name,
            "categories": [sheet.name, first, 0, last, 0],
            "values": [sheet.name, first, col, last, col],
            "data_labels": {"value": True, "num_format": "0%"},
        })
    chart.set_title({"name": title, "name_font": {"name": FONT, "size": 12, "bold": True}})
    chart.set_x_axis({"name": labels.CHART_AXIS, "num_format": "0%", "min": 0,
                      "num_font": {"name": FONT}, "name_font": {"name": FONT}})
    chart.set_y_axis({"reverse": True, "num_font": {"name": FONT, "size": 9}})
    chart.set_legend({"position": "bottom", "font": {"name": FONT}})
    height = max(300, 60 + 38 * len(data.labels))
    chart.set_size({"width": 760, "height": height})
    sheet.insert_chart(r, 4, chart)
    return max(last + 3, r + height // 20 + 2)

"""The appendix as a Word document (python-docx): landscape A4, Times New Roman, merged two-level
header repeated on every page, bold group rows, a Vietnamese summary paragraph and one PNG chart
per indicator group."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table, _Cell

from chitieu.reports import labels
from chitieu.reports.appendix import AppendixRow, AppendixTable, ResultCell, RowKind
from chitieu.reports.charts import render_group_chart

FONT = "Times New Roman"
COLUMN_WIDTHS_CM = (1.0, 7.6, 1.9, 2.2, 1.9, 2.1, 2.5, 1.9, 2.1, 2.5)
CENTER, RIGHT, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.LEFT


def write_docx(table: AppendixTable, path: Path) -> None:
    """Write ``table`` to ``path`` (the caller handles temp files and renaming)."""
    doc = Document()
    _page_and_font(doc)
    _paragraph(doc, table.title, bold=True, size=14, align=CENTER)
    if table.subtitle:
        _paragraph(doc, table.subtitle, italic=True, align=CENTER)
    _table(doc, table)
    _paragraph(doc, labels.SUMMARY_HEADING, bold=True, space_before=10)
    _paragraph(doc, table.summary, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    if table.charts:
        _paragraph(doc, labels.CHARTS_HEADING, bold=True, space_before=10)
        mid, end = table.midterm_block, table.final_block
        names = (labels.CHART_SERIES_MID.format(start=mid.start, end=mid.end),
                 labels.CHART_SERIES_END.format(start=end.start, end=end.end))
        for chart in table.charts:
            doc.add_picture(io.BytesIO(render_group_chart(chart, names)), width=Cm(22))
            doc.paragraphs[-1].alignment = CENTER
    doc.save(str(path))


def _page_and_font(doc: Document) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.left_margin = section.right_margin = Cm(1.5)
    section.top_margin = section.bottom_margin = Cm(1.5)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(12)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
    normal.paragraph_format.space_after = Pt(2)


def _paragraph(doc: Document, text: str, *, bold: bool = False, italic: bool = False, size: int | None = None,
               align: WD_ALIGN_PARAGRAPH | None = None, space_before: int = 0) -> None:
    p = doc.add_paragraph()
    run = p.add_run(text)
    run.bold, run.italic = bold, italic
    if size:
        run.font.size = Pt(size)
    if align is not None:
        p.alignment = align
    if space_before:
        p.paragraph_format.space_before = Pt(space_before)


def _table(doc: Document, table: AppendixTable) -> None:
    grid = doc.add_table(rows=2 + len(table.rows), cols=len(COLUMN_WIDTHS_CM))
    grid.style = "Table Grid"
    grid.autofit = False
    rows = [r.cells for r in grid.rows]
    widths = [Cm(w) for w in COLUMN_WIDTHS_CM]
    # Word reads the cell widths, LibreOffice the grid: set both, and a fixed layout so neither re-flows.
    for col, width in zip(grid._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(width.twips))
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    grid._tbl.tblPr.append(layout)
    for cells in rows:
        for cell, width in zip(cells, widths, strict=True):
            cell.width = width
    for row in grid.rows:  # a row is never split across pages
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    _header(grid, rows, table)
    for cells, row in zip(rows[2:], table.rows, strict=True):
        _data_row(cells, row)


def _header(grid: Table, rows: list[list[_Cell]], table: AppendixTable) -> None:
    top, bottom = rows[0], rows[1]
    for col, text in enumerate((labels.COL_NUMBER, labels.COL_NAME, labels.COL_UNIT, table.target_column)):
        _write(top[col].merge(bottom[col]), text, bold=True, align=CENTER)
    for first, block in ((4, table.midterm_block), (7, table.final_block)):
        _write(top[first].merge(top[first + 2]), block.title, bold=True, align=CENTER)
        for k, text in enumerate((labels.COL_RESULT, labels.COL_RATIO, table.verdict_column)):
            _write(bottom[first + k], text, bold=True, align=CENTER)
    for row in grid.rows[:2]:
        properties = row._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        properties.append(repeat)


def _data_row(cells: list[_Cell], row: AppendixRow) -> None:
    bold = row.kind is RowKind.GROUP
    _write(cells[0], row.number, bold=bold, align=CENTER)
    _write(cells[1], row.name, bold=bold, italic=row.kind is RowKind.HEADER, indent=row.level > 1)
    if row.kind is RowKind.GROUP:
        return
    _write(cells[2], row.unit, align=CENTER)
    _write(cells[3], row.target_text, align=RIGHT)
    _block(cells, 4, row.midterm)
    _block(cells, 7, row.final)


def _block(cells: list[_Cell], first: int, cell: ResultCell) -> None:
    _write(cells[first], cell.value_text, align=RIGHT)
    _write(cells[first + 1], cell.ratio_text, align=RIGHT)
    _write(cells[first + 2], cell.status_vi, align=CENTER)


def _write(cell: _Cell, text: str, *, bold: bool = False, italic: bool = False,
           align: WD_ALIGN_PARAGRAPH = LEFT, indent: bool = False) -> None:
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    if not text:
        return
    paragraph = cell.paragraphs[0]
    paragraph.alignment = align
    if indent:
        paragraph.paragraph_format.left_indent = Cm(0.3)
    run = paragraph.add_run(text)
    run.font.size = Pt(11)
    if bold:
        run.bold = True
    if italic:
        run.italic = True

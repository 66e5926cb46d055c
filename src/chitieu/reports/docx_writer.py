"""The appendix as a Word document (python-docx), laid out as an office files it.

A4 landscape (the table has ten columns: ND 30/2020 allows the width of the page for tables), margins
20 mm top and bottom, 30 mm left, 15 mm right (inside the ranges of both ND 30/2020 and HD 36-HD/VPTW),
Times New Roman throughout. Page one carries the header block (the issuing body top left; the national
name and motto, or "ĐẢNG CỘNG SẢN VIỆT NAM", top right, each with its rule), "Phụ lục số …", the title and
"(Kèm theo Báo cáo số … ngày … của …)". Pages are numbered from 1 for the appendix, centred in the top
margin, the number hidden on the first page. The table header repeats on every page; rows never split.
After the table: the summary paragraph, one PNG chart per group, and the signature block.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from chitieu.reports import labels
from chitieu.reports.appendix import AppendixRow, AppendixTable, ResultCell, RowKind
from chitieu.reports.charts import render_group_chart
from chitieu.reports.filing import Filing, Line

FONT = "Times New Roman"
TABLE_PT = 13  # ND 30/2020: content 13–14 pt
COLUMN_WIDTHS_CM = (1.0, 6.9, 1.9, 2.4, 2.0, 2.2, 2.2, 2.0, 2.2, 2.2)  # 25,0 of 25,2 cm
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
HEADER_DISTANCE_MM = 10  # the page number sits in the top margin
AGENCY_SHARE = 0.42  # width of the header block's left column
CENTER, RIGHT, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.LEFT
METRIC_FONTS = {  # metric-compatible with Times New Roman: used only to measure rule lengths
    False: ("/usr/share/fonts/truetype/msttcorefonts/Times_New_Roman.ttf",
            "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
            "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"),
    True: ("/usr/share/fonts/truetype/msttcorefonts/Times_New_Roman_Bold.ttf",
           "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
           "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf"),
}


def write_docx(table: AppendixTable, path: Path) -> None:
    """Write ``table`` to ``path`` (the caller handles temp files and renaming)."""
    doc = Document()
    _page_and_font(doc)
    if table.filing is not None:
        _header_block(doc, table.filing)
        _line(doc.add_paragraph(), table.filing.appendix_label, space_before=10)
    _paragraph(doc, table.title, bold=True, size=14, align=CENTER)
    if table.subtitle:
        _paragraph(doc, table.subtitle, size=13, align=CENTER)
    if table.filing is not None:
        _line(doc.add_paragraph(), table.filing.attachment)
        rule = doc.add_paragraph()
        _rule(rule, Emu(Cm(4)))
        rule.paragraph_format.space_after = Pt(8)
    _table(doc, table)
    _paragraph(doc, labels.SUMMARY_HEADING, bold=True, space_before=10, keep_with_next=True)
    _paragraph(doc, table.summary, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    if table.charts:
        _paragraph(doc, labels.CHARTS_HEADING, bold=True, space_before=10, keep_with_next=True)
        mid, end = table.midterm_block, table.final_block
        names = (labels.CHART_SERIES_MID.format(start=mid.start, end=mid.end),
                 labels.CHART_SERIES_END.format(start=end.start, end=end.end))
        for chart in table.charts:
            doc.add_picture(io.BytesIO(render_group_chart(chart, names)), width=Cm(20))
            doc.paragraphs[-1].alignment = CENTER
    if table.filing is not None:
        _signature(doc, table.filing)
    doc.save(str(path))


def _page_and_font(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.header_distance = Mm(HEADER_DISTANCE_MM)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(TABLE_PT)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
    normal.paragraph_format.space_after = Pt(2)
    _page_numbers(section)


def _page_numbers(section: object) -> None:
    """A centred PAGE field in the header of every page but the first (ND 30/2020, HD 36-HD/VPTW)."""
    section.different_first_page_header_footer = True  # type: ignore[attr-defined]
    paragraph = section.header.paragraphs[0]  # type: ignore[attr-defined]
    paragraph.alignment = CENTER
    run = paragraph.add_run()
    run.font.size = Pt(13)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _usable_width(doc: DocxDocument) -> Emu:
    section = doc.sections[0]
    width, left, right = section.page_width, section.left_margin, section.right_margin
    assert width is not None and left is not None and right is not None  # set by _page_and_font
    return Emu(width - left - right)


def _no_borders(table: Table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _fixed_grid(table: Table, widths: list[Emu]) -> None:
    """Word reads the cell widths, LibreOffice the grid: set both, and a fixed layout so neither re-flows."""
    table.autofit = False
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(width.twips))
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def _header_block(doc: DocxDocument, filing: Filing) -> None:
    """Two borderless columns: the issuing body (left) and the national name/motto or Party heading (right)."""
    width = _usable_width(doc)
    widths = [Emu(int(width * AGENCY_SHARE)), Emu(width - int(width * AGENCY_SHARE))]
    block = doc.add_table(rows=1, cols=2)
    block.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(block)
    _fixed_grid(block, widths)
    for cell, lines, cell_width in ((block.cell(0, 0), filing.agency, widths[0]),
                                    (block.cell(0, 1), filing.heading, widths[1])):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
        first = True
        for line in lines:
            paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            _line(paragraph, line)
            if line.rule_below:
                _rule(cell.add_paragraph(), Emu(int(Pt(_text_width_pt(line.text, line.size, line.bold))
                                                    * line.rule_below)), cell_width)


def _line(paragraph: Paragraph, line: Line, *, space_before: int = 0) -> None:
    paragraph.alignment = CENTER
    paragraph.paragraph_format.space_after = Pt(0)
    if space_before:
        paragraph.paragraph_format.space_before = Pt(space_before)
    run = paragraph.add_run(line.text)
    run.bold, run.italic = line.bold, line.italic
    run.font.size = Pt(line.size)


def _rule(paragraph: Paragraph, length: Emu, within: Emu | None = None) -> None:
    """A thin solid rule of ``length``, centred: an empty paragraph with a bottom border and indents."""
    within = within if within is not None else Emu(Mm(297 - MARGINS_MM["left"] - MARGINS_MM["right"]))
    side = Emu(max(0, (within - length) // 2))
    fmt = paragraph.paragraph_format
    fmt.left_indent = fmt.right_indent = side
    fmt.space_before, fmt.space_after = Pt(3), Pt(0)  # clear of the descenders of the line above
    fmt.line_spacing = Pt(2)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


@lru_cache(maxsize=256)
def _text_width_pt(text: str, size: float, bold: bool) -> float:
    """Width of ``text`` in Times New Roman at ``size`` points (measured with a metric-compatible face)."""
    from PIL import ImageFont

    for candidate in METRIC_FONTS[bold]:
        if Path(candidate).is_file():
            font = ImageFont.truetype(candidate, 1000)
            return float(font.getlength(text)) * size / 1000
    return len(text) * size * (0.62 if bold else 0.5)  # no metric font: a fair average for capitals


def _signature(doc: DocxDocument, filing: Filing) -> None:
    """Authority and title in bold capitals, space for the signature and seal, the signer's name."""
    width = _usable_width(doc)
    widths = [Emu(width // 2), Emu(width - width // 2)]
    block = doc.add_table(rows=1, cols=2)
    _no_borders(block)
    _fixed_grid(block, widths)
    block.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    cell = block.cell(0, 1)
    *titles, name = filing.signature
    first = True
    for line in titles:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        _line(paragraph, line, space_before=12 if paragraph is cell.paragraphs[0] else 0)
    for _ in range(filing.signature_space):
        cell.add_paragraph().paragraph_format.space_after = Pt(0)
    _line(cell.add_paragraph(), name)


def _paragraph(doc: DocxDocument, text: str, *, bold: bool = False, italic: bool = False, size: int | None = None,
               align: WD_ALIGN_PARAGRAPH | None = None, space_before: int = 0, keep_with_next: bool = False) -> None:
    p = doc.add_paragraph()
    p.paragraph_format.keep_with_next = keep_with_next
    run = p.add_run(text)
    run.bold, run.italic = bold, italic
    if size:
        run.font.size = Pt(size)
    if align is not None:
        p.alignment = align
    if space_before:
        p.paragraph_format.space_before = Pt(space_before)


def _table(doc: DocxDocument, table: AppendixTable) -> None:
    grid = doc.add_table(rows=2 + len(table.rows), cols=len(COLUMN_WIDTHS_CM))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    _fixed_grid(grid, [Emu(Cm(w)) for w in COLUMN_WIDTHS_CM])
    rows = [r.cells for r in grid.rows]
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
    paragraph.paragraph_format.space_after = Pt(0)
    if indent:
        paragraph.paragraph_format.left_indent = Cm(0.3)
    run = paragraph.add_run(text)
    run.font.size = Pt(TABLE_PT)
    if bold:
        run.bold = True
    if italic:
        run.italic = True

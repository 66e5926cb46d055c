"""Word-style government documents (python-docx) turned into PDF by LibreOffice, as offices make them.

Times New Roman 14, justified paragraphs with a first-line indent, a running header, a page-number
field in the footer, headings, a superscript footnote mark with its note, and a long ruled indicator
table that runs over page breaks.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

HEADER = "ĐẢNG BỘ TỈNH MẪU – BÁO CÁO CHÍNH TRỊ"
BODY = (
    "Trong giai đoạn vừa qua, tỉnh đã tập trung lãnh đạo phát triển kinh tế gắn với bảo đảm an sinh xã hội, "
    "huy động mọi nguồn lực cho đầu tư kết cấu hạ tầng, cải thiện môi trường kinh doanh và nâng cao đời sống "
    "vật chất, tinh thần của nhân dân các dân tộc trên địa bàn tỉnh"
)
TARGETS = (
    "Tốc độ tăng trưởng kinh tế bình quân giai đoạn 2025 - 2030 phấn đấu đạt {rate},5%/năm; thu nhập bình "
    "quân đầu người đến năm 2030 đạt 90 triệu đồng; tỷ lệ hộ nghèo giảm bình quân từ 3 - 4%/năm theo chuẩn "
    "nghèo đa chiều của giai đoạn mới."
)
FOOTNOTE = "1 Theo chuẩn nghèo đa chiều do Chính phủ ban hành."
TABLE_ROWS = 30


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def paragraph_text(part: int, index: int) -> str:
    return f"{BODY} (đoạn {part}.{index})."


def table_rows(part: int) -> list[list[str]]:
    header = ["TT", "Chỉ tiêu", "Đơn vị", "Mục tiêu 2030"]
    return [header] + [
        [str(i), f"Chỉ tiêu {part}.{i} về phát triển kinh tế - xã hội của tỉnh", "%", f"{50 + i},{i % 10}"]
        for i in range(1, TABLE_ROWS + 1)
    ]


def _page_field(paragraph: Paragraph) -> None:
    run = paragraph.add_run()
    for kind, instruction in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = instruction
        run._r.append(element)


def _justified(document: docx.document.Document, text: str) -> Paragraph:
    paragraph = document.add_paragraph(text)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = Cm(1.27)
    return paragraph


def build_docx(path: Path, parts: int = 1, paragraphs: int = 6) -> Path:
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    header = section.header.paragraphs[0]
    header.text = HEADER
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(footer)
    for part in range(1, parts + 1):
        document.add_heading(f"Phần {part}. MỤC TIÊU VÀ CHỈ TIÊU CHỦ YẾU", level=1)
        document.add_heading("1. Mục tiêu tổng quát", level=2)
        for index in range(1, paragraphs + 1):
            _justified(document, paragraph_text(part, index))
        targets = _justified(document, TARGETS.format(rate=7 + part % 3))
        targets.add_run("1").font.superscript = True
        document.add_heading("2. Các chỉ tiêu chủ yếu", level=2)
        rows = table_rows(part)
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = "Table Grid"
        for i, row in enumerate(rows):
            for j, cell in enumerate(row):
                table.cell(i, j).text = cell
        repeat = OxmlElement("w:tblHeader")  # Word repeats the header row on every page of the table
        repeat.set(qn("w:val"), "true")
        table.rows[0]._tr.get_or_add_trPr().append(repeat)
        note = document.add_paragraph(FOOTNOTE)
        note.runs[0].font.size = Pt(10)
    document.save(str(path))
    return path


def to_pdf(source: Path, outdir: Path, binary: str) -> Path:
    """Convert with a private LibreOffice profile so parallel runs do not share one."""
    subprocess.run(
        [binary, "--headless", f"-env:UserInstallation={(outdir / 'lo-profile').as_uri()}",
         "--convert-to", "pdf", "--outdir", str(outdir), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    return outdir / f"{source.stem}.pdf"


NOTE_TEXT = "Số liệu năm 2024 của cơ quan thống kê, tăng 12% so với năm 2020."
_FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles><style:default-style style:family="paragraph">
<style:paragraph-properties fo:text-align="justify" fo:text-indent="1.27cm"/>
<style:text-properties style:font-name="Times New Roman" fo:font-family="'Times New Roman'" fo:font-size="14pt"/>
</style:default-style></office:styles>
<office:body><office:text>
{paragraphs}
</office:text></office:body></office:document>
"""
_NOTE = ('<text:note text:id="ftn{n}" text:note-class="footnote"><text:note-citation>{n}</text:note-citation>'
         '<text:note-body><text:p>{text}</text:p></text:note-body></text:note>')


def footnoted_paragraph(index: int) -> str:
    return f"{BODY} (đoạn {index})."


def build_footnoted_fodt(path: Path, paragraphs: int = 15) -> Path:
    """Real footnotes (LibreOffice flat ODT): each paragraph carries one, printed at the page foot, so a
    paragraph cut by the page break has the notes between its two halves."""
    head, tail = BODY.rsplit(" vật chất", 1)
    items = [
        f"<text:p>{head} vật chất{_NOTE.format(n=i, text=NOTE_TEXT)}{tail} (đoạn {i}).</text:p>"
        for i in range(1, paragraphs + 1)
    ]
    path.write_text(_FODT.format(paragraphs="\n".join(items)), encoding="utf-8")
    return path

"""A report laid out as offices lay them out, written as LibreOffice flat ODT and saved by LibreOffice as
.docx (and .doc): a header table (agency | motto), legal-basis lines, automatic numbering ("1.", "a)",
"-"), a footnote, a text box, a running header and footer, an indicator table with cells merged across
columns and rows, and the closing table (recipients | signatory)."""

from __future__ import annotations

import subprocess
from pathlib import Path

NOTE = "Số liệu ước tính đến ngày 30/11/2024."
BOX = "Ghi chú trong khung: số liệu sơ bộ."
HEADER = "Báo cáo số 12/BC-UBND"
ROWS = [
    ("1", "Sản lượng lương thực", "tấn", "12.000", "12.450"),
    ("2", "Thu ngân sách trên địa bàn", "tỷ đồng", "41,5", "43,2"),
]

_FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
<style:default-style style:family="paragraph">
<style:text-properties style:font-name="Times New Roman" fo:font-family="'Times New Roman'" fo:font-size="13pt"/>
</style:default-style>
<text:list-style style:name="Sections">
<text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>
<text:list-level-style-number text:level="2" style:num-format="a" style:num-suffix=")"/>
<text:list-level-style-bullet text:level="3" text:bullet-char="-"/>
</text:list-style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
 fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="3cm" fo:margin-right="2cm"/></style:page-layout>
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="pm1">
<style:header><text:p>{header}</text:p></style:header>
<style:footer><text:p>Trang <text:page-number>1</text:page-number></text:p></style:footer>
</style:master-page>
</office:master-styles>
<office:body><office:text>
<table:table table:name="Head"><table:table-column table:number-columns-repeated="2"/>
<table:table-row><table:table-cell><text:p>ỦY BAN NHÂN DÂN</text:p><text:p>XÃ AN BÌNH</text:p></table:table-cell>
<table:table-cell><text:p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</text:p><text:p>Độc lập - Tự do - Hạnh phúc</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell><text:p>Số: 12/BC-UBND</text:p></table:table-cell>
<table:table-cell><text:p>An Bình, ngày 05 tháng 12 năm 2024</text:p></table:table-cell></table:table-row>
</table:table>
<text:p>BÁO CÁO</text:p>
<text:p>Tình hình kinh tế - xã hội năm 2024</text:p>
<text:p>Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;</text:p>
<text:list text:style-name="Sections">
<text:list-item><text:p>Kết quả thực hiện</text:p>
<text:list><text:list-item><text:p>Kinh tế</text:p>
<text:list><text:list-item><text:p>Sản lượng lương thực ước đạt 12.450 tấn, đạt 103,8% kế hoạch<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>{note}</text:p></text:note-body></text:note>.</text:p></text:list-item>
<text:list-item><text:p>Thu ngân sách trên địa bàn 43,2 tỷ đồng.</text:p></text:list-item></text:list>
</text:list-item>
<text:list-item><text:p>Xã hội</text:p></text:list-item></text:list>
</text:list-item>
<text:list-item><text:p>Nhiệm vụ năm 2025</text:p></text:list-item>
</text:list>
<text:p>Tỷ lệ hộ nghèo giảm còn 2,15%.<draw:frame draw:name="Box1" text:anchor-type="paragraph" svg:width="8cm" svg:height="2cm"><draw:text-box><text:p>{box}</text:p></draw:text-box></draw:frame></text:p>
<table:table table:name="Data"><table:table-column table:number-columns-repeated="5"/>
<table:table-row><table:table-cell table:number-rows-spanned="2"><text:p>TT</text:p></table:table-cell>
<table:table-cell table:number-rows-spanned="2"><text:p>Chỉ tiêu</text:p></table:table-cell>
<table:table-cell table:number-rows-spanned="2"><text:p>Đơn vị tính</text:p></table:table-cell>
<table:table-cell table:number-columns-spanned="2"><text:p>Năm 2024</text:p></table:table-cell><table:covered-table-cell/></table:table-row>
<table:table-row><table:covered-table-cell/><table:covered-table-cell/><table:covered-table-cell/>
<table:table-cell><text:p>Kế hoạch</text:p></table:table-cell><table:table-cell><text:p>Thực hiện</text:p></table:table-cell></table:table-row>
{rows}
</table:table>
<table:table table:name="Foot"><table:table-column table:number-columns-repeated="2"/>
<table:table-row><table:table-cell><text:p>Nơi nhận:</text:p><text:p>- UBND huyện;</text:p><text:p>- Lưu: VT.</text:p></table:table-cell>
<table:table-cell><text:p>TM. ỦY BAN NHÂN DÂN</text:p><text:p>CHỦ TỊCH</text:p><text:p>Nguyễn Văn An</text:p></table:table-cell></table:table-row>
</table:table>
</office:text></office:body></office:document>
"""


def build_report_fodt(path: Path) -> Path:
    rows = "\n".join(
        "<table:table-row>" + "".join(f"<table:table-cell><text:p>{c}</text:p></table:table-cell>" for c in row)
        + "</table:table-row>"
        for row in ROWS
    )
    path.write_text(_FODT.format(header=HEADER, note=NOTE, box=BOX, rows=rows), encoding="utf-8")
    return path


def convert(source: Path, outdir: Path, binary: str, fmt: str) -> Path:
    """Save ``source`` as ``fmt`` ("docx", "doc") with a private LibreOffice profile."""
    filters = {"docx": "docx:MS Word 2007 XML", "doc": "doc:MS Word 97"}
    subprocess.run(
        [binary, "--headless", f"-env:UserInstallation={(outdir / 'lo-profile').as_uri()}",
         "--convert-to", filters[fmt], "--outdir", str(outdir), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    return outdir / f"{source.stem}.{fmt}"

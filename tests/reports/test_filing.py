"""The appendix as filed: layout chosen by the plan's issuer (ND 30/2020 or HD 36-HD/VPTW), "Phụ lục số …",
"(Kèm theo …)", page numbers, signature block — in the model, the Word file, and as LibreOffice renders it."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from typer.testing import CliRunner

from chitieu.domain import Plan, PlanBundle
from chitieu.reports.filing import (
    DocumentStyle,
    FilingDetails,
    default_agency,
    filing_for,
    style_for_issuer,
    vietnamese_date,
)

PARTY_DETAILS = FilingDetails(appendix_number="03", report_number="123-BC/TU", report_date=date(2023, 11, 8),
                              signer="Nguyễn Văn A", signer_title="PHÓ BÍ THƯ")


@pytest.mark.parametrize(("issuer", "style"), [
    ("Đại hội đại biểu Đảng bộ tỉnh Lai Châu lần thứ XIV", DocumentStyle.PARTY),
    ("Tỉnh uỷ Lai Châu", DocumentStyle.PARTY),
    ("Ban Chấp hành Đảng bộ huyện Tam Đường", DocumentStyle.PARTY),
    ("Đảng ủy xã Bản Hon", DocumentStyle.PARTY),
    ("UBND tỉnh Lai Châu", DocumentStyle.STATE),
    ("Hội đồng nhân dân thành phố Hà Nội", DocumentStyle.STATE),
    ("Sở Kế hoạch và Đầu tư", DocumentStyle.STATE),
    ("", DocumentStyle.STATE),
])
def test_layout_follows_the_issuer(issuer: str, style: DocumentStyle) -> None:
    assert style_for_issuer(issuer) is style


def test_agency_and_signer_from_the_issuer() -> None:
    assert default_agency("Đại hội đại biểu Đảng bộ tỉnh Lai Châu lần thứ XIV", DocumentStyle.PARTY) == (
        "ĐẢNG BỘ TỈNH LAI CHÂU", "TỈNH ỦY")
    assert default_agency("Huyện ủy Tam Đường", DocumentStyle.PARTY) == ("ĐẢNG BỘ HUYỆN TAM ĐƯỜNG", "HUYỆN ỦY")
    assert default_agency("UBND tỉnh Lai Châu", DocumentStyle.STATE) == ("ỦY BAN NHÂN DÂN TỈNH LAI CHÂU",)
    party = filing_for(Plan("P", "x", issuer="Tỉnh ủy Lai Châu"))
    assert [line.text for line in party.heading] == ["ĐẢNG CỘNG SẢN VIỆT NAM"]
    assert party.heading[0].size == 15 and party.heading[0].rule_below == 1.0
    assert [line.text for line in party.agency] == ["ĐẢNG BỘ TỈNH LAI CHÂU", "TỈNH ỦY", "*"]
    assert [line.text for line in party.signature] == ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "…"]
    state = filing_for(Plan("S", "x", issuer="UBND tỉnh Lai Châu"), FilingDetails(
        appendix_number="II", report_number="45/BC-UBND", report_date=date(2024, 2, 5), signer="Trần Thị B",
        signer_title="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"))
    assert [line.text for line in state.heading] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert state.agency[-1].rule_below == pytest.approx(0.4)  # ND 30: a rule of 1/3 to 1/2 under the body's name
    assert state.appendix_label.text == "Phụ lục số II"
    assert state.attachment.text == "(Kèm theo Báo cáo số 45/BC-UBND ngày 05 tháng 02 năm 2024 của Ủy ban nhân dân tỉnh Lai Châu)"
    assert [line.text for line in state.signature] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Thị B"]


def test_dates_as_nd30_writes_them() -> None:
    assert vietnamese_date(date(2024, 1, 5)) == "ngày 05 tháng 01 năm 2024"
    assert vietnamese_date(date(2023, 11, 28)) == "ngày 28 tháng 11 năm 2023"
    assert vietnamese_date(date(2023, 3, 9)) == "ngày 09 tháng 3 năm 2023"
    assert vietnamese_date(None) == "ngày … tháng … năm …"


@pytest.fixture(scope="module")
def party_docx(dataset_bundle: PlanBundle, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from chitieu.services.reports import write_appendix

    out = tmp_path_factory.mktemp("filed") / "party.docx"
    return write_appendix(dataset_bundle, out, "docx", as_of=2023, filing=PARTY_DETAILS)


def _paragraph_texts(document) -> list[str]:  # type: ignore[no-untyped-def]
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                texts.extend(p.text for p in cell.paragraphs)
    return [t for t in texts if t]


def test_word_file_carries_the_filing_lines(party_docx: Path) -> None:
    document = docx.Document(str(party_docx))
    head = document.tables[0]
    assert [p.text for p in head.cell(0, 0).paragraphs if p.text] == ["ĐẢNG BỘ TỈNH LAI CHÂU", "TỈNH ỦY", "*"]
    assert [p.text for p in head.cell(0, 1).paragraphs if p.text] == ["ĐẢNG CỘNG SẢN VIỆT NAM"]
    party_run = head.cell(0, 1).paragraphs[0].runs[0]
    assert party_run.bold and party_run.font.size.pt == 15
    rule = head.cell(0, 1).paragraphs[1]
    assert rule._p.pPr.find(qn("w:pBdr")) is not None  # the rule under the heading
    texts = [p.text for p in document.paragraphs]
    assert "Phụ lục số 03" in texts
    assert "(Kèm theo Báo cáo số 123-BC/TU ngày 08 tháng 11 năm 2023 của Ban Thường vụ Tỉnh ủy)" in texts
    signature = document.tables[-1].cell(0, 1)
    assert [p.text for p in signature.paragraphs if p.text] == ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Nguyễn Văn A"]
    assert all(r.bold for p in signature.paragraphs for r in p.runs)


def test_word_page_setup_numbers_and_fonts(party_docx: Path) -> None:
    document = docx.Document(str(party_docx))
    section = document.sections[0]
    assert [round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin,
                                  section.right_margin)] == [20, 20, 30, 15]
    assert section.different_first_page_header_footer  # no number on the first page
    header_xml = section.header._element.xml
    assert "PAGE" in header_xml and 'w:fldCharType="begin"' in header_xml
    assert section.first_page_header.paragraphs[0].text == ""
    sizes = {r.font.size.pt for p in document.paragraphs for r in p.runs if r.font.size is not None}
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "TT")
    sizes |= {r.font.size.pt for row in table.rows for c in row.cells for p in c.paragraphs for r in p.runs}
    assert sizes <= {13, 14, 15} and 13 in sizes
    fonts = {r.font.name for p in document.paragraphs for r in p.runs} - {None}
    assert fonts <= {"Times New Roman"} and document.styles["Normal"].font.name == "Times New Roman"


def test_state_plan_gets_the_national_motto(dataset_bundle: PlanBundle, tmp_path: Path) -> None:
    from chitieu.services.reports import write_appendix

    bundle = replace(dataset_bundle, plan=replace(dataset_bundle.plan, issuer="Ủy ban nhân dân tỉnh Lai Châu"))
    out = write_appendix(bundle, tmp_path / "state.docx", "docx", as_of=2023)
    texts = _paragraph_texts(docx.Document(str(out)))
    assert {"ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
            "Phụ lục số …", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"} <= set(texts)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" not in texts
    assert "(Kèm theo Báo cáo số … ngày … tháng … năm … của Ủy ban nhân dân tỉnh Lai Châu)" in texts


def test_cli_filing_options(dataset_bundle: PlanBundle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from chitieu.cli.main import app

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(app, ["dataset", "install", "laichau_xiv", "--db", "x.db"]).exit_code == 0
    done = runner.invoke(app, ["report", "appendix", "-f", "docx", "--db", "x.db", "--out", "a.docx",
                               "--appendix-number", "3", "--report-number", "88-BC/TU", "--report-date", "2/3/2024",
                               "--signer", "Lê C", "--signer-title", "BÍ THƯ", "--layout", "state",
                               "--agency", "ỦY BAN NHÂN DÂN TỈNH X"])
    assert done.exit_code == 0, done.output
    texts = _paragraph_texts(docx.Document(str(tmp_path / "a.docx")))
    assert {"Phụ lục số 3", "ỦY BAN NHÂN DÂN TỈNH X", "Lê C", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"} <= set(texts)
    assert "(Kèm theo Báo cáo số 88-BC/TU ngày 02 tháng 3 năm 2024 của Ủy ban nhân dân tỉnh X)" in texts
    bad = runner.invoke(app, ["report", "appendix", "-f", "docx", "--db", "x.db", "--report-date", "31/02/2024"])
    assert bad.exit_code != 0 and "Ngày văn bản «31/02/2024» không hợp lệ" in str(bad.exception)
    assert not (tmp_path / "phu-luc-LC-XIV.docx").exists()


@pytest.mark.e2e
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice and poppler are needed to render the document")
def test_libreoffice_renders_numbered_pages(party_docx: Path, tmp_path: Path) -> None:
    done = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
                           "pdf", "--outdir", str(tmp_path), str(party_docx)], capture_output=True, timeout=180)
    pdf = tmp_path / "party.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stderr
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 3
    first = [line.strip() for line in pages[0].splitlines() if line.strip()]
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in first[0] and "ĐẢNG BỘ TỈNH LAI CHÂU" in first[0]
    assert "Phụ lục số 03" in first and not first[0].isdigit()  # no number on page 1
    for number, page in enumerate(pages[1:], start=2):
        assert page.strip().splitlines()[0].strip() == str(number)  # centred in the top margin
    assert "Nguyễn Văn A" in pages[-1] and "T/M BAN THƯỜNG VỤ" in pages[-1]

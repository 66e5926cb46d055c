"""Scanned PDFs: pages without a text layer are read by Tesseract (Vietnamese), with boxes, confidence,
stamps and page numbers left out, a time limit per page, progress, and mixed text/scan files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from chitieu.messages import ChitieuError
from chitieu.readers import OcrSettings, PdfLimits, read_document
from chitieu.readers.ocr import tesseract_ready

from .builders import make_pdf
from .scans import scan_image, write_scanned_pdf

pytestmark = pytest.mark.skipif(not tesseract_ready("vie"), reason="Tesseract with Vietnamese data not installed")

PAGE_ONE = [
    "ỦY BAN NHÂN DÂN XÃ AN BÌNH",
    "BÁO CÁO",
    "Tình hình kinh tế - xã hội năm 2024",
    "1. Sản lượng lương thực ước đạt 12.450 tấn, đạt 101,2%",
    "kế hoạch, tăng 3,4% so với cùng kỳ.",
    "2. Thu ngân sách trên địa bàn 4.321 triệu đồng, bằng",
    "104,2% dự toán.",
    "Nơi nhận:",
    "- UBND huyện;",
    "- Lưu: VT.",
]


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("scan") / "bao-cao-scan.pdf"
    return write_scanned_pdf(path, [scan_image(PAGE_ONE, page_number=1)])


def test_a_scan_is_read_with_boxes_and_confidence(scanned: Path) -> None:
    seen: list[tuple[int, int, str]] = []
    document = read_document(scanned, progress=lambda done, total, stage: seen.append((done, total, stage)))
    text = document.text
    assert document.ocr_pages == [1]
    assert "Sản lượng lương thực ước đạt 12.450 tấn, đạt 101,2% kế hoạch, tăng 3,4% so với cùng kỳ." in text
    assert "4.321 triệu đồng" in text and "104,2% dự toán" in text
    assert "- UBND huyện;" in text  # list bullets survive the noise filter
    assert "XÃ AN BÌNH *" not in text and "★" not in text  # the red stamp's ring text is gone
    assert not any(line.strip() == "1" for line in text.splitlines())  # the page number is dropped
    assert seen[-1] == (1, 1, "ocr")
    start = text.index("12.450")
    page, box = document.box_of(start, start + len("12.450 tấn"))
    assert page == 1 and box is not None
    assert 0 < box.x0 < box.x1 < 595 and 0 < box.top < box.bottom < 842
    assert box.top < 842 * 0.3  # the fourth line of the page, near its top
    confidence = document.ocr_confidence(start, start + 6)
    assert confidence is not None and 0.5 < confidence <= 1.0
    assert all(s.source == "ocr" and s.page == 1 for s in document.spans)


def test_text_layer_and_scanned_pages_in_one_file(tmp_path: Path, scanned: Path) -> None:
    typed = make_pdf(tmp_path / "typed.pdf", [["Tỷ lệ che phủ rừng đạt 54,3%.", "Hết trang một."]], page_numbers=False)
    writer = PdfWriter()
    for source in (typed, scanned):
        for page in PdfReader(source).pages:
            writer.add_page(page)
    mixed = tmp_path / "mixed.pdf"
    with mixed.open("wb") as fh:
        writer.write(fh)
    document = read_document(mixed)
    assert document.ocr_pages == [2]
    assert "Tỷ lệ che phủ rừng đạt 54,3%." in document.text
    start = document.text.index("12.450")
    assert document.page_at(start) == 2
    typed_spans = [s for s in document.spans if s.page == 1]
    assert typed_spans and all(s.source == "text" and s.confidence is None and s.box for s in typed_spans)
    assert document.ocr_confidence(0, 10) is None


def test_a_page_past_its_time_limit_is_skipped_with_a_warning(tmp_path: Path, scanned: Path) -> None:
    typed = make_pdf(tmp_path / "typed.pdf", [["Trang có chữ: 54,3%."]], page_numbers=False)
    writer = PdfWriter()
    for source in (typed, scanned):
        for page in PdfReader(source).pages:
            writer.add_page(page)
    mixed = tmp_path / "mixed.pdf"
    with mixed.open("wb") as fh:
        writer.write(fh)
    limits = PdfLimits(ocr_settings=OcrSettings(page_timeout_s=0.05))
    document = read_document(mixed, pdf_limits=limits)
    assert "54,3%" in document.text and "12.450" not in document.text
    assert [p.code for p in document.problems] == ["read_ocr_page_timeout"]
    assert "trang 2" in document.problems[0].message


def test_without_tesseract_a_scan_says_what_to_install(scanned: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("chitieu.readers.ocr.tesseract_ready", lambda language="vie": False)
    with pytest.raises(ChitieuError) as info:
        read_document(scanned)
    assert info.value.code == "read_ocr_missing"
    assert "tesseract-ocr-vie" in info.value.message


def test_extract_on_a_scan_gives_claims_with_page_and_box(scanned: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "chitieu.cli.main", "extract", str(scanned)],
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert "OCR" not in result.stderr or "trước khi" not in result.stderr
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    level = next(c for c in claims if c["value"] == 12450)
    assert level["page"] == 1 and level["unit"] == "tấn"
    assert len(level["box"]) == 4 and 0 < level["ocr_confidence"] <= 1
    assert level["confidence"] <= 0.9


def test_a_ruled_table_on_a_scan_comes_out_as_rows(tmp_path: Path) -> None:
    rows = [
        ["TT", "Chỉ tiêu", "Đơn vị", "Kế hoạch", "Thực hiện"],
        ["1", "Sản lượng lương thực", "tấn", "12.000", "12.450"],
        ["2", "Thu ngân sách", "tỷ đồng", "41,5", "43,2"],
        ["3", "Tỷ lệ hộ nghèo", "%", "2,5", "2,15"],
    ]
    path = write_scanned_pdf(tmp_path / "phu-luc.pdf",
                             [scan_image(["PHỤ LỤC", "Kết quả thực hiện các chỉ tiêu năm 2024"], table=rows,
                                         stamp=False, tilt=0.5)])
    document = read_document(path)
    assert len(document.tables) == 1
    got = document.tables[0].rows
    assert len(got) == 4
    assert got[1][1:] == ["Sản lượng lương thực", "tấn", "12.000", "12.450"]
    assert [r[0] for r in got[1:]] == ["1", "2", "3"]  # lone figures in a narrow column are read too
    start = document.tables[0].row_starts[3] + len("\t".join(got[3][:4])) + 1
    confidence = document.ocr_confidence(start, start + len(got[3][4]))
    assert confidence is not None
    assert got[3][4] == "2,15" or confidence < 0.75  # a misread figure is flagged by its confidence
    assert document.box_of(start, start + 1)[1] is not None
    assert "PHỤ LỤC" in document.text
    assert document.text.index("PHỤ LỤC") < document.tables[0].start


def test_black_print_with_a_scanners_tint_is_read_and_the_stamp_is_not(tmp_path: Path) -> None:
    # A colour scan gives black print a faint tint; near black that is a high HSV saturation, and a
    # saturation test whitened the text itself. Coloured ink is what is both clearly coloured and bright.
    lines = ["ỦY BAN NHÂN DÂN HUYỆN PHÚ AN", "BÁO CÁO", "Số PAKN được tiếp nhận: 37, đã giải quyết: 35.",
             "Nơi nhận:", "- Lưu: VT."]
    path = write_scanned_pdf(tmp_path / "tinted.pdf", [scan_image(lines, ink=(0, 0, 8), bold=True)], full_colour=True)
    text = read_document(path).text
    assert "Số PAKN được tiếp nhận: 37, đã giải quyết: 35." in text
    assert "XÃ AN BÌNH *" not in text and "★" not in text


def test_coloured_ink_is_bright_and_coloured_and_black_over_a_stamp_stays() -> None:
    from PIL import Image

    from chitieu.readers.ocr import coloured_ink

    pixels = {"tinted black": (12, 0, 9), "grey": (120, 118, 121), "stamp red": (205, 40, 50),
              "signature blue": (35, 50, 175), "black over the stamp": (70, 12, 16), "white": (250, 251, 249)}
    image = Image.new("RGB", (len(pixels), 1))
    for x, colour in enumerate(pixels.values()):
        image.putpixel((x, 0), colour)
    mask = coloured_ink(image)
    whitened = {name for x, name in enumerate(pixels) if mask.getpixel((x, 0))}
    assert whitened == {"stamp red", "signature blue"}


def test_a_scan_with_a_digital_signatures_text_box_is_still_read_by_ocr(tmp_path: Path, scanned: Path) -> None:
    # Signing software writes its box ("Ký bởi …", "Thời gian ký …") as text over the scanned page: a few
    # typed lines over a page-sized image are no text layer of the page.
    box = make_pdf(tmp_path / "box.pdf", [["Ký bởi: Ủy ban nhân dân xã An Bình", "Cơ quan: Huyện Phú An",
                                            "Thời gian ký: 12/01/2025 09:14:22 +07:00"]], page_numbers=False, transparent=True)
    writer = PdfWriter(clone_from=scanned)
    writer.pages[0].merge_page(PdfReader(box).pages[0])
    signed = tmp_path / "signed.pdf"
    with signed.open("wb") as fh:
        writer.write(fh)
    document = read_document(signed)
    assert document.ocr_pages == [1]
    assert "12.450 tấn" in document.text


def test_a_typed_page_with_a_small_picture_is_no_scan(tmp_path: Path) -> None:
    from types import SimpleNamespace

    from chitieu.readers.pdf_reader import _is_scan

    chars = [{"text": ch} for ch in "Thu ngân sách đạt 4.321 triệu đồng, bằng 104,2% dự toán." * 3]
    logo = {"x0": 60.0, "x1": 160.0, "top": 40.0, "bottom": 120.0}
    whole_page = {"x0": 0.0, "x1": 595.0, "top": 0.0, "bottom": 842.0}
    assert not _is_scan(SimpleNamespace(width=595.0, height=842.0, chars=chars, images=[logo]))
    assert _is_scan(SimpleNamespace(width=595.0, height=842.0, chars=chars, images=[whole_page]))
    assert not _is_scan(SimpleNamespace(width=595.0, height=842.0, chars=chars * 3, images=[whole_page]))

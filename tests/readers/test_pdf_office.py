"""PDFs as offices make them (Word style → LibreOffice PDF): reading order, running header and page
numbers gone, sentences joined across page breaks, footnote marks dropped, a long table kept whole."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from chitieu.readers import Document, read_document

from .office_pdf import (
    FOOTNOTE,
    HEADER,
    NOTE_TEXT,
    TABLE_ROWS,
    TARGETS,
    build_docx,
    build_footnoted_fodt,
    footnoted_paragraph,
    paragraph_text,
    soffice,
    table_rows,
    to_pdf,
)

SOFFICE = soffice()
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
PARAGRAPHS = 9


@pytest.fixture(scope="module")
def office_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("office")
    assert SOFFICE is not None
    return to_pdf(build_docx(folder / "bao-cao.docx", parts=2, paragraphs=PARAGRAPHS), folder, SOFFICE)


@pytest.fixture(scope="module")
def document(office_pdf: Path) -> Document:
    return read_document(office_pdf)


def test_paragraphs_whole_and_in_order(document: Document, office_pdf: Path) -> None:
    text = document.text
    expected = [paragraph_text(part, i) for part in (1, 2) for i in range(1, PARAGRAPHS + 1)]
    positions = [text.find(p) for p in expected]
    assert -1 not in positions, [p for p, at in zip(expected, positions, strict=True) if at < 0]
    assert positions == sorted(positions)
    # at least one paragraph really straddles a page break in the PDF, and it was joined back
    straddling = [p for p, at in zip(expected, positions, strict=True)
                  if document.page_at(at) != document.page_at(at + len(p) - 1)]
    assert straddling
    assert len(PdfReader(str(office_pdf)).pages) >= 6


def test_running_header_and_page_numbers_removed(document: Document) -> None:
    assert HEADER not in document.text
    assert "TỈNH MẪU" not in document.text
    for line in document.text.splitlines():
        assert not re.fullmatch(r"\s*\d{1,3}\s*", line), repr(line)


def test_footnote_mark_dropped_note_kept(document: Document) -> None:
    for rate in (8, 9):
        assert TARGETS.format(rate=rate) + "\n" in document.text  # no "mới.1"
    assert document.text.count(FOOTNOTE) == 2


def test_page_at_matches_pdf_pages(document: Document, office_pdf: Path) -> None:
    reader = PdfReader(str(office_pdf))
    pages = [" ".join((page.extract_text() or "").split()) for page in reader.pages]
    assert document.page_count == len(pages)
    for marker in ("(đoạn 1.1)", "(đoạn 2.1)", "Chỉ tiêu 1.30 ", "Chỉ tiêu 2.17 ", "(đoạn 1.9)"):
        at = document.text.index(marker)
        expected = next(n for n, page in enumerate(pages, start=1) if marker.strip() in page)
        assert document.page_at(at) == expected, marker


def test_table_over_page_breaks_is_one_table(document: Document) -> None:
    big = [t for t in document.tables if len(t.rows) > 5]
    assert len(big) == 2
    for part, table in zip((1, 2), big, strict=True):
        assert table.rows == table_rows(part)
        assert len(table.rows) == TABLE_ROWS + 1
        for row, start in zip(table.rows, table.row_starts, strict=True):
            assert document.text[start:].startswith("\t".join(row) + "\n")


def test_footnotes_do_not_cut_a_sentence_over_a_page_break(tmp_path: Path) -> None:
    assert SOFFICE is not None
    pdf = to_pdf(build_footnoted_fodt(tmp_path / "chu-thich.fodt"), tmp_path, SOFFICE)
    document = read_document(pdf)
    text = document.text
    paragraphs = [footnoted_paragraph(i) for i in range(1, 16)]
    positions = [text.find(p) for p in paragraphs]
    assert -1 not in positions
    assert positions == sorted(positions)
    assert any(document.page_at(at) != document.page_at(at + len(p) - 1)
               for p, at in zip(paragraphs, positions, strict=True))
    notes = [line for line in text.splitlines() if NOTE_TEXT in line]
    assert [line.split()[0] for line in notes] == [str(n) for n in range(1, 16)]
    assert all(line.endswith(NOTE_TEXT) for line in notes)
    assert "chất1" not in text and "chất 1 " not in text

"""Word .docx files: paragraphs and tables in reading order, tables also returned as TableBlocks.

The body XML is walked in document order (paragraphs, tables, content controls), so a table appears in
the text exactly where it stands in the document, rendered as tab-separated rows. Horizontally merged
cells keep their grid position (empty cells are inserted after a spanning cell), so column roles of a
two-level header line up with the data rows. Page numbers come from the page breaks Word recorded.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from chitieu.messages import ChitieuError
from chitieu.readers.document import Document, PageSpan, TableBlock, clean_cell
from chitieu.readers.zipguard import ZipLimits, check_zip

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TAG_P, TAG_TBL, TAG_SDT, TAG_SDT_CONTENT = f"{W}p", f"{W}tbl", f"{W}sdt", f"{W}sdtContent"
TAG_T, TAG_TAB, TAG_BR, TAG_CR = f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"
TAG_NB_HYPHEN, TAG_RENDERED_BREAK = f"{W}noBreakHyphen", f"{W}lastRenderedPageBreak"
TAG_TR, TAG_TC, TAG_TCPR = f"{W}tr", f"{W}tc", f"{W}tcPr"
TAG_GRID_SPAN, TAG_VMERGE, ATTR_VAL, ATTR_TYPE = f"{W}gridSpan", f"{W}vMerge", f"{W}val", f"{W}type"


def read_docx(path: Path, limits: ZipLimits | None = None) -> Document:
    check_zip(path, limits)
    body = _load_body(path)
    builder = _TextBuilder(count_rendered_breaks=any(True for _ in body.iter(TAG_RENDERED_BREAK)))
    _walk(body, builder)
    text = "".join(builder.parts)
    if not text.strip():
        raise ChitieuError("read_no_text", path=path)
    return Document(path=path, kind="docx", text=text, pages=builder.pages(len(text)), tables=builder.tables)


def _load_body(path: Path) -> Any:
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise ChitieuError("file_corrupt", path=path, kind="DOCX", reason=str(exc) or type(exc).__name__) from exc
    except ValueError as exc:  # e.g. an .xlsx or a template renamed to .docx
        raise ChitieuError("file_corrupt", path=path, kind="DOCX", reason=str(exc)) from exc
    except Exception as exc:  # lxml syntax errors and the like inside the package
        raise ChitieuError("file_corrupt", path=path, kind="DOCX", reason=type(exc).__name__) from exc
    return document.element.body


class _TextBuilder:
    def __init__(self, count_rendered_breaks: bool) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.page_starts: list[int] = [0]
        self.tables: list[TableBlock] = []
        self.count_rendered_breaks = count_rendered_breaks

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def page_break(self) -> None:
        if self.length > self.page_starts[-1]:
            self.page_starts.append(self.length)

    def pages(self, total: int) -> list[PageSpan]:
        if len(self.page_starts) == 1:
            return []
        ends = [*self.page_starts[1:], total]
        return [PageSpan(i + 1, s, e) for i, (s, e) in enumerate(zip(self.page_starts, ends, strict=True))]


def _walk(container: Any, out: _TextBuilder) -> None:
    for child in container.iterchildren():
        tag = child.tag
        if tag == TAG_P:
            _paragraph(child, out)
            out.add("\n")
        elif tag == TAG_TBL:
            _table(child, out)
        elif tag == TAG_SDT:
            content = child.find(TAG_SDT_CONTENT)
            if content is not None:
                _walk(content, out)


def _paragraph(p: Any, out: _TextBuilder) -> None:
    for el in p.iter(TAG_T, TAG_TAB, TAG_BR, TAG_CR, TAG_NB_HYPHEN, TAG_RENDERED_BREAK):
        tag = el.tag
        if tag == TAG_T:
            if el.text:
                out.add(el.text)
        elif tag == TAG_TAB:
            out.add("\t")
        elif tag == TAG_NB_HYPHEN:
            out.add("-")
        elif tag == TAG_RENDERED_BREAK:
            if out.count_rendered_breaks:
                out.page_break()
        elif tag == TAG_BR and el.get(ATTR_TYPE) == "page":
            if not out.count_rendered_breaks:
                out.page_break()
        else:
            out.add("\n")


def _paragraph_text(p: Any) -> str:
    pieces: list[str] = []
    for el in p.iter(TAG_T, TAG_TAB, TAG_BR, TAG_CR, TAG_NB_HYPHEN):
        if el.tag == TAG_T:
            pieces.append(el.text or "")
        elif el.tag == TAG_NB_HYPHEN:
            pieces.append("-")
        else:
            pieces.append(" ")
    return "".join(pieces)


def _cell_text(tc: Any) -> str:
    return clean_cell(" ".join(_paragraph_text(p) for p in tc.iter(TAG_P)))


def _table_rows(tbl: Any) -> list[list[str]]:
    rows: list[list[str]] = []
    for tr in tbl.iter(TAG_TR):
        if tr.getparent() is not tbl and tr.getparent().tag != TAG_SDT_CONTENT:
            continue  # rows of nested tables are flattened into their cell's text
        row: list[str] = []
        for tc in tr.iterchildren(TAG_TC):
            span, continued = 1, False
            props = tc.find(TAG_TCPR)
            if props is not None:
                grid = props.find(TAG_GRID_SPAN)
                if grid is not None and (grid.get(ATTR_VAL) or "").isdigit():
                    span = max(1, int(grid.get(ATTR_VAL)))
                vmerge = props.find(TAG_VMERGE)
                continued = vmerge is not None and vmerge.get(ATTR_VAL) in (None, "continue")
            row.append("" if continued else _cell_text(tc))
            row.extend([""] * (span - 1))
        rows.append(row)
    return rows


def _table(tbl: Any, out: _TextBuilder) -> None:
    rows = _table_rows(tbl)
    if out.length and not "".join(out.parts[-1:]).endswith("\n"):
        out.add("\n")
    start = out.length
    row_starts: list[int] = []
    for row in rows:
        row_starts.append(out.length)
        out.add("\t".join(row) + "\n")
    end = max(start, out.length - 1)
    page = len(out.page_starts) if len(out.page_starts) > 1 or out.count_rendered_breaks else None
    out.tables.append(TableBlock(rows=rows, start=start, end=end, page=page, row_starts=row_starts))

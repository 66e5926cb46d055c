"""Word .docx files as offices write them: body, tables, text boxes, footnotes, numbering, headers.

The body XML is walked in document order (paragraphs, tables, content controls), so a table appears in
the text exactly where it stands, rendered as tab-separated rows. Merged cells keep their grid position
(a spanning cell's text stays in its first grid cell, the cells it covers are "") and are listed as
``TableBlock.merges``. Besides the body:

- **numbering** Word adds by itself ("1.", "a)", "-", "•" from numbering.xml, directly or through the
  paragraph style) is written before the paragraph's text, so sections are recognised as typed ones are;
- **text boxes** (``w:txbxContent``; the VML fallback copy of the same box is skipped) come as their own
  paragraphs after the paragraph anchoring them;
- **footnotes** come right after the paragraph that refers to them, one per line, marked ``footnotes``
  (the reference mark itself is not written, so it cannot glue onto a number);
- **headers and footers** are kept apart in ``Document.header_text``, never in the body text.

Page numbers come from the page breaks Word recorded.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chitieu.messages import ChitieuError
from chitieu.readers.document import CellMerge, Document, Mark, PageSpan, TableBlock, clean_cell
from chitieu.readers.docx_numbering import Numbering
from chitieu.readers.zipguard import ZipLimits, check_zip

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
TAG_P, TAG_TBL, TAG_SDT, TAG_SDT_CONTENT = f"{W}p", f"{W}tbl", f"{W}sdt", f"{W}sdtContent"
TAG_T, TAG_TAB, TAG_BR, TAG_CR = f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"
TAG_NB_HYPHEN, TAG_RENDERED_BREAK = f"{W}noBreakHyphen", f"{W}lastRenderedPageBreak"
TAG_TR, TAG_TC, TAG_TCPR = f"{W}tr", f"{W}tc", f"{W}tcPr"
TAG_GRID_SPAN, TAG_VMERGE, ATTR_VAL, ATTR_TYPE = f"{W}gridSpan", f"{W}vMerge", f"{W}val", f"{W}type"
TAG_TXBX, TAG_FALLBACK = f"{W}txbxContent", f"{MC}Fallback"
TAG_FOOTNOTE_REF, TAG_ENDNOTE_REF, ATTR_ID = f"{W}footnoteReference", f"{W}endnoteReference", f"{W}id"
TAG_DEL_TEXT = f"{W}delText"
TAG_INS_SKIP = (f"{W}del", f"{W}moveFrom")  # deleted text of tracked changes is not the document's text
TEXT_TAGS = (TAG_T, TAG_TAB, TAG_BR, TAG_CR, TAG_NB_HYPHEN, TAG_RENDERED_BREAK, TAG_TXBX, TAG_FOOTNOTE_REF,
             TAG_ENDNOTE_REF)


def read_docx(path: Path, limits: ZipLimits | None = None) -> Document:
    check_zip(path, limits)
    package = _load(path)
    body = package.element.body
    builder = _TextBuilder(count_rendered_breaks=any(True for _ in body.iter(TAG_RENDERED_BREAK)))
    builder.numbering = Numbering.from_part(_part_xml(package, "numbering"), _styles_xml(package))
    builder.notes = _notes(package)
    _walk(body, builder)
    text = "".join(builder.parts)
    if not text.strip():
        raise ChitieuError("read_no_text", path=path)
    document = Document(path=path, kind="docx", text=text, pages=builder.pages(len(text)), tables=builder.tables,
                        marks=builder.marks)
    document.header_text = _headers_and_footers(package)
    return document


def _load(path: Path) -> Any:
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise ChitieuError("file_corrupt", path=path, kind="DOCX", reason=str(exc) or type(exc).__name__) from exc
    except ValueError as exc:  # e.g. an .xlsx or a template renamed to .docx
        raise ChitieuError("file_corrupt", path=path, kind="DOCX", reason=str(exc)) from exc
    except Exception as exc:  # lxml syntax errors and the like inside the package
        raise ChitieuError("file_corrupt", path=path, kind="DOCX", reason=type(exc).__name__) from exc


def _related_parts(package: Any, kind: str) -> list[Any]:
    """Parts of the main document related as ``kind`` (numbering, footnotes, endnotes, header, footer)."""
    out = []
    for rel in package.part.rels.values():
        if rel.is_external or not rel.reltype.endswith("/" + kind):
            continue
        out.append(rel.target_part)
    return out


def _part_xml(package: Any, kind: str) -> Any:
    from lxml import etree

    for part in _related_parts(package, kind):
        element = getattr(part, "element", None)
        if element is not None:
            return element
        try:
            return etree.fromstring(part.blob)
        except etree.XMLSyntaxError:
            return None
    return None


def _styles_xml(package: Any) -> Any:
    try:
        return package.styles.element
    except Exception:  # a package without a styles part: no style numbering
        return None


def _notes(package: Any) -> dict[tuple[str, str], str]:
    """Footnote and endnote texts by (kind, id); the separator notes Word keeps are left out."""
    notes: dict[tuple[str, str], str] = {}
    for kind, tag in (("footnotes", f"{W}footnote"), ("endnotes", f"{W}endnote")):
        root = _part_xml(package, kind)
        if root is None:
            continue
        for note in root.iter(tag):
            if note.get(ATTR_TYPE) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            text = clean_cell(" ".join(_plain_text(p) for p in note.iter(TAG_P)))
            if text:
                notes[(kind, note.get(ATTR_ID) or "")] = text
    return notes


def _headers_and_footers(package: Any) -> str:
    seen: list[str] = []
    for kind in ("header", "footer"):
        for part in _related_parts(package, kind):
            element = getattr(part, "element", None)
            if element is None:
                continue
            text = "\n".join(t for t in (clean_cell(_plain_text(p)) for p in element.iter(TAG_P)) if t)
            if text and text not in seen:
                seen.append(text)
    return "\n".join(seen)


@dataclass(slots=True)
class _TextBuilder:
    count_rendered_breaks: bool
    parts: list[str] = field(default_factory=list)
    length: int = 0
    page_starts: list[int] = field(default_factory=lambda: [0])
    tables: list[TableBlock] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    numbering: Numbering | None = None
    notes: dict[tuple[str, str], str] = field(default_factory=dict)

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

    def ends_line(self) -> bool:
        return not self.parts or self.parts[-1].endswith("\n")


def _walk(container: Any, out: _TextBuilder) -> None:
    for child in container.iterchildren():
        tag = child.tag
        if tag == TAG_P:
            _paragraph(child, out)
        elif tag == TAG_TBL:
            _table(child, out)
        elif tag == TAG_SDT:
            content = child.find(TAG_SDT_CONTENT)
            if content is not None:
                _walk(content, out)


def _paragraph(p: Any, out: _TextBuilder) -> None:
    """One paragraph and its line end; then its text boxes and the notes it refers to."""
    if out.numbering is not None:
        label = out.numbering.label(p)
        if label:
            out.add(label + " ")
    boxes: list[Any] = []
    notes: list[tuple[str, str]] = []
    leading = True  # tabs and spaces before a paragraph's first letter are indentation, not columns
    for el in _content(p):
        tag = el.tag
        if tag == TAG_T:
            text = el.text or ""
            if leading:
                text = text.lstrip()
                leading = not text
            if text:
                out.add(text)
        elif tag == TAG_TAB:
            if not leading:
                out.add("\t")
        elif tag == TAG_NB_HYPHEN:
            out.add("-")
        elif tag == TAG_RENDERED_BREAK:
            if out.count_rendered_breaks:
                out.page_break()
        elif tag == TAG_BR:
            if el.get(ATTR_TYPE) == "page":
                if not out.count_rendered_breaks:
                    out.page_break()
            else:
                out.add("\n")
        elif tag == TAG_CR:
            out.add("\n")
        elif tag == TAG_TXBX:
            boxes.append(el)
        elif tag in (TAG_FOOTNOTE_REF, TAG_ENDNOTE_REF):
            notes.append(("footnotes" if tag == TAG_FOOTNOTE_REF else "endnotes", el.get(ATTR_ID) or ""))
    out.add("\n")
    for box in boxes:
        _walk(box, out)
    for key in notes:
        text = out.notes.get(key)
        if text:
            start = out.length
            out.add(text)
            out.marks.append(Mark("footnotes", start, out.length))
            out.add("\n")


def _content(p: Any) -> Any:
    """The paragraph's text elements in order, not descending into text boxes (read apart), the
    fallback copies of drawings, or deleted text of tracked changes."""
    stack = [iter(p)]
    while stack:
        for el in stack[-1]:
            tag = el.tag
            if not isinstance(tag, str):
                continue
            if tag in TEXT_TAGS:
                yield el
                if tag == TAG_TXBX:
                    continue
            if tag in (TAG_FALLBACK, *TAG_INS_SKIP, TAG_P, TAG_TBL):
                continue
            if len(el):
                stack.append(iter(el))
                break
        else:
            stack.pop()


def _plain_text(p: Any) -> str:
    pieces: list[str] = []
    for el in p.iter(TAG_T, TAG_TAB, TAG_BR, TAG_CR, TAG_NB_HYPHEN):
        if el.tag == TAG_T:
            pieces.append(el.text or "")
        elif el.tag == TAG_NB_HYPHEN:
            pieces.append("-")
        else:
            pieces.append(" ")
    return "".join(pieces)


def _cell_text(tc: Any, numbering: Numbering | None) -> str:
    texts = []
    for p in tc.iter(TAG_P):
        label = numbering.label(p) if numbering is not None else ""
        body = "".join(_plain_cell_parts(p))
        texts.append(f"{label} {body}" if label else body)
    return clean_cell(" ".join(texts))


def _plain_cell_parts(p: Any) -> list[str]:
    pieces = []
    for el in _content(p):
        if el.tag == TAG_T:
            pieces.append(el.text or "")
        elif el.tag == TAG_NB_HYPHEN:
            pieces.append("-")
        elif el.tag in (TAG_TAB, TAG_BR, TAG_CR):
            pieces.append(" ")
    return pieces


@dataclass(slots=True)
class _GridCell:
    text: str
    span: int
    continued: bool  # vMerge continue: the cell above runs on into this one


def _table_grid(tbl: Any, numbering: Numbering | None) -> list[list[_GridCell]]:
    rows: list[list[_GridCell]] = []
    for tr in tbl.iter(TAG_TR):
        if tr.getparent() is not tbl and tr.getparent().tag != TAG_SDT_CONTENT:
            continue  # rows of nested tables are flattened into their cell's text
        row: list[_GridCell] = []
        for tc in tr.iterchildren(TAG_TC):
            span, continued = 1, False
            props = tc.find(TAG_TCPR)
            if props is not None:
                grid = props.find(TAG_GRID_SPAN)
                if grid is not None and (grid.get(ATTR_VAL) or "").isdigit():
                    span = max(1, int(grid.get(ATTR_VAL)))
                vmerge = props.find(TAG_VMERGE)
                continued = vmerge is not None and vmerge.get(ATTR_VAL) in (None, "continue")
            row.append(_GridCell("" if continued else _cell_text(tc, numbering), span, continued))
        rows.append(row)
    return rows


def _rows_and_merges(grid: list[list[_GridCell]]) -> tuple[list[list[str]], list[CellMerge]]:
    """Rows of grid-position texts, and the merged cells (vertical runs found across rows)."""
    rows: list[list[str]] = []
    origin: dict[int, tuple[int, int]] = {}  # grid column → (row, span) of the cell a vMerge runs on from
    merges: dict[tuple[int, int], CellMerge] = {}
    for r, cells in enumerate(grid):
        row: list[str] = []
        col = 0
        for cell in cells:
            if cell.continued and col in origin:
                top, span = origin[col]
                merge = merges.get((top, col)) or CellMerge(top, col, 1, span)
                merges[(top, col)] = CellMerge(top, col, r - top + 1, merge.cols)
            else:
                origin[col] = (r, cell.span)
                if cell.span > 1:
                    merges[(r, col)] = CellMerge(r, col, 1, cell.span)
            row.append(cell.text)
            row.extend([""] * (cell.span - 1))
            col += cell.span
        rows.append(row)
    return rows, sorted(merges.values(), key=lambda m: (m.row, m.col))


def _table(tbl: Any, out: _TextBuilder) -> None:
    rows, merges = _rows_and_merges(_table_grid(tbl, out.numbering))
    if out.length and not out.ends_line():
        out.add("\n")
    start = out.length
    row_starts: list[int] = []
    for row in rows:
        row_starts.append(out.length)
        out.add("\t".join(row) + "\n")
    end = max(start, out.length - 1)
    page = len(out.page_starts) if len(out.page_starts) > 1 or out.count_rendered_breaks else None
    out.tables.append(TableBlock(rows=rows, start=start, end=end, page=page, row_starts=row_starts, merges=merges))

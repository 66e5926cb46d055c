"""Service: read a document and extract its claims (targets and results) with provenance."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chitieu.extraction.claims import Claim, extract_claims
from chitieu.extraction.restated import merge_restated
from chitieu.extraction.statements import plan_kind_of
from chitieu.messages import ChitieuError


@dataclass(slots=True)
class ExtractionResult:
    """Claims of one document, the length of the text they index and its page count (0 when none)."""

    path: Path
    claims: list[Claim] = field(default_factory=list)
    text_length: int = 0
    pages: int = 0


@dataclass(slots=True)
class _ReadText:
    text: str
    page_at: Callable[[int], int | None]
    pages: int
    document: Any = None  # the reader's Document: boxes and OCR confidence of its spans


def _read(path: Path, progress: Callable[[int, int, str], None] | None = None) -> _ReadText:
    """Read through ``chitieu.readers``; plain UTF-8 text when the readers are not available."""
    try:
        from chitieu.readers import read_document
    except ImportError:  # readers not installed in this build: plain UTF-8 text only
        return _read_plain_text(path)
    document = read_document(path, progress=progress)
    return _ReadText(document.text, document.page_at, len(getattr(document, "pages", []) or []), document)


def _read_plain_text(path: Path) -> _ReadText:
    if not path.is_file():
        raise ChitieuError("extract_not_a_file", path=path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ChitieuError("extract_not_utf8", path=path) from exc
    return _ReadText(text, lambda _offset: None, 0)


def iter_file_claims(
    path: str | Path, kind: str = "all", progress: Callable[[int, int, str], None] | None = None
) -> tuple[_ReadText, Iterator[Claim]]:
    """The read text and a lazy stream of its claims (``kind``: target, result or all).

    ``progress(done, total, stage)`` follows the reading of a PDF's pages (OCR of scans is the slow part).
    Each claim gets its page, its box on the page when the reader knows it, and a confidence lowered by
    the OCR confidence of the words it was read from."""
    if kind not in ("target", "result", "all"):
        raise ChitieuError("extract_bad_kind", value=kind)
    read = _read(Path(path), progress)

    def stream() -> Iterator[Claim]:
        for claim in all_claims(read.text, read.document):
            if kind != "all" and claim.kind != kind:
                continue
            claim.page = read.page_at(claim.start)
            if read.document is not None and read.document.spans:
                _place_claim(claim, read.document)
            yield claim

    return read, stream()


# Marks of furniture that state no claim (readers' ``Mark.kind``); footnotes do, and are kept.
SKIPPED_MARKS = frozenset({"recipients", "signature", "legal_basis", "title_block", "page_header", "page_footer"})


def document_claims(text: str, document: Any = None) -> Iterator[Claim]:
    """Claims of a read document's text, each part of a bound volume read on its own and no claim taken
    from its furniture (recipients, signatures, legal basis, title block). Used by extract and ingest."""
    if document is None:
        return extract_claims(text)
    parts = [p.start for p in getattr(document, "parts", None) or []]
    skip = [(m.start, m.end) for m in getattr(document, "marks", None) or [] if m.kind in SKIPPED_MARKS]
    return extract_claims(text, parts=parts, skip=skip)


def all_claims(text: str, document: Any = None) -> Iterator[Claim]:
    """Every claim of a read document, as ``chitieu extract`` gives them and ``chitieu ingest`` stores them:
    the rows of its indicator tables (appendices), then the running text outside those tables, in document
    order; the figures of one table row share a statement (its target is the plan of its results)."""
    tables, spans = table_claims(document) if document is not None and getattr(document, "tables", None) else ([], [])
    text_claims = document_claims(text, document)
    merged = sorted([*tables, *(c for c in text_claims if not _inside(c.start, spans))], key=lambda c: (c.start, c.end))
    if tables:
        numbers: dict[tuple[bool, int], int] = {}
        for claim in merged:  # statements numbered again in document order, tables and text alike
            key = (claim.section == TABLE_SECTION, claim.statement)
            claim.statement = numbers.setdefault(key, len(numbers) + 1)
    parts = getattr(document, "parts", None) or []
    yield from merge_restated(merged, _groups(merged, parts), _in_appendix(merged, parts))


def _groups(claims: list[Claim], parts: list[Any]) -> list[int]:
    """The document of a bound volume each claim belongs to: a new one at each part that is not an appendix
    (an appendix belongs to the document before it)."""
    starts = [p.start for p in parts if p.kind != "appendix"]
    return [bisect_right(starts, c.start) for c in claims]


def _in_appendix(claims: list[Claim], parts: list[Any]) -> list[bool]:
    """Whether each claim is written in an appendix: a "PHỤ LỤC" part or an indicator table."""
    spans = [(p.start, p.end) for p in parts if p.kind == "appendix"]
    return [c.section == TABLE_SECTION or any(a <= c.start < b for a, b in spans) for c in claims]


TABLE_SECTION = "table"


def table_claims(document: Any) -> tuple[list[Claim], list[tuple[int, int]]]:
    """Claims of the document's indicator tables (the rows ``ingest`` stores) and the spans of those tables."""
    from chitieu.extraction.tables import parse_cell_quantity
    from chitieu.services.ingest import claims_from_tables

    proposed, spans = claims_from_tables(document)
    rows_with_results = {
        (p.start, p.payload.get("table_row")) for p in proposed if p.kind == "result"
    }
    claims: list[Claim] = []
    statements: dict[tuple[int | None, Any], int] = {}
    for p in proposed:
        row = (p.start, p.payload.get("table_row"))
        period = p.payload.get("period")
        ratio = parse_cell_quantity(str(p.payload.get("stated_ratio") or "")) if p.kind == "result" else None
        plan = p.kind == "target" and row in rows_with_results
        role = str(p.payload.get("role") or ("plan" if plan else "level"))
        if role == "plan_ratio":
            ratio = None
        claims.append(Claim(
            kind=p.kind, indicator=p.indicator, op=p.op or "=", value=p.value, low=p.low, high=p.high, unit=p.unit,
            start=p.start or 0, end=p.end or 0, quote=p.quote, page=p.page, section=TABLE_SECTION,
            period=f"{period[0]}-{period[1]}" if isinstance(period, list) and period[0] != period[1]
            else str(period[0]) if isinstance(period, list) else "",
            hedge=str(p.payload.get("hedge") or ""), confidence=0.9,
            statement=statements.setdefault(row, len(statements) + 1), role=role,
            basis=str(p.payload.get("basis") or ""),
            plan_kind=plan_kind_of(str(p.payload.get("column") or "")) if plan else "",
            stated_ratio=ratio.value if ratio is not None else None,
        ))
    return claims, spans


def _inside(start: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= start <= b for a, b in spans)


def _place_claim(claim: Claim, document: Any) -> None:
    page, box = document.box_of(claim.start, claim.end)
    if page is not None:
        claim.page = page
    if box is not None:
        claim.box = [round(v, 1) for v in box]
    ocr = document.ocr_confidence(claim.start, claim.end)
    if ocr is not None:
        claim.ocr_confidence = round(ocr, 2)
        claim.confidence = round(claim.confidence * ocr, 2)


def extract_file(path: str | Path, kind: str = "all") -> ExtractionResult:
    """All claims of the document at ``path``."""
    read, claims = iter_file_claims(path, kind)
    return ExtractionResult(Path(path), list(claims), len(read.text), read.pages)

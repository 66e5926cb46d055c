"""Service: read a document and extract its claims (targets and results) with provenance."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from chitieu.extraction.claims import Claim, extract_claims, signing_year
from chitieu.extraction.plan_values import plan_kind_of, stated_plan_kind
from chitieu.extraction.restated import fold_headline, headline_end, merge_restated
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
    """A document being read: its pieces (one for every format but a long plain text), and, once they are
    all read, the length of its text and its page count."""

    pieces: Iterator[Any]  # readers' TextPiece: start offset, the piece's Document, forced
    length: int = 0
    pages: int = 0


@dataclass(slots=True)
class _WholePiece:
    start: int
    document: Any
    forced: bool = False


def _read(path: Path, progress: Callable[[int, int, str], None] | None = None) -> _ReadText:
    """Read through ``chitieu.readers``: a plain text file piece by piece (any size in bounded memory), the
    other formats whole (their readers bound them)."""
    from chitieu.readers import read_document
    from chitieu.readers.sniff import detect_kind

    try:
        if path.is_file() and path.stat().st_size and detect_kind(path) == "txt":
            from chitieu.readers.text_pieces import iter_text_pieces

            _, pieces = iter_text_pieces(path)
            return _ReadText(_guarded(path, pieces))
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    document = read_document(path, progress=progress)
    pages = len(getattr(document, "pages", []) or [])
    return _ReadText(iter([_WholePiece(0, document)]), len(document.text), pages)


def _guarded(path: Path, pieces: Iterator[Any]) -> Iterator[Any]:
    """The pieces, a failure to read the file on the way said as ``read_document`` says it."""
    try:
        yield from pieces
    except OSError as exc:
        raise _unreadable(path, exc) from exc


def _unreadable(path: Path, exc: OSError) -> ChitieuError:
    from chitieu.messages import msg

    reason = msg("reason_no_permission") if isinstance(exc, PermissionError) else exc.strerror or str(exc)
    return ChitieuError("file_unreadable", path=path, reason=reason)


def iter_file_claims(
    path: str | Path, kind: str = "all", progress: Callable[[int, int, str], None] | None = None
) -> tuple[_ReadText, Iterator[Claim]]:
    """The document being read and a lazy stream of its claims (``kind``: target, result or all).

    A plain text file is read and extracted piece by piece, whole documents at a time
    (``readers.text_pieces``), and its claims are given as each piece is done: memory stays bounded whatever
    the file's size, and the claims are those the whole text gives. ``progress(done, total, stage)`` follows
    the reading of a PDF's pages (OCR of scans is the slow part). Each claim gets its page, its box on the
    page when the reader knows it, and a confidence lowered by the OCR confidence of the words it was read
    from."""
    if kind not in ("target", "result", "all"):
        raise ChitieuError("extract_bad_kind", value=kind)
    read = _read(Path(path), progress)

    def stream() -> Iterator[Claim]:
        statements = 0  # the highest statement number given so far: a later piece numbers on from it
        year: int | Literal["own"] | None = "own"
        pages = 0
        for n, piece in enumerate(read.pieces):
            document = piece.document
            if n == 0 and piece.start == 0 and document.kind == "txt":
                year = signing_year(document.text)
            claims = list(all_claims(document.text, document, text_year=year if n else "own"))
            if n:
                _renumber(claims, statements)
            statements = max([statements, *(c.statement for c in claims)])
            for claim in claims:
                if kind != "all" and claim.kind != kind:
                    continue
                claim.page = document.page_at(claim.start)
                if document.spans:
                    _place_claim(claim, document)
                if piece.start:
                    _shift(claim, piece.start)
                yield claim
            if document.kind == "txt":
                read.length = piece.start + len(document.text)
                pages = max(pages, document.pages[-1].number if document.pages else 0)
                read.pages = pages

    return read, stream()


def _renumber(claims: list[Claim], base: int) -> None:
    """Statements of a later piece numbered on from ``base`` in document order (one number per statement)."""
    numbers: dict[int, int] = {}
    for claim in claims:
        claim.statement = numbers.setdefault(claim.statement, base + len(numbers) + 1)


def _shift(claim: Claim, offset: int) -> None:
    """A piece's claim placed in the whole text."""
    claim.start += offset
    claim.end += offset
    for place in claim.places or []:
        for key in ("start", "end"):
            value = place.get(key)
            if isinstance(value, int):
                place[key] = value + offset


# Marks of furniture that state no claim (readers' ``Mark.kind``); footnotes do, and are kept.
SKIPPED_MARKS = frozenset({"recipients", "signature", "legal_basis", "title_block", "page_header", "page_footer"})


def document_claims(text: str, document: Any = None, text_year: int | Literal["own"] | None = "own") -> Iterator[Claim]:
    """Claims of a read document's text, each part of a bound volume read on its own and no claim taken
    from its furniture (recipients, signatures, legal basis, title block). Used by extract and ingest.
    ``text_year``: the signing year of the whole text when ``text`` is a later piece of it."""
    if document is None:
        return extract_claims(text, text_year=text_year)
    parts = [p.start for p in getattr(document, "parts", None) or []]
    skip = [(m.start, m.end) for m in getattr(document, "marks", None) or [] if m.kind in SKIPPED_MARKS]
    return extract_claims(text, parts=parts, skip=skip, text_year=text_year)


def all_claims(text: str, document: Any = None, text_year: int | Literal["own"] | None = "own") -> Iterator[Claim]:
    """Every claim of a read document, as ``chitieu extract`` gives them and ``chitieu ingest`` stores them:
    the rows of its indicator tables (appendices), then the running text outside those tables, in document
    order; the figures of one table row share a statement (its target is the plan of its results)."""
    tables, spans = table_claims(document) if document is not None and getattr(document, "tables", None) else ([], [])
    text_claims = document_claims(text, document, text_year)
    merged = sorted([*tables, *(c for c in text_claims if not _inside(c.start, spans))], key=lambda c: (c.start, c.end))
    if tables:
        numbers: dict[tuple[bool, int], int] = {}
        for claim in merged:  # statements numbered again in document order, tables and text alike
            key = (claim.section == TABLE_SECTION, claim.statement)
            claim.statement = numbers.setdefault(key, len(numbers) + 1)
    parts = getattr(document, "parts", None) or []
    kept = merge_restated(merged, _groups(merged, parts), _in_appendix(merged, parts), _tables_of(merged, spans))
    # only the whole text's first piece opens with its headline
    yield from fold_headline(kept, headline_end(text) if text_year == "own" else 0)


def _groups(claims: list[Claim], parts: list[Any]) -> list[int]:
    """The document of a bound volume each claim belongs to: a new one at each part that is not an appendix
    (an appendix belongs to the document before it)."""
    starts = [p.start for p in parts if p.kind != "appendix"]
    return [bisect_right(starts, c.start) for c in claims]


def _tables_of(claims: list[Claim], spans: list[tuple[int, int]]) -> list[int | None]:
    """The indicator table (index into ``spans``) each table claim is a row of; None for running text."""
    return [next((i for i, (a, b) in enumerate(spans) if a <= c.start < b), None) if c.section == TABLE_SECTION else None
            for c in claims]


def _in_appendix(claims: list[Claim], parts: list[Any]) -> list[bool]:
    """Whether each claim is written in an appendix: a "PHỤ LỤC" part or an indicator table."""
    spans = [(p.start, p.end) for p in parts if p.kind == "appendix"]
    return [c.section == TABLE_SECTION or any(a <= c.start < b for a, b in spans) for c in claims]


TABLE_SECTION = "table"


def table_claims(document: Any) -> tuple[list[Claim], list[tuple[int, int]]]:
    """Claims of the document's indicator tables (the rows ``ingest`` stores) and the spans of those tables."""
    from chitieu.extraction.tables import parse_cell_quantity
    from chitieu.services.ingest_tables import claims_from_tables

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
        plan = p.kind == "target" and row in rows_with_results and p.payload.get("plan", True) is not False
        role = str(p.payload.get("role") or ("plan" if plan else "level"))
        if role in ("plan_ratio", "change"):
            ratio = None
        claims.append(Claim(
            kind=p.kind, indicator=p.indicator, op=p.op or "=", value=p.value, low=p.low, high=p.high, unit=p.unit,
            start=p.start or 0, end=p.end or 0, quote=p.quote, page=p.page, section=TABLE_SECTION,
            period=f"{period[0]}-{period[1]}" if isinstance(period, list) and period[0] != period[1]
            else str(period[0]) if isinstance(period, list) else "",
            hedge=str(p.payload.get("hedge") or ""), confidence=0.9,
            statement=statements.setdefault(row, len(statements) + 1), role=role,
            basis=str(p.payload.get("basis") or ""),
            plan_kind=plan_kind_of(str(p.payload.get("column") or "")) if plan
            else stated_plan_kind(f'{p.payload.get("column") or ""} {p.payload.get("title") or ""}') if p.kind == "target" else "",
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
    found = list(claims)
    return ExtractionResult(Path(path), found, read.length, read.pages)

"""Service: read a document and extract its claims (targets and results) with provenance."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from chitieu.extraction.claims import Claim, extract_claims
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


def _read(path: Path) -> _ReadText:
    """Read through ``chitieu.readers``; plain UTF-8 text when the readers are not available."""
    try:
        from chitieu.readers import read_document
    except ImportError:  # readers not installed in this build: plain UTF-8 text only
        return _read_plain_text(path)
    document = read_document(path)
    return _ReadText(document.text, document.page_at, len(getattr(document, "pages", []) or []))


def _read_plain_text(path: Path) -> _ReadText:
    if not path.is_file():
        raise ChitieuError("extract_not_a_file", path=path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ChitieuError("extract_not_utf8", path=path) from exc
    return _ReadText(text, lambda _offset: None, 0)


def iter_file_claims(path: str | Path, kind: str = "all") -> tuple[_ReadText, Iterator[Claim]]:
    """The read text and a lazy stream of its claims (``kind``: target, result or all)."""
    if kind not in ("target", "result", "all"):
        raise ChitieuError("extract_bad_kind", value=kind)
    read = _read(Path(path))

    def stream() -> Iterator[Claim]:
        for claim in extract_claims(read.text):
            if kind != "all" and claim.kind != kind:
                continue
            claim.page = read.page_at(claim.start)
            yield claim

    return read, stream()


def extract_file(path: str | Path, kind: str = "all") -> ExtractionResult:
    """All claims of the document at ``path``."""
    read, claims = iter_file_claims(path, kind)
    return ExtractionResult(Path(path), list(claims), len(read.text), read.pages)

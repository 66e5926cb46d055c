"""Where a figure came from: document, place in it, short quote."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Provenance:
    """A pointer back to the source of a target or observation.

    ``location`` is human-readable ("Phụ lục 3, dòng 8", "mục II.1", "trang 12");
    ``start``/``end`` are character offsets into the document text when known.
    """

    document: str
    location: str = ""
    quote: str = ""
    page: int | None = None
    start: int | None = None
    end: int | None = None

    def short(self) -> str:
        parts = [self.document]
        if self.location:
            parts.append(self.location)
        if self.page is not None:
            parts.append(f"trang {self.page}")
        return ", ".join(parts)

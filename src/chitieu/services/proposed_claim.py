"""A claim proposed from a document, before it is stored as a candidate: what extraction said, where it
was said, and (once linked) how it links to the registry."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

QUOTE_LIMIT = 400


@dataclass(slots=True)
class ProposedClaim:
    """A claim ready to be stored: what extraction said, where, and how it links to the registry."""

    kind: str  # target | result
    indicator: str
    op: str | None
    value: float | None
    low: float | None
    high: float | None
    unit: str
    start: int | None
    end: int | None
    page: int | None
    quote: str
    payload: dict[str, Any] = field(default_factory=dict)

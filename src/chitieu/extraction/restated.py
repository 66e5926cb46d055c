"""One target stated twice in a document (in the body and again in its appendix table) is one claim with two places.

``merge_restated(claims, groups)`` keeps the first statement of each target and records every later one in its
``places``; ``groups`` says which document of a bound volume each claim belongs to (a report and its appendices
are one group; a draft resolution bound after a political report is another, and keeps its own claims); only a
restatement in an appendix (part or table) is folded, never two statements of the running text.
Two targets are the same when they have the same group, comparator, value (or bounds), unit and deadline,
and names that say the same thing (token-set similarity of the diacritics-folded names), stated in two places
(two plan columns of one table row holding the same amount are two figures, and two rows of one table two
indicators: "Tổng thu" and "Tổng chi" of a balanced budget hold the same amount).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

from rapidfuzz import fuzz

from chitieu.grammar.text import fold

SAME_NAME = 85.0  # token-set ratio (0-100) of folded names above which two names say the same thing


class _Claim(Protocol):
    kind: str
    indicator: str
    op: str
    value: float | None
    low: float | None
    high: float | None
    unit: str
    start: int
    end: int
    quote: str
    page: int | None
    deadline: int | None
    places: list[dict[str, object]] | None


C = TypeVar("C", bound=_Claim)


def _fold(text: str) -> str:
    """The project's one fold (no diacritics, lower case, single spaces), punctuation kept: "%" is a unit."""
    return fold(text, strip=" ")


def _key(claim: _Claim) -> tuple[object, ...]:
    return (claim.op, claim.value, claim.low, claim.high, _fold(claim.unit).replace(" ", ""))


def place_of(claim: _Claim) -> dict[str, object]:
    return {"start": claim.start, "end": claim.end, "page": claim.page, "quote": claim.quote}


def merge_restated(claims: Sequence[C], groups: Sequence[int], appendix: Sequence[bool],
                   tables: Sequence[int | None] | None = None) -> list[C]:
    """``claims`` (document order) with the targets an appendix restates (``appendix``: the claim is in an
    appendix part or table) folded into the first statement's ``places``. ``tables``: the indicator table each
    claim is a row of (None in running text); a table never restates its own rows."""
    kept: list[C] = []
    seen: dict[tuple[object, ...], list[C]] = {}
    table_of: dict[int, int | None] = {}
    for claim, group, restating, table in zip(claims, groups, appendix, tables or [None] * len(claims), strict=True):
        table_of[id(claim)] = table
        if claim.kind != "target":
            kept.append(claim)
            continue
        key = (group, *_key(claim))
        name = _fold(claim.indicator)
        first = next(
            (c for c in seen.get(key, []) if (c.deadline is None or claim.deadline is None or c.deadline == claim.deadline)
             and (c.start, c.end) != (claim.start, claim.end)  # two columns of one table row are two figures
             and (table is None or table_of[id(c)] != table)
             and fuzz.token_set_ratio(_fold(c.indicator), name) >= SAME_NAME),
            None,
        )
        if first is None or not restating:
            seen.setdefault(key, []).append(claim)
            kept.append(claim)
            continue
        if first.places is None:
            first.places = [place_of(first)]
        first.places.append(place_of(claim))
    return kept


# A headline: the text's first line, short, not a sentence (no closing punctuation), then a blank line.
_HEADLINE_RE = re.compile(r"[ \t\r\n]*(?P<line>[^\n]{1,200}?)[ \t\r]*\n[ \t\r]*\n")
_SENTENCE_END = tuple(".;:!?")


def headline_end(text: str) -> int:
    """The end of the text's headline ("Chư Pưh: Thu ngân sách chỉ đạt 43% kế hoạch tỉnh giao" above the
    article, a report's one-line title), or 0 when the text opens with no such line."""
    m = _HEADLINE_RE.match(text)
    return m.end("line") if m and not m.group("line").endswith(_SENTENCE_END) else 0


def fold_headline(claims: Sequence[C], end: int) -> list[C]:
    """``claims`` with every figure of the headline (``[0, end)``) that the body states again folded into the
    body's claim as another place: the body's statement holds the figure with its ratios and changes, the
    headline only repeats it. A headline figure the body never states stays a claim."""
    if end <= 0:
        return list(claims)
    body = [c for c in claims if c.start >= end]
    kept: list[C] = []
    for claim in claims:
        twin = None
        if claim.start < end:
            twin = next((b for b in body if b.kind == claim.kind and _key(b) == _key(claim)), None)
        if twin is None:
            kept.append(claim)
            continue
        twin.places = [place_of(claim), *(twin.places or [place_of(twin)])]
    return kept

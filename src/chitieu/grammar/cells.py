"""Grammar of quantities as written in table cells (pure).

``parse_quantity("≤ 15,0%")`` → ``Quantity(op=LE, value=15.0, unit="%")``. A cell is read as:

    [lead words, hedges, comparators, direction words]*  NUMBER [- NUMBER]  [unit]  [suffix comparator / per-year words]

or as a whole yes/no word ("Hoàn thành", "Không đạt"). Words come from ``chitieu.vocab.comparators``;
units from ``chitieu.vocab.units``. ``find_quantity`` finds the first quantity inside longer text
("Tốc độ tăng trưởng GRDP bình quân 6,5% - 7,0%/năm").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from chitieu.domain.quantity import Op, Quantity
from chitieu.grammar.numbers import UNSIGNED_NUMBER, NumberFormatError, parse_number
from chitieu.vocab.comparators import (
    BOOLEAN_WORDS,
    COMPARATORS,
    DIRECTION_WORDS,
    HEDGES,
    LEAD_WORDS,
    LEVEL_WORDS,
    NO_DATA_WORDS,
    PER_YEAR_WORDS,
    SIGN_WORDS,
    comparators_by_length,
)
from chitieu.vocab.units import MAGNITUDE_WORDS, looks_like_count_noun, lookup_unit, normalise_unit_text


class QuantityError(ValueError):
    """The text is not a quantity in the grammar of table cells."""


_UNSIGNED = UNSIGNED_NUMBER  # followed by (?!\d) below: "243.738194" is one decimal, not "243.738" + "194"
_RANGE_RE = re.compile(rf"^(?P<a>{_UNSIGNED})(?!\d)\s*(?P<ua>[^\d\-–—÷~]*?)\s*(?:-|–|—|÷|~|đến|tới)\s*(?P<b>{_UNSIGNED})(?!\d)\s*(?P<rest>.*)$")
_SINGLE_RE = re.compile(rf"^(?:\+\s?)?(?P<sign>[-−–]\s?)?(?P<a>{_UNSIGNED})(?!\d)(?:\s*/\s*{_UNSIGNED}(?=\s|$))?\s*(?P<rest>.*)$")
# The whole a share is of, written after a slash ("15% trở lên/tổng số chi bộ trực thuộc"): it names the base,
# so the comparator before it still ends the figure.
_WHOLE_TAIL = re.compile(r"\s*/\s*tổng(?:\s+số)?\b.*$")
_YEAR_PHRASES = (
    re.compile(r"\(.*?\)"),
    re.compile(r"giai đoạn\s*(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}"),
    re.compile(r"(?:(?:đến|vào|trong|tới|từ)\s+)?(?:(?:cuối|đầu|hết)\s+)?năm\s+(?:19|20)\d{2}"),
)
_TRAILING = " .,;:*"
# Footnote markers ("105,2¹", "47,5 [2]", "98 (*)"); a ² or ³ right after a metre unit is its power ("km²").
_FOOTNOTES = re.compile(r"(?<![a-z]m)(?<!\bm)[¹²³⁴⁵⁶⁷⁸⁹⁰]+|(?<=m)[¹⁴-⁹⁰][¹²³⁴⁵⁶⁷⁸⁹⁰]*|\[[^\]]*\]|\(\*+\)")
_NOTES = re.compile(r"\([^)]*\)")
_SCALE_WORDS = frozenset(MAGNITUDE_WORDS)  # multipliers inside a unit ("1,25 triệu tỷ đồng")


@dataclass(frozen=True, slots=True)
class _Prefix:
    word: str
    kind: str  # hedge | comparator | direction | lead
    op: Op | None = None
    sign: int = 0


def _prefixes() -> list[_Prefix]:
    items = [_Prefix(h, "hedge") for h in HEDGES]
    items += [_Prefix(c.word, "comparator", op=c.op) for c in comparators_by_length("prefix", "cells")]
    items += [_Prefix(w, "direction", sign=s) for w, s in DIRECTION_WORDS.items()]
    items += [_Prefix(w, "lead") for w in (*LEAD_WORDS, *LEVEL_WORDS)]  # a level ("giảm còn 3%") is no change
    return sorted(items, key=lambda p: -len(p.word))


_PREFIXES = _prefixes()
_PREFIX_HEADS = frozenset(p.word[0] for p in _PREFIXES if p.word)  # first characters of every prefix word
_SUFFIX_COMPARATORS = comparators_by_length("suffix", "cells")
_PER_YEAR = sorted(PER_YEAR_WORDS, key=len, reverse=True)
_SUFFIX_TAILS = frozenset(w[-1] for w in (*(c.word for c in _SUFFIX_COMPARATORS), *_PER_YEAR) if w)
_NO_DATA = frozenset(NO_DATA_WORDS)


def clean_cell(text: str) -> str:
    """NFC, lower case, single spaces, no trailing punctuation: the form the vocabularies use."""
    s = unicodedata.normalize("NFC", str(text)).replace("\u00a0", " ").lower()
    s = _FOOTNOTES.sub(" ", s)  # footnote markers: "105,2¹", "47,5 [2]", "98 (*)"
    return re.sub(r"\s+", " ", s).strip(_TRAILING)


def is_no_data(text: str | None) -> bool:
    """True for empty cells and placeholders like "-", "x", "Chưa có số liệu"."""
    if text is None:
        return True
    s = clean_cell(text)
    return s in _NO_DATA or clean_cell(_NOTES.sub(" ", s)) in _NO_DATA  # "Chưa có số liệu (1)"


def _starts_with_word(s: str, word: str) -> bool:
    if not s.startswith(word):
        return False
    if not word[-1].isalpha():
        return True
    return len(s) == len(word) or not s[len(word)].isalnum()


# A bare figure ("47,5", "2.134", "-3") is most cells of a registry or a round: read it without the
# normalising, year-phrase and prefix passes. The general path stays the definition; a property test
# (tests/grammar/test_cells_fast_path.py) checks both agree on every such string.
_BARE_FIGURE = re.compile(rf"-?(?:{_UNSIGNED})")


def parse_change(text: str) -> tuple[Quantity, int]:
    """Parse a cell; also return the direction word it starts with (+1 "tăng", -1 "giảm", 0 none)."""
    original = str(text)
    if _BARE_FIGURE.fullmatch(original):
        m = _SINGLE_RE.match(original)  # the general path's own reading of a single figure
        if m is not None and not m.group("rest"):
            try:
                value = parse_number(m.group("a"))
            except NumberFormatError:
                pass  # the general path says why
            else:
                return Quantity(op=Op.EQ, value=-value if m.group("sign") else value, text=original), 0
    return _parse_change_general(original)


def _parse_change_general(original: str) -> tuple[Quantity, int]:
    s = clean_cell(original)
    if s in _NO_DATA:
        raise QuantityError(original)
    if s in BOOLEAN_WORDS:
        return Quantity(op=Op.DONE, boolean=BOOLEAN_WORDS[s], text=original), 0
    if s in SIGN_WORDS:  # "Xuất siêu" against a deficit ratio: below zero
        sign_op, sign_value = SIGN_WORDS[s]
        return Quantity(op=sign_op, value=sign_value, text=original), 0
    for pattern in _YEAR_PHRASES:
        s = pattern.sub(" ", s)
    s = _WHOLE_TAIL.sub("", s)
    s = re.sub(r"\s+", " ", s).strip(_TRAILING)
    if s in BOOLEAN_WORDS:  # "Hoàn thành (ước)"
        return Quantity(op=Op.DONE, boolean=BOOLEAN_WORDS[s], text=original), 0
    if s in _NO_DATA:
        raise QuantityError(original)

    op, hedges, direction, per_year = Op.EQ, [], 0, False
    changed = True
    while changed and s:
        changed = False
        if s[0] not in _PREFIX_HEADS:  # a plain figure ("2.134,6"): no prefix word to try
            break
        for p in _PREFIXES:
            if _starts_with_word(s, p.word):
                s = s[len(p.word):].strip(_TRAILING + ":")
                if p.kind == "hedge":
                    hedges.append(p.word)
                elif p.kind == "comparator" and p.op is not None:
                    op = p.op
                elif p.kind == "direction":
                    direction = p.sign
                changed = True
                break
    changed = True
    while changed and s:
        changed = False
        if s[-1] not in _SUFFIX_TAILS:  # ends with a digit or a unit: no suffix word to try
            break
        for c in _SUFFIX_COMPARATORS:
            if s.endswith(" " + c.word) or (s.endswith(c.word) and len(s) > len(c.word) and not s[-len(c.word) - 1].isalpha()):
                s, op, changed = s[: -len(c.word)].strip(_TRAILING), c.op, True
        for w in _PER_YEAR:
            if s.endswith(w) and (w.startswith("/") or s.endswith(" " + w)):
                s, per_year, changed = s[: -len(w)].strip(_TRAILING), True, True
    if not s:
        raise QuantityError(original)

    m = _RANGE_RE.match(s)
    if m and m.group("ua").strip() in ("", *[m.group("rest").strip()], "%", "‰"):
        low, high = parse_number(m.group("a")), parse_number(m.group("b"))
        unit, unit_per_year = _resolve_unit(m.group("rest") or m.group("ua"), original)
        if low > high:
            low, high = high, low
        return (
            Quantity(op=Op.RANGE, low=low, high=high, unit=unit, hedge=" ".join(hedges),
                     per_year=per_year or unit_per_year, text=original),
            direction,
        )
    m = _SINGLE_RE.match(s)
    if not m:
        raise QuantityError(original)
    try:
        value = parse_number(m.group("a"))
    except NumberFormatError as exc:  # pragma: no cover - the regex already matched a number
        raise QuantityError(original) from exc
    if m.group("sign"):
        value = -value
    unit, unit_per_year = _resolve_unit(m.group("rest"), original)
    return (
        Quantity(op=op, value=value, unit=unit, hedge=" ".join(hedges), per_year=per_year or unit_per_year,
                 text=original),
        direction,
    )


def _resolve_unit(rest: str, original: str) -> tuple[str, bool]:
    """Canonical unit for the words after a number, and whether they say "per year"."""
    rest = rest.strip(_TRAILING)
    per_year = False
    for w in _PER_YEAR:
        if rest.endswith(w):
            rest, per_year = rest[: -len(w)].strip(_TRAILING), True
    if not rest:
        return ("", per_year)
    known = lookup_unit(rest)
    if known is not None:
        return known.canonical, per_year or known.per_year
    tokens = rest.split(" ")
    for k in range(len(tokens) - 1, 0, -1):
        known = lookup_unit(" ".join(tokens[:k]))
        note = " ".join(tokens[k:])
        if tokens[k] in _SCALE_WORDS:  # "1,25 triệu tỷ đồng": "tỷ đồng" is part of the unit, not a note
            continue
        if known is not None and not any(ch.isdigit() for ch in note):
            return known.canonical, per_year or known.per_year
    if looks_like_count_noun(rest):
        unit = normalise_unit_text(rest)
        if unit.endswith("/năm"):
            return unit[: -len("/năm")], True
        return unit, per_year
    raise QuantityError(original)


def parse_quantity(text: str) -> Quantity:
    """Parse one table cell ("9-10", ">1.000", "≤ 15,0%", "Tăng 01 bậc", "Hoàn thành")."""
    return parse_change(text)[0]


def find_change(text: str, *, last: bool = False) -> tuple[Quantity, int] | None:
    """The first (or ``last``) quantity inside longer text, with its direction; ``None`` when there is none.

    Names that carry their target put it at the end ("… trẻ em dưới 5 tuổi … dưới 20%"): use ``last``.
    """
    s = str(text)
    for pattern in _YEAR_PHRASES:
        s = pattern.sub(" ", s)
    tokens = s.split()
    order = range(len(tokens) - 1, -1, -1) if last else range(len(tokens))
    for k in order:
        token = tokens[k]
        if not any(ch.isdigit() for ch in token) or re.fullmatch(r"(?:19|20)\d{2}", token):
            continue
        best: tuple[Quantity, int] | None = None
        for end in range(min(len(tokens), k + 6), k, -1):
            try:
                best = parse_change(" ".join(tokens[k:end]))
                break
            except (QuantityError, NumberFormatError):
                continue
        if best is None:
            continue
        for start in range(max(0, k - 3), k):
            try:
                return parse_change(" ".join(tokens[start:end]))
            except (QuantityError, NumberFormatError):
                continue
        return best
    return None


def find_quantity(text: str) -> Quantity | None:
    """The first quantity inside longer text ("… bình quân 6,5% - 7,0%/năm" → range 6,5-7,0 %/năm)."""
    found = find_change(text)
    return found[0] if found else None


def comparator_words() -> list[str]:
    """Every comparator word or symbol (for extraction patterns)."""
    return [c.word for c in COMPARATORS]

"""The words around a number in running text: comparators, hedges and lead words before it ("ước đạt trên");
the unit, a compound amount ("16 tỷ 434 triệu đồng") or the counted noun after it; and thresholds that are
part of a name ("xã dưới 15 tiêu chí"). ``chitieu.extraction.quantity`` builds its quantities with these."""

from __future__ import annotations

import re

from chitieu.domain.quantity import Op
from chitieu.extraction.grammar import (
    HEDGE_WORDS,
    LEAD_WORDS,
    NAME_THRESHOLDS,
    NOT_COUNT_NOUNS,
    NOT_UNIT_WORDS,
    PREFIX_OPS,
    reference,
)
from chitieu.extraction.text_units import DENOMINATORS, NOT_UNITS, all_word_units
from chitieu.grammar.numbers import number_value
from chitieu.grammar.text import alternation

_WORD_UNIT_RE = re.compile(
    r"\s*(?P<u>" + "|".join(re.escape(u) for u in all_word_units()) + r")(?![\w%])", re.IGNORECASE
)
# A word that begins with a unit's syllable but is another word ("đồng bào", "trường hợp").
_NOT_UNIT_RE = re.compile(
    r"\s*(?P<w>" + alternation(NOT_UNITS) + r")(?![\w%])", re.IGNORECASE
)
# "22.300 tỷ đồng bằng 95,7% dự toán" (its comma left out): "bằng" and a figure compare the money; no "đồng bằng".
_MONEY_THEN_RATIO_RE = re.compile(r"\s*đồng(?=\s+bằng\s+\d)", re.IGNORECASE)
_DENOM_RE = re.compile(
    r"(?:\s?/\s?(?:" + alternation(DENOMINATORS) + r")(?![\w]))+",
    re.IGNORECASE,
)
_PREFIX_WORDS = sorted({*PREFIX_OPS, *HEDGE_WORDS, *LEAD_WORDS, "từ", "không còn"}, key=len, reverse=True)
_PREFIX_RE = re.compile(
    r"(?:^|(?<=[\s(,;:]))(?P<w>" + "|".join(re.escape(w) for w in _PREFIX_WORDS) + r")\s*$", re.IGNORECASE
)
_SYMBOL_OPS: dict[str, Op] = {w: op for w, op in PREFIX_OPS.items() if not w[0].isalpha()}
SYMBOL_PREFIX_RE = re.compile(r"(?P<w>" + alternation(_SYMBOL_OPS) + r")\s*$")
_NAME_THRESHOLD_RES = tuple((re.compile(before, re.IGNORECASE), unit, needs) for before, unit, needs in NAME_THRESHOLDS)
# A noun right after a bare count becomes its unit ("980 buồng", "18 địa phương", "14 homestay").
_NOUN_AFTER_RE = re.compile(r"[ ]+(?P<w1>[^\W\d_]+)(?![\w/%])(?:[ ]+(?P<w2>[^\W\d_]+)(?![\w/%]))?")


def read_prefix(text: str, floor: int, pos: int) -> tuple[int, Op | None, str, list[str]]:
    """Words right before ``pos``: (start of the words, comparator, hedge, the words read)."""
    op: Op | None = None
    hedge = ""
    words: list[str] = []
    window_start = max(floor, pos - 48)
    window = text[window_start:pos]
    cut = len(window)
    m = SYMBOL_PREFIX_RE.search(window)
    if m:
        op = _SYMBOL_OPS[m.group("w")]
        cut = m.start()
    for _ in range(5):
        m = _PREFIX_RE.search(window, 0, cut)
        if not m or (
            m.group("w")[0].isupper() and window[: m.start()].rstrip()[-1:].isalpha() and not _typed_capital(m.group("w"))
        ):
            break  # "vụ Hè Thu ước đạt": a capitalised word inside a name is no lead word
        word = m.group("w").lower()
        words.append(word)
        if word in PREFIX_OPS and op is None:
            op = PREFIX_OPS[word]
        elif word in HEDGE_WORDS and not hedge:
            hedge = word
        cut = m.start()
    start = window_start + cut
    while start < pos and text[start] == " ":
        start += 1
    return start, op, hedge, words


def _typed_capital(words: str) -> bool:
    """A comparator of several words typed with a capital inside a sentence ("giới thiệu Ít nhất 12.000"):
    a comparator still, where a single capitalised word ("Thu", "Trên") may be part of a name."""
    lowered = words.lower()
    return " " in lowered and lowered in PREFIX_OPS


def read_unit(text: str, pos: int, end: int, has_rate: bool, magnitude: str) -> tuple[str, int]:
    """The unit written at ``pos`` (after the number) and where it ends."""
    unit = ""
    if not has_rate:
        m = _WORD_UNIT_RE.match(text, pos, end)
        if m and (not _NOT_UNIT_RE.match(text, pos, end) or _MONEY_THEN_RATIO_RE.match(text, pos, end)):
            # "120 đồng bào" counts people, not money
            unit, pos = m.group("u"), m.end()
    m = _DENOM_RE.match(text, pos, end)
    if m and (unit or has_rate or magnitude):
        unit += m.group().replace(" /", "/").replace("/ ", "/")
        pos = m.end()
    return unit, pos


_NOT_UNITS = NOT_UNIT_WORDS


_COMPOUND_RE = reference("compound_amount")
_MAGNITUDE_SCALE = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}


def compound_amount(text: str, pos: int, end: int, value: float, magnitude: str, unit: str) -> tuple[float, str, int]:
    """"16 tỷ 434 triệu đồng" is one amount in the unit of its largest part (16,434 tỷ đồng)."""
    cm = _COMPOUND_RE.match(text, pos, end)
    scale = _MAGNITUDE_SCALE.get(magnitude)
    if not cm or scale is None:
        return value, unit, pos
    total = value
    for n, mag in ((cm.group("n1"), cm.group("m1")), (cm.group("n2"), cm.group("m2"))):
        if n is None:
            continue
        part = _MAGNITUDE_SCALE[mag.lower()]
        if part >= scale:
            return value, unit, pos
        total += number_value(n) * part / scale
    return round(total, 9), cm.group("u"), cm.end()


def names_a_group(text: str, start: int, number_start: int, unit_l: str, prefix_op: Op | None, words: list[str]) -> bool:
    """"xã dưới 15 tiêu chí", "sản phẩm OCOP đạt từ 3 sao": a threshold that is part of a name."""
    comparators = {*PREFIX_OPS, "từ"}
    lead = " ".join(w for w in reversed(words) if w not in comparators and w not in HEDGE_WORDS)
    before = " ".join(f"{text[max(0, start - 24) : start]} {lead}".split()) + " "
    # "từ 2 tỷ đồng trở lên": "từ" is the comparator here, its "trở lên" is read after the number
    op = Op.GE if prefix_op is None and "từ" in words else prefix_op
    for before_re, threshold_unit, needs_comparator in _NAME_THRESHOLD_RES:
        allowed = (Op.LT, Op.GT, Op.LE, Op.GE) if needs_comparator else (Op.LT, Op.GT, Op.LE, Op.GE, None)
        if unit_l.startswith(threshold_unit) and op in allowed and before_re.search(before):
            return True
    return False


def _is_noun(word: str) -> bool:
    w = word.lower()
    return word[0].islower() and w not in _NOT_UNITS and w not in NOT_COUNT_NOUNS


def read_noun_unit(text: str, pos: int, end: int) -> tuple[str, int]:
    """A counted noun of one or two syllables right after a bare number, or ("", pos)."""
    compound = _NOT_UNIT_RE.match(text, pos, end)
    if compound:
        return compound.group("w"), compound.end()
    m = _NOUN_AFTER_RE.match(text, pos, end)
    if not m or not _is_noun(m.group("w1")):
        return "", pos
    w2 = m.group("w2")
    if w2 and _is_noun(w2):
        return f"{m.group('w1')} {w2}", m.end()
    return m.group("w1"), m.end("w1")

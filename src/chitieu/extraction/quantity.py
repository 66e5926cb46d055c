"""Quantities in running Vietnamese text: numbers, ranges, fractions, magnitudes, units, comparators.

``find_quantities(text, start, end)`` scans ``text[start:end]`` (already normalised: dashes are "-")
and returns what it finds, with absolute offsets. The shapes it reads are listed in the docstring tests;
what is *not* a quantity (years, periods, dates, document numbers, ages, ordinals, list numbers and
thresholds that are part of a name) is filtered by the tables of ``grammar`` and ``text_units``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chitieu.domain.quantity import Op
from chitieu.extraction.grammar import (
    LEAD_WORDS,
    LIFE_SPAN_WORDS,
    NAME_COUNT_BEFORE_RE,
    NAME_COUNT_MAX,
    NOT_UNIT_WORDS,
    ORDINAL_BEFORE_PATTERN,
    PER_ONE_WORDS,
    PREFIX_OPS,
    RANK_BEFORE_PATTERN,
    RANK_OUT_OF_PATTERN,
    RANK_UNIT,
    RATE_OF_CHANGE_WORDS,
    SUFFIX_OPS,
    TOP_AFTER_PATTERN,
    TOP_BEFORE_PATTERN,
    YEARLY_AFTER_RATE_RE,
    YEARLY_SUFFIX,
    reference,
)
from chitieu.extraction.quantity_words import (
    SYMBOL_PREFIX_RE,
    compound_amount,
    names_a_group,
    read_noun_unit,
    read_prefix,
    read_unit,
)
from chitieu.extraction.text_units import (
    GLUED_AFTER_RATE,
    MAGNITUDE_NOT_BEFORE,
    MAGNITUDES,
    POPULATION_BASE_WORDS,
    POPULATION_BASES,
    RATE_BASES,
    RATE_UNITS,
    TIME_UNITS,
)
from chitieu.grammar.loader import rulebook
from chitieu.grammar.numbers import UNSIGNED_NUMBER, VULGAR_FRACTIONS, number_value
from chitieu.grammar.prefilter import guarded
from chitieu.grammar.text import alternation
from chitieu.vocab.comparators import LEVEL_WORDS

_NUM = UNSIGNED_NUMBER
_FRACTIONS = "".join(VULGAR_FRACTIONS)
_MAG = "|".join(sorted(MAGNITUDES, key=len, reverse=True))
_RATE = alternation(RATE_UNITS)
# A rate sign ends where a word starts, or where a plan abbreviation is typed glued to it ("48,39%KH"),
# matched in the case written.
_RATE_END = r"(?:(?![\w])|(?-i:(?=(?:" + "|".join(re.escape(w) for w in GLUED_AFTER_RATE) + r")(?![\w]))))"

_OTHER_WORD_AFTER = {
    word: re.compile(rf"\s+(?:{'|'.join(after)})\b", re.IGNORECASE) for word, after in MAGNITUDE_NOT_BEFORE.items()
}


# An amount written again in words between the figure and its magnitude (text.references spelled_amount).
_SPELLED_AMOUNT_RE = reference("spelled_amount")


def _other_word_after(text: str, unit: str, pos: int, end: int) -> bool:
    """The unit read is a magnitude word that the next word makes another word ("Tỷ" + "lệ")."""
    other = _OTHER_WORD_AFTER.get(unit.lower())
    return other is not None and other.match(text, pos, end) is not None


_QUANTITY_BODY = rf"""
    (?P<neg>-\s?)?
    (?:(?P<n1>{_NUM})(?P<vf1>[{_FRACTIONS}])?|(?P<vf>[{_FRACTIONS}]))
    (?:/(?P<den>{_NUM})(?![\d/]))?
    (?:\s?(?P<mag1>{_MAG})(?![\w]))?
    (?P<pct1>\s?(?:{_RATE}){_RATE_END})?
    (?:\s*(?P<rsep>-|đến|tới|÷)\s*(?P<neg2>-)?(?P<n2>{_NUM})(?![\d/])
       (?:\s?(?P<mag2>{_MAG})(?![\w]))?(?P<pct2>\s?(?:{_RATE}){_RATE_END})?)?
    """
# a number glued to a word, a decimal mark or a slash is part of something else ("39/94", "QĐ-123")
QUANTITY_RE = re.compile(r"(?<![\w.,/²³])(?<![A-Za-z]-)" + _QUANTITY_BODY, re.VERBOSE | re.IGNORECASE)
# "xét xử 300 vụ/520 bị cáo", "tiếp 866 lượt/964 lượt người": after a count's noun, a slash and a count of
# another noun state the same events counted twice; the second count is read on its own
_SECOND_COUNT_SLASH_RE = re.compile(r"\s?/\s?(?=\d)")
_SECOND_COUNT_RE = re.compile(_QUANTITY_BODY, re.VERBOSE | re.IGNORECASE)

_RATE_BASE_RE = re.compile(r"[ ]?(?P<b>" + alternation(RATE_BASES) + r")(?![\w])")
_PLAN_DEN_RE = re.compile(rf"\s?/\s?(?P<n>{_NUM})(?![\d/])(?:\s?(?P<u>[^\W\d_]+))?")
_SUFFIX_RE = re.compile(r"\s*(?P<s>" + "|".join(sorted(SUFFIX_OPS, key=len, reverse=True)) + r")(?![\w])", re.IGNORECASE)

# Blocked spans: dates, document numbers, periods, list numbers in parentheses (grammar/rules/text.yaml).
BLOCKED_PATTERNS: tuple[tuple[str, str], ...] = tuple(
    (rule.id, rule.pattern) for rule in rulebook().table("text.blocked")  # type: ignore[attr-defined]
)
# behind a lookahead on the characters a blocked span can start with (same spans, 2-3 times faster)
_BLOCKED_RE = re.compile(guarded("|".join(f"(?:{pattern})" for _name, pattern in BLOCKED_PATTERNS)))

_RANK_RE = re.compile(r"(?:^|(?<=[\s(.,;:-]))(?:" + RANK_BEFORE_PATTERN + r")\s*$", re.IGNORECASE)
_TOP_RE = re.compile(r"(?:^|(?<=[\s(.,;:-]))(?:" + TOP_BEFORE_PATTERN + r")\s*$", re.IGNORECASE)
_TOP_AFTER_RE = re.compile(TOP_AFTER_PATTERN, re.IGNORECASE)
_RANK_OUT_OF_RE = re.compile(RANK_OUT_OF_PATTERN + rf"(?P<den>{_NUM})(?![\d/])", re.IGNORECASE)
_ORDINAL_RE = re.compile(r"(?:^|(?<=[\s(.,;:-]))(?:" + ORDINAL_BEFORE_PATTERN + r")\s?\.?\s*$", re.IGNORECASE)
_POPULATION_BASE_BEFORE_RE = re.compile(
    r"(?:^|\s)(?:" + alternation(POPULATION_BASE_WORDS) + r")\s*$", re.IGNORECASE
)
_FROM_TO_RE = reference("from_to")
_POPULATION_WORDS = alternation(POPULATION_BASES)
# "trên 1 vạn dân", "/10.000 dân", "mỗi nghìn dân" after a count: the base it is counted per.
_PER_POPULATION_RE = re.compile(
    r"\s*(?:trên|mỗi|cho mỗi|/)\s*(?:1\s+)?(?P<base>(?:vạn|nghìn|1\.000|10\.000|100\.000)\s+(?:"
    + _POPULATION_WORDS + r")|" + _POPULATION_WORDS + r")(?!\w)",
    re.IGNORECASE,
)
_POPULATION_WORD_RE = re.compile(r"\s*(?:" + _POPULATION_WORDS + r")(?!\w)", re.IGNORECASE)
# "từ 85% tổ chức cơ sở đảng trở lên", "10.000 đảng viên mới trở lên": the bound is written after the noun.
_FROM_AT_LEAST_RE = re.compile(r"[^\d,;.()%:]{0,50}?\btrở lên\b", re.IGNORECASE)
_AT_LEAST_AFTER_RE = re.compile(r"(?:\s+[^\W\d_]+){1,2}\s+trở lên\b", re.IGNORECASE)


@dataclass(slots=True)
class TextQuantity:
    """One quantity found in running text; offsets index the normalised text."""

    start: int  # first character of the comparator/hedge words, or of the number
    number_start: int
    end: int  # after the unit and any suffix comparator
    op: Op
    value: float | None
    low: float | None
    high: float | None
    unit: str
    hedge: str = ""
    lead: str = ""  # lead words right before the number ("đạt", "tăng bình quân")
    denominator: float | None = None  # "39/94 xã" -> 94; "3.859 ha/3.500 ha" -> 3500
    per_year: bool = False
    bare: bool = False  # no unit at all
    noun_unit: bool = False  # the unit is the noun written after a bare count ("980 buồng")
    level: bool = False  # written as the level reached ("giảm còn 12,5%"): op "=" once achieved
    rank: bool = False  # a rank position ("đứng thứ 2", "xếp thứ 38/63"): unit "hạng", the words are its start


def blocked_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of dates, document numbers, periods and list numbers inside ``text[start:end]``."""
    return [(m.start(), m.end()) for m in _BLOCKED_RE.finditer(text, start, end)]


def _value(token: str | None, fraction: str | None) -> float | None:
    if token is None:
        return VULGAR_FRACTIONS.get(fraction or "")
    value = number_value(token)
    if fraction:
        value += VULGAR_FRACTIONS[fraction]
    return value



def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[TextQuantity]:
    """All quantities in ``text[start:end]``, left to right, with absolute offsets."""
    end = len(text) if end is None else end
    blocked: list[tuple[int, int]] | None = None  # found when the first number is, most clauses have none
    found: list[TextQuantity] = []
    floor = start
    for m in QUANTITY_RE.finditer(text, start, end):
        ns, ne = m.start(), m.end()
        if blocked is None:
            blocked = blocked_spans(text, start, end)
        if blocked and any(bs < ne and ns < be for bs, be in blocked):
            continue
        if ns < floor:  # read already as part of the quantity before ("35 giường bệnh trên 1 vạn dân")
            continue
        quantity = _build(text, m, floor, end)
        if quantity is not None:
            found.append(quantity)
            floor = quantity.end
            second = _second_count(text, quantity, end, blocked)
            if second is not None:
                found.append(second)
                floor = second.end
    return found


def _counted(q: TextQuantity) -> bool:
    return not q.bare and not q.rank and q.unit[:1].isalpha() and "/" not in q.unit


def _second_count(text: str, q: TextQuantity, end: int, blocked: list[tuple[int, int]]) -> TextQuantity | None:
    """The count of another noun written after a count and a slash ("300 vụ/520 bị cáo"), or None."""
    if not _counted(q) or q.denominator is not None or q.op is not Op.EQ:
        return None
    slash = _SECOND_COUNT_SLASH_RE.match(text, q.end, end)
    m = _SECOND_COUNT_RE.match(text, slash.end(), end) if slash else None
    if m is None or any(bs < m.end() and m.start() < be for bs, be in blocked):
        return None
    second = _build(text, m, m.start(), end)
    if second is None or not _counted(second) or second.unit.lower() == q.unit.lower():
        return None
    return second


def _build(text: str, m: re.Match[str], floor: int, end: int) -> TextQuantity | None:
    n1, n2 = m.group("n1"), m.group("n2")
    magnitude = (m.group("mag2") or m.group("mag1") or "").lower()
    rate = (m.group("pct2") or m.group("pct1") or "").strip()
    # Ordinals, list numbers, months and days are plain integers: "tháng 3.798,254 tỷ" is an amount.
    plain_integer = n1 is None or not re.search(r"[.,]", n1)
    ranked = _RANK_RE.search(text, max(floor, m.start() - 32), m.start()) if plain_integer and n1 else None
    if ranked:
        return _rank(m, ranked.start(), out_of=_RANK_OUT_OF_RE.match(text, m.end(), end))
    top = _TOP_RE.search(text, max(floor, m.start() - 32), m.start()) if plain_integer and n1 else None
    if top and ("nhóm" not in top.group().lower() or _TOP_AFTER_RE.match(text, m.end(), end)):
        return _rank(m, top.start(), Op.LE)
    if plain_integer and _ORDINAL_RE.search(text, max(floor, m.start() - 24), m.start()):
        return None
    if m.group("neg") and m.start() > 0 and text[m.start() - 1].isdigit():
        return None
    value = _value(n1, m.group("vf1") or m.group("vf"))
    if value is None:
        return None
    if m.group("neg"):
        value = -value
    low = high = None
    op: Op | None = None
    if n2 is not None:
        low, high = value, number_value(n2) * (-1 if m.group("neg2") else 1)
        if m.group("mag1") and not m.group("mag2"):
            magnitude = m.group("mag1").lower()
        if high < low and m.group("rsep") == "-":  # "2021 - 25" style or a subtraction: not a range
            return None
        op = Op.RANGE
    pos = m.end()
    if m.group("mag1") and n2 is None and not rate and _other_word_after(text, m.group("mag1"), m.end("mag1"), end):
        magnitude, pos = "", len(text[: m.start("mag1")].rstrip())  # "3 Tỷ lệ …": a row number, not "3 tỷ"
    number_end = pos
    if not magnitude and not rate and n2 is None and (spelled := _SPELLED_AMOUNT_RE.match(text, pos, end)):
        magnitude, pos = (spelled.group("mag") or "").lower(), spelled.end()  # "250 (hai trăm năm mươi) triệu đồng"
    unit, pos = read_unit(text, pos, end, bool(rate), magnitude)
    if _other_word_after(text, unit, pos, end):
        unit, pos = "", number_end
    if magnitude and not unit and not rate and n2 is None:
        value, unit, pos = compound_amount(text, pos, end, value, magnitude, unit)
    unit_l = unit.lower()
    if rate:
        unit = rate.replace("%o", "‰") + unit
        base = _RATE_BASE_RE.match(text, pos, end) if not unit_l else None
        if base:
            unit, pos = f"{unit} {base.group('b').split()[0]}", base.end()
    if magnitude:
        unit = magnitude + (" " + unit if unit and not unit.startswith("/") else unit)
    life_expectancy = unit_l in ("tuổi", "năm") and any(
        w in text[max(floor, m.start() - 60) : m.start()].lower() for w in LIFE_SPAN_WORDS
    )
    if unit_l.split("/")[0].strip() in TIME_UNITS and not rate and not magnitude and not life_expectancy:
        return None
    if (
        n1 is not None
        and n2 is None
        and not rate
        and not magnitude
        and re.fullmatch(r"(?:19|20)\d{2}", n1)
        and (not unit or unit_l in NOT_UNIT_WORDS or unit_l in TIME_UNITS)
    ):
        return None  # a year
    denominator = number_value(m.group("den")) if m.group("den") else None
    dm = _PLAN_DEN_RE.match(text, pos, end)
    den_unit = (dm.group("u") or "").lower() if dm else ""
    if dm and den_unit and den_unit == unit_l and read_unit(text, dm.start("u"), end, False, "")[0].lower() != unit_l:
        dm = None  # "866 lượt/964 lượt người": the noun goes on, a count of another noun (_second_count)
    if dm and unit and denominator is None and den_unit in ("", unit_l, magnitude):
        denominator = number_value(dm.group("n"))
        pos = dm.end()
        if magnitude and den_unit == magnitude and unit.lower() == magnitude:
            # "393 tỷ/932 tỷ đồng": the unit written after the plan's magnitude is the figure's too
            more, after_more = read_unit(text, pos, end, False, "")
            if more:
                unit, pos = f"{unit} {more}", after_more
    start, prefix_op, hedge, words = read_prefix(text, floor, m.start())
    if unit in ("%", "‰") and RATE_OF_CHANGE_WORDS.intersection(words):
        yearly = YEARLY_AFTER_RATE_RE.match(text, pos, end)
        if yearly:  # "giảm bình quân 1,5 - 2% hằng năm": the yearly rate "%/năm"
            unit, pos = unit + YEARLY_SUFFIX, yearly.end()
    if value == 1 and n2 is None and not rate and not magnitude and unit and words and words[0] in PER_ONE_WORDS:
        return None
    if value == 1 and magnitude and words and words[0] in PER_ONE_WORDS and _POPULATION_WORD_RE.match(text, pos, end):
        return None  # "trên 1 vạn dân": the base of a ratio
    noun_unit = False
    years = n2 is not None and all(re.fullmatch(r"(?:19|20)\d{2}", n or "") for n in (n1, n2))
    if not unit and not rate and not magnitude and not years:
        unit, pos = read_noun_unit(text, pos, end)  # "980 buồng", "10 - 12 cơn bão"
        if _other_word_after(text, unit, pos, end):
            unit, pos = "", number_end
        noun_unit = bool(unit)
        unit_l = unit.lower()
        if (
            noun_unit
            and value < NAME_COUNT_MAX
            and float(value).is_integer()
            and NAME_COUNT_BEFORE_RE.search(text, max(0, m.start() - 8), m.start())
        ):
            return None  # "thu từ 3 khu vực kinh tế": a count inside a noun phrase
    if n2 is None and not rate and unit_l in POPULATION_BASES and _POPULATION_BASE_BEFORE_RE.search(
        text, max(floor, m.start() - 12), m.start()
    ):
        return None  # "số bác sĩ trên 10.000 dân", "mỗi 1.000 dân": the base of a ratio
    if names_a_group(text, start, m.start(), unit.lower() if rate else unit_l, prefix_op, words):  # a rate as "%…"
        return None
    pm = _PER_POPULATION_RE.match(text, pos, end) if unit and not rate and n2 is None else None
    if pm:  # "35 giường bệnh trên 1 vạn dân": the population base is the unit's denominator
        unit, pos = f"{unit}/{' '.join(pm.group('base').split())}", pm.end()
        unit_l = unit.lower()
    if "từ" in words and _FROM_TO_RE.match(text, pos, end):
        return None  # "từ 50% lên 60%": the first number is the starting point
    sm = _SUFFIX_RE.match(text, pos, end)
    if sm:
        op = SUFFIX_OPS[sm.group("s").lower()]
        pos = sm.end()
    elif op is None and (
        ("từ" in words and _FROM_AT_LEAST_RE.match(text, pos, min(end, pos + 60)))
        or (unit and _AT_LEAST_AFTER_RE.match(text, pos, min(end, pos + 40)))
    ):
        op = Op.GE
    if op is None:
        op = prefix_op or Op.EQ
    per_year = "/năm" in unit.replace(" ", "").lower()
    lead = " ".join(reversed([w for w in words if w in LEAD_WORDS]))
    # the level word set the comparator itself (not "giảm xuống còn dưới 4%") and no suffix changed it
    op_word = next((w for w in words if w in PREFIX_OPS), None)
    symbol = SYMBOL_PREFIX_RE.search(text, max(floor, m.start() - 4), m.start())
    level = op_word in LEVEL_WORDS and symbol is None and sm is None and op is prefix_op
    return TextQuantity(
        start=start,
        number_start=m.start(),
        end=pos,
        op=op,
        value=None if op is Op.RANGE else value,
        low=low,
        high=high,
        unit=unit,
        hedge=hedge,
        lead=lead,
        denominator=denominator,
        per_year=per_year,
        bare=not unit,
        noun_unit=noun_unit,
        level=level,
    )


def _rank(m: re.Match[str], start: int, op: Op = Op.EQ, out_of: re.Match[str] | None = None) -> TextQuantity | None:
    """A rank position: the number (and the count ranked, "38/63", or ``out_of`` "… trên tổng số 63") after a
    ranking verb; no unit is read after it ("xếp thứ 38/63 tỉnh": the provinces are what is ranked, not a unit)."""
    if m.group("n2") or m.group("mag1") or m.group("pct1") or m.group("neg"):
        return None
    den = m.group("den")
    end = m.end("den") if den else m.end("n1")
    if not den and out_of is not None:
        den, end = out_of.group("den"), out_of.end("den")
    return TextQuantity(start=start, number_start=m.start(), end=end, op=op, value=number_value(m.group("n1")), low=None,
                        high=None, unit=RANK_UNIT, denominator=number_value(den) if den else None, rank=True)


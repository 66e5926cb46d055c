"""What a count counts: the counted noun of a subject ("Số hồ sơ giải quyết trễ hạn" → "hồ sơ"), the unit a
noun phrase starts with, and counts that are no indicator (people counted at a meeting or an election)."""

from __future__ import annotations

import re

from chitieu.extraction.grammar import COUNT_WORDS, COUNTED_NOUNS, NOT_INDICATORS
from chitieu.extraction.quantity import TextQuantity
from chitieu.extraction.text_units import all_word_units

_WORD_UNITS = tuple(all_word_units())  # longest first
WORD_UNIT_SET = frozenset(_WORD_UNITS)
_NOT_INDICATOR_RES = tuple(
    (frozenset(rule.units), re.compile(rule.context), re.compile(rule.unless) if rule.unless else None)
    for rule in NOT_INDICATORS
)
_COUNTED_RE = re.compile(
    r"(?:^|\s)(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in COUNT_WORDS) + r")\s+(?P<noun>"
    + "|".join(re.escape(n) for n in COUNTED_NOUNS) + r")(?!\w)",
    re.IGNORECASE,
)
_ANY_COUNTED_RE = re.compile(
    r"(?<!\w)(?:" + "|".join(r"\s+".join(map(re.escape, n.split())) for n in COUNTED_NOUNS)
    + r")(?!\w)",
    re.IGNORECASE,
)
_SCOPE_BEFORE_RE = re.compile(r"(?:^|\s)(?:toàn|cả|mỗi|từng|các|trong|tại|của)\s*$", re.IGNORECASE)


def counted_noun(subject: str) -> str:
    """The noun a subject counts ("Số hồ sơ giải quyết trễ hạn" → "hồ sơ"), or ""."""
    m = _COUNTED_RE.search(subject)
    return m.group("noun") if m else ""


def last_counted_noun(before: str) -> str:
    """The last counted noun written in ``before`` (lower case, as the vocabulary writes it), or ""."""
    # a noun after a word of scope names where, not what is counted ("học sinh toàn trường")
    found = [m.group() for m in _ANY_COUNTED_RE.finditer(before) if not _SCOPE_BEFORE_RE.search(before[: m.start()])]
    return re.sub(r"\s+", " ", found[-1]).lower() if found else ""


def not_an_indicator(q: TextQuantity, clause_l: str) -> bool:
    """People counted at a meeting or an election ("Đại hội bầu 17 ủy viên"), unless a target or result cue
    of the clause says the count is an indicator (``text.not_indicators``)."""
    unit = q.unit.lower()
    for units, context, unless in _NOT_INDICATOR_RES:
        if unit in units and context.search(clause_l) and not (unless and unless.search(clause_l)):
            return True
    return False


def counted_unit(noun_phrase: str) -> str:
    """The longest known unit a noun phrase starts with ("hộ gia đình ở nhà tạm" → "hộ gia đình"), else its
    first word ("xã dưới 15 tiêu chí" → "xã")."""
    lowered = noun_phrase.lower()
    for unit in _WORD_UNITS:
        if lowered.startswith(unit) and (len(lowered) == len(unit) or not lowered[len(unit)].isalnum()):
            return noun_phrase[: len(unit)]
    words = noun_phrase.split()
    return words[0] if words else noun_phrase

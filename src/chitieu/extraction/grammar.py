"""Tables of the running-text quantity grammar: typed views of ``chitieu/grammar/rules/{words,text}.yaml``.

The grammar in ``quantity`` and the claim builder in ``claims`` compile them into regular expressions,
longest phrase first. The words around numbers are the same tables table cells use
(``chitieu.vocab.comparators``); only the reading differs.
"""

from __future__ import annotations

import re

from chitieu.domain.quantity import Op
from chitieu.grammar.loader import rulebook
from chitieu.grammar.schema import ContextRule, NameThresholdRule, PlanValueRule, PlanWordsRule
from chitieu.vocab.comparators import (
    DIRECTION_WORDS,
    HEDGES,
    LEVEL_WORDS,
    PER_YEAR_WORDS,
    comparators_by_length,
)
from chitieu.vocab.comparators import LEAD_WORDS as _LEAD_WORDS

_BOOK = rulebook()

# Words before a number that set its comparator. "từ" is handled by the grammar ("từ … đến …", "từ … trở
# lên", "từ … lên …"). Level words ("giảm còn 3%") carry the op of a promise; an achieved level is "=".
PREFIX_OPS: dict[str, Op] = {c.word: c.op for c in comparators_by_length("prefix", "text")}
PREFIX_OPS.update({word: op for word, (op, _direction) in LEVEL_WORDS.items()})

# Words after a number (and its unit) that set its comparator.
SUFFIX_OPS: dict[str, Op] = {c.word: c.op for c in comparators_by_length("suffix", "text")}

# Softening words kept as the hedge of a quantity.
HEDGE_WORDS: tuple[str, ...] = HEDGES

# Verbs and fillers between an indicator and its number: skipped when reading the comparator. Direction
# words lead a change ("tăng 9,8%").
LEAD_WORDS: tuple[str, ...] = (*_LEAD_WORDS, *DIRECTION_WORDS)
# A change or an average rate followed by a per-year word written out is a yearly rate: "giảm bình quân 1,5 - 2%
# hằng năm" is "1,5 - 2%/năm" (a level "đạt 95% mỗi năm" stays a level). Words from words.per_year and
# words.directions / words.lead_words (average).
YEARLY_AFTER_RATE_RE = re.compile(
    r"\s+(?:" + "|".join(re.escape(w) for w in PER_YEAR_WORDS if " " in w and not w.startswith("/")) + r")\b",
    re.IGNORECASE,
)
YEARLY_SUFFIX = next(w for w in PER_YEAR_WORDS if w.startswith("/") and " " not in w)  # the written "/năm"
_AVERAGE_WORDS = next(rule.words for rule in _BOOK.table("words.lead_words") if rule.id == "average")  # type: ignore[attr-defined]
RATE_OF_CHANGE_WORDS: frozenset[str] = frozenset((*DIRECTION_WORDS, *(w for w in _AVERAGE_WORDS if w not in PER_YEAR_WORDS)))

# Left contexts that make the following number an ordinal, a list number or a name, not a quantity.
ORDINAL_BEFORE_PATTERN: str = "|".join(f"(?:{rule.pattern})" for rule in _BOOK.table("text.ordinal_before"))  # type: ignore[attr-defined]

# Words right before a whole number that make it a rank position ("đứng thứ 2", "xếp thứ 38/63"), and its unit.
RANK_BEFORE_PATTERN: str = "|".join(
    f"(?:{rule.pattern})" for rule in _BOOK.table("text.ranks") if not rule.id.startswith("within_top") and rule.id != "out_of"  # type: ignore[attr-defined]
)
# "đứng thứ 21 trên tổng số 63 tỉnh": the words after a rank position before the number of units ranked.
RANK_OUT_OF_PATTERN: str = _BOOK.pattern("text.ranks", "out_of")
# "thuộc nhóm 20 tỉnh dẫn đầu", "trong top 10": a rank of at most N; "nhóm N" needs a leading word after it.
TOP_BEFORE_PATTERN: str = _BOOK.pattern("text.ranks", "within_top")
TOP_AFTER_PATTERN: str = _BOOK.pattern("text.ranks", "within_top_after")
RANK_UNIT = "hạng"

# Words right before a small count with a guessed noun unit that make it part of a noun phrase.
NAME_COUNT_BEFORE_RE = re.compile(_BOOK.pattern("text.name_count_before", "of_from_between"), re.IGNORECASE)
NAME_COUNT_MAX = 10

# A comparator + number + unit that names a group instead of measuring it ("xã dưới 15 tiêu chí"):
# (regex that the text before the comparator ends with, unit the threshold uses, comparator required).
NAME_THRESHOLDS: tuple[tuple[str, str, bool], ...] = tuple(
    (rule.before, rule.unit, rule.needs_comparator) for rule in _BOOK.typed("text.name_thresholds", NameThresholdRule)
)

# Figures that are not indicators in some contexts (people counted at a meeting).
NOT_INDICATORS: tuple[ContextRule, ...] = _BOOK.typed("text.not_indicators", ContextRule)

# Words after a number that mark it as the plan it is compared with ("bằng 68,9% kế hoạch").
PLAN_WORDS: tuple[str, ...] = _BOOK.words("text.plan_words")
PLAN_VERBS: tuple[str, ...] = _BOOK.words("text.plan_verbs")
# What a ratio written with each plan word is a ratio of: "104,2% dự toán" has the unit "% dự toán".
PLAN_BASIS: dict[str, str] = {
    word.lower(): rule.basis for rule in _BOOK.typed("text.plan_words", PlanWordsRule) for word in rule.words
}
# Units of "gấp 2,46 lần so kế hoạch": with a plan word after them, a ratio to the plan in that unit.
PLAN_RATIO_UNITS: frozenset[str] = frozenset(w.lower() for w in _BOOK.words("text.plan_ratio_units"))
# Dimensions of units in which "đạt 53,5/52 ha" writes the result and its plan.
SLASH_PLAN_DIMENSIONS: frozenset[str] = frozenset(_BOOK.words("text.slash_plan_dimensions"))
# Words before a figure that make it the plan value itself ("dự toán giao 9.870 tỷ đồng"): (regex, plan kind).
PLAN_VALUE_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rule.pattern), rule.plan_kind) for rule in _BOOK.typed("text.plan_values", PlanValueRule)
)

# Adjustments of an estimate or capital plan earlier in the sentence ("điều chỉnh tăng dự toán …"): (regex, plan kind).
PLAN_ADJUSTMENT_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rule.pattern), rule.plan_kind) for rule in _BOOK.typed("text.plan_adjustments", PlanValueRule)
)

# Words before a number that compare it to a baseline ("tăng 4,12 triệu đồng so với năm 2020").
CHANGE_VERBS: tuple[str, ...] = _BOOK.words("text.change_verbs")


def reference(rule_id: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """A named pattern of the ``text.references`` table, compiled."""
    return re.compile(_BOOK.pattern("text.references", rule_id), flags)


BASELINE_RE = reference("baseline")
PAREN_REFERENCE_RE = reference("paren_reference")
PLAN_REFERENCE_RE = reference("plan_reference")
OTHER_UNIT_PAREN_RE = reference("other_unit_paren")
SHARE_PAREN_RE = reference("share_paren")

# Verbs that start the predicate of a subject that numbers share ("… đạt tiêu chuẩn văn hóa").
PREDICATE_WORDS: tuple[str, ...] = _BOOK.words("text.predicates")

# Words after a bare number that are never its unit, and that never make a counted noun of it.
NOT_UNIT_WORDS: frozenset[str] = frozenset(_BOOK.words("text.not_unit_words"))
NOT_COUNT_NOUNS: frozenset[str] = frozenset(_BOOK.words("text.not_count_nouns"))
# Nouns a bare count takes as its unit when its subject names them ("số hồ sơ … là 457").
COUNTED_NOUNS: tuple[str, ...] = tuple(sorted(_BOOK.words("text.counted_nouns"), key=len, reverse=True))
COUNTED_NOUN_SET = frozenset(COUNTED_NOUNS)  # lower case, as the vocabulary writes them
# The words that make a subject a count of such a noun ("số", "tổng số", "số lượng" …).
COUNT_WORDS: tuple[str, ...] = tuple(sorted(_BOOK.words("text.count_words"), key=len, reverse=True))
# Indicators measured in years of life: "Tuổi thọ bình quân 75,5 tuổi", "thời gian sống khỏe mạnh 67 năm".
LIFE_SPAN_WORDS: tuple[str, ...] = _BOOK.words("text.life_span")
# "giá trị trên 1 ha", "mỗi 1 lao động": "one of a unit" that a ratio is measured by, not a quantity.
PER_ONE_WORDS: frozenset[str] = frozenset(_BOOK.words("text.per_one"))

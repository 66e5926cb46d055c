"""Comparator words, hedges and lead words as officials write them around numbers.

Typed views of the data in ``chitieu/grammar/rules/words.yaml``, used by ``chitieu.grammar.cells`` (table
cells) and by extraction (running text). Keys are lower-case NFC Vietnamese; matching code tries longer
phrases first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from chitieu.domain.quantity import Op
from chitieu.grammar.loader import rulebook
from chitieu.grammar.schema import (
    BooleanRule,
    ComparatorRule,
    DirectionRule,
    GradeRule,
    LevelRule,
    SignRule,
)

Position = Literal["prefix", "suffix"]
ReadsIn = Literal["both", "cells", "text"]


@dataclass(frozen=True, slots=True)
class Comparator:
    """A word or symbol that turns a number into a bound: "trên 5%" is ``> 5``."""

    word: str
    op: Op
    position: Position = "prefix"
    reads_in: ReadsIn = "both"


_BOOK = rulebook()

COMPARATORS: tuple[Comparator, ...] = tuple(
    Comparator(word, rule.op, rule.position, rule.reads_in)
    for rule in _BOOK.typed("words.comparators", ComparatorRule)
    for word in rule.words
)

# Words before the level a quantity is brought to ("giảm còn 12,5%"): word → (op when promised, direction).
LEVEL_WORDS: dict[str, tuple[Op, int]] = {
    word: (rule.target_op, rule.direction) for rule in _BOOK.typed("words.levels", LevelRule) for word in rule.words
}

# Words that soften a number without changing its comparator ("khoảng 98%", "ước đạt 2.345").
HEDGES: tuple[str, ...] = _BOOK.words("words.hedges")

# Verbs and fillers in front of a number that carry no comparator ("Đạt 47,5", "bình quân 6,5%").
LEAD_WORDS: tuple[str, ...] = _BOOK.words("words.lead_words")

# Words that give the direction of a change ("Tăng 01 bậc", "giảm 1,5%/năm").
DIRECTION_WORDS: dict[str, int] = {
    word: rule.sign for rule in _BOOK.typed("words.directions", DirectionRule) for word in rule.words
}

# Words after a number that say it is per year.
PER_YEAR_WORDS: tuple[str, ...] = _BOOK.words("words.per_year")

# Whole cells that are a yes/no result or target.
BOOLEAN_WORDS: dict[str, bool] = {
    word: rule.value for rule in _BOOK.typed("words.booleans", BooleanRule) for word in rule.words
}

# Whole result cells that state only the sign of a balance ("Xuất siêu" against a deficit ratio: "< 0").
SIGN_WORDS: dict[str, tuple[Op, float]] = {
    word: (rule.op, rule.value) for rule in _BOOK.typed("words.signs", SignRule) for word in rule.words
}

# Cells that mean "no figure" rather than a value (an empty cell is always one).
NO_DATA_WORDS: tuple[str, ...] = ("", *_BOOK.words("words.no_data"))


def comparators_by_length(position: Position, reads_in: ReadsIn = "both") -> list[Comparator]:
    """Comparators at ``position`` read by table cells or running text, longest first ("không quá" before "quá")."""
    return sorted(
        (c for c in COMPARATORS if c.position == position and c.reads_in in ("both", reads_in)), key=lambda c: -len(c.word)
    )


# Ordered grades for targets written as a rank group ("Nhóm khá", "Xếp loại tốt"): higher is better.
# Matched as whole words, longest first, after the filler words below are dropped.
GRADE_WORDS: dict[str, float] = {
    word: rule.rank for rule in _BOOK.typed("words.grades", GradeRule) for word in rule.words
}
GRADE_FILLERS: tuple[str, ...] = _BOOK.words("words.grade_fillers")

"""How units follow a number in running text: typed views of ``chitieu/grammar/rules/units.yaml``.

All entries are lower-case NFC; matching is case-insensitive and prefers the longest entry.
"""

from __future__ import annotations

from chitieu.grammar.loader import rulebook
from chitieu.grammar.schema import MagnitudeRule
from chitieu.vocab.units import MAGNITUDE_WORDS, UNITS

_BOOK = rulebook()

# Magnitude words that belong to the unit as written ("65 triệu đồng", "48 vạn người"), longest first.
MAGNITUDES: tuple[str, ...] = tuple(sorted(MAGNITUDE_WORDS, key=len, reverse=True))
# The words after which a magnitude word is another word ("tỷ lệ", "tỷ trọng"): no magnitude there.
MAGNITUDE_NOT_BEFORE: dict[str, tuple[str, ...]] = {
    word: tuple(rule.not_before)
    for rule in _BOOK.typed("units.magnitudes", MagnitudeRule)
    for word in rule.words
    if rule.not_before
}

# Rate units written right after the number.
RATE_UNITS: tuple[str, ...] = _BOOK.words("units.rates")

# What a rate is a share of, written right after it ("3,5% GDP", "chiếm 20% GRDP"): part of the unit.
RATE_BASES: tuple[str, ...] = _BOOK.words("units.rate_bases")

# Plan abbreviations typed glued to the rate sign ("48,39%KH"), in the case written: the sign still ends the number.
GLUED_AFTER_RATE: tuple[str, ...] = _BOOK.words("units.glued_after_rate")

# Units written with words (besides every unit and alias of the catalogue).
EXTRA_UNITS: tuple[str, ...] = _BOOK.words("units.word_units")

# Words that start with a unit's syllable but are other words ("đồng bào", "trường hợp").
NOT_UNITS: tuple[str, ...] = _BOOK.words("units.not_units")

# Units counted that we report but never as key indicators: meetings, documents, indicators themselves.
META_UNITS: frozenset[str] = frozenset(_BOOK.words("units.meta"))

# Units that make the number a time span or an age: not a quantity to track.
TIME_UNITS: frozenset[str] = frozenset(_BOOK.words("units.time"))

# Per-denominators that may follow a unit after "/" ("triệu đồng/người/năm", "bác sỹ/1 vạn dân").
DENOMINATORS: tuple[str, ...] = _BOOK.words("units.denominators")

# Units of a population written after "trên"/"mỗi" as the base a ratio is measured by ("số bác sĩ trên
# 10.000 dân", "mỗi 1.000 dân"): part of the indicator's name, never a quantity of its own.
POPULATION_BASES: frozenset[str] = frozenset(_BOOK.words("units.population_bases"))
# Words right before "trên"/"mỗi" + population base.
POPULATION_BASE_WORDS: frozenset[str] = frozenset(_BOOK.words("units.population_base_words"))



def all_word_units() -> list[str]:
    """Every unit spelled with words, longest first (catalogue units, their aliases and the extras)."""
    names: set[str] = set(EXTRA_UNITS) | set(TIME_UNITS)
    for unit in UNITS:
        for name in (unit.canonical, *unit.aliases):
            name = name.lower()
            if any(ch.isalpha() for ch in name) and "%" not in name and "‰" not in name:
                names.add(name)
    return sorted(names, key=lambda s: (-len(s), s))

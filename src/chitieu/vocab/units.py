"""Units of measure as officials write them, with their dimension and scale (data: ``grammar/rules/units.yaml``).

``dimension`` groups units that can be converted into one another; ``scale`` converts to the
dimension's base (tấn for mass, đồng for money, ...). Units whose dimension is ``count`` are nouns
counted one by one (xã, huyện, đảng viên); two count units compare only when their nouns agree.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from chitieu.grammar.loader import rulebook
from chitieu.grammar.schema import MagnitudeRule, UnitRule


@dataclass(frozen=True, slots=True)
class UnitDef:
    canonical: str
    dimension: str
    scale: float = 1.0
    aliases: tuple[str, ...] = ()
    per_year: bool = False


_BOOK = rulebook()

# The catalogue (chitieu/grammar/rules/units.yaml): canonical spellings keep their case ("USD", "MW").
UNITS: tuple[UnitDef, ...] = tuple(
    UnitDef(rule.canonical, rule.dimension, rule.scale, tuple(rule.aliases), rule.per_year)
    for rule in _BOOK.typed("units.catalogue", UnitRule)
)

# Magnitude words that belong to the unit as written ("65 triệu đồng", "48 vạn người", "361,6 nghìn tỷ").
MAGNITUDE_WORDS: dict[str, float] = {
    word: rule.factor for rule in _BOOK.typed("units.magnitudes", MagnitudeRule) for word in rule.words
}


@lru_cache(maxsize=8192)  # called for every claim × indicator pair when linking: units repeat
def normalise_unit_text(text: str) -> str:
    """Lower-case, NFC, single spaces, no spaces around '/'; '1 vạn' and 'vạn' alike."""
    s = unicodedata.normalize("NFC", text or "").strip().lower()
    s = re.sub(r"\s+", " ", s)
    s = re.sub(r"\s*/\s*", "/", s)
    s = s.replace("/1 vạn", "/vạn").replace("/1vạn", "/vạn").replace("bác sĩ", "bác sỹ")
    return s.rstrip(".:")


_INDEX: dict[str, UnitDef] = {}
for _u in UNITS:
    for _name in (_u.canonical, *_u.aliases):
        _INDEX[normalise_unit_text(_name)] = _u


@lru_cache(maxsize=4096)
def lookup_unit(text: str) -> UnitDef | None:
    """The catalogue entry for a unit as written, or ``None`` when unknown."""
    return _INDEX.get(normalise_unit_text(text))


_NOUN_UNIT_RE = re.compile(r"^[^\W\d_]+(?:,? [^\W\d_]+){0,5}(?:/(?:1 )?[^\W\d_]+(?: [^\W\d_]+){0,3}){0,2}$")


def looks_like_count_noun(text: str) -> bool:
    """True for unit words not in the catalogue but plainly a counted noun ("Sản phẩm", "Cơ sở/năm")."""
    return bool(_NOUN_UNIT_RE.match(normalise_unit_text(text)))


_SHARE_OF_RE = re.compile(r"^[%‰] [^\W\d_]+(?: [^\W\d_]+){0,5}$")


def looks_like_share_of(text: str) -> bool:
    """True for a percentage of a named base, as resolutions write it ("% GDP", "% dân số", "% tổng số xã")."""
    return bool(_SHARE_OF_RE.match(normalise_unit_text(text)))


def conversion_factor(from_unit: str, to_unit: str) -> float | None:
    """Factor that converts a value in ``from_unit`` into ``to_unit``; None when not convertible."""
    a, b = lookup_unit(from_unit), lookup_unit(to_unit)
    if a is None or b is None:
        return 1.0 if normalise_unit_text(from_unit) == normalise_unit_text(to_unit) else None
    if a.dimension != b.dimension:
        return None
    return a.scale / b.scale


# Dimensions whose values add up across units (a commune's figure is the sum of its parts'); rates, ratios,
# per-capita and per-area figures, scores and ranks do not. Counts ("count:người", …) add up too.
ADDITIVE_DIMENSIONS = frozenset({"money", "usd", "mass", "area", "area_small", "length", "volume", "power", "energy"})


def is_additive_unit(text: str) -> bool:
    """Whether values in this unit may be summed over units (population, money, tonnes); unknown units may not."""
    u = lookup_unit(text)
    return u is not None and (u.dimension in ADDITIVE_DIMENSIONS or u.dimension.startswith("count:"))


# Words in an indicator's name that make its figure an average or a ratio even when its unit is money or
# people ("GRDP bình quân đầu người" in triệu đồng): such a figure is not the sum of its units' figures.
NON_ADDITIVE_NAME_CUES = ("bình quân", "trung bình", "đầu người", "tỷ lệ", "tỷ trọng", "tỷ suất", "tốc độ", "mức giảm",
                          "mức tăng", "/1 vạn", "/vạn", "cơ cấu")


def is_additive_indicator(name: str, unit: str) -> bool:
    """Whether an indicator's figures add up over units: an additive unit and no averaging or ratio in the name."""
    folded = " ".join(name.lower().split())
    return is_additive_unit(unit) and not any(cue in folded for cue in NON_ADDITIVE_NAME_CUES)


def is_rate_unit(text: str) -> bool:
    """Percent-like units, where gaps are reported in points rather than ratios."""
    u = lookup_unit(text)
    return u is not None and u.dimension in ("percent", "permille", "percent_point")

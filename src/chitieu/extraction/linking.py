"""Linking claims to registry indicators (pure): fuzzy, diacritics-aware, unit-aware.

A claim's indicator phrase ("tỷ lệ che phủ rừng") is compared with every indicator of the plan on
both the accented and the diacritics-folded forms (rapidfuzz token-set and partial ratios), plus the
overlap of content words; an incompatible unit lowers the score. The best match above the threshold
is the link; the next ones are kept as alternatives; below the threshold a new indicator is proposed.
An optional ``semantic`` scorer (e.g. an offline multilingual embedding) can add its similarity.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from chitieu.domain import Indicator
from chitieu.grammar.text import strip_diacritics
from chitieu.vocab.units import lookup_unit, normalise_unit_text

LINK_THRESHOLD = 0.62
ALTERNATIVES = 3
# Weights of the lexical signals (sum to 1); a semantic score, when given, is blended in with SEMANTIC_WEIGHT.
WEIGHTS: dict[str, float] = {"token_set": 0.35, "partial": 0.2, "accented": 0.15, "keywords": 0.3}
SEMANTIC_WEIGHT = 0.35
UNIT_MISMATCH_FACTOR = 0.7
COVERAGE_FLOOR = 0.5
# Words that carry no meaning of their own in indicator names.
STOPWORDS: frozenset[str] = frozenset(
    {
        "các", "của", "và", "được", "có", "là", "cho", "trong", "trên", "dưới", "với", "theo", "từ", "đến",
        "đạt", "tỷ", "lệ", "tỉ", "số", "tổng", "mức", "năm", "bình", "quân", "hằng", "hàng", "so", "toàn",
        "tỉnh", "địa", "bàn", "ước", "khoảng", "trở", "lên", "thực", "hiện", "chỉ", "tiêu",
    }
)
# Abbreviations officials use in indicator names, expanded before comparing (keys lower case).
ABBREVIATIONS: dict[str, str] = {
    "thcs": "trung học cơ sở",
    "thpt": "trung học phổ thông",
    "gd": "giáo dục",
    "gdđt": "giáo dục và đào tạo",
    "dtts": "dân tộc thiểu số",
    "tccs": "tổ chức cơ sở",
    "ntm": "nông thôn mới",
    "mttq": "mặt trận tổ quốc",
    "ct xh": "chính trị xã hội",
    "kt xh": "kinh tế xã hội",
    "bhyt": "bảo hiểm y tế",
    "bhxh": "bảo hiểm xã hội",
    "bhtn": "bảo hiểm thất nghiệp",
    "atgt": "an toàn giao thông",
    "attp": "an toàn thực phẩm",
    "cntt": "công nghệ thông tin",
    "xnk": "xuất nhập khẩu",
    "đtnn": "đầu tư nước ngoài",
    "fdi": "đầu tư trực tiếp nước ngoài",
    "dn": "doanh nghiệp",
    "htx": "hợp tác xã",
    "ubnd": "ủy ban nhân dân",
    "hđnd": "hội đồng nhân dân",
    "tw": "trung ương",
}
_ABBREVIATION_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, ABBREVIATIONS), key=len, reverse=True)) + r")\b")
_PUNCT_RE = re.compile(r"[^\w%‰/]+")


def normalise_phrase(text: str) -> str:
    """Lower case, NFC, punctuation to spaces, single spaces ("Tỷ lệ hộ nghèo (%)" → "tỷ lệ hộ nghèo %")."""
    s = unicodedata.normalize("NFC", text or "").lower().replace("tỉ lệ", "tỷ lệ")
    s = _PUNCT_RE.sub(" ", s).replace("_", " ")
    s = " ".join(s.split())
    return _ABBREVIATION_RE.sub(lambda m: ABBREVIATIONS[m.group(1)], s)


fold = strip_diacritics  # "Tỷ lệ đô thị hóa" → "Ty le do thi hoa" (the one helper, case kept)


def keywords(text: str) -> frozenset[str]:
    """Folded content words of a phrase."""
    return frozenset(fold(w) for w in normalise_phrase(text).split() if w not in STOPWORDS and not w.isdigit())


@dataclass(frozen=True, slots=True)
class LinkCandidate:
    indicator_code: str
    name: str
    score: float  # 0..1
    unit_compatible: bool | None = None  # None when either unit is unknown


@dataclass(frozen=True, slots=True)
class IndicatorProposal:
    """A new indicator suggested when nothing in the registry matches well enough."""

    name: str
    unit: str = ""


@dataclass(frozen=True, slots=True)
class LinkResult:
    best: LinkCandidate | None
    alternatives: tuple[LinkCandidate, ...] = ()
    proposal: IndicatorProposal | None = None

    @property
    def linked(self) -> bool:
        return self.best is not None


@dataclass(slots=True)
class _Prepared:
    indicator: Indicator
    text: str
    accented: str
    folded: str
    words: frozenset[str] = field(default_factory=frozenset)


SemanticScorer = Callable[[str, Sequence[str]], Sequence[float]]


def units_compatible(a: str, b: str) -> bool | None:
    """True/False when both units are known (same dimension), None when either is missing or unknown."""
    if not a or not b:
        return None
    if normalise_unit_text(a) == normalise_unit_text(b):
        return True
    ua, ub = lookup_unit(a), lookup_unit(b)
    if ua is None or ub is None:
        return None
    return ua.dimension == ub.dimension


class IndicatorLinker:
    """Prepared indicator names of one plan; ``link`` scores a phrase against all of them."""

    def __init__(
        self,
        indicators: Sequence[Indicator],
        threshold: float = LINK_THRESHOLD,
        semantic: SemanticScorer | None = None,
        names: dict[str, str] | None = None,
    ) -> None:
        """``names`` overrides the text matched per indicator code; components are matched as
        "parent: name" ("Cơ cấu kinh tế: Dịch vụ") unless overridden."""
        self.threshold = threshold
        self.semantic = semantic
        self._items: list[_Prepared] = []
        by_code = {i.code: i for i in indicators}
        for ind in indicators:
            parent = by_code.get(ind.parent_code or "")
            default = f"{parent.name}: {ind.name}" if parent is not None else ind.name
            name = (names or {}).get(ind.code, default)
            accented = normalise_phrase(name)
            self._items.append(_Prepared(ind, name, accented, fold(accented), keywords(name)))

    def scores(self, phrase: str, unit: str = "") -> list[LinkCandidate]:
        accented = normalise_phrase(phrase)
        folded = fold(accented)
        words = keywords(phrase)
        semantic: Sequence[float] | None = None
        if self.semantic is not None and self._items:
            semantic = self.semantic(phrase, [p.text for p in self._items])
        found: list[LinkCandidate] = []
        for i, item in enumerate(self._items):
            token_set = fuzz.token_set_ratio(folded, item.folded) / 100
            # Names made only of generic words have no keywords: let the token-set ratio stand in.
            overlap = _overlap(words, item.words) if words and item.words else token_set
            lexical = (
                WEIGHTS["token_set"] * token_set
                + WEIGHTS["partial"] * fuzz.partial_ratio(folded, item.folded) / 100
                + WEIGHTS["accented"] * fuzz.token_sort_ratio(accented, item.accented) / 100
                + WEIGHTS["keywords"] * overlap
            )
            # A short phrase is a subset of many long names (token-set ratio 100): weigh by how much of
            # the indicator's own words the phrase covers.
            if words and item.words:
                lexical *= min(1.0, COVERAGE_FLOOR + len(words & item.words) / len(item.words))
            score = lexical
            if semantic is not None:
                score = (1 - SEMANTIC_WEIGHT) * lexical + SEMANTIC_WEIGHT * max(0.0, float(semantic[i]))
            compatible = units_compatible(unit, item.indicator.unit)
            if compatible is False:
                score *= UNIT_MISMATCH_FACTOR
            found.append(LinkCandidate(item.indicator.code, item.indicator.name, round(score, 4), compatible))
        found.sort(key=lambda c: (-c.score, c.indicator_code))
        return found

    def link(self, phrase: str, unit: str = "") -> LinkResult:
        ranked = self.scores(phrase, unit)
        if ranked and ranked[0].score >= self.threshold:
            return LinkResult(best=ranked[0], alternatives=tuple(ranked[1 : 1 + ALTERNATIVES]))
        name = " ".join((phrase or "").split()).strip(" .,:;")
        proposal = IndicatorProposal(name=name[:1].upper() + name[1:], unit=unit) if name else None
        return LinkResult(best=None, alternatives=tuple(ranked[:ALTERNATIVES]), proposal=proposal)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice overlap of two word sets (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def link_indicator(
    phrase: str, indicators: Sequence[Indicator], unit: str = "", threshold: float = LINK_THRESHOLD
) -> LinkResult:
    """One-off convenience: link ``phrase`` against ``indicators``."""
    return IndicatorLinker(indicators, threshold).link(phrase, unit)

"""How an indicator's values may be combined across units (commune → province → nation): the rules as data.

An indicator may declare its method (``indicators.aggregation``: ``sum``, ``mean`` or ``none``); when it
does not, the default comes from its unit, polarity and name by the rules below, checked in order. Shares
and rates are never summed: a percentage, a per-capita figure, a "per 10,000 people" ratio or a growth
rate of a province is not the sum of its communes'. Unknown units are not aggregated (a wrong total is
worse than none). Every rule carries examples that tests/vocab/test_aggregation.py checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from chitieu.grammar.text import norm
from chitieu.messages import ChitieuError


class AggregationMethod(StrEnum):
    SUM = "sum"  # additive quantities: money, people, households, area, counts
    MEAN = "mean"  # each unit counts the same (an index, a score); share-weighted when carried across merges
    NONE = "none"  # not aggregable: shares, rates, per-capita figures, yes/no

    @property
    def label_vi(self) -> str:
        return {"sum": "cộng", "mean": "trung bình", "none": "không tổng hợp"}[self.value]


# Units whose quantities add up across territories (normalised: lower case, NFC, single spaces).
ADDITIVE_UNITS: frozenset[str] = frozenset({
    "đồng", "nghìn đồng", "triệu đồng", "tỷ đồng", "nghìn tỷ đồng", "usd", "nghìn usd", "triệu usd", "tỷ usd",
    "người", "nghìn người", "lao động", "lượt người", "hộ", "nghìn hộ", "ha", "km", "km2", "m2", "tấn", "nghìn tấn",
    "triệu tấn", "con", "cái", "chiếc", "xã", "thôn", "bản", "trường", "phòng học", "giường bệnh", "doanh nghiệp",
    "hợp tác xã", "dự án", "công trình", "căn", "căn hộ", "mw", "kwh", "triệu kwh", "m3", "lượt khách",
    "nghìn lượt khách", "triệu lượt khách",
})
# Units that are a share or a rate whatever the name says.
RATE_UNITS: frozenset[str] = frozenset({"%", "‰", "điểm %", "điểm phần trăm", "lần", "năm", "tuổi"})
# Words of a name that make the figure a share, a rate, an average or a per-head figure (normalised).
RATE_NAME_CUES: tuple[str, ...] = (
    "tỷ lệ", "tỷ trọng", "tỷ suất", "tốc độ", "bình quân", "đầu người", "trên một", "trên 1 ", "mỗi năm",
    "chỉ số", "mật độ", "tuổi thọ", "hệ số",
)


@dataclass(frozen=True, slots=True)
class Rule:
    """One default rule: when ``applies`` and its examples ((name, unit, polarity) → method)."""

    why: str
    method: AggregationMethod
    examples: tuple[tuple[str, str, str], ...]


RULES: tuple[Rule, ...] = (
    Rule("polarity: yes/no and structure shares are counted in the verdicts, never summed", AggregationMethod.NONE,
         (("Hoàn thành xây dựng nông thôn mới", "", "boolean"),
          ("Tỷ trọng công nghiệp - xây dựng trong GRDP", "%", "neutral_structure"))),
    Rule("unit: a percentage, per mille, points or a ratio (a '/' in the unit)", AggregationMethod.NONE,
         (("Tỷ lệ hộ nghèo", "%", "lower_better"), ("Số bác sĩ trên một vạn dân", "bác sỹ/vạn dân", "higher_better"),
          ("Tỷ suất sinh thô", "‰", "lower_better"))),
    Rule("name: a share, rate, average or per-head figure, whatever its unit", AggregationMethod.NONE,
         (("GRDP bình quân đầu người", "triệu đồng", "higher_better"),
          ("Thu nhập bình quân của người lao động", "triệu đồng", "higher_better"))),
    Rule("unit: an additive quantity (money, people, households, area, counts)", AggregationMethod.SUM,
         (("Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "higher_better"),
          ("Số lao động được giải quyết việc làm mới", "người", "higher_better"),
          ("Diện tích rừng trồng mới", "ha", "higher_better"))),
    Rule("otherwise: an unknown unit is not aggregated", AggregationMethod.NONE,
         (("Số vụ tai nạn giao thông", "", "lower_better"),)),
)


def _rule_applies(index: int, name: str, unit: str, polarity: str) -> bool:
    n, u = norm(name), norm(unit)
    if index == 0:
        return polarity in ("boolean", "neutral_structure")
    if index == 1:
        return u in RATE_UNITS or "/" in u
    if index == 2:
        return any(cue in f"{n} " for cue in RATE_NAME_CUES)
    if index == 3:
        return u in ADDITIVE_UNITS
    return True


def default_method(name: str, unit: str, polarity: str) -> tuple[AggregationMethod, Rule]:
    """The method an indicator gets when it declares none, and the rule that decided it."""
    for index, rule in enumerate(RULES):
        if _rule_applies(index, name, unit, polarity):
            return rule.method, rule
    raise AssertionError("the last rule always applies")  # pragma: no cover


def method_of(declared: str, name: str, unit: str, polarity: str) -> AggregationMethod:
    """The declared method (``sum``/``mean``/``none``), else the default by unit, polarity and name.

    A declared ``sum`` of a share or rate (rules 1-3 say "never summed") is refused with the rule's reason."""
    default, rule = default_method(name, unit, polarity)
    if not declared:
        return default
    try:
        method = AggregationMethod(declared)
    except ValueError:
        raise ChitieuError("aggregation_unknown_method", method=declared, name=name,
                           allowed=", ".join(m.value for m in AggregationMethod)) from None
    if method is AggregationMethod.SUM and RULES.index(rule) < 3:
        raise ChitieuError("aggregation_sum_of_rate", name=name, unit=unit or "—", why=rule.why)
    return method

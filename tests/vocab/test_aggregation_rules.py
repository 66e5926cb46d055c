"""The aggregation rules are data: each rule decides its own examples, and shares are never summed."""

from __future__ import annotations

import pytest

from chitieu.messages import ChitieuError
from chitieu.synth.national import TEMPLATES
from chitieu.vocab.aggregation import RULES, AggregationMethod, default_method, method_of


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.why[:40])
def test_every_rule_decides_its_examples(rule) -> None:
    assert rule.examples
    for name, unit, polarity in rule.examples:
        method, decided_by = default_method(name, unit, polarity)
        assert (method, decided_by) == (rule.method, rule), (name, unit, polarity)


def test_shares_rates_and_per_head_figures_are_never_summed() -> None:
    summed = {t.name for t in TEMPLATES if default_method(t.name, t.unit, t.polarity)[0] is AggregationMethod.SUM}
    assert summed == {"Thu ngân sách nhà nước trên địa bàn", "Tổng vốn đầu tư toàn xã hội", "Kim ngạch xuất khẩu",
                      "Số lao động được giải quyết việc làm mới", "Diện tích rừng trồng mới"}
    for t in TEMPLATES:
        if t.unit in ("%", "‰", "điểm %") or "bình quân" in t.name or t.polarity == "boolean":
            assert t.name not in summed


def test_a_declared_method_wins_but_a_sum_of_a_rate_is_refused() -> None:
    assert method_of("", "Tỷ lệ hộ nghèo", "%", "lower_better") is AggregationMethod.NONE
    assert method_of("mean", "Tỷ lệ hộ nghèo", "%", "lower_better") is AggregationMethod.MEAN
    assert method_of("none", "Thu ngân sách", "tỷ đồng", "higher_better") is AggregationMethod.NONE
    with pytest.raises(ChitieuError) as err:
        method_of("sum", "Tỷ lệ hộ nghèo", "%", "lower_better")
    assert err.value.code == "aggregation_sum_of_rate" and "không được cộng dồn" in err.value.message
    with pytest.raises(ChitieuError) as err:
        method_of("cộng", "Thu ngân sách", "tỷ đồng", "higher_better")
    assert err.value.code == "aggregation_unknown_method"

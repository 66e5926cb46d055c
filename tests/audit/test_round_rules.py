"""Validation rules of reporting rounds (pure): each rule, defaults, and when a warning blocks."""

from __future__ import annotations

from chitieu.audit.round_rules import EnteredValue, RuleContext, check_round_values
from chitieu.domain.round_rules import RoundRule, RuleKind, Severity


def v(indicator: str, text: str, value: float | None, unit: str = "", op: str = "=", note: str = "",
      boolean: bool = False) -> EnteredValue:
    return EnteredValue(indicator, text, value, op, note, unit, boolean)


def codes(findings: list) -> list[tuple[str, str, bool]]:  # type: ignore[type-arg]
    return [(f.indicator, f.problem.code, f.blocks) for f in findings]


def test_a_share_above_its_limit_is_an_error_only_for_percent_indicators() -> None:
    rules = [RoundRule("P", RuleKind.SHARE_MAX)]
    found = check_round_values([v("A", "104,5", 104.5, "%"), v("B", "104,5", 104.5, "người"), v("C", "99", 99.0, "%")],
                               rules, RuleContext("X"))
    assert codes(found) == [("A", "round_check_share", True)]
    assert "104,5" in found[0].problem.message and "100" in found[0].problem.message
    named = check_round_values([v("B", "60", 60.0, "người")], [RoundRule("P", RuleKind.SHARE_MAX, "B", limit=50)],
                               RuleContext("X"))
    assert codes(named) == [("B", "round_check_share", True)]


def test_the_sum_of_the_units_below_must_match_within_the_tolerance() -> None:
    rules = [RoundRule("P", RuleKind.UNITS_SUM)]
    context = RuleContext("P", children={"POP": [100.0, 50.0], "GDP": [10.0, None]})
    assert codes(check_round_values([v("POP", "150,5", 150.5, "người")], rules, context)) == []  # within 1%
    assert codes(check_round_values([v("POP", "160", 160.0, "người")], rules, context)) == [("POP", "round_check_units_sum", True)]
    assert codes(check_round_values([v("GDP", "99", 99.0, "tỷ đồng")], rules, context)) == []  # a unit below has no value yet
    assert codes(check_round_values([v("POP", "160", 160.0, "%")], rules, context)) == []  # a rate is not summed


def test_a_jump_is_a_warning_that_a_note_answers() -> None:
    rules = [RoundRule("P", RuleKind.JUMP_FACTOR, limit=2)]
    context = RuleContext("X", previous={"A": (10.0, "2023")})
    assert codes(check_round_values([v("A", "25", 25.0)], rules, context)) == [("A", "round_check_jump", True)]
    assert codes(check_round_values([v("A", "4", 4.0)], rules, context)) == [("A", "round_check_jump", True)]
    assert codes(check_round_values([v("A", "25", 25.0, note="mở rộng địa giới")], rules, context)) == [
        ("A", "round_check_jump", False)]
    assert codes(check_round_values([v("A", "15", 15.0)], rules, context)) == []


def test_a_value_that_puts_the_target_at_risk_needs_a_note() -> None:
    rules = [RoundRule("P", RuleKind.NOTE_WHEN_AT_RISK)]
    context = RuleContext("P", verdicts={"A": ("at_risk", "Khó đạt"), "B": ("achieved", "Đạt"),
                                         "C": ("not_achieved", "Không đạt")})
    values = [v("A", "3", 3.0), v("B", "9", 9.0), v("C", "Chưa hoàn thành", 0.0, op="done", boolean=True, note="thiếu vốn")]
    assert codes(check_round_values(values, rules, context)) == [("A", "round_check_at_risk", True),
                                                                 ("C", "round_check_at_risk", False)]


def test_types_and_severity_overrides() -> None:
    found = check_round_values([v("Y", "12", 12.0, boolean=True), v("N", "Hoàn thành", 1.0, op="done")], [], RuleContext("X"))
    assert codes(found) == [("Y", "round_check_type_boolean", True), ("N", "round_check_type_number", True)]
    assert [f.severity for f in found] == [Severity.WARNING, Severity.ERROR]
    # words without a figure where a number is due are an error; a no-data phrase is not (it says "missing")
    words = check_round_values([v("W", "khoảng chừng", None), v("D", "Chưa có số liệu", None), v("F", "12,5", 12.5)], [],
                               RuleContext("X"))
    assert codes(words) == [("W", "round_check_type_number", True)] and "khoảng chừng" in words[0].problem.message
    soft = RoundRule("P", RuleKind.SHARE_MAX, severity=Severity.WARNING)
    [finding] = check_round_values([v("A", "101", 101.0, "%", note="số liệu sơ bộ")], [soft], RuleContext("X"))
    assert not finding.blocks and finding.problem.severity == "warning"
    assert check_round_values([v("A", "", None, "%")], [RoundRule("P", RuleKind.SHARE_MAX)], RuleContext("X")) == []

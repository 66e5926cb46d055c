"""The round_rules table of the exchange format: words for rules and severities, problems by row and column."""

from __future__ import annotations

from chitieu.domain.round_rules import RuleKind, Severity
from chitieu.messages import Report
from chitieu.registry import parse_registry, registry_tables
from chitieu.registry.tables import RawRow, RawTable

PLANS = RawTable("plans", "plans.csv", ["code", "title"], [RawRow(2, {"code": "NQ", "title": "Nghị quyết"})])
INDICATORS = RawTable("indicators", "indicators.csv", ["plan_code", "code", "name", "unit"], [
    RawRow(2, {"plan_code": "NQ", "code": "TYLE", "name": "Tỷ lệ", "unit": "%"})])


def parse(*rows: dict[str, str]) -> tuple[object, Report]:
    columns = sorted({k for r in rows for k in r})
    table = RawTable("round_rules", "round_rules.csv", columns, [RawRow(i, dict(r)) for i, r in enumerate(rows, 2)])
    report = Report()
    return parse_registry({t.name: t for t in (PLANS, INDICATORS, table)}, report, "reg"), report


def test_rules_read_with_words_and_round_trip() -> None:
    registry, report = parse(
        {"plan_code": "NQ", "rule": "tỷ lệ tối đa", "indicator_code": "TYLE", "limit": "100"},
        {"plan_code": "NQ", "rule": "jump_factor", "severity": "cảnh báo", "limit": "2,5"},
        {"plan_code": "NQ", "rule": "ghi chú khi khó đạt"},
    )
    assert report.ok, [p.message for p in report.problems]
    rules = registry.round_rules  # type: ignore[attr-defined]
    assert [(r.rule, r.indicator_code, r.severity, r.effective_limit) for r in rules] == [
        (RuleKind.SHARE_MAX, "TYLE", None, 100.0), (RuleKind.JUMP_FACTOR, None, Severity.WARNING, 2.5),
        (RuleKind.NOTE_WHEN_AT_RISK, None, None, None)]
    columns, rows = registry_tables(registry)["round_rules"]  # type: ignore[arg-type]
    again, report2 = parse(*({c: "" if x is None else str(x) for c, x in zip(columns, row, strict=True)} for row in rows))
    assert report2.ok and again.round_rules == rules  # type: ignore[attr-defined]


def test_bad_rules_are_named_by_row_and_column() -> None:
    registry, report = parse(
        {"plan_code": "NQ", "rule": "quy tắc lạ"},
        {"plan_code": "XX", "rule": "share_max"},
        {"plan_code": "NQ", "rule": "share_max", "indicator_code": "KHONG"},
        {"plan_code": "NQ", "rule": "jump_factor", "limit": "-1"},
        {"plan_code": "NQ", "rule": "units_sum", "severity": "nặng"},
        {"plan_code": "NQ", "rule": "share_max"}, {"plan_code": "NQ", "rule": "share_max"},
    )
    assert registry is None
    assert [(p.row, p.column, p.code) for p in report.errors()] == [
        (2, "rule", "bad_choice"), (3, "plan_code", "unknown_reference"), (4, "indicator_code", "unknown_reference"),
        (5, "limit", "bad_value"), (6, "severity", "bad_choice"), (8, None, "duplicate_key")]

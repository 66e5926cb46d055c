"""The unit_changes table of the exchange format: validation with file, row and column, and round trip."""

from __future__ import annotations

from datetime import date

from chitieu.domain import UnitChangeKind
from chitieu.messages import Report
from chitieu.registry import parse_registry, registry_tables
from chitieu.registry.tables import RawRow, RawTable

PLANS = RawTable("plans", "plans.csv", ["code", "title"], [RawRow(2, {"code": "NQ", "title": "Nghị quyết"})])
INDICATORS = RawTable("indicators", "indicators.csv", ["plan_code", "code", "name"], [])
DOCS = RawTable("documents", "documents.csv", ["code", "title"], [RawRow(2, {"code": "NQ1670", "title": "Nghị quyết 1670"})])
UNITS = RawTable("org_units", "org_units.csv", ["code", "name", "valid_from", "valid_to"], [
    RawRow(2, {"code": "A", "name": "Xã A", "valid_to": "30/06/2025"}),
    RawRow(3, {"code": "B", "name": "Xã B", "valid_to": "2025-06-30"}),
    RawRow(4, {"code": "AB", "name": "Xã AB", "valid_from": "2025-07-01"}),
    RawRow(5, {"code": "C", "name": "Xã C", "valid_to": "2025-06-30"}),
])


def table(*rows: dict[str, str]) -> RawTable:
    columns = sorted({k for r in rows for k in r})
    return RawTable("unit_changes", "unit_changes.csv", columns, [RawRow(i, dict(r)) for i, r in enumerate(rows, 2)])


def parse(changes: RawTable) -> tuple[object, Report]:
    report = Report()
    tables = {t.name: t for t in (PLANS, INDICATORS, DOCS, UNITS, changes)}
    return parse_registry(tables, report, "reg"), report


def test_merges_and_splits_read_with_words_and_percentages() -> None:
    registry, report = parse(table(
        {"predecessor_code": "A", "successor_code": "AB", "effective_on": "01/07/2025", "kind": "sáp nhập",
         "source_document": "NQ1670", "source_location": "Điều 1, khoản 5"},
        {"predecessor_code": "B", "successor_code": "AB", "effective_on": "2025-07-01"},
        {"predecessor_code": "C", "successor_code": "AB", "effective_on": "2025-07-01", "kind": "chia tách",
         "weight": "40%"},
    ))
    assert report.ok, [p.message for p in report.problems]
    changes = registry.unit_changes  # type: ignore[attr-defined]
    assert [(c.predecessor_code, c.kind, c.share) for c in changes] == [
        ("A", UnitChangeKind.MERGE, 1.0), ("B", UnitChangeKind.MERGE, 1.0), ("C", UnitChangeKind.SPLIT, 0.4)]
    assert changes[0].effective_on == date(2025, 7, 1) and changes[0].provenance.location == "Điều 1, khoản 5"
    rows = registry_tables(registry)["unit_changes"][1]  # type: ignore[arg-type]
    again, report2 = parse(table(*({k: "" if v is None else str(v) for k, v in zip(
        registry_tables(registry)["unit_changes"][0], row, strict=True)} for row in rows)))  # type: ignore[arg-type]
    assert report2.ok and again.unit_changes == changes  # type: ignore[attr-defined]


def test_every_problem_names_the_row_and_column() -> None:
    registry, report = parse(table(
        {"predecessor_code": "X", "successor_code": "AB", "effective_on": "2025-07-01"},
        {"predecessor_code": "A", "successor_code": "A", "effective_on": "2025-07-01"},
        {"predecessor_code": "A", "successor_code": "AB", "effective_on": "2025-06-01"},
        {"predecessor_code": "B", "successor_code": "AB", "effective_on": "2025-07-01", "weight": "1,5"},
        {"predecessor_code": "C", "successor_code": "AB", "effective_on": "2025-07-01", "kind": "chia", "weight": "0,7"},
        {"predecessor_code": "C", "successor_code": "B", "effective_on": "2025-07-01", "kind": "gộp"},
        {"predecessor_code": "C", "successor_code": "A", "effective_on": "2025-07-01", "kind": "split", "weight": "0,5"},
        {"predecessor_code": "B", "successor_code": "AB", "effective_on": ""},
    ))
    assert registry is None
    found = [(p.row, p.column, p.code) for p in report.errors()]
    assert (2, "predecessor_code", "unknown_reference") in found
    assert (3, "successor_code", "bad_value") in found
    assert (4, "effective_on", "bad_value") in found  # A still valid on 2025-06-01
    assert (5, "weight", "bad_value") in found
    assert (7, "kind", "bad_choice") in found
    assert (8, "weight", "unit_change_shares_over") in found  # 0,7 + 0,5 of C
    assert (9, "effective_on", "missing_value") in found
    assert all("Tệp «unit_changes.csv»" in p.message for p in report.errors())

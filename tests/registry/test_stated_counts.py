"""The ``stated_counts`` table: counts a report states about its own table, validated and round-tripped."""

from __future__ import annotations

from chitieu.domain import Provenance, StatedCount
from chitieu.messages import Report
from chitieu.registry import TABLES, RawRow, RawTable, parse_registry, registry_tables


def _table(name: str, rows: list[dict[str, str]]) -> RawTable:
    spec = next(t for t in TABLES if t.name == name)
    columns = list(rows[0]) if rows else list(spec.required)
    return RawTable(name, f"{name}.csv", columns, [RawRow(i + 2, r) for i, r in enumerate(rows)])


BASE = {
    "documents": _table("documents", [{"code": "BC", "title": "Báo cáo"}]),
    "plans": _table("plans", [{"code": "P", "title": "Kế hoạch"}]),
    "indicators": _table("indicators", [{"plan_code": "P", "code": "A", "name": "Chỉ tiêu"}]),
}


def _parse(rows: list[dict[str, str]]) -> tuple[object, Report]:
    report = Report()
    registry = parse_registry({**BASE, "stated_counts": _table("stated_counts", rows)}, report, "reg")
    return registry, report


def test_counts_are_read_with_their_source_and_written_back() -> None:
    registry, report = _parse([{"plan_code": "P", "year": "2023", "category": "exceeded", "count": "12",
                                "source_document": "BC", "source_location": "Mục II", "source_quote": "12 chỉ tiêu vượt"}])
    assert report.problems == []
    counts = registry.contents["P"].stated_counts  # type: ignore[attr-defined]
    assert counts == [StatedCount("P", 2023, "exceeded", 12, Provenance("BC", "Mục II", "12 chỉ tiêu vượt"))]
    columns, rows = registry_tables(registry)["stated_counts"]  # type: ignore[arg-type]
    assert dict(zip(columns, rows[0], strict=True))["count"] == 12


def test_bad_rows_are_typed_problems() -> None:
    _, report = _parse([
        {"plan_code": "P", "year": "2023", "category": "tuyệt vời", "count": "3"},
        {"plan_code": "Q", "year": "2023", "category": "met", "count": "3"},
        {"plan_code": "P", "year": "hai nghìn", "category": "met", "count": "-1"},
        {"plan_code": "P", "year": "2023", "category": "met", "count": "5"},
        {"plan_code": "P", "year": "2023", "category": "met", "count": "6"},
    ])
    found = [(p.code, p.row, p.column) for p in report.errors()]
    assert found == [
        ("bad_choice", 2, "category"), ("unknown_reference", 3, "plan_code"), ("bad_year", 4, "year"),
        ("bad_value", 4, "count"), ("duplicate_key", 6, None),
    ]

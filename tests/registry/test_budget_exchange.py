"""The programme budget tables of the exchange format: validation with file, row and column, and round trip."""

from __future__ import annotations

from datetime import date

from chitieu.domain import CapitalKind, CapitalSource, Op, Period
from chitieu.messages import Report
from chitieu.registry import parse_registry, registry_tables
from chitieu.registry.tables import RawRow, RawTable

PLANS = RawTable("plans", "plans.csv", ["code", "title", "kind", "parent_code"], [
    RawRow(2, {"code": "CT", "title": "Chương trình", "kind": "chương trình", "parent_code": ""}),
    RawRow(3, {"code": "CT-DA1", "title": "Dự án 1", "kind": "dự án thành phần", "parent_code": "CT"}),
])
INDICATORS = RawTable("indicators", "indicators.csv", ["plan_code", "code", "name"], [])
UNITS = RawTable("org_units", "org_units.csv", ["code", "name"], [RawRow(2, {"code": "H1", "name": "Huyện Một"})])


def table(name: str, *rows: dict[str, str]) -> RawTable:
    columns = sorted({k for r in rows for k in r})
    return RawTable(name, f"{name}.csv", columns, [RawRow(i, dict(r)) for i, r in enumerate(rows, start=2)])


def parse(*tables: RawTable) -> tuple[object, Report]:
    report = Report()
    all_tables = {t.name: t for t in (PLANS, INDICATORS, UNITS, *tables)}
    return parse_registry(all_tables, report, "reg"), report


def test_valid_rows_with_words_for_sources_kinds_and_numbers() -> None:
    registry, report = parse(
        table("capital_plans", {"plan_code": "CT-DA1", "period": "2023", "amount": "1.234,5",
                                "source": "Vốn sự nghiệp NSTW", "kind": "chuyển nguồn", "org_unit_code": "H1"}),
        table("disbursements", {"plan_code": "CT", "period": "2023", "as_of": "31/10/2023", "rate": "47,3"}),
        table("disbursement_targets", {"plan_code": "CT", "text": "≥ 95%", "period": "2023"}),
    )
    assert report.ok, [p.message for p in report.problems]
    assert registry is not None
    [capital] = registry.capital_plans  # type: ignore[attr-defined]
    assert (capital.amount, capital.source, capital.kind, capital.org_unit_code) == (
        1234.5, CapitalSource.CENTRAL_RECURRENT, CapitalKind.CARRIED_OVER, "H1")
    [paid] = registry.disbursements  # type: ignore[attr-defined]
    assert paid.as_of == date(2023, 10, 31) and paid.stated_rate == 47.3 and paid.amount is None
    [target] = registry.disbursement_targets  # type: ignore[attr-defined]
    assert (target.op, target.value, target.period) == (Op.GE, 95.0, Period.year(2023))
    assert registry.plan("CT-DA1").kind.value == "component"  # type: ignore[attr-defined]


def test_every_problem_names_the_file_row_and_column() -> None:
    registry, report = parse(
        table("capital_plans",
              {"plan_code": "CT", "period": "2023", "amount": "-5"},
              {"plan_code": "CT", "period": "2023", "amount": "7", "source": "vốn bí ẩn"},
              {"plan_code": "XX", "period": "20233", "amount": "1"},
              {"plan_code": "CT", "period": "2023", "amount": "1", "org_unit_code": "H9"},
              {"plan_code": "CT-DA1", "period": "2023", "amount": "1"},
              {"plan_code": "CT-DA1", "period": "2023", "amount": "2"}),
        table("disbursements",
              {"plan_code": "CT", "period": "2023", "as_of": "2023-10-31"},
              {"plan_code": "CT", "period": "2023", "as_of": "2022-05-01", "amount": "5"},
              {"plan_code": "CT", "period": "2023", "as_of": "2023-10-31", "rate": "5000"}),
        table("disbursement_targets", {"plan_code": "CT", "text": "nhanh"}),
    )
    assert registry is None
    found = {(p.code, p.row, p.column) for p in report.problems}
    assert ("bad_value", 2, "amount") in found
    assert ("bad_choice", 3, "source") in found
    assert ("unknown_reference", 4, "plan_code") in found and ("bad_period", 4, "period") in found
    assert ("unknown_reference", 5, "org_unit_code") in found
    assert ("duplicate_key", 7, None) in found
    assert ("disbursement_empty", 2, None) in found
    assert ("bad_value", 3, "as_of") in found and ("bad_value", 4, "rate") in found
    assert ("bad_target", 2, "text") in found
    assert all(p.path for p in report.problems)


def test_export_writes_back_what_parse_read() -> None:
    registry, report = parse(
        table("capital_plans", {"plan_code": "CT", "period": "2021-2025", "amount": "3591200", "source": "oda"}),
        table("disbursements", {"plan_code": "CT", "period": "2023", "as_of": "2023-10-31", "amount": "10",
                                "kind": "annual", "flag": "ước"}),
    )
    assert registry is not None
    tables = registry_tables(registry)  # type: ignore[arg-type]
    columns, rows = tables["disbursements"]
    row = dict(zip(columns, rows[0], strict=True))
    assert (row["period"], row["as_of"], row["amount"], row["kind"], row["flag"]) == ("2023", "2023-10-31", 10.0,
                                                                                      "annual", "estimate")
    again, report = parse(*(RawTable(name, f"{name}.csv", cols, [RawRow(i, {c: "" if v is None else str(v).replace(".", ",")
                                                                              for c, v in zip(cols, r, strict=True)})
                                                                  for i, r in enumerate(body, start=2)])
                            for name, (cols, body) in tables.items() if name in ("capital_plans", "disbursements")))
    assert report.ok and again.capital_plans == registry.capital_plans  # type: ignore[attr-defined]
    assert "disbursement_targets" not in tables

"""Small constructed cases for each check, including the cases that must NOT be reported."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from chitieu.audit.precision import agrees_at, decimals_in, round_half_up
from chitieu.audit.ratios import check_stated_ratios
from chitieu.audit.revisions import check_target_revisions
from chitieu.audit.unit_tables import check_unit_tables
from chitieu.domain import (
    Indicator,
    Observation,
    Op,
    OrgUnit,
    Period,
    Plan,
    PlanBundle,
    Provenance,
    Target,
    TargetKind,
    TargetVersion,
)

P = Period(2021, 2023)


def test_precision_helpers() -> None:
    assert decimals_in(73.1) == 1 and decimals_in(100.0) == 0 and decimals_in(2134.6, "2.134,6") == 1
    assert round_half_up(2.25, 1) == 2.3 and round_half_up(47.45, 1) == 47.5
    assert agrees_at(73.1, 47.5 / 65 * 100, 1) and not agrees_at(90.4, 58.7 / 65 * 100, 1)


def _unit_table(values: dict[str, tuple[float, float, float]], total: tuple[float, float, float]) -> PlanBundle:
    bundle = PlanBundle(Plan("T", "t"))
    bundle.indicators += [Indicator("all", "Tổng số", "Người", group_code="g"),
                          Indicator("done", "Số được học", "Người", group_code="g"),
                          Indicator("rate", "Đạt tỷ lệ %", "%", group_code="g")]
    bundle.org_units.append(OrgUnit("P", "Tỉnh"))
    for unit, (a, d, r) in {**values, "P": total}.items():
        if unit != "P":
            bundle.org_units.append(OrgUnit(unit, unit, parent_code="P"))
        for code, v in (("all", a), ("done", d), ("rate", r)):
            bundle.observations.append(Observation(code, P, v, org_unit_code=unit, provenance=Provenance("d", unit)))
    return bundle


def test_consistent_unit_table_gives_nothing() -> None:
    bundle = _unit_table({"A": (200, 150, 75.0), "B": (400, 300, 75.0), "C": (100, 90, 90.0)}, (700, 540, 77.14))
    assert check_unit_tables(bundle) == []


def test_unit_table_wrong_total_and_wrong_rate() -> None:
    bundle = _unit_table({"A": (200, 150, 75.0), "B": (400, 300, 75.0), "C": (100, 90, 80.0), "D": (50, 25, 50.0)},
                         (760, 565, 75.33))
    findings = check_unit_tables(bundle)
    total = next(f for f in findings if f.code == "total_mismatch" and f.indicator_code == "all")
    assert (total.expected, total.actual) == ("750", "760")
    rate = next(f for f in findings if f.code == "unit_ratio_mismatch" and f.org_unit_code == "C")
    assert (rate.expected, rate.actual) == ("90", "80")


def test_ratio_check_skips_bounds_and_scales_per_year_totals() -> None:
    bundle = PlanBundle(Plan("T", "t"))
    bundle.indicators += [Indicator("x", "Tỷ lệ", "%"), Indicator("y", "Kết nạp", "Đảng viên")]
    bundle.targets += [Target("x", Op.GT, 80, text=">80"), Target("y", Op.GT, 1000, kind=TargetKind.PER_YEAR, text=">1.000")]
    bundle.observations += [
        Observation("x", P, 96, op=Op.GT, text=">96", stated_ratio=100),  # bound: no ratio to recompute
        Observation("x", P, 80, op=Op.GT, text=">80", stated_ratio=100),  # same bound: 100% is right
        Observation("y", P, 3300, text="3.300", stated_ratio=110),  # 3.300 ÷ (3 × 1.000)
    ]
    assert check_stated_ratios(bundle) == []


def test_revision_across_units_is_only_a_comparator_change() -> None:
    bundle = PlanBundle(Plan("T", "t"))
    bundle.indicators.append(Indicator("g", "Sản lượng lương thực", "Nghìn tấn"))
    bundle.targets += [
        Target("g", Op.GT, 226000, unit="tấn", version=TargetVersion.DRAFT, text="trên 226.000 tấn"),
        Target("g", Op.EQ, 226, unit="Nghìn tấn", version=TargetVersion.ADOPTED, text="226"),
    ]
    (finding,) = check_target_revisions(bundle)
    assert finding.severity == "info"


def test_audit_cli_json(tmp_path: Path) -> None:
    import json

    from chitieu.cli.main import app

    db = tmp_path / "chitieu.db"
    installed = CliRunner().invoke(app, ["dataset", "install", "laichau_xiv", "--db", str(db)])
    assert installed.exit_code == 0, installed.output
    result = CliRunner().invoke(app, ["audit", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    findings = json.loads(result.output)
    assert {"ratio_mismatch", "row_sum_mismatch", "count_mismatch", "value_conflict", "target_revised",
            "verdict_inconsistent"} <= {f["code"] for f in findings}
    table = CliRunner().invoke(app, ["audit", "--db", str(db), "--plan", "LC-XIV", "--format", "table"])
    assert table.exit_code == 0 and "Tổng cộng" in table.output
    bad = CliRunner().invoke(app, ["audit", "--db", str(db), "--format", "xml"])
    assert bad.exit_code != 0

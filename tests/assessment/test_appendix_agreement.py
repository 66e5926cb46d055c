"""Acceptance: the 54 rows of the 2023 mid-term appendix (Lai Châu XIV), from a hand-written fixture.

The fixture (fixtures/laichau_xiv_appendix.csv) holds, per row, the official name, unit, target, the
mid-term result (2021-2023) and end-of-term estimate (2020-2025) with the two official verdicts. The
engine must agree with the official mid-term verdicts (stage midterm) and end-of-term verdicts (stage
forecast) on at least 50 of the 54 rows each. The known disagreements are documented in
docs/assessment.md ("Where we differ from the 2023 appendix").
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from chitieu.assessment import Stage
from chitieu.assessment.bundle import assess_bundle
from chitieu.domain import (
    Indicator,
    IndicatorGroup,
    Observation,
    ObservationFlag,
    Period,
    Plan,
    PlanBundle,
    Target,
    TargetKind,
)
from chitieu.quantities import parse_quantity
from chitieu.services.assess_table import assess_table
from chitieu.vocab.verdicts import parse_verdict

FIXTURE = Path(__file__).parent / "fixtures" / "laichau_xiv_appendix.csv"


def fixture_rows() -> list[dict[str, str]]:
    with FIXTURE.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def target_rows() -> list[dict[str, str]]:
    return [r for r in fixture_rows() if r["target"]]


def test_fixture_has_the_54_rows() -> None:
    assert len(target_rows()) == 54


def test_fixture_matches_the_document(corpus_dir: Path) -> None:
    """Each fixture row is a row of the appendix table in 002 (target, results and verdicts cell by cell)."""
    text = (corpus_dir / "002_afab32be4bedbcb5.txt").read_text(encoding="utf-8")
    start = text.index("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU")
    lines = [line.split("\t") for line in text[start:].splitlines()]
    for row in target_rows():
        wanted = [row["unit"], row["target"], row["mid_result"]]
        found = [c for c in lines if len(c) >= 10 and c[2:5] == wanted and c[6] == row["mid_verdict"]
                 and c[7] == row["end_result"] and c[9] == row["end_verdict"]]
        assert found, f"row not found in the document: {row['indicator']}"


def _write_stage_table(tmp_path: Path, result: str, verdict: str) -> Path:
    path = tmp_path / f"appendix_{result}.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["TT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu Nghị quyết Đại hội", "Kết quả đạt được",
                         "So sánh với mục tiêu nghị quyết Đại hội"])
        for r in fixture_rows():
            writer.writerow([r["tt"], r["indicator"], r["unit"], r["target"], r[result], r[verdict]])
    return path


@pytest.mark.parametrize(("stage", "result", "verdict", "minimum"), [
    (Stage.MIDTERM, "mid_result", "mid_verdict", 53),
    (Stage.FORECAST, "end_result", "end_verdict", 51),
])
def test_assess_table_agrees_with_official_verdicts(tmp_path: Path, stage: Stage, result: str, verdict: str,
                                                    minimum: int) -> None:
    assessed = assess_table(_write_stage_table(tmp_path, result, verdict), stage)
    agree, total = assessed.agreement
    assert total == 54
    assert agree >= minimum >= 50
    # exact codes too: Chưa đạt ↔ not_yet at mid-term, Khó đạt ↔ at_risk in the forecast
    exact = sum(1 for r in assessed.rows if r.status is not None and r.status == r.official_status)
    assert exact == agree


def fixture_bundle() -> PlanBundle:
    """The fixture as a registry bundle: targets due 2025, mid-term estimates, end-of-term projections."""
    plan = Plan(code="LC-XIV", title="Nghị quyết Đại hội XIV", term_start=2020, term_end=2025)
    bundle = PlanBundle(plan=plan, groups=[IndicatorGroup(code="G", name="Nhóm")])
    parent_code: str | None = None
    for order, r in enumerate(fixture_rows(), start=1):
        code = f"R{order:02d}"
        is_component = r["indicator"].startswith("+")
        if not r["target"]:
            parent_code = code
        bundle.indicators.append(Indicator(code=code, name=r["indicator"], unit=r["unit"], group_code="G",
                                           parent_code=parent_code if is_component else None, order=order))
        if not r["target"]:
            continue
        t = parse_quantity(r["target"])
        kind = TargetKind.ANNUAL_RATE if "/năm" in r["unit"].lower() else TargetKind.LEVEL
        bundle.targets.append(Target(indicator_code=code, op=t.op, value=t.value, low=t.low, high=t.high,
                                     deadline=2025, start_year=2020, kind=kind, unit=r["unit"], text=r["target"]))
        for period, column, flag, verdict in (("2021-2023", "mid_result", ObservationFlag.ESTIMATE, "mid_verdict"),
                                              ("2020-2025", "end_result", ObservationFlag.PROJECTION, "end_verdict")):
            q = parse_quantity(r[column])
            bundle.observations.append(Observation(indicator_code=code, period=Period.parse(period), value=q.value,
                                                   op=q.op, flag=flag, text=r[column], stated_verdict=r[verdict]))
    return bundle


def test_assess_bundle_as_of_2023_and_forecast() -> None:
    bundle = fixture_bundle()
    midterm = assess_bundle(bundle, as_of=2023)
    forecast = assess_bundle(bundle, forecast=True)
    assert len(midterm) == len(forecast) == 54  # header rows (no target) are skipped
    assert sum(1 for r in midterm if r.agrees) >= 50
    assert sum(1 for r in forecast if r.agrees) >= 50
    assert {r.stage for r in midterm} == {"midterm"} and {r.stage for r in forecast} == {"forecast"}
    grdp = next(r for r in midterm if r.name == "GRDP bình quân đầu người")
    assert (grdp.value, grdp.ratio, grdp.status, grdp.status_vi) == (47.5, 73.1, "not_yet", "Chưa đạt")
    assert grdp.official_status == "not_yet" and grdp.agrees is True
    assert grdp.explanation.startswith("Ước đạt 47,5 triệu đồng, bằng 73,1% mục tiêu 65 triệu đồng")
    assert parse_verdict(next(r for r in forecast if r.name == "GRDP bình quân đầu người").official_text) is not None

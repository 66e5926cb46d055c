"""Verdict conventions as a profile: each setting's effect, the JSON form, official labels, and learning a
profile from an office's past table (real published tables and real rows relabelled by a known convention)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from chitieu.assessment import Stage, assess
from chitieu.assessment.convention_fit import VerdictCase, agreement, fit_profile, status_under
from chitieu.assessment.conventions import (
    DEFAULT_PROFILE,
    BeyondBound,
    BeyondPoint,
    BoundResult,
    ConventionProfile,
    describe,
    profile_from_dict,
    read_official,
)
from chitieu.domain import Polarity
from chitieu.messages import ChitieuError
from chitieu.quantities import parse_change
from chitieu.services.assess_table import assess_table
from chitieu.services.assess_table_learn import learn_from_table, resolve_profile
from chitieu.vocab.verdicts import Status

from .test_appendix_agreement import _write_stage_table

REAL = Path(__file__).parent / "fixtures" / "real"
LABELS = {Status.EXCEEDED: "Vượt", Status.ACHIEVED: "Đạt", Status.NOT_ACHIEVED: "Không đạt"}


def verdict(target: str, result: str, polarity: Polarity = Polarity.HIGHER_BETTER, unit: str = "%",
            profile: ConventionProfile = DEFAULT_PROFILE) -> Status:
    t, r = parse_change(target)[0], parse_change(result)[0]
    return assess(t, r, polarity=polarity, stage=Stage.FINAL, unit=unit, profile=profile).status


@pytest.mark.parametrize(("rule", "at", "beyond"), [
    (BeyondBound.SPLIT, Status.ACHIEVED, Status.EXCEEDED),
    (BeyondBound.EXCEEDED, Status.EXCEEDED, Status.EXCEEDED),
    (BeyondBound.ACHIEVED, Status.ACHIEVED, Status.ACHIEVED),
])
def test_floor_and_ceiling_rules(rule: BeyondBound, at: Status, beyond: Status) -> None:
    floor = replace(DEFAULT_PROFILE, floor=rule)
    assert verdict("> 95", "95", profile=floor) is at
    assert verdict("> 95", "98,2", profile=floor) is beyond
    assert verdict("> 95", "93", profile=floor) is Status.NOT_ACHIEVED  # a miss is a miss under every rule
    ceiling = replace(DEFAULT_PROFILE, ceiling=rule)
    assert verdict("dưới 4", "4", Polarity.LOWER_BETTER, profile=ceiling) is at
    assert verdict("dưới 4", "3,1", Polarity.LOWER_BETTER, profile=ceiling) is beyond
    assert verdict("dưới 4", "4,39", Polarity.LOWER_BETTER, profile=ceiling) is Status.NOT_ACHIEVED
    assert verdict("> 95", "98,2", profile=ceiling) is Status.EXCEEDED  # the ceiling rule leaves floors alone


def test_point_and_range_beaten() -> None:
    plain = replace(DEFAULT_PROFILE, beyond_point=BeyondPoint.ACHIEVED)
    assert verdict("98,07", "98,5") is Status.EXCEEDED
    assert verdict("98,07", "98,5", profile=plain) is Status.ACHIEVED
    assert verdict("6,6-6,8", "7,02", profile=plain) is Status.ACHIEVED
    assert verdict("6,6-6,8", "6,7", profile=plain) is Status.ACHIEVED
    assert verdict("1.915", "2.007", unit="USD") is Status.EXCEEDED
    assert verdict("1.915", "1.800", unit="USD", profile=plain) is Status.NOT_ACHIEVED


def test_tolerances_rounding_and_shares() -> None:
    assert verdict("42,42", "42,18", Polarity.NEUTRAL_STRUCTURE) is Status.ACHIEVED  # Lai Châu 2020-2025: "Đạt"
    assert verdict("45", "44,1", Polarity.NEUTRAL_STRUCTURE) is Status.NOT_ACHIEVED  # 0,9 point off
    wide = replace(DEFAULT_PROFILE, structure_points=1.0)
    assert verdict("45", "44,1", Polarity.NEUTRAL_STRUCTURE, profile=wide) is Status.ACHIEVED
    strict = replace(DEFAULT_PROFILE, structure_points=0.0)
    assert verdict("42,42", "42,18", Polarity.NEUTRAL_STRUCTURE, profile=strict) is Status.NOT_ACHIEVED
    assert verdict("97", "97,1") is Status.EXCEEDED and verdict("97", "97,04") is Status.ACHIEVED
    assert verdict("97", "96,6") is Status.NOT_ACHIEVED
    lenient = replace(DEFAULT_PROFILE, rate_points=0.5)
    assert verdict("97", "96,6", profile=lenient) is Status.ACHIEVED
    assert verdict("97", "97,4", profile=lenient) is Status.ACHIEVED
    coarse = replace(DEFAULT_PROFILE, rounding_decimals=0)
    assert verdict("97", "97,4", profile=coarse) is Status.ACHIEVED
    assert verdict("3.000", "3.010", unit="tỷ đồng", profile=coarse) is Status.ACHIEVED  # 100,3% prints 100%
    assert verdict("3.000", "3.010", unit="tỷ đồng") is Status.EXCEEDED


def test_basically_met_as_result_and_as_official_label() -> None:
    strict = replace(DEFAULT_PROFILE, basically_met=False)
    assert verdict("Hoàn thành", "Cơ bản hoàn thành", unit="") is Status.ACHIEVED
    assert verdict("Hoàn thành", "Cơ bản hoàn thành", unit="", profile=strict) is Status.NOT_ACHIEVED
    assert verdict("Hoàn thành", "Hoàn thành", unit="", profile=strict) is Status.ACHIEVED
    assert read_official("Cơ bản đạt") is Status.ACHIEVED
    assert read_official("Cơ bản đạt", strict, Stage.MIDTERM) is Status.NOT_YET
    assert read_official("Vượt chỉ tiêu đề ra", strict) is Status.EXCEEDED


def test_bound_results() -> None:
    assert verdict("> 95", "> 97") is Status.EXCEEDED and verdict("> 5", "> 5") is Status.ACHIEVED
    met = replace(DEFAULT_PROFILE, bound_result=BoundResult.MET)
    assert verdict("> 95", "> 97", profile=met) is Status.ACHIEVED
    reaching = replace(DEFAULT_PROFILE, bound_result=BoundResult.EXCEEDED)
    assert verdict("> 1.000", "> 1.000", unit="đảng viên", profile=reaching) is Status.EXCEEDED
    assert verdict("> 1.000", "> 900", unit="đảng viên", profile=reaching) is Status.NO_DATA  # cannot be told


def test_profile_json_round_trip_and_errors() -> None:
    custom = replace(DEFAULT_PROFILE, name="tinh-x", floor=BeyondBound.ACHIEVED, structure_points=1.0,
                     basically_met=False, note="thử")
    assert profile_from_dict(json.loads(json.dumps(custom.to_dict()))) == custom
    assert custom.differences() == {"floor": ("split", "achieved"), "structure_points": (0.5, 1.0),
                                    "basically_met": (True, False)}
    for bad in ({"floor": "sometimes"}, {"colour": "red"}, {"structure_points": -1}, {"basically_met": "có"},
                {"rounding_decimals": 5}):
        with pytest.raises(ValueError) as caught:
            profile_from_dict(bad)
        assert str(caught.value) == next(iter(bad))
    lines = describe(DEFAULT_PROFILE)
    assert len(lines) == 8 and lines[0].startswith("Mục tiêu dạng «trên/từ … trở lên»: bằng mức là Đạt")


def test_default_profile_keeps_the_bundled_appendix(tmp_path: Path) -> None:
    mid = assess_table(_write_stage_table(tmp_path, "mid_result", "mid_verdict"), Stage.MIDTERM, DEFAULT_PROFILE)
    end = assess_table(_write_stage_table(tmp_path, "end_result", "end_verdict"), Stage.FORECAST, DEFAULT_PROFILE)
    assert mid.agreement[0] >= 52 and end.agreement[0] >= 50
    assert (mid.agreement, end.agreement) == ((53, 54), (51, 54))


def real_cases(name: str, stage: Stage = Stage.FINAL) -> list[VerdictCase]:
    table = assess_table(REAL / name, stage)
    return [r.case for r in table.rows if r.case is not None and r.agrees is not None]


def test_real_tables_first_run_and_fit() -> None:
    """Thừa Thiên Huế 2019 (state, year-end) and the national 2019 table, verdicts as printed."""
    hue = real_cases("thua-thien-hue-2019.csv")
    assert agreement(hue, DEFAULT_PROFILE) == (14, 17)
    fit = fit_profile(hue)
    assert fit.agreement == (15, 17) and fit.changed == {"beyond_point": ("exceeded", "achieved")}
    remaining = {d.case.indicator: d for d in fit.disagreements}
    assert set(remaining) == {"Thu ngân sách Nhà nước", "Tỷ lệ hộ nghèo giảm"}
    assert remaining["Thu ngân sách Nhà nước"].fixes == ({"beyond_point": "exceeded"},)
    assert remaining["Tỷ lệ hộ nghèo giảm"].fixes == ()  # read as lower-better: no convention explains it
    national = real_cases("national-2019.csv")
    assert agreement(national, DEFAULT_PROFILE) == (10, 12)


def test_fit_scores_match_a_direct_count_and_ties_go_to_the_default(tmp_path: Path) -> None:
    end = assess_table(_write_stage_table(tmp_path, "end_result", "end_verdict"), Stage.FORECAST)
    cases = [r.case for r in end.rows if r.case is not None]
    fit = fit_profile(cases)
    assert fit.agreement == agreement(cases, fit.profile) == fit.default_agreement == (51, 54)
    assert fit.profile.settings() == DEFAULT_PROFILE.settings()  # nothing agrees better: the default stays
    assert fit.tried == 3 * 3 * 2 * 4 * 4 * 2 * 3 * 3


def relabelled(cases: list[VerdictCase], office: ConventionProfile) -> list[VerdictCase]:
    """Real rows with the verdicts an office following ``office`` would have printed."""
    out = []
    for case in cases:
        status = status_under(case, office)
        if status in LABELS:
            out.append(replace(case, official_text=LABELS[status]))
    return out


def real_pool(tmp_path: Path) -> list[VerdictCase]:
    """The real rows with a target, a result and a printed verdict, the three sources interleaved row by row
    (each source keeps its order) so the first 30 rows hold every kind of target, as a whole appendix does."""
    end = assess_table(_write_stage_table(tmp_path, "end_result", "end_verdict"), Stage.FINAL)
    sources = [[r.case for r in end.rows if r.case is not None],
               real_cases("thua-thien-hue-2019.csv"), real_cases("national-2019.csv")]
    pool: list[VerdictCase] = []
    for k in range(max(len(s) for s in sources)):
        pool.extend(s[k] for s in sources if k < len(s))
    return pool


@pytest.mark.parametrize("office", [
    replace(DEFAULT_PROFILE, floor=BeyondBound.EXCEEDED),
    replace(DEFAULT_PROFILE, floor=BeyondBound.ACHIEVED, ceiling=BeyondBound.ACHIEVED),
    replace(DEFAULT_PROFILE, structure_points=0.0, beyond_point=BeyondPoint.ACHIEVED),
    replace(DEFAULT_PROFILE, ceiling=BeyondBound.EXCEEDED, bound_result=BoundResult.MET, structure_points=2.0),
], ids=["floor-vuot", "bounds-dat", "strict-shares", "mixed"])
def test_learning_from_30_rows_holds_on_the_next_33(tmp_path: Path, office: ConventionProfile) -> None:
    """Real rows relabelled by a known office convention: learn from the first 30, judge the next 33 (the
    sizes of the held-out check)."""
    cases = relabelled(real_pool(tmp_path), office)
    learned = fit_profile(cases[:30]).profile
    rest = cases[30:63]
    agree, total = agreement(rest, learned)
    assert total == 33 and agree >= 31, (learned.differences(), agree)
    assert agreement(rest, DEFAULT_PROFILE)[0] <= agree


def test_without_evidence_the_default_stays(tmp_path: Path) -> None:
    """The first 30 rows of the Lai Châu appendix hold no floor target beaten: an office calling those "Đạt"
    cannot be told from them, and the default is kept rather than a guess."""
    end = assess_table(_write_stage_table(tmp_path, "end_result", "end_verdict"), Stage.FINAL)
    office = replace(DEFAULT_PROFILE, floor=BeyondBound.ACHIEVED)
    cases = relabelled([r.case for r in end.rows if r.case is not None], office)
    assert fit_profile(cases[:30]).profile.settings() == DEFAULT_PROFILE.settings()
    assert fit_profile(cases).profile.floor is BeyondBound.ACHIEVED  # the whole table does show it


def write_past(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["STT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu", "Kết quả", "Đánh giá"])
        writer.writerows(rows)
    return path


@pytest.mark.e2e
def test_cli_learn_from_then_assess(tmp_path: Path) -> None:
    past = write_past(tmp_path / "ky-truoc.csv", [
        ["1", "Tỷ lệ che phủ rừng", "%", "> 50", "52,3", "Đạt"],
        ["2", "Tỷ lệ trường đạt chuẩn quốc gia", "%", "trên 60", "66", "Đạt"],
        ["3", "Tỷ lệ hộ nghèo", "%", "dưới 5", "4,2", "Vượt"],
        ["4", "Thu ngân sách", "tỷ đồng", "3.000", "3.400", "Vượt"],
        ["5", "Tỷ lệ xã nông thôn mới", "%", "≥ 70", "68", "Không đạt"],
    ])
    current = write_past(tmp_path / "ky-nay.csv", [
        ["1", "Tỷ lệ che phủ rừng", "%", "> 52", "55", ""],
        ["2", "Tỷ lệ hộ nghèo", "%", "dưới 4", "3", ""],
    ])
    done = subprocess.run([sys.executable, "-m", "chitieu.cli.main", "assess-table", str(current), "--learn-from",
                           str(past), "--format", "json"], capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Quy ước đánh giá học từ «ky-truoc.csv»" in done.stderr
    assert "Khớp với đánh giá trong bảng cũ: 3/5 với quy ước mặc định, 5/5 với quy ước đã học." in done.stderr
    assert "bằng hoặc cao hơn đều là Đạt" in done.stderr
    rows = json.loads(done.stdout)
    assert [r["status_vi"] for r in rows] == ["Đạt", "Vượt"]  # the floor beaten is "Đạt" as this office writes it
    profile_file = tmp_path / "quy-uoc.json"
    profile_file.write_text(json.dumps({"name": "tinh-x", "floor": "achieved"}), encoding="utf-8")
    again = subprocess.run([sys.executable, "-m", "chitieu.cli.main", "assess-table", str(current), "--convention",
                            str(profile_file), "--format", "json"], capture_output=True, text=True, encoding="utf-8")
    assert again.returncode == 0, again.stderr
    assert [r["status_vi"] for r in json.loads(again.stdout)] == ["Đạt", "Vượt"]
    profile_file.write_text('{"floor": "maybe"}', encoding="utf-8")
    with pytest.raises(ChitieuError) as caught:
        resolve_profile(str(profile_file))
    assert "thiết lập «floor»" in caught.value.message
    with pytest.raises(ChitieuError) as caught:
        learn_from_table(current)  # no printed verdicts to learn from
    assert "không học được quy ước" in caught.value.message
    with pytest.raises(ChitieuError) as caught:
        resolve_profile("tinh-khong-co")
    assert caught.value.code == "convention_not_found"

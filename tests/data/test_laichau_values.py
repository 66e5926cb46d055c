"""The figures of the Lai Châu XIV dataset: parseable, self-consistent, and the documented revisions."""

from __future__ import annotations

from collections import Counter

import pytest
from laichau_dataset import MAIN_PLAN, STUDY_PLAN, Rows

from chitieu.domain.quantity import Op
from chitieu.numbers import parse_number
from chitieu.quantities import parse_quantity
from chitieu.vocab.verdicts import parse_verdict


def _number(text: str) -> float | None:
    return parse_number(text) if text else None


def _adopted(tables: dict[str, Rows]) -> dict[str, dict[str, str]]:
    return {r["indicator_code"]: r for r in tables["targets"] if r["version"] == "adopted"}


def _draft(tables: dict[str, Rows]) -> dict[str, dict[str, str]]:
    return {r["indicator_code"]: r for r in tables["targets"] if r["version"] == "draft"}


def _appendix(tables: dict[str, Rows], period: str) -> dict[str, dict[str, str]]:
    return {r["indicator_code"]: r for r in tables["observations"]
            if r["period"] == period and r["source_location"].startswith("Phụ lục 3")}


@pytest.mark.parametrize("table", ["targets", "observations"])
def test_every_text_parses_and_agrees_with_the_columns(tables: dict[str, Rows], table: str) -> None:
    for r in tables[table]:
        q = parse_quantity(r["text"])
        op = Op(r["op"]) if r["op"] else q.op
        assert op is q.op, r
        if r["value"]:
            assert q.value == pytest.approx(parse_number(r["value"])), r
        for bound in ("low", "high"):
            if r.get(bound):
                assert getattr(q, bound) == pytest.approx(parse_number(r[bound])), r


def test_targets_have_kind_deadline_and_start(tables: dict[str, Rows]) -> None:
    assert Counter(r["version"] for r in tables["targets"]) == {"adopted": 54, "draft": 52}
    for r in tables["targets"]:
        assert r["kind"] in {"level", "annual_rate", "per_year", "cumulative"}
        assert (r["start_year"], r["deadline"]) == ("2020", "2025")
    adopted = _adopted(tables)
    assert adopted["KT01"]["kind"] == "annual_rate" and adopted["VX16"]["kind"] == "per_year"
    assert adopted["KT11"]["kind"] == "cumulative" and adopted["KT15"]["kind"] == "level"


def test_adopted_target_texts_as_written(tables: dict[str, Rows]) -> None:
    adopted = _adopted(tables)
    assert {c: adopted[c]["text"] for c in ("KT01", "KT08", "VX12", "XD04", "KT15", "KT16")} == {
        "KT01": "9-10", "KT08": ">5", "VX12": "<15", "XD04": ">1.000", "KT15": "54,0", "KT16": "3.000"}
    assert (adopted["KT01"]["op"], adopted["KT01"]["low"], adopted["KT01"]["high"]) == ("range", "9", "10")


def test_draft_revisions_documented_in_001(tables: dict[str, Rows]) -> None:
    """Figures of the 2020 draft (001, B.II) that the adopted appendix changed."""
    draft, adopted = _draft(tables), _adopted(tables)
    changed = {c: (draft[c]["text"], adopted[c]["text"]) for c in draft
               if _number(draft[c]["value"] or draft[c]["low"]) != _number(adopted[c]["value"] or adopted[c]["low"])}
    assert changed["KT15"] == ("53%", "54,0")
    assert changed["KT21"] == ("99%", "97")
    assert changed["VX14"] == ("2%/năm", "3,0") and changed["VX15"] == ("3%/năm", "4,0")
    assert changed["KT04"] == ("15%", "12,44") and changed["KT05"] == ("50%", "42,42")
    assert changed["VX05"] == ("98%", "99,8") and changed["VX08"] == ("67%", "66,0")
    # 226.000 tấn is the same amount as 226 nghìn tấn: a change of unit, not of target.
    assert draft["KT09"]["unit"] == "tấn" and _number(draft["KT09"]["value"]) == 226_000
    assert "KT07" not in draft and "VX01" not in draft  # no draft figure for these two rows


def test_appendix_results_cover_every_row_twice(tables: dict[str, Rows]) -> None:
    adopted = _adopted(tables)
    for period, flag in (("2021-2023", "estimate"), ("2020-2025", "projection")):
        rows = _appendix(tables, period)
        assert set(rows) == set(adopted)
        assert {r["flag"] for r in rows.values()} == {flag}
        assert all(parse_verdict(r["stated_verdict"]) is not None for r in rows.values())


def test_appendix_verdict_counts(tables: dict[str, Rows]) -> None:
    """Counted over the 54 appendix rows (the narrative speaks of 55 indicators and 6 'khó đạt')."""
    mid = Counter(r["stated_verdict"] for r in _appendix(tables, "2021-2023").values())
    end = Counter(r["stated_verdict"] for r in _appendix(tables, "2020-2025").values())
    assert mid == {"Vượt": 12, "Đạt": 10, "Chưa đạt": 32}
    assert end == {"Vượt": 19, "Đạt": 28, "Khó đạt": 7}


def test_printed_ratios_against_recomputed(tables: dict[str, Rows]) -> None:
    """Printed '% so với mục tiêu' equals result/target for plain targets, except one end-of-term row."""
    adopted = _adopted(tables)
    mismatches = []
    for period in ("2021-2023", "2020-2025"):
        for code, r in _appendix(tables, period).items():
            target = adopted[code]
            if not r["stated_ratio"] or target["op"] != "=" or r["op"] != "=":
                continue
            recomputed = parse_number(r["value"]) / parse_number(target["value"]) * 100
            if abs(recomputed - parse_number(r["stated_ratio"])) > 0.051:
                mismatches.append((code, period, r["stated_ratio"], round(recomputed, 2)))
    assert mismatches == [("KT02", "2020-2025", "90,4", 90.31)]


def test_structure_shares_add_up_to_100(tables: dict[str, Rows]) -> None:
    shares = ("KT04", "KT05", "KT06", "KT07")
    adopted = _adopted(tables)
    assert sum(parse_number(adopted[c]["value"]) for c in shares) == pytest.approx(100)
    for period in ("2021-2023", "2020-2025"):
        rows = _appendix(tables, period)
        assert sum(parse_number(rows[c]["value"]) for c in shares) == pytest.approx(100)
    draft = _draft(tables)
    assert sum(parse_number(draft[c]["value"]) for c in ("KT04", "KT05", "KT06")) == pytest.approx(100)


def test_yearly_values_and_baselines(tables: dict[str, Rows]) -> None:
    obs = {(r["indicator_code"], r["period"], r["source_document"]): r for r in tables["observations"]
           if r["plan_code"] == MAIN_PLAN}
    growth = [parse_number(obs[("KT01", y, "BC-002-2023")]["value"]) for y in ("2021", "2022", "2023")]
    assert growth == [3.9, 9.0, -0.95]
    revenue = [parse_number(obs[("KT16", y, "BC-002-2023")]["value"]) for y in ("2021", "2022", "2023")]
    assert revenue == [2067.7, 2223.6, 2134.0]
    assert sum(revenue) / 3 == pytest.approx(2142, abs=0.5)  # the report's "bình quân 2.142 tỷ đồng/năm"
    baselines = {r["indicator_code"] for r in tables["observations"] if r["period"] == "2020"}
    assert {"KT02", "KT15", "KT16", "KT20", "KT21", "KT24", "KT25", "VX10"} <= baselines


def test_phu_luc_1_totals_equal_the_sum_of_units(tables: dict[str, Rows]) -> None:
    rows = [r for r in tables["observations"] if r["plan_code"] == STUDY_PLAN]
    total = {r["indicator_code"]: parse_number(r["value"]) for r in rows if not r["org_unit_code"]}
    by_unit: dict[str, dict[str, float]] = {}
    for r in rows:
        if r["org_unit_code"]:
            by_unit.setdefault(r["org_unit_code"], {})[r["indicator_code"]] = parse_number(r["value"])
    assert len(by_unit) == 13
    for code in ("QT01", "QT02", "QT04", "QT05", "QT08", "QT09", "QT11"):
        assert sum(u.get(code, 0) for u in by_unit.values()) == total[code], code
    for unit in (*by_unit.values(), total):
        if "QT04" in unit:
            assert unit["QT05"] / unit["QT04"] * 100 == pytest.approx(unit["QT06"], abs=0.006)
            assert unit["QT09"] / unit["QT08"] * 100 == pytest.approx(unit["QT10"], abs=0.006)
    # Each unit's people studied = party members + civil servants + citizens; the total row is 450 short
    # of its own parts because the provincial conference row has no breakdown.
    for unit in by_unit.values():
        if "QT04" in unit:
            assert unit["QT02"] == unit["QT05"] + unit["QT09"] + unit["QT11"]
    assert total["QT02"] - (total["QT05"] + total["QT09"] + total["QT11"]) == by_unit["LC-HNCC"]["QT02"] == 450

"""Aggregation up the hierarchy valid in each year, across the 2025 merges (pure)."""

from __future__ import annotations

from datetime import date

import pytest

from chitieu.domain.aggregation import VerdictCounts, parents_of, resolve_year, year_end
from chitieu.domain.org_units import OrgUnit, UnitChange, UnitChangeKind
from chitieu.domain.unit_history import hierarchy_on
from chitieu.vocab.aggregation import AggregationMethod

SUM, MEAN, NONE = AggregationMethod.SUM, AggregationMethod.MEAN, AggregationMethod.NONE
REFORM = date(2025, 7, 1)
BEFORE = date(2025, 6, 30)
# The nation; old province P (districts H1, H2; communes A, B under H1, C under H2) until 30/6/2025; new
# province Q from 1/7/2025 with communes N1 (= A + 40% of B) and N2 (= 60% of B + C).
UNITS = [
    OrgUnit("VN", "Việt Nam"),
    OrgUnit("P", "Tỉnh cũ", "tỉnh", "VN", None, BEFORE),
    OrgUnit("H1", "Huyện 1", "huyện", "P", None, BEFORE),
    OrgUnit("H2", "Huyện 2", "huyện", "P", None, BEFORE),
    OrgUnit("A", "Xã A", "xã", "H1", None, BEFORE),
    OrgUnit("B", "Xã B", "xã", "H1", None, BEFORE),
    OrgUnit("C", "Xã C", "xã", "H2", None, BEFORE),
    OrgUnit("Q", "Tỉnh mới", "tỉnh", "VN", REFORM, None),
    OrgUnit("N1", "Xã mới 1", "xã", "Q", REFORM, None),
    OrgUnit("N2", "Xã mới 2", "xã", "Q", REFORM, None),
]
CHANGES = [
    UnitChange("P", "Q", REFORM),
    UnitChange("A", "N1", REFORM),
    UnitChange("B", "N1", REFORM, UnitChangeKind.SPLIT, 0.4),
    UnitChange("B", "N2", REFORM, UnitChangeKind.SPLIT, 0.6),
    UnitChange("C", "N2", REFORM),
]
NOW = hierarchy_on(UNITS, date(2026, 6, 1))


def resolve(method, own, year, codes=("VN", "P", "Q", "N1", "N2", "H1")):
    then = hierarchy_on(UNITS, year_end(year))
    return resolve_year(method, own, year, then, NOW, CHANGES, codes)


def test_before_the_reform_sums_follow_that_year_s_hierarchy_and_new_units_are_built_from_predecessors() -> None:
    got = resolve(SUM, {"A": 10.0, "B": 20.0, "C": 5.0}, 2024)
    assert (got["H1"].value, got["H1"].basis, got["H1"].parts) == (30.0, "below", 2)
    assert (got["P"].value, got["P"].basis) == (35.0, "below")  # through the districts of that year
    assert (got["VN"].value, got["VN"].basis) == (35.0, "below")
    # the new communes did not exist in 2024: A + 40% of B, 60% of B + C
    assert (got["N1"].value, got["N1"].basis) == (pytest.approx(18.0), "predecessors")
    assert got["N2"].value == pytest.approx(17.0)
    assert (got["Q"].value, got["Q"].basis) == (35.0, "predecessors")  # the whole old province went into it


def test_after_the_reform_the_new_hierarchy_is_used() -> None:
    got = resolve(SUM, {"N1": 7.0, "N2": 8.0}, 2025)
    assert (got["Q"].value, got["Q"].basis) == (15.0, "below")
    assert got["VN"].value == 15.0
    assert got["P"].value is None  # the old province no longer exists and has no value of 2025


def test_a_missing_part_gives_no_total_and_names_what_is_missing() -> None:
    got = resolve(SUM, {"A": 10.0, "C": 5.0}, 2024)
    assert got["P"].value is None and got["P"].basis == "missing" and got["P"].missing == ("B",)
    # what the units with data add up to is kept apart, never shown as the total
    assert (got["H1"].partial, got["H1"].parts) == (10.0, 1)
    assert (got["P"].partial, got["P"].parts) == (5.0, 1)  # H2 complete; H1 is not, so it is not a part
    assert got["N1"].value is None and "B" in got["N1"].missing
    assert got["VN"].value is None


def test_an_own_value_comes_first_and_restated_series_fill_a_year_of_the_old_hierarchy() -> None:
    got = resolve(SUM, {"P": 40.0, "A": 1.0}, 2024)
    assert (got["P"].value, got["P"].basis) == (40.0, "own")
    assert got["VN"].value == 40.0
    # the old communes reported nothing, but the new province's series was restated on today's boundaries
    got = resolve(SUM, {"N1": 12.0, "N2": 13.0}, 2023)
    assert (got["VN"].value, got["VN"].basis) == (25.0, "restated")
    assert got["VN"].parts == 1  # the nation today holds the new province, itself from its communes
    assert (got["Q"].value, got["Q"].basis) == (25.0, "restated")
    assert got["P"].value is None


def test_means_are_unweighted_below_and_share_weighted_across_merges() -> None:
    got = resolve(MEAN, {"A": 10.0, "B": 20.0, "C": 60.0}, 2024)
    assert got["H1"].value == 15.0
    assert got["P"].value == pytest.approx(37.5)  # mean of the districts' means (each unit below counts once)
    assert got["N1"].value == pytest.approx((10.0 * 1 + 20.0 * 0.4) / 1.4)


def test_not_aggregable_keeps_own_values_only() -> None:
    got = resolve(NONE, {"A": 10.0, "B": 20.0, "C": 5.0, "Q": 3.0}, 2024)
    assert got["P"].value is None and got["H1"].value is None
    assert got["Q"].value == 3.0


def test_a_split_of_unknown_share_cannot_be_carried_back() -> None:
    changes = [c if c.predecessor_code != "B" else UnitChange("B", c.successor_code, REFORM, UnitChangeKind.SPLIT)
               for c in CHANGES]
    then = hierarchy_on(UNITS, year_end(2024))
    got = resolve_year(SUM, {"A": 10.0, "B": 20.0, "C": 5.0}, 2024, then, NOW, changes, ["N1", "Q"])
    assert got["N1"].value is None
    assert got["Q"].value == 35.0  # the province merged whole: its total is known


def test_parents_and_counts() -> None:
    then = hierarchy_on(UNITS, year_end(2024))
    assert parents_of(then, NOW) == {"VN", "P", "H1", "H2", "Q"}
    a, b = VerdictCounts(), VerdictCounts()
    a.add("exceeded", 2023)
    a.add("no_data")
    b.add("achieved", 2024, 2)
    b.add("not_yet", 2022)
    a.merge(b)
    assert a.by_status == {"exceeded": 1, "no_data": 1, "achieved": 2, "not_yet": 1}
    assert (a.total, a.met, a.with_data, a.met_percent, a.latest_year) == (5, 3, 4, 75.0, 2024)
    assert VerdictCounts().met_percent is None

"""Org units through time: the hierarchy valid on a day, and series carried across merges and splits."""

from __future__ import annotations

from datetime import date

from chitieu.domain import OrgUnit, UnitChange, UnitChangeKind
from chitieu.domain.unit_history import (
    carry_over,
    hierarchy_on,
    map_series,
    predecessors,
    rollup,
    successors_on,
)

REFORM = date(2025, 7, 1)
OLD_END = date(2025, 6, 30)
UNITS = [
    OrgUnit("P", "Tỉnh", "tỉnh"),
    OrgUnit("H1", "Huyện Một", "huyện", "P", valid_to=OLD_END),
    OrgUnit("H2", "Huyện Hai", "huyện", "P", valid_to=OLD_END),
    OrgUnit("A", "Xã A", "xã", "H1", valid_to=OLD_END),
    OrgUnit("B", "Xã B", "xã", "H1", valid_to=OLD_END),
    OrgUnit("C", "Xã C", "xã", "H2", valid_to=OLD_END),
    OrgUnit("D", "Xã D", "xã", "H2"),  # survives, its district abolished
    OrgUnit("AB", "Xã AB", "xã", "P", valid_from=REFORM),
    OrgUnit("C1", "Xã C1", "xã", "P", valid_from=REFORM),
    OrgUnit("C2", "Xã C2", "xã", "P", valid_from=REFORM),
]
CHANGES = [
    UnitChange("A", "AB", REFORM),
    UnitChange("B", "AB", REFORM),
    UnitChange("C", "C1", REFORM, UnitChangeKind.SPLIT, 0.6),
    UnitChange("C", "C2", REFORM, UnitChangeKind.SPLIT, 0.4),
]


def test_the_hierarchy_before_and_after_the_reform() -> None:
    before = hierarchy_on(UNITS, date(2024, 12, 31))
    assert set(before.units) == {"P", "H1", "H2", "A", "B", "C", "D"}
    assert before.children("H1") == ["A", "B"] and before.parent["D"] == "H2"
    assert set(before.descendants("P")) == {"H1", "H2", "A", "B", "C", "D"}
    after = hierarchy_on(UNITS, REFORM)
    assert set(after.units) == {"P", "D", "AB", "C1", "C2"}
    assert after.parent["D"] == "P"  # the abolished district is skipped
    assert after.roots() == ["P"] and after.path("AB") == ["AB", "P"]


def test_predecessors_and_successors_with_shares() -> None:
    assert predecessors(CHANGES, "AB") == {"A": 1.0, "B": 1.0}
    assert predecessors(CHANGES, "C2") == {"C": 0.4}
    assert predecessors(CHANGES, "AB", after=REFORM) == {}
    assert successors_on(CHANGES, "C", REFORM) == {"C1": 0.6, "C2": 0.4}
    assert successors_on(CHANGES, "C", OLD_END) == {"C": 1.0}
    assert successors_on(CHANGES, "D", REFORM) == {"D": 1.0}


def test_a_transfer_keeps_the_rest_in_place() -> None:
    moved = [UnitChange("D", "C1", REFORM, UnitChangeKind.TRANSFER, 0.25)]
    assert successors_on(moved, "D", REFORM) == {"D": 0.75, "C1": 0.25}
    # a unit that only gained a part has no series of its own before: nothing is made up
    assert not carry_over({"D": 100.0}, "C1", moved).complete


def test_a_merged_commune_has_a_series_across_the_reform() -> None:
    series = {2023: {"A": 10.0, "B": 5.0, "C": 50.0}, 2024: {"A": 12.0, "B": 6.0, "C": 40.0},
              2025: {"AB": 20.0, "C1": 30.0}}
    ab = map_series(series, "AB", CHANGES)
    assert {y: v.value for y, v in ab.items()} == {2023: 15.0, 2024: 18.0, 2025: 20.0}
    assert ab[2023].parts == (("A", 1.0, 10.0), ("B", 1.0, 5.0)) or sorted(ab[2023].parts) == [("A", 1.0, 10.0), ("B", 1.0, 5.0)]
    c2 = map_series(series, "C2", CHANGES)
    assert c2[2023].value == 20.0 and c2[2024].value == 16.0
    assert c2[2025].value is None and c2[2025].missing == ("C",)  # 2025 values are on new units; C2 gave none


def test_a_missing_part_or_unknown_share_leaves_the_value_open() -> None:
    partial = carry_over({"A": 10.0}, "AB", CHANGES)
    assert partial.value is None and partial.missing == ("B",) and not partial.complete
    unknown = [UnitChange("C", "C1", REFORM, UnitChangeKind.SPLIT)]  # a list of parts without weights
    assert carry_over({"C": 50.0}, "C1", unknown).missing == ("C",)
    mean = carry_over({"A": 80.0, "B": 60.0}, "AB", CHANGES, how="mean")
    assert mean.value == 70.0


def test_rollup_uses_the_hierarchy_of_the_day() -> None:
    before = rollup({"A": 1.0, "B": 2.0, "C": 3.0, "D": 4.0}, hierarchy_on(UNITS, date(2024, 1, 1)))
    assert before.values["H1"] == 3.0 and before.values["P"] == 10.0
    after = rollup({"AB": 3.0, "C1": 1.0, "D": 4.0}, hierarchy_on(UNITS, REFORM))
    assert after.values.get("P") is None and after.incomplete["P"] == ("C2",)

"""Domain objects: periods, quantities, bundles, org units, provenance."""

from __future__ import annotations

from datetime import date

import pytest

from chitieu.domain import (
    Indicator,
    Observation,
    Op,
    OrgUnit,
    Period,
    Plan,
    PlanBundle,
    Provenance,
    Quantity,
    Target,
    TargetVersion,
)


def test_period_parse_and_label() -> None:
    assert Period.parse("2021-2023") == Period(2021, 2023)
    assert Period.parse("2023").is_year and Period.parse("2021 – 2025").label() == "2021-2025"
    with pytest.raises(ValueError):
        Period.parse("năm nay")


def test_quantity_point_and_bound() -> None:
    assert Quantity(op=Op.RANGE, low=9, high=10).point == 9.5
    assert Quantity(op=Op.GT, value=5).is_bound and not Quantity(value=5).is_bound


def test_current_target_prefers_revision_then_adopted() -> None:
    bundle = PlanBundle(
        plan=Plan(code="P", title="Kế hoạch"),
        indicators=[Indicator(code="A", name="Tỷ lệ che phủ rừng", unit="%")],
        targets=[
            Target("A", Op.EQ, 53, version=TargetVersion.DRAFT),
            Target("A", Op.EQ, 54, version=TargetVersion.ADOPTED),
        ],
        observations=[Observation("A", Period(2021, 2023), 52.3), Observation("A", Period.year(2023), 1, org_unit_code="H1")],
    )
    current = bundle.current_target("A")
    assert current is not None and current.value == 54
    bundle.targets.append(Target("A", Op.EQ, 55, version=TargetVersion.REVISED))
    assert bundle.current_target("A").value == 55  # type: ignore[union-attr]
    assert [o.value for o in bundle.observations_of("A")] == [52.3]
    assert bundle.current_target("missing") is None and bundle.indicator("A") is not None


def test_org_unit_validity() -> None:
    unit = OrgUnit("H", "Huyện X", valid_from=date(2020, 1, 1), valid_to=date(2024, 12, 31))
    assert unit.valid_on(date(2022, 5, 1)) and not unit.valid_on(date(2025, 1, 1))


def test_provenance_short() -> None:
    assert Provenance("BC-2023", "Phụ lục 3", page=4).short() == "BC-2023, Phụ lục 3, trang 4"

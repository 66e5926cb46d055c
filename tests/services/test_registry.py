"""Saving and loading plan bundles: exact round trip, replace, and all-or-nothing on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from chitieu.domain import (
    Indicator,
    IndicatorGroup,
    Observation,
    ObservationFlag,
    Op,
    OrgUnit,
    Period,
    Plan,
    PlanBundle,
    PlanKind,
    Polarity,
    Provenance,
    Target,
    TargetKind,
    TargetVersion,
)
from chitieu.messages import ChitieuError
from chitieu.services.registry import (
    CitedDocument,
    list_plans,
    load_bundle,
    load_documents,
    load_org_units,
    save_bundle,
    save_documents,
    save_org_units,
)
from service_store import Store


def sample_bundle() -> PlanBundle:
    plan = Plan(
        code="NQ-X", title="Nghị quyết Đại hội X", kind=PlanKind.RESOLUTION, number="01-NQ/ĐH",
        issued_on=date(2020, 10, 15), issuer="Đảng bộ tỉnh", term_start=2020, term_end=2025,
    )
    source = Provenance("BC-2023", "Phụ lục 3, dòng 1", "tăng 9-10%", page=12, start=100, end=112)
    return PlanBundle(
        plan=plan,
        groups=[IndicatorGroup("I", "Kinh tế", order=1), IndicatorGroup("I.1", "Tăng trưởng", parent_code="I", order=2)],
        indicators=[
            Indicator("GRDP", "Tốc độ tăng GRDP", "%/năm", group_code="I.1", plan_code="NQ-X", number="1", order=1),
            Indicator("CC", "Cơ cấu kinh tế", "%", Polarity.NEUTRAL_STRUCTURE, "I", plan_code="NQ-X", number="2", order=2),
            Indicator("CC-NN", "Nông nghiệp", "%", Polarity.NEUTRAL_STRUCTURE, "I", "CC", "NQ-X", "2", 3, "tỷ trọng"),
            Indicator("NTM", "Nông thôn mới", "", Polarity.BOOLEAN, None, plan_code="NQ-X", number="3", order=4),
        ],
        targets=[
            Target("GRDP", Op.RANGE, low=9.0, high=10.0, deadline=2025, start_year=2020, kind=TargetKind.ANNUAL_RATE,
                   plan_code="NQ-X", unit="%/năm", text="9-10", provenance=source),
            Target("GRDP", Op.GT, value=9.5, deadline=2025, version=TargetVersion.DRAFT, plan_code="NQ-X", text=">9,5"),
            Target("CC-NN", Op.EQ, value=27.3, deadline=2025, plan_code="NQ-X", baseline_year=2020, baseline_value=31.2),
            Target("NTM", Op.DONE, plan_code="NQ-X", text="Hoàn thành", version=TargetVersion.REVISED),
        ],
        observations=[
            Observation("GRDP", Period(2021, 2023), 6.5, stated_ratio=68.4, stated_verdict="Chưa đạt",
                        text="6,5", provenance=Provenance("BC-2023", "Phụ lục 3, dòng 1")),
            Observation("GRDP", Period.year(2021), 6.14, flag=ObservationFlag.ACTUAL),
            Observation("CC-NN", Period(2020, 2025), 4.0, Op.GT, "H1", ObservationFlag.PROJECTION, ">4"),
            Observation("NTM", Period.year(2023), 0.0, Op.DONE, text="Chưa hoàn thành"),
        ],
        org_units=[
            OrgUnit("T", "Tỉnh X", "tỉnh"),
            OrgUnit("H1", "Huyện Một", "huyện", "T", date(2020, 1, 1), None),
        ],
        related_plans=[
            Plan("CT-1", "Chương trình giảm nghèo", PlanKind.PROGRAMME, parent_code="NQ-X", budget=1250.5),
            Plan("DA-1", "Đề án con", PlanKind.PROJECT, parent_code="CT-1"),
        ],
    )


def test_bundle_round_trip_is_exact(store: Store) -> None:
    bundle = sample_bundle()
    store(save_bundle, bundle)
    assert store(load_bundle, "NQ-X") == bundle
    # the related programme is a plan of its own, with the project below it
    assert store(load_bundle, "CT-1").related_plans == [bundle.related_plans[1]]


def test_provenance_of_unknown_document_creates_placeholder(store: Store) -> None:
    store(save_bundle, sample_bundle())
    assert [(d.code, d.title) for d in store(load_documents)] == [("BC-2023", "BC-2023")]


def test_replace_swaps_content_and_keeps_one_copy(store: Store) -> None:
    bundle = sample_bundle()
    store(save_bundle, bundle)
    smaller = replace(bundle, indicators=bundle.indicators[:1], targets=bundle.targets[:2], observations=bundle.observations[:2])
    store(save_bundle, smaller)
    assert store(load_bundle, "NQ-X") == smaller
    assert store.count("indicators") == 1
    assert store.count("targets") == 2


def test_without_replace_existing_plan_is_an_error(store: Store) -> None:
    store(save_bundle, sample_bundle())
    with pytest.raises(ChitieuError) as info:
        store(save_bundle, sample_bundle(), replace=False)
    assert info.value.code == "plan_exists"
    assert store(load_bundle, "NQ-X") == sample_bundle()


def test_failing_save_rolls_back_everything(store: Store) -> None:
    bundle = sample_bundle()
    store(save_bundle, bundle)
    broken = replace(
        bundle,
        plan=replace(bundle.plan, title="Tên mới"),
        indicators=[*bundle.indicators, Indicator("MOI", "Chỉ tiêu mới", plan_code="NQ-X")],
        observations=[*bundle.observations, Observation("KHONG-CO", Period.year(2023), 1.0)],  # last one is bad
    )
    with pytest.raises(ChitieuError) as info:
        store(save_bundle, broken)
    assert info.value.code == "bundle_unknown_indicator"
    assert "KHONG-CO" in info.value.message
    assert store(load_bundle, "NQ-X") == bundle  # old title, old content, no MOI


def test_failing_first_save_leaves_database_empty(store: Store) -> None:
    bundle = sample_bundle()
    broken = replace(bundle, observations=[Observation("GRDP", Period.year(2023), 1.0, org_unit_code="NOWHERE")])
    with pytest.raises(ChitieuError):
        store(save_bundle, broken)
    for table in ("plans", "indicators", "org_units", "documents", "targets"):
        assert store.count(table) == 0, table


def test_plan_not_found(store: Store) -> None:
    with pytest.raises(ChitieuError) as info:
        store(load_bundle, "NONE")
    assert info.value.code == "plan_not_found"
    assert "NONE" in info.value.message


def test_list_plans_counts_indicators(store: Store) -> None:
    store(save_bundle, sample_bundle())
    listed = [(s.plan.code, s.indicator_count) for s in store(list_plans)]
    assert listed == [("NQ-X", 4), ("CT-1", 0), ("DA-1", 0)]


def test_documents_and_org_units_upsert(store: Store) -> None:
    store(save_documents, [CitedDocument("D1", "Báo cáo", "báo cáo", date(2023, 6, 1))])
    store(save_documents, [CitedDocument("D1", "Báo cáo sơ kết"), CitedDocument("D2", "Nghị quyết")])
    assert [(d.code, d.title) for d in store(load_documents)] == [("D1", "Báo cáo sơ kết"), ("D2", "Nghị quyết")]
    units = [OrgUnit("H", "Huyện", parent_code="T"), OrgUnit("T", "Tỉnh")]  # child before parent
    store(save_org_units, units)
    assert store(load_org_units) == units


def test_default_plan_is_the_only_top_level_plan_with_indicators(store: Store) -> None:
    from chitieu.services.registry import default_plan
    from chitieu.services.workspaces import update_settings

    with pytest.raises(ChitieuError) as info:
        store(default_plan)
    assert info.value.code == "no_plans"
    store(save_bundle, sample_bundle())  # NQ-X with indicators; CT-1 and DA-1 below it, empty
    assert store(default_plan) == "NQ-X"
    other = PlanBundle(plan=Plan("NQ-Y", "Nghị quyết khác"), indicators=[Indicator("A", "Chỉ tiêu A", plan_code="NQ-Y")])
    store(save_bundle, other)
    with pytest.raises(ChitieuError) as info:
        store(default_plan)
    assert info.value.code == "plan_ambiguous" and "NQ-X, NQ-Y" in info.value.message
    store(update_settings, {"default_plan": "NQ-Y"})  # what an installed dataset declares
    assert store(default_plan) == "NQ-Y"


def test_default_as_of_is_the_last_year_with_measured_data() -> None:
    from chitieu.services.registry import default_as_of

    bundle = sample_bundle()  # actual 2021-2023 and 2021, estimate… and a projection to 2025 of a unit
    assert default_as_of(bundle) == 2023
    only_projection = replace(bundle, observations=[o for o in bundle.observations if o.flag is ObservationFlag.PROJECTION])
    # the dataset's year stands in only for the dataset's own plan, never for another plan of the workspace
    assert default_as_of(only_projection, {"default_as_of": 2022, "default_plan": "NQ-X"}) == 2022
    for settings in (None, {"default_as_of": 2022, "default_plan": "LC-XIV"}):
        with pytest.raises(ChitieuError) as info:
            default_as_of(only_projection, settings)
        assert info.value.code == "as_of_unknown" and "--as-of" in info.value.message
    # a province-wide end-of-term projection alone: its year is the latest period with data
    whole_area = replace(bundle, observations=[replace(o, org_unit_code=None) for o in only_projection.observations])
    assert default_as_of(whole_area, {"default_as_of": 2022, "default_plan": "NQ-X"}) == 2025

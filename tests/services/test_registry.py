"""Saving and loading plan bundles: exact round trip, replace, and all-or-nothing on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
import sqlalchemy as sa

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
from chitieu.services.database import Database, open_database
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


@pytest.fixture
def database(database_url: str) -> Database:
    db = open_database(database_url)
    yield db  # type: ignore[misc]
    db.close()


def _count(database: Database, table: str) -> int:
    with database.session() as s:
        return int(s.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one())


def test_bundle_round_trip_is_exact(database: Database) -> None:
    bundle = sample_bundle()
    save_bundle(database, bundle)
    assert load_bundle(database, "NQ-X") == bundle
    # the related programme is a plan of its own, with the project below it
    assert load_bundle(database, "CT-1").related_plans == [bundle.related_plans[1]]


def test_provenance_of_unknown_document_creates_placeholder(database: Database) -> None:
    save_bundle(database, sample_bundle())
    assert [(d.code, d.title) for d in load_documents(database)] == [("BC-2023", "BC-2023")]


def test_replace_swaps_content_and_keeps_one_copy(database: Database) -> None:
    bundle = sample_bundle()
    save_bundle(database, bundle)
    smaller = replace(bundle, indicators=bundle.indicators[:1], targets=bundle.targets[:2], observations=bundle.observations[:2])
    save_bundle(database, smaller)
    assert load_bundle(database, "NQ-X") == smaller
    assert _count(database, "indicators") == 1
    assert _count(database, "targets") == 2


def test_without_replace_existing_plan_is_an_error(database: Database) -> None:
    save_bundle(database, sample_bundle())
    with pytest.raises(ChitieuError) as info:
        save_bundle(database, sample_bundle(), replace=False)
    assert info.value.code == "plan_exists"
    assert load_bundle(database, "NQ-X") == sample_bundle()


def test_failing_save_rolls_back_everything(database: Database) -> None:
    bundle = sample_bundle()
    save_bundle(database, bundle)
    broken = replace(
        bundle,
        plan=replace(bundle.plan, title="Tên mới"),
        indicators=[*bundle.indicators, Indicator("MOI", "Chỉ tiêu mới", plan_code="NQ-X")],
        observations=[*bundle.observations, Observation("KHONG-CO", Period.year(2023), 1.0)],  # last one is bad
    )
    with pytest.raises(ChitieuError) as info:
        save_bundle(database, broken)
    assert info.value.code == "bundle_unknown_indicator"
    assert "KHONG-CO" in info.value.message
    assert load_bundle(database, "NQ-X") == bundle  # old title, old content, no MOI


def test_failing_first_save_leaves_database_empty(database: Database) -> None:
    bundle = sample_bundle()
    broken = replace(bundle, observations=[Observation("GRDP", Period.year(2023), 1.0, org_unit_code="NOWHERE")])
    with pytest.raises(ChitieuError):
        save_bundle(database, broken)
    for table in ("plans", "indicators", "org_units", "documents", "targets"):
        assert _count(database, table) == 0, table


def test_plan_not_found(database: Database) -> None:
    with pytest.raises(ChitieuError) as info:
        load_bundle(database, "NONE")
    assert info.value.code == "plan_not_found"
    assert "NONE" in info.value.message


def test_list_plans_counts_indicators(database: Database) -> None:
    save_bundle(database, sample_bundle())
    listed = [(s.plan.code, s.indicator_count) for s in list_plans(database)]
    assert listed == [("NQ-X", 4), ("CT-1", 0), ("DA-1", 0)]


def test_documents_and_org_units_upsert(database: Database) -> None:
    save_documents(database, [CitedDocument("D1", "Báo cáo", "báo cáo", date(2023, 6, 1))])
    save_documents(database, [CitedDocument("D1", "Báo cáo sơ kết"), CitedDocument("D2", "Nghị quyết")])
    assert [(d.code, d.title) for d in load_documents(database)] == [("D1", "Báo cáo sơ kết"), ("D2", "Nghị quyết")]
    units = [OrgUnit("H", "Huyện", parent_code="T"), OrgUnit("T", "Tỉnh")]  # child before parent
    save_org_units(database, units)
    assert load_org_units(database) == units

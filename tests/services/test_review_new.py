"""A plan from its own document (services/plans, review_new, review_sheet, import that merges), on a database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from chitieu.messages import ChitieuError
from chitieu.services.database import open_database
from chitieu.services.ingest import ingest_file
from chitieu.services.ingest_review import accept_claim, edit_claim, list_claims
from chitieu.services.plans import create_plan
from chitieu.services.registry import load_bundle
from chitieu.services.review_new import accept_all, accept_as_new_indicator, relink_pending
from chitieu.services.review_sheet import export_queue, import_decisions
from chitieu.services.transfer import export_registry, import_registry
from chitieu.store.models import ClaimRow, EventRow, IndicatorRow, TargetRow
from service_store import Store

PLAN = "NQ-XIII"
RESOLUTION = Path(__file__).parents[1] / "journey" / "fixtures" / "nq_dai_hoi_xiii_chi_tieu.txt"
RESULTS = """ỦY BAN NHÂN DÂN TỈNH THỬ
Thử, ngày 10 tháng 12 năm 2026
BÁO CÁO
Năm 2026, tỉ lệ đô thị hoá đạt 41%. Đến nay tỉ lệ che phủ rừng đạt 42,3%.
Đến năm 2030 phấn đấu tỉ lệ che phủ rừng đạt 43%.
"""


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    with open_database(database_url) as db:
        s = Store(db)
        s(create_plan, PLAN, "Nghị quyết Đại hội XIII", term="2021-2025")
        s(ingest_file, RESOLUTION, PLAN)
        yield s


def _rows(store: Store, model: type) -> list:  # type: ignore[type-arg]
    with store.database.session() as session:  # type: ignore[attr-defined]
        return list(session.scalars(select(model).order_by(model.id)))


def test_create_plan_refuses_a_taken_code_and_a_bad_term(store: Store) -> None:
    for args, kwargs, code in ((("NQ-XIII", "Khác"), {}, "plan_code_taken"),
                               (("NQ-2", "Khác"), {"term": "2030-2025"}, "plan_bad_term"),
                               (("NQ 2", "Khác"), {}, "plan_bad_code"),
                               (("NQ-2", " "), {}, "plan_no_title")):
        with pytest.raises(ChitieuError) as info:
            store(create_plan, *args, **kwargs)
        assert info.value.code == code
    assert any(e.action == "plan.create" for e in _rows(store, EventRow))


def test_a_claim_becomes_a_new_indicator_named_after_it(store: Store) -> None:
    first = store(list_claims, plan_code=PLAN)[0]
    made = store(accept_as_new_indicator, first.id, "TANG-TRUONG")
    assert made.created and made.code == "TANG-TRUONG" and made.accepted.created == "target"
    assert made.proposal.name == "Tốc độ tăng trưởng kinh tế (GDP) bình quân 5 năm"
    indicator = _rows(store, IndicatorRow)[0]
    assert (indicator.code, indicator.unit) == ("TANG-TRUONG", "%/năm")
    target = _rows(store, TargetRow)[0]
    assert (target.op, target.low, target.high, target.kind, target.deadline) == ("range", 6.5, 7, "annual_rate", 2025)
    with pytest.raises(ChitieuError) as info:  # the code is the plan's already
        store(accept_as_new_indicator, store(list_claims, plan_code=PLAN)[0].id, "TANG-TRUONG")
    assert info.value.code == "review_indicator_code_taken"


def test_accept_all_makes_one_indicator_per_target_units_kept(store: Store) -> None:
    done = store(accept_all, PLAN, "target", new_indicators=True)
    assert len(done.accepted) == 23 and len(done.created_indicators) == 23 and not done.skipped
    units = {i.name: i.unit for i in _rows(store, IndicatorRow)}
    assert units["GDP bình quân đầu người"] == "USD"  # case kept
    bundle = store(load_bundle, PLAN)
    assert len(bundle.targets) == 23 and all(t.deadline == 2025 for t in bundle.targets)
    assert all(c.status == "accepted" for c in _rows(store, ClaimRow))
    assert not store(accept_all, PLAN, "target", new_indicators=True).accepted  # nothing left to decide


def test_a_second_adopted_target_is_refused_a_revision_is_not(store: Store, tmp_path: Path) -> None:
    first = store(list_claims, plan_code=PLAN)[0]
    store(accept_as_new_indicator, first.id, "GDP")
    text = tmp_path / "dieu-chinh.txt"
    text.write_text("Điều chỉnh: tốc độ tăng trưởng kinh tế (GDP) bình quân 5 năm đạt khoảng 6 - 6,5%/năm.\n",
                    encoding="utf-8")
    store(ingest_file, text, PLAN)
    again = next(v for v in store(list_claims, plan_code=PLAN) if v.file_name == "dieu-chinh.txt")
    with pytest.raises(ChitieuError) as info:
        store(accept_claim, again.id, indicator_code="GDP")
    assert info.value.code == "read_review_second_target" and "revised" in info.value.message
    store(accept_claim, again.id, indicator_code="GDP", version="revised")
    assert sorted(t.target_version for t in _rows(store, TargetRow)) == ["adopted", "revised"]


def test_the_queue_filters_by_kind(store: Store) -> None:
    assert len(store(list_claims, plan_code=PLAN, kind="target")) == 23
    assert store(list_claims, plan_code=PLAN, kind="result") == []
    with pytest.raises(ChitieuError) as info:
        store(list_claims, kind="muc-tieu")
    assert info.value.code == "review_bad_kind"


def test_accept_all_filters_and_leaves_unlinked_claims_pending(store: Store) -> None:
    done = store(accept_all, PLAN, "target")
    assert not done.accepted and len(done.skipped) == 23
    assert not store(accept_all, PLAN, "target", section="môi trường không có").accepted
    done = store(accept_all, PLAN, "target", min_confidence=0.95, new_indicators=True)
    assert not done.accepted  # the extractor gives these 0,9
    for args, kwargs, code in ((("targets",), {}, "review_bad_kind"),
                               (("target",), {"min_confidence": 2.0}, "review_bad_confidence")):
        with pytest.raises(ChitieuError) as info:
            store(accept_all, PLAN, *args, **kwargs)
        assert info.value.code == code


def test_results_of_a_later_report_are_read_with_their_periods_and_relinked(store: Store, tmp_path: Path) -> None:
    store(accept_all, PLAN, "target", new_indicators=True)
    report = tmp_path / "bao-cao-2026.txt"
    report.write_text(RESULTS, encoding="utf-8")
    store(ingest_file, report, PLAN)
    pending = [v for v in store(list_claims, plan_code=PLAN) if v.file_name == report.name]
    assert {v.indicator_code for v in pending if v.kind == "result"} <= {"CT05", "CT23"}
    for view in pending:
        if view.kind == "result" and view.indicator_code:
            store(accept_claim, view.id)  # "năm 2026", "đến nay" (the report's year): no --period needed
    observations = store(load_bundle, PLAN).observations
    assert {(o.indicator_code, o.period.label()) for o in observations} >= {("CT05", "2026")}
    assert all(o.period.label() == "2026" for o in observations)


def test_pending_claims_are_relinked_when_indicators_are_imported(store: Store, tmp_path: Path) -> None:
    assert all(v.indicator_code is None for v in store(list_claims, plan_code=PLAN))
    folder = tmp_path / "reg"
    store(export_registry, folder)
    (folder / "indicators.csv").write_text(
        "plan_code,code,name,unit\nNQ-XIII,RUNG,Tỷ lệ che phủ rừng,%\n", encoding="utf-8")
    outcome = store(import_registry, folder)
    assert outcome.written and outcome.relinked >= 1
    linked = {v.indicator_phrase: v.indicator_code for v in store(list_claims, plan_code=PLAN)}
    assert linked["giữ tỉ lệ che phủ rừng"] == "RUNG"
    assert store(relink_pending, PLAN) == 0  # nothing left to change


def test_import_merges_and_replace_needs_confirmation(store: Store, tmp_path: Path) -> None:
    store(accept_all, PLAN, "target", new_indicators=True)
    folder = tmp_path / "reg"
    store(export_registry, folder)
    ids = [t.id for t in _rows(store, TargetRow)]
    targets = (folder / "targets.csv").read_text(encoding="utf-8-sig").splitlines()
    (folder / "targets.csv").write_text("\n".join(line for line in targets if ",CT07," not in line) + "\n",
                                        encoding="utf-8")
    with (folder / "indicators.csv").open("a", encoding="utf-8") as handle:
        handle.write("NQ-XIII,CT99,Chỉ tiêu thêm,%,higher_better,,,99,99,\n")
    merged = store(import_registry, folder)
    assert merged.written and not merged.removals
    assert [t.id for t in _rows(store, TargetRow)] == ids  # kept, ids and all
    assert all(c.status == "accepted" for c in _rows(store, ClaimRow))
    asked = store(import_registry, folder, replace=True)
    assert asked.needs_confirmation and not asked.written and asked.removals == ["target NQ-XIII/CT07/adopted"]
    assert len(_rows(store, TargetRow)) == 23  # nothing written
    done = store(import_registry, folder, replace=True, confirm=True)
    assert done.written and len(_rows(store, TargetRow)) == 22
    reopened = [c for c in _rows(store, ClaimRow) if c.status == "candidate"]
    assert [c.id for c in reopened] == done.reopened_claims and len(reopened) == 1
    lines = (folder / "targets.csv").read_text(encoding="utf-8").splitlines()
    second = next(line for line in lines if ",CT01,adopted," in line).replace('"6,5-7",range,,"6,5",7', '"7-8",range,,7,8')
    (folder / "targets.csv").write_text("\n".join([*lines, second]) + "\n", encoding="utf-8")
    refused = store(import_registry, folder)  # a second adopted target for one indicator
    assert not refused.written and [p.code for p in refused.report.errors()] == ["second_target"]


def test_review_as_a_spreadsheet(store: Store, tmp_path: Path) -> None:
    sheet = tmp_path / "de-xuat.xlsx"
    assert store(export_queue, sheet, plan_code=PLAN) == 23
    book = load_workbook(sheet)
    ws = book.active
    header = [c.value for c in ws[1]]
    col = {h: i + 1 for i, h in enumerate(header)}
    assert ws.cell(2, col["Tên chỉ tiêu mới (nếu tạo)"]).value == "Tốc độ tăng trưởng kinh tế (GDP) bình quân 5 năm"
    ws.cell(2, col["Quyết định"]).value = "chấp nhận"
    ws.cell(2, col["Chỉ tiêu mới"]).value = "GDP"
    ws.cell(3, col["Quyết định"]).value = "loại"
    ws.cell(4, col["Quyết định"]).value = "chấp nhận"  # unlinked and no new code: reported, not applied
    ws.cell(5, col["Quyết định"]).value = "có lẽ"
    ws.cell(6, col["Quyết định"]).value = "loại"
    book.save(sheet)
    claim_5 = int(ws.cell(6, col["Số"]).value)
    store(edit_claim, claim_5, value=99)  # someone changed it since the export
    done = store(import_decisions, sheet)
    assert (len(done.accepted), len(done.rejected), done.created_indicators) == (1, 1, ["GDP"])
    rows = sorted(p.row for p in done.report.problems)
    assert rows == [4, 5, 6]
    stale = next(p for p in done.report.problems if p.row == 6)
    assert stale.column == "Quyết định"
    statuses = {c.id: c.status for c in _rows(store, ClaimRow)}
    assert statuses[claim_5] == "candidate"
    with pytest.raises(ChitieuError) as info:
        store(export_queue, tmp_path / "x.csv")
    assert info.value.code == "review_sheet_not_xlsx"

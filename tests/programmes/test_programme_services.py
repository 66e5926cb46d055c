"""Programme budgets in the store: the bundled figures assessed, single figures with events and versions,
units scoped for officers, a report imported from Excel, the office template round trip (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from chitieu.domain import Actor, CapitalSource, Period
from chitieu.messages import ChitieuError
from chitieu.services.datasets import install_dataset
from chitieu.services.events import list_events
from chitieu.services.programme_files import import_budget_report
from chitieu.services.programme_template import write_template
from chitieu.services.programmes import assess_programmes, list_programmes, load_budget, record_disbursement
from chitieu.services.transfer import export_registry, import_registry
from service_store import Store

Y = Period.year(2023)
OCT = date(2023, 10, 31)


@pytest.fixture
def laichau(store: Store) -> Store:
    store(install_dataset, "laichau_xiv")
    return store


def rows_of(store: Store, **kw: object) -> dict[tuple[object, ...], object]:
    rows = store(assess_programmes, as_of=kw.pop("as_of", OCT), period=kw.pop("period", Y), **kw)
    return {(r.plan_code, r.org_unit, r.source): r for r in rows}  # type: ignore[attr-defined]


def test_the_bundled_report_figures_are_judged_against_the_disbursement_target(laichau: Store) -> None:
    rows = rows_of(laichau)
    dtc = rows[("KH-DTC", None, None)]
    assert dtc.allocated == 3_707_100 and dtc.rate == 47.3 and dtc.rate_basis == "stated"  # type: ignore[attr-defined]
    assert dtc.status_vi == "Chưa đạt" and dtc.forecast_status_vi == "Khó đạt"  # type: ignore[attr-defined]
    investment = rows[("MTQG", None, "central_investment")]
    assert investment.allocated == 985_050 and investment.carried_over == 103_251  # type: ignore[attr-defined]
    assert investment.rate == 55.3 and investment.status == "not_yet"  # type: ignore[attr-defined]
    recurrent = rows[("MTQG", None, "recurrent")]
    assert recurrent.rate == 9.85 and recurrent.status == "no_target"  # type: ignore[attr-defined]
    assert ("LC-XIV", None, None) not in rows
    codes = [s.plan.code for s in laichau(list_programmes)]  # type: ignore[attr-defined]
    assert codes.index("MTQG-DTTS") < codes.index("MTQG-DTTS-DA3") < codes.index("MTQG-DTTS-DA3-TDA1")


def test_reinstalling_keeps_row_ids(laichau: Store) -> None:
    import sqlalchemy as sa

    with laichau.database.session() as s:  # type: ignore[attr-defined]
        before = s.execute(sa.text("SELECT id, amount FROM capital_plans ORDER BY id")).all()
    laichau(install_dataset, "laichau_xiv")
    with laichau.database.session() as s:  # type: ignore[attr-defined]
        after = s.execute(sa.text("SELECT id, amount FROM capital_plans ORDER BY id")).all()
    assert before == after


def test_a_disbursement_is_an_event_and_a_stale_write_is_refused(laichau: Store) -> None:
    laichau(record_disbursement, "PHKT-YT", Period(2022, 2023), date(2023, 12, 31), amount=120_000,
            source=CapitalSource.INVESTMENT, note="ước")
    events = laichau(list_events, action="programme.disbursement")
    assert events[-1].after == {"amount": 120_000, "stated_rate": None, "note": "ước"}  # type: ignore[index]
    laichau(record_disbursement, "PHKT-YT", Period(2022, 2023), date(2023, 12, 31), amount=125_000,
            source=CapitalSource.INVESTMENT, expected_version=1)
    with pytest.raises(ChitieuError) as error:
        laichau(record_disbursement, "PHKT-YT", Period(2022, 2023), date(2023, 12, 31), amount=130_000,
                source=CapitalSource.INVESTMENT, expected_version=1)
    assert error.value.code == "conflict_stale" and "125000" in error.value.message
    row = rows_of(laichau, as_of=date(2023, 12, 31), period=Period(2022, 2023))[("PHKT-YT", None, None)]
    assert row.disbursed == 125_000  # type: ignore[attr-defined]


def test_an_officer_reports_only_for_their_unit(laichau: Store) -> None:
    officer = laichau.as_actor(Actor("lan", role="officer", units=frozenset({"LC-THAN-UYEN"}), via="web"))
    officer(record_disbursement, "MTQG", Y, OCT, amount=10, unit="LC-THAN-UYEN")
    with pytest.raises(ChitieuError) as error:
        officer(record_disbursement, "MTQG", Y, OCT, amount=10, unit="LC-TAM-DUONG")
    assert error.value.code == "programme_unit_forbidden"
    viewer = laichau.as_actor(Actor("xem", role="viewer"))
    with pytest.raises(ChitieuError) as denied:
        viewer(record_disbursement, "MTQG", Y, OCT, amount=10)
    assert denied.value.code == "forbidden"


def report_workbook(path: Path, *, broken: str | None = None) -> Path:
    """A district report as offices lay it out: title, merged two-level header, column numbers, rows."""
    book = Workbook()
    sheet = book.active
    sheet.append(["BÁO CÁO GIẢI NGÂN VỐN CHƯƠNG TRÌNH MTQG PHÁT TRIỂN KT-XH VÙNG ĐỒNG BÀO DTTS VÀ MN NĂM 2023"])
    sheet.append(["(Số liệu tính đến ngày 30/9/2023)"])
    sheet.append(["", "", "", "", "", "", "Đơn vị: triệu đồng"])
    sheet.append(["STT", "Đơn vị", "Kế hoạch vốn năm 2023", None, "Giải ngân", None, "Tỷ lệ giải ngân (%)"])
    sheet.append([None, None, "Tổng số", "Trong đó: vốn năm 2022 chuyển sang", "Tổng số", "Vốn sự nghiệp", None])
    for cells in ("A4:A5", "B4:B5", "C4:D4", "E4:F4", "G4:G5"):
        sheet.merge_cells(cells)
    sheet.append([1, 2, 3, 4, 5, 6, 7])
    sheet.append([None, "Tổng cộng", 2000, 200, 700, 300, 0.35])
    sheet.append(["1", "Huyện Than Uyên", 1200, 200, broken or 600, 250, 0.5])
    sheet.append(["2", "Huyện Tam Đường", 800, None, 100, 50, 0.125])
    for row in sheet.iter_rows(min_row=7, min_col=7, max_col=7):
        row[0].number_format = "0.0%"
    book.save(path)
    return path


def test_a_report_from_excel_shows_allocation_rate_and_verdict_per_programme_and_unit(laichau: Store,
                                                                                       tmp_path: Path) -> None:
    path = report_workbook(tmp_path / "bao-cao-dtts.xlsx")
    outcome = laichau(import_budget_report, path, root="MTQG-DTTS")
    assert outcome.written and outcome.report.ok  # type: ignore[attr-defined]
    from chitieu.services.programmes import set_capital_plan  # noqa: F401  (the office may add a target later)

    rows = rows_of(laichau, as_of=date(2023, 9, 30), root="MTQG-DTTS")
    whole = rows[("MTQG-DTTS", None, None)]
    assert (whole.allocated, whole.carried_over, whole.disbursed, whole.rate) == (2000, 200, 700, 35.0)  # type: ignore[attr-defined]
    assert whole.status == "no_target"  # type: ignore[attr-defined]
    than_uyen = rows[("MTQG-DTTS", "LC-THAN-UYEN", None)]
    assert (than_uyen.allocated, than_uyen.rate) == (1200, 50.0)  # type: ignore[attr-defined]
    tam_duong = rows[("MTQG-DTTS", "LC-TAM-DUONG", None)]
    assert tam_duong.rate == 12.5 and tam_duong.org_unit_name == "Huyện Tam Đường"  # type: ignore[attr-defined]
    # the programme's parent sets ≥ 95% for central investment only: add one for all capital and judge again
    import sqlalchemy as sa

    with laichau.database.session() as s:  # type: ignore[attr-defined]
        plan_id = s.execute(sa.text("SELECT id FROM plans WHERE code = 'MTQG-DTTS'")).scalar_one()
        s.execute(sa.text("INSERT INTO disbursement_targets (plan_id, op, value, text, source_location, source_quote) "
                          "VALUES (:p, '>=', 95, '≥ 95%', '', '')"), {"p": plan_id})
    rows = rows_of(laichau, as_of=date(2023, 9, 30), root="MTQG-DTTS")
    assert rows[("MTQG-DTTS", "LC-TAM-DUONG", None)].status_vi == "Chưa đạt"  # type: ignore[attr-defined]
    assert rows[("MTQG-DTTS", "LC-TAM-DUONG", None)].forecast_status_vi == "Khó đạt"  # type: ignore[attr-defined]
    document = laichau(list_events, action="programme.import")[-1]
    assert document.context["source"] == "bao-cao-dtts.xlsx"  # type: ignore[index]


def test_a_report_with_an_unreadable_figure_writes_nothing_when_an_error_stops_it(laichau: Store, tmp_path: Path) -> None:
    before = laichau.count("disbursements")
    outcome = laichau(import_budget_report, report_workbook(tmp_path / "r.xlsx", broken="sáu trăm"), root="MTQG-DTTS",
                      dry_run=True)
    assert any(p.code == "budget_cell_unreadable" and "«sáu trăm»" in p.message for p in outcome.report.problems)  # type: ignore[attr-defined]
    assert laichau.count("disbursements") == before
    (tmp_path / "empty.xlsx").write_bytes(b"not a workbook")
    with pytest.raises(ChitieuError) as error:
        laichau(import_budget_report, tmp_path / "empty.xlsx")
    assert error.value.code == "file_corrupt"
    book = Workbook()
    book.active.append(["Chỉ tiêu", "Mục tiêu", "Kết quả"])
    book.save(tmp_path / "other.xlsx")
    with pytest.raises(ChitieuError) as error:
        laichau(import_budget_report, tmp_path / "other.xlsx")
    assert error.value.code == "budget_no_header" and laichau.count("disbursements") == before


def test_the_template_round_trip(laichau: Store, tmp_path: Path) -> None:
    path = laichau(write_template, tmp_path / "bieu.xlsx", root="MTQG", period=Y, as_of=date(2023, 11, 30),
                   units=["LC-THAN-UYEN"])
    book = load_workbook(path)
    sheet = book.worksheets[0]
    assert sheet.protection.sheet and "_chitieu" in book.sheetnames and book["_chitieu"].sheet_state == "hidden"
    by_code = {(r[1].value, r[2].value, r[3].value): r for r in sheet.iter_rows(min_row=7) if r[1].value}
    investment = by_code[("MTQG", None, "central_investment")]
    assert investment[7].value == 985_050 and investment[8].value == 103_251
    assert investment[7].protection.locked is False and investment[5].protection.locked is not False
    unit = by_code[("MTQG-DTTS-DA3-TDA1", "LC-THAN-UYEN", None)]
    unit[7].value, unit[9].value = 5000, "2.500,5"
    investment[9].value = 700_000
    sheet.cell(row=3, column=6).value = date(2023, 11, 30)
    book.save(path)
    outcome = laichau(import_budget_report, path)
    assert outcome.template and outcome.written and outcome.read.figures == 3  # type: ignore[attr-defined]
    rows = rows_of(laichau, as_of=date(2023, 11, 30))
    assert rows[("MTQG", None, "central_investment")].disbursed == 700_000  # type: ignore[attr-defined]
    sub = rows[("MTQG-DTTS-DA3-TDA1", "LC-THAN-UYEN", None)]
    assert (sub.allocated, sub.disbursed, sub.rate) == (5000, 2500.5, 50.01)  # type: ignore[attr-defined]
    assert {e.via for e in laichau(list_events, action="programme.disbursement")} == {"template"}  # type: ignore[attr-defined]


def test_a_template_with_a_wrong_cell_or_a_forbidden_change_writes_nothing(laichau: Store, tmp_path: Path) -> None:
    path = laichau(write_template, tmp_path / "bieu.xlsx", root="MTQG", period=Y, as_of=OCT, units=["LC-TAM-DUONG"])
    book = load_workbook(path)
    sheet = book.worksheets[0]
    rows = {(r[1].value, r[2].value): r for r in sheet.iter_rows(min_row=7) if r[1].value}
    rows[("MTQG-DTTS-DA9-TDA1", "LC-TAM-DUONG")][9].value = "nhiều"
    book.save(tmp_path / "bad.xlsx")
    before = laichau.count("events")
    outcome = laichau(import_budget_report, tmp_path / "bad.xlsx")
    assert not outcome.written and [p.code for p in outcome.report.errors()] == ["template_bad_number_cell"]  # type: ignore[attr-defined]
    assert "ô J" in outcome.report.errors()[0].message and laichau.count("events") == before  # type: ignore[attr-defined]
    rows[("MTQG-DTTS-DA9-TDA1", "LC-TAM-DUONG")][9].value = 10
    rows[("MTQG-DTTS-DA9-TDA1", "LC-TAM-DUONG")][7].value = 999
    book.save(tmp_path / "capital.xlsx")
    officer = laichau.as_actor(Actor("lan", role="officer", units=frozenset({"LC-TAM-DUONG"})))
    outcome = officer(import_budget_report, tmp_path / "capital.xlsx")
    assert [p.code for p in outcome.report.errors()] == ["template_capital_forbidden"]  # type: ignore[attr-defined]
    rows[("MTQG-DTTS-DA9-TDA1", "LC-TAM-DUONG")][7].value = None
    book.save(tmp_path / "ok.xlsx")
    assert officer(import_budget_report, tmp_path / "ok.xlsx").written  # type: ignore[attr-defined]


def test_export_and_import_keep_the_budget(laichau: Store, tmp_path: Path) -> None:
    laichau(export_registry, tmp_path / "reg", "csv")
    assert (tmp_path / "reg" / "capital_plans.csv").exists() and (tmp_path / "reg" / "disbursement_targets.csv").exists()
    before = load_budget_counts(laichau)
    outcome = laichau(import_registry, tmp_path / "reg")
    assert outcome.written and outcome.counts["capital_plans"] == 15  # type: ignore[attr-defined]
    assert load_budget_counts(laichau) == before
    one = laichau(export_registry, tmp_path / "one.xlsx", "xlsx", plan_code="MTQG")
    assert one and load_workbook(one[0])["disbursements"].max_row == 3


def load_budget_counts(store: Store) -> dict[str, int]:
    return store(load_budget).counts()  # type: ignore[attr-defined,no-any-return]

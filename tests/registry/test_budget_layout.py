"""Programme budget tables as offices lay them out: header levels, columns, title block, rows (pure)."""

from __future__ import annotations

from datetime import date

from chitieu.domain import CapitalKind, CapitalSource, ObservationFlag, OrgUnit, Period, Plan, PlanKind
from chitieu.messages import Report
from chitieu.registry.budget_layout import column_letter, day_in, money_scale, read_layout
from chitieu.registry.budget_rows import label_number, numbering_rank, read_budget_rows

UNITS = [OrgUnit("LC", "Tỉnh Lai Châu"), OrgUnit("TU", "Huyện Than Uyên", parent_code="LC"),
         OrgUnit("TD", "Huyện Tam Đường", parent_code="LC"), OrgUnit("TP", "Thành phố Lai Châu", parent_code="LC")]


def grid(*rows: list[str]) -> list[tuple[int, list[str]]]:
    width = max(len(r) for r in rows)
    return [(i, list(r) + [""] * (width - len(r))) for i, r in enumerate(rows, start=1)]


# A district table of one programme, two header levels (merged cells already filled), a column-number row.
DISTRICTS = grid(
    ["BÁO CÁO TÌNH HÌNH GIẢI NGÂN CHƯƠNG TRÌNH MTQG GIẢM NGHÈO BỀN VỮNG NĂM 2023"],
    ["(Số liệu đến ngày 30/9/2023)"],
    ["", "", "", "", "", "", "", "", "Đơn vị: tỷ đồng"],
    ["STT", "Đơn vị", "Kế hoạch vốn năm 2023", "Kế hoạch vốn năm 2023", "Kế hoạch vốn năm 2023",
     "Giải ngân", "Giải ngân", "Giải ngân", "Tỷ lệ giải ngân (%)"],
    ["STT", "Đơn vị", "Tổng số", "Vốn ĐTPT NSTW", "Vốn sự nghiệp NSTW", "Tổng số", "Vốn ĐTPT NSTW",
     "Vốn sự nghiệp NSTW", "Tỷ lệ giải ngân (%)"],
    ["1", "2", "3=4+5", "4", "5", "6=7+8", "7", "8", "9=6/3"],
    ["", "Tổng cộng", "30", "20", "10", "15", "12", "3", "50"],
    ["1", "Huyện Than Uyên", "18", "12", "6", "9,6", "8,1", "1,5", "53,3"],
    ["2", "Huyện Tam Đường", "12", "8", "4", "5,4", "3,9", "1,5", "45"],
    ["", "Người lập biểu", "", "", "", "", "", "", ""],
)


def test_header_levels_columns_title_and_money_unit() -> None:
    layout = read_layout(DISTRICTS)
    assert layout is not None
    assert layout.header_rows == [4, 5] and layout.first_data == 6 and layout.name_index == 1
    assert layout.period == Period.year(2023) and layout.as_of == date(2023, 9, 30) and layout.scale == 1000
    by = {c.letter: c for c in layout.value_columns}
    assert (by["C"].measure, by["C"].source) == ("allocated", None)
    assert (by["D"].measure, by["D"].source) == ("allocated", CapitalSource.CENTRAL_INVESTMENT)
    assert (by["H"].measure, by["H"].source, by["H"].as_of) == ("disbursed", CapitalSource.CENTRAL_RECURRENT,
                                                               date(2023, 9, 30))
    assert by["I"].measure == "rate"


def test_rows_of_units_under_the_programme_the_table_is_about() -> None:
    layout = read_layout(DISTRICTS)
    assert layout is not None
    plans = [Plan("GNBV", "Chương trình MTQG giảm nghèo bền vững", PlanKind.PROGRAMME)]
    report = Report()
    got = read_budget_rows(layout, DISTRICTS, label="t.xlsx", plans=plans, org_units=UNITS, root="GNBV",
                           document="TEP-1", report=report)
    assert got.plans == [] and got.rows_used == 3 and report.ok
    capital = {(c.plan_code, c.org_unit_code, c.source): c.amount for c in got.budget.capital_plans}
    assert capital[("GNBV", None, None)] == 30000 and capital[("GNBV", "TU", CapitalSource.CENTRAL_INVESTMENT)] == 12000
    paid = {(d.plan_code, d.org_unit_code, d.source): d for d in got.budget.disbursements}
    assert paid[("GNBV", "TD", None)].amount == 5400 and paid[("GNBV", "TD", None)].stated_rate == 45
    assert paid[("GNBV", "TU", None)].as_of == date(2023, 9, 30)
    first = next(c for c in got.budget.capital_plans if c.org_unit_code == "TU" and c.source is None)
    assert first.provenance is not None and first.provenance.location == "t.xlsx, dòng 8, cột C"


# A programme tree with source lines and carried-over capital; one level of header; no title day.
TREE = grid(
    ["TT", "Nội dung", "Kế hoạch vốn năm 2023", "Vốn năm 2022 chuyển sang", "Lũy kế giải ngân đến 31/10/2023",
     "Tỷ lệ (%)", "Ghi chú"],
    ["I", "Chương trình MTQG phát triển kinh tế - xã hội vùng đồng bào DTTS và MN", "1.000", "100", "550", "50", ""],
    ["-", "Vốn đầu tư phát triển", "600", "100", "400", "", ""],
    ["-", "Vốn sự nghiệp", "400", "", "150", "", ""],
    ["1", "Dự án 3: Phát triển sản xuất nông, lâm nghiệp", "300", "", "90", "30", ""],
    ["1.1", "Tiểu dự án 1: Phát triển kinh tế nông, lâm nghiệp bền vững", "200", "", "60", "30", ""],
    ["2", "Dự án 9: Đầu tư tạo sinh kế", "x", "", "", "", "chưa giao"],
    ["", "Lập biểu", "", "", "", "", ""],
)


def test_a_tree_with_source_lines_creates_missing_nodes_under_the_known_ones() -> None:
    layout = read_layout(TREE)
    assert layout is not None and layout.period == Period.year(2023)
    kinds = {c.letter: (c.measure, c.kind) for c in layout.value_columns}
    assert kinds["C"] == ("allocated", None) and kinds["D"] == ("allocated", CapitalKind.CARRIED_OVER)
    plans = [Plan("DTTS", "Chương trình MTQG phát triển KT-XH vùng đồng bào dân tộc thiểu số và miền núi",
                  PlanKind.PROGRAMME),
             Plan("DTTS-DA3", "Dự án 3: Phát triển sản xuất nông, lâm nghiệp bền vững", PlanKind.COMPONENT,
                  number="Dự án 3", parent_code="DTTS")]
    report = Report()
    got = read_budget_rows(layout, TREE, label="b.xlsx", plans=plans, org_units=UNITS, root=None, document=None,
                           report=report)
    created = {p.code: p for p in got.plans}
    assert set(created) == {"DTTS-DA3-TDA1", "DTTS-DA9"}
    assert created["DTTS-DA3-TDA1"].kind is PlanKind.SUBPROJECT and created["DTTS-DA3-TDA1"].parent_code == "DTTS-DA3"
    capital = {(c.plan_code, c.source, c.kind): c.amount for c in got.budget.capital_plans}
    assert capital[("DTTS", None, None)] == 1000
    assert capital[("DTTS", CapitalSource.INVESTMENT, CapitalKind.CARRIED_OVER)] == 100
    assert capital[("DTTS", CapitalSource.RECURRENT, None)] == 400
    assert capital[("DTTS-DA3-TDA1", None, None)] == 200
    assert ("DTTS-DA9", None, None) not in capital  # "x" is no figure
    paid = {(d.plan_code, d.source): d for d in got.budget.disbursements}
    assert paid[("DTTS-DA3", None)].amount == 90 and paid[("DTTS-DA3", None)].as_of == date(2023, 10, 31)


# Four header levels as an official form writes them: month-only columns, unknown sources, a title dated
# by the covering letter (not the data day).
FORM = grid(
    ["Phụ Lục I"],
    ["Báo cáo kết quả giải ngân dự toán chi NSNN định kỳ tháng 10 năm 2023"],
    ["(Kèm theo Công văn số 1234/UBND-TH ngày 06/11/2023)"],
    ["STT", "Đơn vị - nội dung", "Kinh phí được sử dụng năm 2023", "Kinh phí được sử dụng năm 2023",
     "Giải ngân tháng báo cáo", "Giải ngân tháng báo cáo", "Lũy kế giải ngân từ đầu năm đến tháng báo cáo",
     "Lũy kế giải ngân từ đầu năm đến tháng báo cáo", "Lũy kế giải ngân từ đầu năm đến tháng báo cáo"],
    ["STT", "Đơn vị - nội dung", "Tổng cộng", "Trong đó", "Tổng cộng", "Tổng cộng", "Tổng cộng", "Tổng cộng", "Trong đó"],
    ["STT", "Đơn vị - nội dung", "Tổng cộng", "Nguồn quỹ", "Cộng", "Tỷ lệ (%)", "Cộng", "Tỷ lệ (%)", "Vốn CK"],
    ["", "Tổng cộng", "1.000", "0", "100", "10", "700", "70", "0"],
    ["1", "Thành phố Lai Châu", "1.000", "0", "100", "10", "700", "70", "0"],
)


def test_an_official_form_with_month_columns_and_unknown_sources() -> None:
    layout = read_layout(FORM)
    assert layout is not None and layout.as_of == date(2023, 10, 31) and layout.name_index == 1
    assert [c.letter for c in layout.value_columns] == ["C", "G", "H"]
    assert [c.letter for c in layout.unknown_columns] == ["D", "I"]
    in_month = next(c for c in layout.columns if c.letter == "E")
    assert in_month.in_period
    got = read_budget_rows(layout, FORM, label="f.xlsx", plans=[Plan("P", "Chương trình", PlanKind.PROGRAMME)],
                           org_units=UNITS, root="P", document=None, report=Report())
    paid = {(d.plan_code, d.org_unit_code): d for d in got.budget.disbursements}
    assert paid[("P", "TP")].amount == 700 and paid[("P", "TP")].stated_rate == 70


def test_no_header_is_none() -> None:
    assert read_layout(grid(["Chỉ tiêu", "Mục tiêu", "Kết quả"], ["GRDP", "9", "6"])) is None


def test_days_periods_scales_and_numbering() -> None:
    assert day_in("Giải ngân đến hết tháng 9/2023", None) == date(2023, 9, 30)
    assert day_in("Ước giải ngân 6 tháng đầu năm", 2024) == date(2024, 6, 30)
    assert day_in("Quý III", 2023) == date(2023, 9, 30)
    assert day_in("Kèm theo Công văn ngày 06/11/2023", 2023, title=True) is None
    assert day_in("số liệu tính đến ngày 31/10/2023", 2023, title=True) == date(2023, 10, 31)
    assert money_scale("ĐVT: Triệu đồng") == 1 and money_scale("Đơn vị tính: đồng") == 1e-6
    assert money_scale("Tổng số") is None
    assert [numbering_rank(n) for n in ("I", "1", "1.1", "1.1.2", "a", "-", "")] == [1, 2, 3, 4, 5, 6, None]
    assert label_number("Tiểu dự án 2: Hỗ trợ") == "2" and label_number("Huyện Than Uyên") is None
    assert column_letter(0) == "A" and column_letter(27) == "AB"


def test_an_estimate_column_is_flagged() -> None:
    g = grid(["STT", "Nội dung", "Kế hoạch vốn 2023", "Ước giải ngân đến 31/01/2024"],
             ["1", "Chương trình A", "100", "96"])
    layout = read_layout(g)
    assert layout is not None
    estimate = next(c for c in layout.value_columns if c.measure == "disbursed")
    assert estimate.flag is ObservationFlag.ESTIMATE and estimate.as_of == date(2024, 1, 31)
    assert estimate.period == Period.year(2023)

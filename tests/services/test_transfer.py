"""Registry import/export: values read as written, typed problems naming file/row/column, all or nothing,
and an exact round trip through CSV and XLSX."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from chitieu.domain import ObservationFlag, Op, PlanKind, Polarity, TargetKind, TargetVersion
from chitieu.messages import ChitieuError, Problem
from chitieu.services.database import open_database
from chitieu.services.registry import load_bundle, load_registry
from chitieu.services.transfer import export_registry, import_registry, read_registry
from service_store import Store

# A small registry written the way an office would: Vietnamese numbers, labels, empty cells.
REGISTRY: dict[str, str] = {
    "documents": """code,title,kind,issued_on
BC-2023,Báo cáo sơ kết giữa nhiệm kỳ,báo cáo,2023-06-30
""",
    "plans": """code,title,kind,number,issued_on,term_start,term_end,parent_code,budget,source_document,source_location
NQ-X,Nghị quyết Đại hội X,resolution,01-NQ/ĐH,15/10/2020,2020,2025,,,BC-2023,Phụ lục 2
CT-1,Chương trình giảm nghèo,Chương trình,,,2021,2025,NQ-X,"1.250,5",,
""",
    "org_units": """code,name,kind,parent_code
T,Tỉnh X,tỉnh,
H1,Huyện Một,huyện,T
""",
    "groups": """plan_code,code,name,order
NQ-X,I,Các chỉ tiêu kinh tế,1
NQ-X,II,Các chỉ tiêu xã hội,2
""",
    "indicators": """plan_code,code,name,unit,polarity,group_code,number
NQ-X,GRDP,Tốc độ tăng trưởng GRDP bình quân,%/năm,higher_better,I,1
NQ-X,NGHEO,Tỷ lệ hộ nghèo giảm bình quân,%/năm,,II,2
NQ-X,NTM,Xây dựng nông thôn mới,,boolean,II,3
NQ-X,VL,Giải quyết việc làm,lao động,,II,4
""",
    "targets": """plan_code,indicator_code,version,text,op,value,kind,source_document,source_location,source_quote
NQ-X,GRDP,adopted,9-10,,,,BC-2023,dòng 1,tăng 9-10%
NQ-X,GRDP,draft,>9,,,,,,
NQ-X,NGHEO,adopted,>3,>,3,annual_rate,,,
NQ-X,NTM,adopted,Hoàn thành,,,,,,
NQ-X,VL,adopted,8.500 lao động/năm,,,,,,
""",
    "observations": """plan_code,indicator_code,period,text,flag,stated_ratio,stated_verdict,org_unit_code,source_document
NQ-X,GRDP,2021-2023,"6,5",actual,"68,4%",Chưa đạt,,BC-2023
NQ-X,GRDP,2021,"6,14",,,,,
NQ-X,NGHEO,2021-2023,>4,ước,,Vượt,H1,
NQ-X,NTM,2023,Chưa hoàn thành,,,,,
""",
}


def write_registry(folder: Path, tables: dict[str, str] = REGISTRY) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in tables.items():
        (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    return folder


def edited(table: str, change: Callable[[str], str]) -> dict[str, str]:
    tables = dict(REGISTRY)
    tables[table] = change(tables[table])
    return tables


def test_values_are_read_as_written(tmp_path: Path) -> None:
    registry, report = read_registry(write_registry(tmp_path / "reg"))
    assert report.problems == [] and registry is not None
    assert registry.counts() == {
        "documents": 1, "plans": 2, "org_units": 2, "groups": 2, "indicators": 4, "targets": 5, "observations": 4,
        "stated_counts": 0, "capital_plans": 0, "disbursements": 0, "disbursement_targets": 0, "unit_changes": 0,
        "round_rules": 0, "tasks": 0,
    }
    program = registry.plan("CT-1")
    assert program is not None and program.kind is PlanKind.PROGRAMME and program.budget == 1250.5
    nq = registry.plan("NQ-X")
    assert nq is not None and nq.issued_on is not None and nq.issued_on.isoformat() == "2020-10-15"
    assert registry.plan_sources["NQ-X"].location == "Phụ lục 2"
    bundle = registry.bundle("NQ-X")
    assert bundle is not None
    assert bundle.indicator("NGHEO").polarity is Polarity.HIGHER_BETTER  # type: ignore[union-attr]
    grdp = bundle.targets_of("GRDP", TargetVersion.ADOPTED)[0]
    assert (grdp.op, grdp.low, grdp.high) == (Op.RANGE, 9.0, 10.0)
    assert grdp.kind is TargetKind.ANNUAL_RATE  # "%/năm" indicator
    assert (grdp.start_year, grdp.deadline) == (2020, 2025)  # from the plan's term
    assert grdp.provenance is not None and grdp.provenance.quote == "tăng 9-10%"
    assert bundle.targets_of("GRDP", TargetVersion.DRAFT)[0].op is Op.GT
    jobs = bundle.targets_of("VL")[0]
    assert (jobs.value, jobs.kind) == (8500.0, TargetKind.PER_YEAR)
    assert bundle.targets_of("NTM")[0].op is Op.DONE
    mid = bundle.observations_of("GRDP")[0]
    assert (mid.period.start, mid.period.end, mid.value, mid.stated_ratio) == (2021, 2023, 6.5, 68.4)
    poverty = bundle.observations_of("NGHEO", "H1")[0]
    assert (poverty.op, poverty.value, poverty.flag) == (Op.GT, 4.0, ObservationFlag.ESTIMATE)
    rural = bundle.observations_of("NTM")[0]
    assert (rural.op, rural.value) == (Op.DONE, 0.0)
    assert bundle.related_plans == [program]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_import_round_trip_is_identical(store: Store, tmp_path: Path, fmt: str) -> None:
    outcome = store(import_registry, write_registry(tmp_path / "reg"))
    assert outcome.written and outcome.counts["observations"] == 4
    original, registry = store(load_bundle, "NQ-X"), store(load_registry)
    target = tmp_path / ("out.xlsx" if fmt == "xlsx" else "out")
    store(export_registry, target, fmt=fmt)  # type: ignore[arg-type]
    with open_database(tmp_path / "second.db") as database:
        second = Store(database)
        again = second(import_registry, target)
        assert again.report.errors() == []
        assert second(load_bundle, "NQ-X") == original
        assert second(load_registry) == registry


def test_export_of_one_plan_keeps_its_parent_and_children(store: Store, tmp_path: Path) -> None:
    store(import_registry, write_registry(tmp_path / "reg"))
    store(export_registry, tmp_path / "one", plan_code="CT-1")
    registry, report = read_registry(tmp_path / "one")
    assert report.ok and registry is not None
    assert [p.code for p in registry.plans] == ["NQ-X", "CT-1"]  # parent kept so the reference holds
    with pytest.raises(ChitieuError) as info:
        store(export_registry, tmp_path / "none", plan_code="NOPE")
    assert info.value.code == "plan_not_found"


def _first_error(tmp_path: Path, tables: dict[str, str]) -> Problem:
    registry, report = read_registry(write_registry(tmp_path / "bad", tables))
    assert registry is None
    return report.errors()[0]


@pytest.mark.parametrize(
    ("table", "change", "code", "row", "column"),
    [
        ("indicators", lambda t: t.replace("plan_code,code,name,", "plan_code,code,ten,"), "missing_column", None, "name"),
        ("plans", lambda t: t.replace('"1.250,5"', "nhiều"), "bad_number", 3, "budget"),
        ("indicators", lambda t: t.replace("lao động,,II", "đơn vị 2x,,II"), "unknown_unit", 5, "unit"),
        ("targets", lambda t: t.replace("8.500 lao động/năm", "#N/A"), "bad_target", 6, "text"),
        ("indicators", lambda t: t.replace("NQ-X,VL,", "NQ-X,NTM,"), "duplicate_key", 5, None),
        ("targets", lambda t: t.replace("NQ-X,NTM,adopted", "NQ-X,NTN,adopted"), "unknown_reference", 5, "indicator_code"),
        ("observations", lambda t: t.replace("NQ-X,NTM,2023", "NQ-X,NTM,2023-20xx"), "bad_period", 5, "period"),
        ("targets", lambda t: t.replace(">3,>,3", ">3,>,4"), "text_disagrees", 4, "value"),
        ("targets", lambda t: t.replace("NQ-X,GRDP,draft", "NQ-X,GRDP,final"), "bad_choice", 3, "version"),
        ("indicators", lambda t: t.replace("higher_better", "ngang"), "bad_polarity", 2, "polarity"),
        ("observations", lambda t: t.replace('"6,14"', "6,14"), "csv_malformed", 3, None),
        ("documents", lambda t: t.replace("2023-06-30", "30-06-2023x"), "bad_date", 2, "issued_on"),
        ("org_units", lambda t: t.replace("T,Tỉnh X,tỉnh,", "T,Tỉnh X,tỉnh,H1"), "parent_cycle", 2, "parent_code"),
        ("observations", lambda t: t.replace("Vượt,H1", "Vượt,H9"), "unknown_reference", 4, "org_unit_code"),
        ("targets", lambda t: t.replace("NQ-X,NTM,adopted,Hoàn thành", "NQ-X,NTM,,Hoàn thành"), "missing_value", 5, "version"),
    ],
)
def test_problems_name_file_row_and_column(
    tmp_path: Path, table: str, change: Callable[[str], str], code: str, row: int | None, column: str | None
) -> None:
    problem = _first_error(tmp_path, edited(table, change))
    assert (problem.code, problem.row, problem.column) == (code, row, column)
    assert problem.path.endswith(f"{table}.csv")
    assert f"{table}.csv" in problem.message
    if row is not None:
        assert f"dòng {row}" in problem.message
    if column is not None:
        assert column in problem.message


def test_missing_required_table(tmp_path: Path) -> None:
    tables = {k: v for k, v in REGISTRY.items() if k != "plans"}
    registry, report = read_registry(write_registry(tmp_path / "bad", tables))
    assert registry is None
    assert "missing_table" in {p.code for p in report.errors()}


def test_unknown_columns_and_tables_are_warnings(tmp_path: Path) -> None:
    folder = write_registry(tmp_path / "reg", edited("groups", lambda t: t.replace("order\n", "order,ghi_chu\n", 1)))
    (folder / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    registry, report = read_registry(folder)
    assert registry is not None and report.ok
    assert {p.code for p in report.problems} == {"unknown_column", "unknown_table"}


def test_error_in_last_row_writes_nothing(store: Store, tmp_path: Path) -> None:
    tables = edited("observations", lambda t: t.replace("Chưa hoàn thành", "???"))
    outcome = store(import_registry, write_registry(tmp_path / "bad", tables))
    assert not outcome.written
    assert [(p.code, p.row) for p in outcome.report.errors()] == [("bad_target", 5)]
    for table in ("documents", "plans", "org_units", "indicators", "targets", "observations"):
        assert store.count(table) == 0, table


def test_failed_reimport_keeps_previous_data(store: Store, tmp_path: Path) -> None:
    store(import_registry, write_registry(tmp_path / "good"))
    before = store(load_registry)
    tables = edited("targets", lambda t: t.replace("9-10", "9-11")) | edited("observations", lambda t: t.replace("2021,", "20x1,"))
    outcome = store(import_registry, write_registry(tmp_path / "bad", tables))
    assert not outcome.written
    assert store(load_registry) == before


def test_workbook_rows_are_sheet_rows(store: Store, tmp_path: Path) -> None:
    store(import_registry, write_registry(tmp_path / "reg"))
    book_path = store(export_registry, tmp_path / "reg.xlsx", fmt="xlsx")[0]
    book = load_workbook(book_path)
    sheet = book["indicators"]
    unit_column = [c.value for c in sheet[1]].index("unit") + 1
    sheet.cell(row=3, column=unit_column, value="??%%")
    book.save(book_path)
    registry, report = read_registry(book_path)
    assert registry is None
    problem = report.errors()[0]
    assert (problem.code, problem.row, problem.column) == ("unknown_unit", 3, "unit")
    assert "reg.xlsx › indicators" in problem.message


def test_corrupt_workbook_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "hong.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(ChitieuError) as info:
        read_registry(bad)
    assert info.value.code == "file_corrupt"
    assert "hong.xlsx" in info.value.message


def test_utf16_and_semicolon_csv_are_read(tmp_path: Path) -> None:
    folder = write_registry(tmp_path / "reg")
    (folder / "indicators.csv").write_text(REGISTRY["indicators"], encoding="utf-16")
    (folder / "groups.csv").write_text(REGISTRY["groups"].replace(",", ";"), encoding="utf-8-sig")
    registry, report = read_registry(folder)
    assert report.problems == [] and registry is not None
    bundle = registry.bundle("NQ-X")
    assert bundle is not None
    assert bundle.indicator("GRDP").name == "Tốc độ tăng trưởng GRDP bình quân"  # type: ignore[union-attr]
    assert [g.name for g in bundle.groups] == ["Các chỉ tiêu kinh tế", "Các chỉ tiêu xã hội"]


def test_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ChitieuError) as info:
        read_registry(tmp_path / "khong-co")
    assert info.value.code == "registry_not_found"


def test_figures_saved_without_text_are_exported_with_written_text(store: Store, tmp_path: Path) -> None:
    from chitieu.domain import Indicator, Observation, Period, Plan, PlanBundle, Target
    from chitieu.services.registry import save_bundle

    bundle = PlanBundle(
        plan=Plan("P", "Kế hoạch", term_start=2021, term_end=2025),
        indicators=[Indicator("A", "Doanh thu du lịch", "tỷ đồng", plan_code="P", order=1)],
        targets=[
            Target("A", Op.RANGE, low=2134.6, high=2500.0, deadline=2025, start_year=2021, plan_code="P", unit="tỷ đồng"),
            Target("A", Op.GE, value=0.125, deadline=2025, start_year=2021, plan_code="P", version=TargetVersion.DRAFT),
        ],
        observations=[Observation("A", Period.year(2023), 1234567.5), Observation("A", Period.year(2024), None, Op.DONE)],
    )
    store(save_bundle, bundle)
    store(export_registry, tmp_path / "out")
    targets = (tmp_path / "out" / "targets.csv").read_text(encoding="utf-8-sig")
    assert "P,A,adopted,2.134,6-2.500,range,,2134,6,2500," not in targets  # CSV quoting keeps commas inside cells
    assert '"2.134,6-2.500"' in targets and '"2134,6"' in targets and "≥0,125" in targets
    registry, report = read_registry(tmp_path / "out")
    assert report.errors() == [] and registry is not None
    again = registry.bundle("P")
    assert again is not None
    assert [(t.op, t.value, t.low, t.high) for t in again.targets] == [(t.op, t.value, t.low, t.high) for t in bundle.targets]
    assert [(o.op, o.value) for o in again.observations] == [(Op.EQ, 1234567.5), (Op.DONE, 1.0)]


def test_results_written_in_words_are_kept_with_warnings_and_assessed(store: Store, tmp_path: Path) -> None:
    from chitieu.assessment import assess_bundle

    words = dict(
        REGISTRY,
        indicators=REGISTRY["indicators"] + "NQ-X,DV,Kết nạp đảng viên mới,đảng viên/năm,,II,5\n",
        targets=REGISTRY["targets"] + "NQ-X,DV,adopted,1.060 đảng viên/năm,,,,,,\n",
        observations=REGISTRY["observations"].replace("NQ-X,NTM,2023,Chưa hoàn thành", "NQ-X,NTM,2023,Chưa thực hiện")
        + 'NQ-X,DV,2021-2023,Trung bình kết nạp 1.020 đảng viên/năm (96%),,,Đạt,,\n'
        + "NQ-X,VL,2021-2023,Đang triển khai,,,,,\n",
    )
    outcome = store(import_registry, write_registry(tmp_path / "words", words))
    assert outcome.written, [p.message for p in outcome.report.errors()]
    warnings = [(p.code, p.row, p.column, p.severity) for p in outcome.report.problems]
    assert warnings == [
        ("text_value_words", 5, "text", "warning"), ("text_value_read", 6, "text", "warning"),
        ("text_value_kept", 7, "text", "warning"),
    ]
    assert "Chưa thực hiện" in outcome.report.problems[0].message
    bundle = store(load_bundle, "NQ-X")
    kept = {o.indicator_code: o for o in bundle.observations if o.period.label() in ("2023", "2021-2023")}
    assert kept["DV"].text == "Trung bình kết nạp 1.020 đảng viên/năm (96%)"
    assert (kept["DV"].value, kept["DV"].stated_ratio) == (1020.0, 96.0)
    assert (kept["NTM"].op, kept["NTM"].value) == (Op.DONE, 0.0)
    assert (kept["VL"].value, kept["VL"].text) == (None, "Đang triển khai")
    rows = {r.code: r for r in assess_bundle(bundle, as_of=2023)}
    assert rows["NTM"].status == "not_yet"  # "Chưa thực hiện" before the deadline
    assert rows["DV"].value == 1020.0 and rows["DV"].status == "not_yet"
    assert rows["VL"].status == "no_data" and rows["VL"].value_text == "Đang triển khai"


def test_genuinely_broken_input_still_refuses_everything(store: Store, tmp_path: Path) -> None:
    cases = {
        "unknown plan": edited("targets", lambda t: t + "NQ-KHAC,GRDP,adopted,9,,,,,,\n"),
        "duplicate code": edited("indicators", lambda t: t + "NQ-X,GRDP,Trùng mã,%,,I,9\n"),
        "bad date": edited("plans", lambda t: t.replace("15/10/2020", "31/02/2020")),
        "garbage": edited("observations", lambda t: t.replace("Chưa hoàn thành", "#REF!")),
    }
    for name, tables in cases.items():
        outcome = store(import_registry, write_registry(tmp_path / name.replace(" ", "_"), tables))
        assert not outcome.written and outcome.report.errors(), name
        assert store.count("plans") == 0, name

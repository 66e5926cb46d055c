"""The ``tasks`` table of the exchange format: states in words, deadlines as days or years, overdue derived,
clear problems for bad cells (pure)."""

from __future__ import annotations

from datetime import date

from chitieu.domain import TaskProgress, TaskState, task_state
from chitieu.messages import Report
from chitieu.registry import RawRow, RawTable, parse_registry, registry_tables


def table(name: str, *rows: dict[str, str]) -> RawTable:
    columns = list(dict.fromkeys(k for r in rows for k in r))
    return RawTable(name, f"{name}.csv", columns, [RawRow(i + 2, dict(r)) for i, r in enumerate(rows)])


def base(*tasks: dict[str, str]) -> dict[str, RawTable]:
    return {
        "documents": table("documents", {"code": "BC", "title": "Báo cáo"}),
        "plans": table("plans", {"code": "NQ", "title": "Nghị quyết"}),
        "org_units": table("org_units", {"code": "T", "name": "Tỉnh"}),
        "indicators": table("indicators", {"plan_code": "NQ", "code": "A", "name": "Chỉ tiêu A"}),
        "tasks": table("tasks", *tasks),
    }


def test_tasks_are_read_with_states_in_words_and_deadlines_as_years() -> None:
    report = Report()
    registry = parse_registry(base(
        {"plan_code": "NQ", "code": "T1", "title": "Ban hành đề án", "deadline": "2025", "state": "Đang thực hiện",
         "owner_unit_code": "T", "source_document": "BC", "source_location": "Phụ lục 2", "source_quote": "Số 03"},
        {"plan_code": "NQ", "code": "T2", "title": "Tổng kết", "deadline": "30/6/2024", "state": "hoàn thành",
         "completed_on": "2024-07-15"},
        {"plan_code": "NQ", "code": "T3", "title": "Khảo sát"},
    ), report, "reg")
    assert report.ok and registry is not None, report.problems
    t1, t2, t3 = registry.tasks
    assert (t1.deadline, t1.progress, t1.owner_unit_code) == (date(2025, 12, 31), TaskProgress.IN_PROGRESS, "T")
    assert t1.evidence is not None and (t1.evidence.document, t1.evidence.quote) == ("BC", "Số 03")
    assert task_state(t2, date(2025, 1, 1)) is TaskState.DONE_LATE  # done after its deadline
    assert t3.progress is TaskProgress.NOT_STARTED and t3.deadline is None
    assert task_state(t1, date(2026, 1, 1)) is TaskState.OVERDUE and task_state(t1, date(2025, 12, 31)) is TaskState.IN_PROGRESS
    assert registry.counts()["tasks"] == 3


def test_the_exchange_rows_read_back_the_same_tasks() -> None:
    report = Report()
    registry = parse_registry(base(
        {"plan_code": "NQ", "code": "T1", "title": "Ban hành đề án", "number": "II.3", "deadline": "2025-06-30",
         "state": "hoàn thành quá hạn", "note": "chậm 2 tháng"},
    ), report, "reg")
    assert registry is not None
    columns, rows = registry_tables(registry)["tasks"]
    again = parse_registry({**base(), "tasks": RawTable("tasks", "tasks", columns, [
        RawRow(2, {c: ("" if v is None else str(v)) for c, v in zip(columns, rows[0], strict=True)})])}, Report(), "x")
    assert again is not None and again.tasks == registry.tasks


def test_bad_cells_are_reported_with_row_and_column() -> None:
    report = Report()
    registry = parse_registry(base(
        {"plan_code": "NQ", "code": "T1", "title": "A", "state": "sắp xong"},
        {"plan_code": "NQ", "code": "T2", "title": "B", "deadline": "31/02/2025"},
        {"plan_code": "NQ", "code": "T3", "title": "C", "state": "đang thực hiện", "completed_on": "2024"},
        {"plan_code": "KHAC", "code": "T4", "title": "D"},
        {"plan_code": "NQ", "code": "T5", "title": "E", "owner_unit_code": "HUYEN"},
        {"plan_code": "NQ", "code": "T6", "title": "F"},
        {"plan_code": "NQ", "code": "", "title": "G"},
        {"plan_code": "NQ", "code": "T6", "title": "H"},
    ), report, "reg")
    assert registry is None
    found = {(p.row, p.column, p.code) for p in report.errors()}
    assert {(2, "state", "task_bad_state"), (3, "deadline", "bad_date"),
            (4, "completed_on", "task_completed_not_done"), (5, "plan_code", "unknown_reference"),
            (6, "owner_unit_code", "unknown_reference"), (9, None, "duplicate_key"), (8, "code", "missing_value")} <= found
    bad_state = next(p for p in report.errors() if p.code == "task_bad_state")
    assert "sắp xong" in bad_state.message and "tasks.csv" in bad_state.message and "đang thực hiện" in bad_state.message


def test_overdue_written_as_a_state_is_kept_as_in_progress_with_a_warning() -> None:
    report = Report()
    registry = parse_registry(base({"plan_code": "NQ", "code": "T1", "title": "A", "state": "Quá hạn",
                                    "deadline": "2023"}), report, "reg")
    assert registry is not None and registry.tasks[0].progress is TaskProgress.IN_PROGRESS
    assert [p.code for p in report.warnings()] == ["task_state_overdue_derived"]

"""Tasks in the store (SQLite and PostgreSQL): the bundled Phụ lục 2 register as tasks of the main plan,
overdue derived on the day asked, add and update with events and versions, officers scoped to their units,
the exchange format round trip."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from chitieu.domain import Actor, Provenance, Task, TaskProgress, TaskState
from chitieu.messages import ChitieuError
from chitieu.services.datasets import install_dataset
from chitieu.services.tasks import (
    add_task,
    get_task,
    list_tasks,
    overdue_tasks,
    parse_day,
    parse_progress,
    task_history,
    update_task,
)
from chitieu.services.transfer import export_registry, import_registry
from service_store import Store

PLAN = "LC-XIV"
REPORT_DAY = date(2023, 10, 31)


@pytest.fixture
def laichau(store: Store) -> Store:
    store(install_dataset, "laichau_xiv")
    return store


def test_the_register_of_thematic_documents_is_the_main_plans_tasks(laichau: Store) -> None:
    views = laichau(list_tasks, PLAN, as_of=REPORT_DAY)
    assert len(views) == 18
    assert [v.task.number for v in views] == [str(n) for n in range(1, 19)]  # register order
    first = views[0].task
    assert first.code == "NQ03-TU" and first.title.startswith("Nghị quyết của Ban Chấp hành Đảng bộ tỉnh về phát triển rừng")
    assert first.evidence is not None and first.evidence.document == "BC-002-2023" and "STT 1" in first.evidence.location
    assert {v.state for v in views} == {TaskState.IN_PROGRESS}  # as the 2023 report states: being carried out
    # the 2021-2025 documents fall due at the end of 2025; NQ10 runs to 2030; most conclusions have no deadline
    assert sum(1 for v in views if v.task.deadline == date(2025, 12, 31)) == 11


def test_overdue_is_worked_out_on_the_day_asked(laichau: Store) -> None:
    with laichau.database.session() as session:
        assert overdue_tasks(session, "default", date(2025, 12, 31)) == []
        late = overdue_tasks(session, "default", date(2026, 3, 1))
    assert len(late) == 11 and all(v.state is TaskState.OVERDUE and v.days_overdue == 60 for v in late)
    assert "NQ10-TU" not in {v.task.code for v in late}  # due 2030
    assert {v.task.code for v in laichau(list_tasks, PLAN, as_of=date(2026, 3, 1), state=TaskState.OVERDUE)} \
        == {v.task.code for v in late}


def test_reporting_progress_records_an_event_and_bumps_the_version(laichau: Store) -> None:
    before = laichau(get_task, PLAN, "NQ03-TU", as_of=REPORT_DAY)
    done = laichau(update_task, PLAN, "NQ03-TU", {"progress": TaskProgress.DONE, "completed_on": date(2026, 2, 1)},
                   as_of=date(2026, 3, 1), expected_version=before.version, reason="Báo cáo tổng kết")
    assert done.state is TaskState.DONE_LATE and done.version == before.version + 1  # done after 31/12/2025
    history = laichau(task_history, PLAN, "NQ03-TU")
    assert [e.action for e in history] == ["dataset.install", "task.update"]
    assert history[-1].before == {"completed_on": None, "progress": "in_progress"}
    assert history[-1].after == {"completed_on": "2026-02-01", "progress": "done"} and history[-1].reason == "Báo cáo tổng kết"
    with pytest.raises(ChitieuError) as stale:  # someone saw the old version
        laichau(update_task, PLAN, "NQ03-TU", {"note": "x"}, as_of=date(2026, 3, 1), expected_version=before.version)
    assert stale.value.code == "conflict_stale" and "Hoàn thành" in stale.value.message
    back = laichau(update_task, PLAN, "NQ03-TU", {"progress": TaskProgress.IN_PROGRESS}, as_of=date(2026, 3, 1))
    assert back.task.completed_on is None and back.state is TaskState.OVERDUE  # not done any more: day cleared


def test_bad_updates_are_refused_and_nothing_is_written(laichau: Store) -> None:
    cases = [
        ({"progress": TaskProgress.IN_PROGRESS, "completed_on": date(2024, 1, 1)}, "task_completed_not_done_state"),
        ({"progress": TaskProgress.DONE, "completed_on": date(2030, 1, 1)}, "task_completed_in_future"),
        ({"owner_unit_code": "NOWHERE"}, "org_unit_not_found"),
        ({"colour": "red"}, "task_unknown_field"),
        ({}, "task_nothing_to_change"),
    ]
    for changes, code in cases:
        with pytest.raises(ChitieuError) as error:
            laichau(update_task, PLAN, "NQ04-TU", changes, as_of=date(2026, 1, 1))
        assert error.value.code == code, changes
    with pytest.raises(ChitieuError) as missing:
        laichau(update_task, PLAN, "NO-SUCH", {"note": "x"}, as_of=date(2026, 1, 1))
    assert missing.value.code == "task_not_found" and "NO-SUCH" in missing.value.message
    assert [e.action for e in laichau(task_history, PLAN, "NQ04-TU")] == ["dataset.install"]


def test_add_task_and_its_checks(laichau: Store) -> None:
    task = Task(PLAN, "RS-01", "Rà soát, sửa đổi quy chế", owner_unit_code="LC-THAN-UYEN", deadline=date(2024, 6, 30),
                evidence=Provenance("BC-002-2023", "Mục C", "rà soát"))
    view = laichau(add_task, task, as_of=date(2024, 7, 1))
    assert view.state is TaskState.OVERDUE and view.days_overdue == 1 and view.task.order == 19  # after the register
    with pytest.raises(ChitieuError) as twice:
        laichau(add_task, task, as_of=date(2024, 7, 1))
    assert twice.value.code == "task_exists"
    with pytest.raises(ChitieuError) as no_plan:
        laichau(add_task, Task("KHONG-CO", "X", "Y"), as_of=date(2024, 7, 1))
    assert no_plan.value.code == "plan_not_found"
    assert [e.action for e in laichau(task_history, PLAN, "RS-01")] == ["task.add"]


def test_officers_report_only_their_units_tasks_and_cannot_change_the_register(laichau: Store) -> None:
    laichau(add_task, Task(PLAN, "TU-1", "Nhiệm vụ của huyện", owner_unit_code="LC-THAN-UYEN"), as_of=REPORT_DAY)
    officer = laichau.as_actor(Actor("lan", role="officer", units=frozenset({"LC-THAN-UYEN"}), via="web"))
    done = officer(update_task, PLAN, "TU-1", {"progress": TaskProgress.IN_PROGRESS}, as_of=REPORT_DAY)
    assert done.state is TaskState.IN_PROGRESS
    with pytest.raises(ChitieuError) as other_unit:
        officer(update_task, PLAN, "NQ03-TU", {"progress": TaskProgress.DONE}, as_of=REPORT_DAY)
    assert other_unit.value.code == "task_unit_forbidden"
    with pytest.raises(ChitieuError) as register:
        officer(update_task, PLAN, "TU-1", {"deadline": date(2030, 1, 1)}, as_of=REPORT_DAY)
    assert register.value.code == "forbidden"
    viewer = laichau.as_actor(Actor("xem", role="viewer"))
    assert len(viewer(list_tasks, PLAN, as_of=REPORT_DAY)) == 19
    with pytest.raises(ChitieuError):
        viewer(add_task, Task(PLAN, "V", "V"), as_of=REPORT_DAY)


def test_tasks_go_through_the_exchange_format(laichau: Store, tmp_path: Path) -> None:
    laichau(update_task, PLAN, "KL30-TU", {"progress": TaskProgress.DONE, "completed_on": date(2023, 5, 1)},
            as_of=REPORT_DAY)
    laichau(export_registry, tmp_path / "reg")
    text = (tmp_path / "reg" / "tasks.csv").read_text(encoding="utf-8-sig")
    assert text.count("\n") == 19 and "KL30-TU" in text
    other = laichau.as_actor(Actor("test", workspace="other", role="admin"))
    from chitieu.services.workspaces import create_workspace

    laichau(create_workspace, "other")
    other(import_registry, tmp_path / "reg")
    mine = [v.task for v in laichau(list_tasks, PLAN, as_of=REPORT_DAY)]
    theirs = [v.task for v in other(list_tasks, PLAN, as_of=REPORT_DAY)]
    assert theirs == mine and theirs[10].progress is TaskProgress.DONE


def test_edges_read_days_and_states_as_people_write_them() -> None:
    assert parse_day("31/12/2025", field="x") == parse_day("2025", field="x") == date(2025, 12, 31)
    assert parse_progress("Hoàn thành quá hạn") is TaskProgress.DONE_LATE and parse_progress("done") is TaskProgress.DONE
    for bad, code in (("quá hạn", "task_overdue_not_reported"), ("gần xong", "task_bad_progress")):
        with pytest.raises(ChitieuError) as error:
            parse_progress(bad)
        assert error.value.code == code
    with pytest.raises(ChitieuError, match="32/1/2025"):
        parse_day("32/1/2025", field="deadline")


def test_the_library_lists_tasks_and_overdue_ones(tmp_path: Path) -> None:
    import chitieu

    with chitieu.open(tmp_path / "lib.db") as ws:
        ws.install_dataset("laichau_xiv")
        assert len(ws.tasks("LC-XIV", as_of=REPORT_DAY)) == 18
        assert len(ws.tasks(as_of=date(2026, 3, 1), state="quá hạn")) == 11
        late = ws.overdue_tasks(date(2026, 3, 1))
        assert [v.days_overdue for v in late] == [60] * 11 and late[0].to_dict()["state_vi"] == "Quá hạn"

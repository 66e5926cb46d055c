"""``chitieu task …``: tasks (nhiệm vụ) of a plan — list with their state on a day, add, update, history."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from chitieu.cli.common import db_option, unit_of_work, workspace_option
from chitieu.cli.programme import _emit
from chitieu.messages import ChitieuError, msg

task_app = typer.Typer(help="Nhiệm vụ của kế hoạch, nghị quyết: đơn vị chủ trì, thời hạn, tình trạng, minh chứng, lịch sử.",
                       no_args_is_help=True)
PLAN_HELP = "Mã kế hoạch (mặc định: kế hoạch chính của không gian làm việc)."
STATE_HELP = "Tình trạng: chưa triển khai, đang thực hiện, hoàn thành, hoàn thành quá hạn (hoặc not_started, in_progress, done, done_late)."
DAY_HELP = "Ngày (31/12/2025, 2025-12-31) hoặc năm (2025 = ngày 31/12)."
CSV_COLUMNS = ("plan_code", "number", "code", "title", "owner_unit", "owner", "deadline", "progress", "completed_on",
               "state", "state_vi", "as_of", "days_overdue", "note", "evidence_document", "evidence_location",
               "evidence_quote", "version")
SHOWN_ON_CREATE = ("progress", "deadline", "completed_on", "owner_unit_code")
STATE_STYLES = {"overdue": "bold red", "done": "green", "done_late": "yellow", "in_progress": "", "not_started": "dim"}


def _day(text: str | None, option: str) -> date | None:
    from chitieu.services.tasks import parse_day

    if text is None or not text.strip():
        return None
    return parse_day(text, field=option)


def _plan(session: Any, actor: Any, plan: str | None) -> str:
    from chitieu.services.registry import default_plan

    return plan or default_plan(session, actor)


def _evidence(document: str | None, location: str | None, quote: str | None) -> Any:
    from chitieu.services.tasks import evidence_of

    return evidence_of(document, location or "", quote or "")


@task_app.command("list")
def list_command(
    db: str | None = db_option(), workspace: str = workspace_option(),
    plan: str | None = typer.Option(None, "--plan", help="Mã kế hoạch (mặc định: mọi kế hoạch)."),
    state: str | None = typer.Option(None, "--state", help=STATE_HELP + " Hoặc «quá hạn» (overdue)."),
    unit: str | None = typer.Option(None, "--unit", help="Chỉ nhiệm vụ do đơn vị này chủ trì (mã đơn vị)."),
    as_of: str | None = typer.Option(None, "--as-of", help="Tình trạng vào ngày này (mặc định: hôm nay). " + DAY_HELP),
    fmt: str = typer.Option("table", "--format", help="table | json | csv"),
    out: Path | None = typer.Option(None, "--out", help="Ghi kết quả ra tệp (json, csv) thay vì in ra màn hình."),
) -> None:
    """Liệt kê nhiệm vụ với tình trạng vào một ngày (quá hạn được tính theo thời hạn) và minh chứng."""
    if fmt not in ("table", "json", "csv"):
        raise ChitieuError("bad_option", option="--format", reason=msg("cli_bad_value_choice", value=fmt,
                                                                       accepted="table, json, csv"))
    from chitieu.domain import TaskState
    from chitieu.services.tasks import list_tasks, parse_state

    day = _day(as_of, "--as-of") or date.today()
    wanted = parse_state(state) if state is not None else None
    with unit_of_work(db, workspace) as (session, actor):
        views = list_tasks(session, actor, plan, as_of=day, state=wanted, unit=unit)
    rows = [v.to_dict() for v in views]
    if fmt == "json":
        _emit(json.dumps({"as_of": day.isoformat(), "tasks": rows}, ensure_ascii=False, indent=2), out)
        return
    if fmt == "csv":
        from chitieu.reports.safe_cells import SafeDictWriter

        buffer = io.StringIO()
        writer = SafeDictWriter(buffer, CSV_COLUMNS, bom=out is not None)
        writer.writeheader()
        for d in rows:
            ev = d.pop("evidence") or {}
            d |= {"evidence_document": ev.get("document"), "evidence_location": ev.get("location"),
                  "evidence_quote": ev.get("quote")}
            writer.writerow({k: d.get(k) for k in CSV_COLUMNS})
        _emit(buffer.getvalue(), out)
        return
    console = Console() if Console().is_terminal else Console(width=180)
    table = Table(title=msg("task_table_title", day=day.strftime("%d/%m/%Y")), header_style="bold")
    for column in ("task_col_number", "task_col_code", "task_col_title", "task_col_owner", "task_col_deadline",
                   "task_col_state", "task_col_evidence"):
        table.add_column(msg(column), overflow="fold")
    for v in views:
        t = v.task
        style = STATE_STYLES.get(v.state.value, "")
        shown = v.state.label_vi + (f" ({msg('task_days_overdue', days=v.days_overdue)})" if v.days_overdue else "")
        table.add_row(t.number, t.code, t.title, t.owner or t.owner_unit_code or "",
                      t.deadline.strftime("%d/%m/%Y") if t.deadline else msg("task_no_deadline"),
                      f"[{style}]{shown}[/{style}]" if style else shown,
                      t.evidence.short() if t.evidence else "")
    console.print(table)
    overdue = sum(1 for v in views if v.state is TaskState.OVERDUE)
    console.print(msg("task_summary", total=len(views), overdue=overdue, day=day.strftime("%d/%m/%Y"))
                  if views else msg("task_none"))


@task_app.command("add")
def add_command(
    code: str = typer.Argument(..., help="Mã nhiệm vụ (duy nhất trong kế hoạch)."),
    title: str = typer.Option(..., "--title", help="Nội dung nhiệm vụ."),
    db: str | None = db_option(), workspace: str = workspace_option(),
    plan: str | None = typer.Option(None, "--plan", help=PLAN_HELP),
    number: str = typer.Option("", "--number", help="Số thứ tự như văn bản ghi (1, II.3)."),
    owner_unit: str | None = typer.Option(None, "--owner-unit", help="Mã đơn vị chủ trì."),
    owner: str = typer.Option("", "--owner", help="Cơ quan chủ trì như văn bản ghi."),
    deadline: str | None = typer.Option(None, "--deadline", help="Thời hạn. " + DAY_HELP),
    state: str = typer.Option("chưa triển khai", "--state", help=STATE_HELP),
    completed_on: str | None = typer.Option(None, "--completed-on", help="Ngày hoàn thành. " + DAY_HELP),
    note: str = typer.Option("", "--note", help="Ghi chú."),
    evidence_document: str | None = typer.Option(None, "--evidence-document", help="Mã văn bản minh chứng."),
    evidence_location: str | None = typer.Option(None, "--evidence-location", help="Vị trí trong văn bản (mục, trang, dòng)."),
    evidence_quote: str | None = typer.Option(None, "--evidence-quote", help="Trích dẫn ngắn làm minh chứng."),
) -> None:
    """Thêm một nhiệm vụ vào kế hoạch."""
    from chitieu.domain import Task
    from chitieu.services.tasks import add_task, parse_progress

    task_kwargs: dict[str, Any] = {
        "code": code, "title": title, "number": number, "owner_unit_code": owner_unit, "owner": owner,
        "deadline": _day(deadline, "--deadline"), "progress": parse_progress(state),
        "completed_on": _day(completed_on, "--completed-on"), "note": note,
        "evidence": _evidence(evidence_document, evidence_location, evidence_quote),
    }
    with unit_of_work(db, workspace, write=True) as (session, actor):
        plan_code = _plan(session, actor, plan)
        view = add_task(session, actor, Task(plan_code=plan_code, **task_kwargs), as_of=date.today())
    typer.echo(msg("task_added", code=code, plan=plan_code, state=view.state.label_vi))


@task_app.command("update")
def update_command(
    code: str = typer.Argument(..., help="Mã nhiệm vụ."),
    db: str | None = db_option(), workspace: str = workspace_option(),
    plan: str | None = typer.Option(None, "--plan", help=PLAN_HELP),
    state: str | None = typer.Option(None, "--state", help=STATE_HELP),
    completed_on: str | None = typer.Option(None, "--completed-on", help="Ngày hoàn thành. " + DAY_HELP),
    deadline: str | None = typer.Option(None, "--deadline", help="Thời hạn mới. " + DAY_HELP),
    title: str | None = typer.Option(None, "--title", help="Nội dung nhiệm vụ mới."),
    owner_unit: str | None = typer.Option(None, "--owner-unit", help="Mã đơn vị chủ trì mới."),
    owner: str | None = typer.Option(None, "--owner", help="Cơ quan chủ trì như văn bản ghi."),
    note: str | None = typer.Option(None, "--note", help="Ghi chú."),
    evidence_document: str | None = typer.Option(None, "--evidence-document", help="Mã văn bản minh chứng."),
    evidence_location: str | None = typer.Option(None, "--evidence-location", help="Vị trí trong văn bản (mục, trang, dòng)."),
    evidence_quote: str | None = typer.Option(None, "--evidence-quote", help="Trích dẫn ngắn làm minh chứng."),
    expected_version: int | None = typer.Option(None, "--expected-version", help="Phiên bản đã xem; bị từ chối nếu người khác đã sửa."),
    reason: str = typer.Option("", "--reason", help="Lý do thay đổi (ghi vào lịch sử)."),
) -> None:
    """Cập nhật tình trạng, ngày hoàn thành, minh chứng hoặc thời hạn, đơn vị chủ trì của một nhiệm vụ."""
    from chitieu.services.tasks import parse_progress, update_task

    changes: dict[str, Any] = {}
    if state is not None:
        changes["progress"] = parse_progress(state)
    if completed_on is not None:
        changes["completed_on"] = _day(completed_on, "--completed-on")
    if deadline is not None:
        changes["deadline"] = _day(deadline, "--deadline")
    for name, value in (("title", title), ("owner_unit_code", owner_unit), ("owner", owner), ("note", note)):
        if value is not None:
            changes[name] = value
    if evidence_document is not None or evidence_location is not None or evidence_quote is not None:
        changes["evidence"] = _evidence(evidence_document, evidence_location, evidence_quote)
    today = date.today()
    with unit_of_work(db, workspace, write=True) as (session, actor):
        plan_code = _plan(session, actor, plan)
        view = update_task(session, actor, plan_code, code, changes, as_of=today, expected_version=expected_version,
                           reason=reason)
    typer.echo(msg("task_updated", code=code, day=today.strftime("%d/%m/%Y"), state=view.state.label_vi,
                   version=view.version))


@task_app.command("history")
def history_command(
    code: str = typer.Argument(..., help="Mã nhiệm vụ."),
    db: str | None = db_option(), workspace: str = workspace_option(),
    plan: str | None = typer.Option(None, "--plan", help=PLAN_HELP),
    fmt: str = typer.Option("table", "--format", help="table | json"),
) -> None:
    """Lịch sử thay đổi của một nhiệm vụ: ai, khi nào, trước → sau, lý do."""
    if fmt not in ("table", "json"):
        raise ChitieuError("bad_option", option="--format", reason=msg("cli_bad_value_choice", value=fmt,
                                                                       accepted="table, json"))
    from chitieu.services.events import jsonable
    from chitieu.services.tasks import task_history

    with unit_of_work(db, workspace) as (session, actor):
        plan_code = _plan(session, actor, plan)
        events = task_history(session, actor, plan_code, code)
    if fmt == "json":
        history = [jsonable({"at": e.at, "actor": e.actor, "via": e.via, "action": e.action, "before": e.before,
                             "after": e.after, "reason": e.reason}) for e in events]
        typer.echo(json.dumps(history, ensure_ascii=False, indent=2))
        return
    if not events:
        typer.echo(msg("task_history_none", code=code))
        return
    table = Table(header_style="bold")
    for column in ("task_col_when", "task_col_actor", "task_col_action", "task_col_change"):
        table.add_column(msg(column), overflow="fold")
    for e in events:
        keys = sorted(set(e.before or {}) | set(e.after or {}))
        if e.before is None:  # created: what it was created as, not every column
            keys = [k for k in SHOWN_ON_CREATE if (e.after or {}).get(k) not in (None, "")]
        change = "; ".join(f"{k}: {(e.before or {}).get(k, '')} → {(e.after or {}).get(k, '')}" for k in keys
                           if (e.before or {}).get(k) != (e.after or {}).get(k))
        table.add_row(e.at.strftime("%H:%M %d/%m/%Y") if e.at else "", e.actor, e.action,
                      change + (f" ({e.reason})" if e.reason else ""))
    Console().print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(task_app, name="task")

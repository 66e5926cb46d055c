"""``chitieu worker`` (a worker process of the broker queue) and ``chitieu enqueue`` (documents into it)."""

from __future__ import annotations

from pathlib import Path

import typer

from chitieu.cli.common import db_option, unit_of_work, workspace_option
from chitieu.messages import ChitieuError, msg

BROKER_HELP = "Hàng đợi: amqp://… (RabbitMQ) hoặc redis://… (mặc định: CHITIEU_BROKER_URL)."
QUEUE_HELP = "Tên hàng đợi (mặc định: CHITIEU_QUEUE hoặc «chitieu»)."


def worker_command(
    db: str | None = db_option(),
    broker: str | None = typer.Option(None, "--broker", help=BROKER_HELP),
    queue: str | None = typer.Option(None, "--queue", help=QUEUE_HELP),
) -> None:
    """Chạy một tiến trình xử lý văn bản từ hàng đợi (chạy nhiều tiến trình để xử lý song song)."""
    from chitieu.services.database import open_database
    from chitieu.workers.broker import broker_url, queue_name, serve_worker

    url = broker or broker_url()
    if not url:
        raise ChitieuError("worker_no_broker")
    with open_database(db) as database:
        typer.echo(msg("worker_started", queue=queue or queue_name()), err=True)
        serve_worker(database, url, queue)


def enqueue_command(
    files: list[Path] = typer.Argument(..., help="Các tệp .txt, .docx, .pdf, .doc, .xlsx cần trích xuất."),
    plan: str | None = typer.Option(None, "--plan", help="Mã kế hoạch để gắn các chỉ tiêu (mặc định: kế hoạch chính)."),
    db: str | None = db_option(),
    workspace: str = workspace_option(),
    broker: str | None = typer.Option(None, "--broker", help=BROKER_HELP),
    queue: str | None = typer.Option(None, "--queue", help=QUEUE_HELP),
) -> None:
    """Xếp văn bản vào hàng đợi xử lý (cùng nội dung không xếp hai lần); không có hàng đợi thì xử lý ngay."""
    from kombu.utils.url import maybe_sanitize_url

    from chitieu.messages.os_errors import os_error_reason
    from chitieu.services.database import open_database
    from chitieu.workers import enqueue_ingest, run_job
    from chitieu.workers.broker import broker_url, publish

    url = broker or broker_url()
    contents: list[tuple[Path, bytes]] = []
    for path in files:
        try:
            contents.append((path, path.read_bytes()))
        except OSError as exc:
            raise ChitieuError("file_unreadable", path=path, reason=os_error_reason(exc)) from exc
    queued: list[int] = []
    with unit_of_work(db, workspace, write=True) as (session, actor):
        for path, content in contents:
            _, job, fresh = enqueue_ingest(session, actor, file_name=path.name, content=content, plan_code=plan,
                                           limit=200 * 1024 * 1024)
            typer.echo(msg("enqueue_job", path=path, id=job.id, status=msg("enqueue_new" if fresh else "enqueue_seen")))
            if fresh:
                queued.append(job.id)
    if url:
        try:
            publish(url, queued, queue)
        except Exception as exc:  # stored and queued in the database; a worker's sweep sends them later
            raise ChitieuError("enqueue_broker_unreachable", url=maybe_sanitize_url(url), reason=type(exc).__name__,
                               count=len(queued)) from exc
        return
    with open_database(db) as database:  # the embedded default: run them here and now
        for job_id in queued:
            state = run_job(database, job_id)
            if state is not None:
                typer.echo(msg("enqueue_ran", id=job_id, stage=state.stage or state.reason))


def jobs_command(
    status: str | None = typer.Option(None, "--status", help="Chỉ các công việc queued, running, done hoặc failed."),
    output: str = typer.Option("table", "--format", help="table (bảng) hoặc json."),
    db: str | None = db_option(),
    workspace: str = workspace_option(),
) -> None:
    """Liệt kê các công việc xử lý văn bản: trạng thái, số lần chạy, tiến trình, số đề xuất đã lưu."""
    import json

    from rich.console import Console
    from rich.table import Table

    from chitieu.workers.listing import list_jobs

    if output not in ("table", "json"):
        raise ChitieuError("jobs_bad_format", value=output[:50])
    with unit_of_work(db, workspace) as (session, actor):
        lines = list_jobs(session, actor, status)
    if output == "json":
        typer.echo(json.dumps([line.to_dict() for line in lines], ensure_ascii=False, indent=1))
        return
    table = Table(header_style="bold")
    for code in ("jobs_col_id", "jobs_col_file", "jobs_col_status", "jobs_col_attempts", "jobs_col_worker",
                 "jobs_col_claims", "jobs_col_stage"):
        table.add_column(msg(code))
    for line in lines:
        table.add_row(str(line.id), line.file_name, msg(f"jobs_status_{line.status}"), str(line.attempts), line.worker,
                      str(line.claims), line.reason or line.stage)
    Console().print(table)
    by_status = {s: sum(1 for line in lines if line.status == s) for s in ("queued", "running", "done", "failed")}
    typer.echo(msg("jobs_summary", jobs=len(lines), claims=sum(line.claims for line in lines), **by_status))


def register(app: typer.Typer) -> None:
    app.command("worker")(worker_command)
    app.command("enqueue")(enqueue_command)
    app.command("jobs")(jobs_command)

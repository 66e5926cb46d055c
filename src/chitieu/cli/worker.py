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
    from chitieu.workers.broker import broker_url, serve_worker

    url = broker or broker_url()
    if not url:
        raise ChitieuError("worker_no_broker")
    with open_database(db) as database:
        typer.echo(msg("worker_started", queue=queue or "chitieu"), err=True)
        serve_worker(database, url, queue)


def enqueue_command(
    files: list[Path] = typer.Argument(..., help="Các tệp .txt, .docx, .pdf, .doc cần trích xuất."),
    plan: str | None = typer.Option(None, "--plan", help="Mã kế hoạch để gắn các chỉ tiêu (mặc định: kế hoạch chính)."),
    db: str | None = db_option(),
    workspace: str = workspace_option(),
    broker: str | None = typer.Option(None, "--broker", help=BROKER_HELP),
    queue: str | None = typer.Option(None, "--queue", help=QUEUE_HELP),
) -> None:
    """Xếp văn bản vào hàng đợi xử lý (cùng nội dung không xếp hai lần); không có hàng đợi thì xử lý ngay."""
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
        publish(url, queued, queue)
        return
    with open_database(db) as database:  # the embedded default: run them here and now
        for job_id in queued:
            state = run_job(database, job_id)
            if state is not None:
                typer.echo(msg("enqueue_ran", id=job_id, stage=state.stage or state.reason))


def register(app: typer.Typer) -> None:
    app.command("worker")(worker_command)
    app.command("enqueue")(enqueue_command)

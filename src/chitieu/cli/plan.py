"""``chitieu plan create``: a new plan, before its document is ingested and reviewed."""

from __future__ import annotations

import typer

from chitieu.cli.common import db_option, unit_of_work, workspace_option
from chitieu.messages import msg


def create_command(
    code: str = typer.Argument(..., help="Mã kế hoạch/nghị quyết, ví dụ NQ-DH-I."),
    title: str = typer.Option(..., "--title", help="Tên kế hoạch/nghị quyết."),
    term: str | None = typer.Option(None, "--term", help="Nhiệm kỳ/giai đoạn, ví dụ 2025-2030."),
    kind: str = typer.Option("resolution", "--kind", help="resolution, programme, project, conclusion, directive, plan."),
    number: str = typer.Option("", "--number", help="Số hiệu văn bản, ví dụ 01-NQ/ĐH."),
    issuer: str = typer.Option("", "--issuer", help="Cơ quan ban hành, ví dụ «Đảng bộ tỉnh» (chọn thể thức phụ lục)."),
    db: str | None = db_option(),
    workspace: str = workspace_option(),
) -> None:
    """Tạo một kế hoạch/nghị quyết mới (rỗng) để nạp văn bản và duyệt thành chỉ tiêu."""
    from chitieu.services.plans import create_plan

    with unit_of_work(db, workspace, write=True) as (session, actor):
        created = create_plan(session, actor, code, title, term=term, kind=kind, number=number, issuer=issuer)
    term_text = msg("cli_plan_term", term=created.term) if created.term else ""
    typer.echo(msg("cli_plan_created", code=created.code, title=created.title, term=term_text))
    typer.echo(msg("cli_plan_next", code=created.code))


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="Kế hoạch/nghị quyết: tạo mới.", no_args_is_help=True)
    group.command("create")(create_command)
    app.add_typer(group, name="plan")

"""``chitieu summaries``: the materialised dashboard summaries (build/rebuild them; an indicator's method)."""

from __future__ import annotations

import typer

from chitieu.cli.common import db_option, unit_of_work, workspace_option
from chitieu.messages import msg
from chitieu.numbers import format_number

summaries_app = typer.Typer(help="Số liệu tổng hợp cho trang Toàn quốc (tỉnh → xã), làm mới khi ghi số liệu.",
                            no_args_is_help=True)


@summaries_app.command("refresh")
def refresh_command(
    as_of: int | None = typer.Option(None, "--as-of", min=1900, max=2200,
                                     help="Đánh giá đến năm này (mặc định: năm cuối có số liệu thực hiện)."),
    db: str | None = db_option(),
    workspace: str = workspace_option(),
) -> None:
    """Dựng lại toàn bộ số liệu tổng hợp (đếm đánh giá theo tỉnh, xã; cộng số liệu lên cấp trên)."""
    from chitieu.services.summaries import refresh_summaries

    with unit_of_work(db, workspace, write=True) as (session, actor):
        outcome = refresh_summaries(session, actor, as_of=as_of)
    typer.echo(msg("summaries_refreshed", as_of=outcome.as_of, targets=format_number(outcome.targets),
                   counts=format_number(outcome.counts), values=format_number(outcome.values),
                   seconds=format_number(outcome.seconds, 1)))


@summaries_app.command("method")
def method_command(
    plan: str = typer.Argument(..., help="Mã kế hoạch."),
    code: str = typer.Argument(..., help="Mã chỉ tiêu."),
    method: str = typer.Argument(..., help="sum (cộng), mean (trung bình), none (không tổng hợp) hoặc \"\" (mặc định)."),
    db: str | None = db_option(),
    workspace: str = workspace_option(),
) -> None:
    """Khai báo cách tổng hợp số liệu của một chỉ tiêu giữa các đơn vị (tỷ lệ không được cộng)."""
    from chitieu.services.summaries import set_method

    with unit_of_work(db, workspace, write=True) as (session, actor):
        chosen = set_method(session, actor, plan, code, method)
    typer.echo(msg("summaries_method_set", plan=plan, code=code, method=chosen.label_vi))


def register(app: typer.Typer) -> None:
    app.add_typer(summaries_app, name="summaries")

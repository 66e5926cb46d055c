"""``chitieu db upgrade``, ``chitieu dataset install|list`` and ``chitieu workspace create|list``."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from chitieu.cli.common import DB_HELP, database_label, db_option, unit_of_work, workspace_option
from chitieu.messages import msg

db_app = typer.Typer(help="Quản trị cơ sở dữ liệu.", no_args_is_help=True)
dataset_app = typer.Typer(help="Bộ dữ liệu mẫu đi kèm chitieu.", no_args_is_help=True)
workspace_app = typer.Typer(help="Không gian làm việc (mỗi tỉnh hoặc cơ quan một không gian).", no_args_is_help=True)


@db_app.command("upgrade")
def upgrade_command(db: str | None = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Cập nhật cấu trúc cơ sở dữ liệu lên phiên bản mới nhất (trong một giao dịch; hãy sao lưu trước)."""
    from chitieu.services.database import upgrade_database

    done = upgrade_database(db)
    label = database_label(db)
    if done.changed:
        typer.echo(msg("database_upgraded", url=label, before=done.before or "—", after=done.after))
    else:
        typer.echo(msg("database_up_to_date", url=label, head=done.after))


@dataset_app.command("list")
def dataset_list_command() -> None:
    """Liệt kê các bộ dữ liệu mẫu đi kèm."""
    from chitieu.services.datasets import bundled_datasets

    for info in bundled_datasets():
        typer.echo(msg("dataset_list_item", name=info.name, title=info.title))


@dataset_app.command("install")
def dataset_install_command(
    name: str = typer.Argument(..., help="Tên bộ dữ liệu (xem: chitieu dataset list)."),
    db: str | None = db_option(),
    workspace: str = workspace_option(),
) -> None:
    """Cài một bộ dữ liệu mẫu vào không gian làm việc (cài lại thì cập nhật tại chỗ, không tạo trùng)."""
    from chitieu.services.datasets import install_dataset

    with unit_of_work(db, workspace, write=True) as (session, actor):
        installed = install_dataset(session, actor, name)
    typer.echo(msg("dataset_installed", name=installed.name, workspace=workspace, plan=installed.main_plan))


@workspace_app.command("create")
def workspace_create_command(
    code: str = typer.Argument(..., help="Mã không gian làm việc mới (chữ không dấu, số, «-», «_»)."),
    name: str = typer.Option("", "--name", help="Tên hiển thị (ví dụ: Tỉnh Điện Biên)."),
    db: str | None = db_option(),
) -> None:
    """Tạo một không gian làm việc mới, trống."""
    from chitieu.services.workspaces import create_workspace

    with unit_of_work(db, "default", write=True) as (session, actor):
        created = create_workspace(session, actor, code, name)
    typer.echo(msg("workspace_created", code=created.code, name=created.name))


@workspace_app.command("list")
def workspace_list_command(db: str | None = db_option()) -> None:
    """Liệt kê các không gian làm việc."""
    from chitieu.services.registry import list_plans
    from chitieu.services.workspaces import list_workspaces

    table = Table(header_style="bold")
    for code in ("cli_workspace_col_code", "cli_workspace_col_name", "cli_workspace_col_plans"):
        table.add_column(msg(code))
    with unit_of_work(db, "default") as (session, actor):
        for ws in list_workspaces(session, actor):
            table.add_row(ws.code, ws.name, str(len(list_plans(session, actor.in_workspace(ws.code)))))
    Console().print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(db_app, name="db")
    app.add_typer(dataset_app, name="dataset")
    app.add_typer(workspace_app, name="workspace")



"""``chitieu convention``: the verdict conventions kept for a workspace (save, list, show, use, delete)."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console

from chitieu.cli.common import db_option, unit_of_work, workspace_option
from chitieu.messages import ChitieuError, msg


def save_command(
    name: str = typer.Argument(..., help="Tên quy ước (chữ thường không dấu, số, «-»), ví dụ «tinh-lai-chau»."),
    learn_from: Path | None = typer.Option(
        None, "--learn-from", help="Học quy ước từ bảng đánh giá kỳ trước (.csv/.xlsx có cột «Đánh giá»)."
    ),
    file: Path | None = typer.Option(None, "--file", help="Lấy quy ước từ tệp .json."),
    use: bool = typer.Option(True, "--use/--no-use", help="Dùng quy ước này cho mọi đánh giá của không gian làm việc."),
    db: str | None = db_option(),
    workspace: str = workspace_option(),
) -> None:
    """Lưu một quy ước đánh giá cho không gian làm việc (học từ bảng cũ, từ tệp .json, hoặc quy ước mặc định)."""
    from chitieu.assessment.conventions import DEFAULT_PROFILE
    from chitieu.cli.assess import print_learned
    from chitieu.services.assess_table_learn import learn_from_table, read_profile_file
    from chitieu.services.conventions import save_convention

    if learn_from is not None and file is not None:
        raise ChitieuError("bad_option", option="--file", reason=msg("cli_not_with", option="--learn-from"))
    err = Console(stderr=True)
    if learn_from is not None:
        learned = learn_from_table(learn_from, name=name)
        print_learned(learned, err)
        profile = learned.profile
    elif file is not None:
        profile = read_profile_file(file)
    else:
        profile = DEFAULT_PROFILE
    with unit_of_work(db, workspace, write=True) as (session, actor):
        stored = save_convention(session, actor, name, profile, use=use)
    typer.echo(msg("convention_saved", name=stored.name, workspace=workspace)
               + (" " + msg("convention_in_use") if use else ""))


def list_command(db: str | None = db_option(), workspace: str = workspace_option()) -> None:
    """Liệt kê các quy ước đánh giá của không gian làm việc (đánh dấu quy ước đang dùng)."""
    from chitieu.services.assess_table_learn import BUILT_IN
    from chitieu.services.conventions import active_name, saved_conventions

    with unit_of_work(db, workspace) as (session, actor):
        saved = saved_conventions(session, actor)
        active = active_name(session, actor)
    default_name = next(iter(BUILT_IN))
    typer.echo(f"{'*' if active is None else ' '} {default_name}  ({msg('convention_default_name')})")
    for name, profile in sorted(saved.items()):
        changes = ", ".join(f"{k}={v[1]}" for k, v in profile.differences().items()) or "="
        note = f" — {profile.note}" if profile.note else ""
        typer.echo(f"{'*' if name == active else ' '} {name}  ({changes}){note}")


def show_command(
    name: str | None = typer.Argument(None, help="Tên quy ước (mặc định: quy ước đang dùng)."),
    fmt: str = typer.Option("text", "--format", help="text | json"),
    db: str | None = db_option(),
    workspace: str = workspace_option(),
) -> None:
    """Hiện các thiết lập của một quy ước đánh giá (json: để sửa rồi dùng lại với --convention TỆP.json)."""
    from chitieu.assessment.conventions import describe
    from chitieu.services.conventions import workspace_profile

    if fmt not in ("text", "json"):
        raise ChitieuError("bad_option", option="--format", reason=msg("choose_one", value=fmt, accepted="text, json"))
    with unit_of_work(db, workspace) as (session, actor):
        profile = workspace_profile(session, actor, name)
    if fmt == "json":
        typer.echo(json.dumps(profile.to_dict(), ensure_ascii=False, indent=2))
        return
    typer.echo(msg("convention_show_title", name=profile.name) + (f" — {profile.note}" if profile.note else ""))
    for line in describe(profile):
        typer.echo(f"  • {line}")


def use_command(
    name: str = typer.Argument(..., help="Tên quy ước đã lưu, hoặc «mac-dinh»."),
    db: str | None = db_option(),
    workspace: str = workspace_option(),
) -> None:
    """Chọn quy ước đánh giá dùng cho mọi đánh giá của không gian làm việc."""
    from chitieu.services.conventions import use_convention

    with unit_of_work(db, workspace, write=True) as (session, actor):
        use_convention(session, actor, name)
    typer.echo(msg("convention_now_used", name=name, workspace=workspace))


def delete_command(
    name: str = typer.Argument(..., help="Tên quy ước đã lưu."),
    db: str | None = db_option(),
    workspace: str = workspace_option(),
) -> None:
    """Xóa một quy ước đã lưu (nếu đang dùng thì trở về quy ước mặc định)."""
    from chitieu.services.conventions import delete_convention

    with unit_of_work(db, workspace, write=True) as (session, actor):
        delete_convention(session, actor, name)
    typer.echo(msg("convention_deleted", name=name, workspace=workspace))


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="Quy ước đánh giá (Vượt/Đạt) của đơn vị: học từ bảng cũ, lưu, chọn.",
                        no_args_is_help=True)
    group.command("save")(save_command)
    group.command("list")(list_command)
    group.command("show")(show_command)
    group.command("use")(use_command)
    group.command("delete")(delete_command)
    app.add_typer(group, name="convention")

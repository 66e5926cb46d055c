"""``chitieu user add`` and ``chitieu token create``: accounts of the web application and API."""

from __future__ import annotations

import getpass
import sys

import typer

from chitieu.messages import ChitieuError, msg

user_app = typer.Typer(help="Quản lý người dùng của ứng dụng web.", no_args_is_help=True)
token_app = typer.Typer(help="Token cho các chương trình gọi API.", no_args_is_help=True)


def _cli_actor(workspace: str) -> object:
    from chitieu.domain.actors import Actor

    return Actor(name=f"cli:{getpass.getuser()}", workspace=workspace, role="admin", via="cli")


@user_app.command("add")
def user_add(
    name: str = typer.Argument(..., help="Tên đăng nhập."),
    role: str = typer.Option(..., "--role", help="admin | office | approver | officer | viewer"),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Đọc mật khẩu từ đầu vào chuẩn (một dòng)."),
    unit: list[str] = typer.Option([], "--unit", help="Mã đơn vị mà cán bộ/người phê duyệt phụ trách (lặp lại được)."),
    display_name: str = typer.Option("", "--display-name", help="Tên hiển thị."),
    token: bool = typer.Option(False, "--token", help="In ra thêm một token API cho người dùng mới."),
    email: str = typer.Option("", "--email", help="Địa chỉ thư nhận nhắc việc (chitieu remind)."),
    workspace: str = typer.Option("default", "--workspace", envvar="CHITIEU_WORKSPACE", help="Không gian làm việc."),
    db: str | None = typer.Option(None, "--db", help="Tệp SQLite hoặc URL cơ sở dữ liệu."),
) -> None:
    """Tạo người dùng với một vai trò (cán bộ, người phê duyệt gắn với đơn vị --unit); mật khẩu đọc từ đầu vào chuẩn.

    Không có mật khẩu (đầu vào chuẩn trống, không phải bàn phím): tài khoản chỉ dùng token API.
    """
    from chitieu.services.accounts import add_user, check_password, check_role, create_token
    from chitieu.services.database import open_database

    check_role(role)
    if role in ("officer", "approver") and not unit:
        raise ChitieuError("user_unit_required", role=role)
    password: str | None
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise ChitieuError("user_password_missing")
    elif sys.stdin.isatty():
        password = getpass.getpass(msg("user_password_prompt"))
        if not password:
            raise ChitieuError("user_password_missing")
    else:
        password = sys.stdin.readline().rstrip("\r\n") or None  # piped in, or nothing: a token-only account
    if password is not None:
        check_password(password)
    database = open_database(db)
    try:
        with database.session(write=True) as session:
            add_user(session, _cli_actor(workspace), name, role=role, password=password, units=unit,  # type: ignore[arg-type]
                     display_name=display_name, email=email)
            secret = create_token(session, name) if token else None
    finally:
        database.close()
    units = msg("web_units_suffix", units=", ".join(unit)) if unit else ""
    typer.echo(msg("user_added", name=name, role=role, units=units), err=True)
    if password is None:
        typer.echo(msg("user_token_only", name=name), err=True)
    if secret is not None:
        typer.echo(secret)
        typer.echo(msg("token_note"), err=True)


@token_app.command("create")
def token_create(
    name: str = typer.Argument(..., help="Tên người dùng mà token đại diện."),
    role: str = typer.Option("office", "--role", help="Vai trò khi tạo mới tài khoản chỉ dùng token."),
    workspace: str = typer.Option("default", "--workspace", envvar="CHITIEU_WORKSPACE", help="Không gian làm việc."),
    db: str | None = typer.Option(None, "--db", help="Tệp SQLite hoặc URL cơ sở dữ liệu."),
) -> None:
    """In ra một token mới cho chương trình gọi API (Authorization: Bearer <token>)."""
    from chitieu.services.accounts import add_user, check_role, create_token, find_user
    from chitieu.services.database import open_database

    database = open_database(db)
    try:
        with database.session(write=True) as session:
            if find_user(session, name) is None:
                check_role(role)
                add_user(session, _cli_actor(workspace), name, role=role, password=None)  # type: ignore[arg-type]
                typer.echo(msg("token_created_user", name=name, role=role), err=True)
            token = create_token(session, name)
    finally:
        database.close()
    typer.echo(token)
    typer.echo(msg("token_note"), err=True)


def register(app: typer.Typer) -> None:
    app.add_typer(user_app, name="user")
    app.add_typer(token_app, name="token")

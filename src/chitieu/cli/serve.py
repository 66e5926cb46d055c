"""``chitieu serve`` (the web application) and ``chitieu publish`` (the public portal as a static site)."""

from __future__ import annotations

from pathlib import Path

import typer

from chitieu.messages import ChitieuError, msg

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def serve_command(
    db: str | None = typer.Option(None, "--db", help="Tệp SQLite hoặc URL cơ sở dữ liệu."),
    host: str = typer.Option(DEFAULT_HOST, "--host", help="Địa chỉ lắng nghe (0.0.0.0 để mở cho máy khác)."),
    port: int = typer.Option(DEFAULT_PORT, "--port", min=1, max=65535, help="Cổng."),
    workers: int = typer.Option(1, "--job-workers", min=0, max=16, help="Số luồng xử lý văn bản tải lên (0: không chạy ở đây)."),
) -> None:
    """Chạy ứng dụng web và API (FastAPI, uvicorn) trên cơ sở dữ liệu đã chọn."""
    import uvicorn

    from chitieu.services.database import open_database
    from chitieu.web import WebSettings, create_app

    database = open_database(db)
    base = WebSettings.from_env()
    settings = WebSettings(**{**{f: getattr(base, f) for f in base.__dataclass_fields__}, "job_workers": workers,
                              "run_jobs": base.run_jobs and workers > 0})
    app = create_app(database, settings)
    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0", "::") else host
    typer.echo(msg("serve_listening", url=f"http://{shown}:{port}/"), err=True)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=True, server_header=False)
    except OSError as exc:
        raise ChitieuError("bad_option", option="--port", reason=str(exc)) from exc
    finally:
        database.close()


def publish_command(
    out: Path = typer.Option(..., "--out", help="Thư mục ghi trang công khai (HTML tĩnh)."),
    db: str | None = typer.Option(None, "--db", help="Tệp SQLite hoặc URL cơ sở dữ liệu."),
    plan: list[str] = typer.Option([], "--plan", help="Công bố thêm kế hoạch này trước khi ghi (lặp lại được)."),
    workspace: str = typer.Option("default", "--workspace", envvar="CHITIEU_WORKSPACE", help="Không gian làm việc."),
) -> None:
    """Ghi cổng thông tin công khai của các kế hoạch đã công bố thành trang web tĩnh (như Open SDG)."""
    import getpass

    from chitieu.domain.actors import Actor
    from chitieu.services.database import open_database
    from chitieu.services.publication import publish_plan, published_codes
    from chitieu.web.app import STATIC_DIR
    from chitieu.web.portal_site import write_site
    from chitieu.web.templating import make_templates

    actor = Actor(name=f"cli:{getpass.getuser()}", workspace=workspace, via="cli", role="admin")
    database = open_database(db)
    try:
        with database.session(write=bool(plan)) as session:
            for code in plan:
                publish_plan(session, actor, code)
            if not published_codes(session, actor):
                raise ChitieuError("publish_none")
            env = make_templates().env
            plans, files = write_site(session, env, out, STATIC_DIR, workspace=workspace)
    finally:
        database.close()
    typer.echo(msg("publish_written", plans=plans, path=out, files=files))


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
    app.command("publish")(publish_command)

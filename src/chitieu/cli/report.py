"""``chitieu report appendix``: the official appendix table as XLSX or DOCX."""

from __future__ import annotations

from pathlib import Path

import typer

from chitieu.cli.common import db_option, unit_of_work, workspace_option
from chitieu.messages import ChitieuError, msg

FORMATS = ("xlsx", "docx")


def appendix_command(
    fmt: str = typer.Option(..., "--format", "-f", help="Định dạng: xlsx hoặc docx."),
    db: str | None = db_option(),
    workspace: str = workspace_option(),
    plan: str | None = typer.Option(None, "--plan", help="Mã nghị quyết/kế hoạch (mặc định: kế hoạch duy nhất có chỉ tiêu)."),
    as_of: int | None = typer.Option(None, "--as-of", help="Năm đánh giá của cột thứ nhất (mặc định: năm cuối có số liệu thực hiện)."),
    out: Path | None = typer.Option(None, "--out", help="Tệp đầu ra (mặc định: phu-luc-<mã>.<định dạng>)."),
) -> None:
    """Lập phụ lục «Kết quả thực hiện các chỉ tiêu» theo mẫu chính thức (Excel hoặc Word)."""
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ChitieuError("report_bad_format", value=fmt, accepted=", ".join(FORMATS))
    from chitieu.services.registry import default_as_of, default_plan, load_bundle
    from chitieu.services.reports import write_appendix
    from chitieu.services.workspaces import get_workspace

    with unit_of_work(db, workspace) as (session, actor):
        code = plan or default_plan(session, actor)
        bundle = load_bundle(session, actor, code)
        year = as_of if as_of is not None else default_as_of(bundle, get_workspace(session, actor).settings)
    target = out if out is not None else Path(f"phu-luc-{code}.{fmt}")
    written = write_appendix(bundle, target, fmt, as_of=year)
    typer.echo(msg("report_written", path=written))


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="Báo cáo theo mẫu chính thức.", no_args_is_help=True)
    group.command("appendix")(appendix_command)
    app.add_typer(group, name="report")

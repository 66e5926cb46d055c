"""``chitieu report appendix``: the official appendix table as XLSX or DOCX."""

from __future__ import annotations

from pathlib import Path

import typer

from chitieu.messages import ChitieuError, msg

DEFAULT_PLAN = "LC-XIV"
FORMATS = ("xlsx", "docx")


def appendix_command(
    fmt: str = typer.Option(..., "--format", "-f", help="Định dạng: xlsx hoặc docx."),
    db: str | None = typer.Option(None, "--db", help="Tệp SQLite hoặc URL cơ sở dữ liệu."),
    plan: str = typer.Option(DEFAULT_PLAN, "--plan", help="Mã nghị quyết/kế hoạch."),
    as_of: int = typer.Option(2023, "--as-of", help="Năm đánh giá giữa kỳ (cột thứ nhất)."),
    out: Path | None = typer.Option(None, "--out", help="Tệp đầu ra (mặc định: phu-luc-<mã>.<định dạng>)."),
) -> None:
    """Lập phụ lục «Kết quả thực hiện các chỉ tiêu» theo mẫu chính thức (Excel hoặc Word)."""
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ChitieuError("report_bad_format", value=fmt, accepted=", ".join(FORMATS))
    from chitieu.services.database import open_database
    from chitieu.services.registry import load_bundle
    from chitieu.services.reports import write_appendix

    database = open_database(db)
    try:
        bundle = load_bundle(database, plan)
    finally:
        database.close()
    target = out if out is not None else Path(f"phu-luc-{plan}.{fmt}")
    written = write_appendix(bundle, target, fmt, as_of=as_of)
    typer.echo(msg("report_written", path=written))


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="Báo cáo theo mẫu chính thức.", no_args_is_help=True)
    group.command("appendix")(appendix_command)
    app.add_typer(group, name="report")

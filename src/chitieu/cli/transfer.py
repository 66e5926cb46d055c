"""``chitieu import`` and ``chitieu export``: the registry as a CSV folder or an XLSX workbook."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from chitieu.messages import Problem, msg

# Vietnamese names of the registry tables, for summaries.
TABLE_LABELS: dict[str, str] = {
    "documents": "Văn bản nguồn",
    "plans": "Nghị quyết, chương trình, kế hoạch",
    "org_units": "Đơn vị",
    "groups": "Nhóm chỉ tiêu",
    "indicators": "Chỉ tiêu",
    "targets": "Mục tiêu (các phiên bản)",
    "observations": "Số liệu thực hiện",
}
MAX_PROBLEMS_SHOWN = 50


def counts_table(counts: dict[str, int], title: str) -> Table:
    table = Table(title=title, show_header=True, header_style="bold")
    table.add_column("Bảng")
    table.add_column("Số dòng", justify="right")
    for name, label in TABLE_LABELS.items():
        table.add_row(label, str(counts.get(name, 0)))
    return table


def print_problems(problems: list[Problem], console: Console) -> None:
    """Errors first, then warnings; at most ``MAX_PROBLEMS_SHOWN`` lines."""
    ordered = [p for p in problems if p.severity == "error"] + [p for p in problems if p.severity != "error"]
    for p in ordered[:MAX_PROBLEMS_SHOWN]:
        style, label = ("red", "Lỗi") if p.severity == "error" else ("yellow", "Cảnh báo")
        console.print(f"[{style}]{label}:[/{style}] {p.message}", highlight=False, soft_wrap=True)
    if len(ordered) > MAX_PROBLEMS_SHOWN:
        console.print(f"… và {len(ordered) - MAX_PROBLEMS_SHOWN} vấn đề khác.")


def import_command(
    path: Path = typer.Argument(..., help="Thư mục CSV hoặc tệp .xlsx theo định dạng sổ đăng ký."),
    db: str | None = typer.Option(None, "--db", help="Tệp SQLite hoặc URL cơ sở dữ liệu (mặc định: CHITIEU_DATABASE_URL hoặc ./chitieu.db)."),
) -> None:
    """Nhập sổ đăng ký (nghị quyết, chỉ tiêu, mục tiêu, số liệu) từ CSV/XLSX: ghi tất cả hoặc không ghi gì."""
    from chitieu.services.database import open_database
    from chitieu.services.transfer import read_registry

    out, err = Console(), Console(stderr=True)
    registry, report = read_registry(path)
    if registry is None:
        print_problems(report.problems, err)
        err.print(msg("registry_invalid", path=path, count=len(report.errors())), style="bold red", highlight=False)
        raise typer.Exit(2)
    print_problems(report.problems, err)  # warnings only
    from chitieu.services.registry import save_registry

    with open_database(db) as database:
        save_registry(database, registry, replace=True)
        out.print(counts_table(registry.counts(), f"Đã nhập «{path}» vào {database_label(database.url)}"))


def database_label(url: str) -> str:
    from chitieu.services.database import display_url

    return display_url(url).removeprefix("sqlite:///")


def export_command(
    path: Path = typer.Argument(..., help="Thư mục (CSV) hoặc tệp .xlsx sẽ được ghi."),
    db: str | None = typer.Option(None, "--db", help="Tệp SQLite hoặc URL cơ sở dữ liệu."),
    fmt: str = typer.Option("csv", "--format", help="csv (một thư mục, mỗi bảng một tệp) hoặc xlsx (một sổ tính)."),
    plan: str | None = typer.Option(None, "--plan", help="Chỉ xuất một kế hoạch (kèm các kế hoạch liên quan)."),
) -> None:
    """Xuất sổ đăng ký ra CSV hoặc XLSX (cùng định dạng với lệnh import)."""
    from chitieu.messages import ChitieuError
    from chitieu.services.database import open_database
    from chitieu.services.transfer import export_registry

    fmt = fmt.strip().lower()
    if fmt not in ("csv", "xlsx"):
        raise ChitieuError("bad_option", option="--format", reason=f"«{fmt}» (dùng csv hoặc xlsx)")
    with open_database(db) as database:
        written = export_registry(database, path, fmt=fmt, plan_code=plan)  # type: ignore[arg-type]
    console = Console()
    console.print(f"Đã xuất {len(written)} tệp:", highlight=False)
    for file in written:
        console.print(f"  {file}", highlight=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    app.command("import")(import_command)
    app.command("export")(export_command)

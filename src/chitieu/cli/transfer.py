"""``chitieu import`` and ``chitieu export``: the registry as a CSV folder or an XLSX workbook."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from chitieu.cli.common import database_label, db_option, unit_of_work, workspace_option
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
    "stated_counts": "Số đếm báo cáo tự nêu",
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
    db: str | None = db_option(),
    workspace: str = workspace_option(),
) -> None:
    """Nhập sổ đăng ký (nghị quyết, chỉ tiêu, mục tiêu, số liệu) từ CSV/XLSX: ghi tất cả hoặc không ghi gì.

    Dòng đã có (cùng mã) được cập nhật tại chỗ, giữ nguyên định danh; mỗi thay đổi được ghi nhật ký."""
    from chitieu.services.transfer import import_registry

    out, err = Console(), Console(stderr=True)
    with unit_of_work(db, workspace, write=True) as (session, actor):
        outcome = import_registry(session, actor, path)
    print_problems(outcome.report.problems, err)
    if not outcome.written:
        err.print(msg("registry_invalid", path=path, count=len(outcome.report.errors())), style="bold red",
                  highlight=False)
        raise typer.Exit(2)
    out.print(counts_table(outcome.counts, f"Đã nhập «{path}» vào {database_label(db)} (không gian «{workspace}»)"))


def export_command(
    path: Path = typer.Argument(..., help="Thư mục (CSV) hoặc tệp .xlsx sẽ được ghi."),
    db: str | None = db_option(),
    workspace: str = workspace_option(),
    fmt: str = typer.Option("csv", "--format", help="csv (một thư mục, mỗi bảng một tệp) hoặc xlsx (một sổ tính)."),
    plan: str | None = typer.Option(None, "--plan", help="Chỉ xuất một kế hoạch (kèm các kế hoạch liên quan)."),
) -> None:
    """Xuất sổ đăng ký ra CSV hoặc XLSX (cùng định dạng với lệnh import)."""
    from chitieu.messages import ChitieuError
    from chitieu.services.transfer import export_registry

    fmt = fmt.strip().lower()
    if fmt not in ("csv", "xlsx"):
        raise ChitieuError("bad_option", option="--format", reason=f"«{fmt}» (dùng csv hoặc xlsx)")
    with unit_of_work(db, workspace) as (session, actor):
        written = export_registry(session, actor, path, fmt="xlsx" if fmt == "xlsx" else "csv", plan_code=plan)
    console = Console()
    console.print(f"Đã xuất {len(written)} tệp:", highlight=False)
    for file in written:
        console.print(f"  {file}", highlight=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    app.command("import")(import_command)
    app.command("export")(export_command)

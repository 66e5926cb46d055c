"""``chitieu import`` and ``chitieu export``: the registry as a CSV folder or an XLSX workbook."""

from __future__ import annotations

import csv
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from chitieu.cli.common import database_label, db_option, unit_of_work, workspace_option
from chitieu.messages import PROBLEM_FIELDS, Problem, Report, msg

# Catalogue codes of the registry tables' names, for summaries.
TABLE_LABELS: dict[str, str] = {
    "documents": "cli_table_documents",
    "plans": "cli_table_plans",
    "org_units": "cli_table_org_units",
    "unit_changes": "cli_table_unit_changes",
    "groups": "cli_table_groups",
    "indicators": "cli_table_indicators",
    "targets": "cli_table_targets",
    "observations": "cli_table_observations",
    "stated_counts": "cli_table_stated_counts",
    "round_rules": "cli_table_round_rules",
    "capital_plans": "cli_table_capital_plans",
    "disbursements": "cli_table_disbursements",
    "disbursement_targets": "cli_table_disbursement_targets",
}
MAX_PROBLEMS_SHOWN = 50


def counts_table(counts: dict[str, int], title: str) -> Table:
    table = Table(title=title, show_header=True, header_style="bold")
    table.add_column(msg("cli_counts_col_table"))
    table.add_column(msg("cli_counts_col_rows"), justify="right")
    for name, code in TABLE_LABELS.items():
        table.add_row(msg(code), str(counts.get(name, 0)))
    return table


def print_problems(problems: list[Problem], console: Console) -> None:
    """Errors first, then warnings; at most ``MAX_PROBLEMS_SHOWN`` lines."""
    ordered = Report(list(problems)).errors() + Report(list(problems)).warnings()
    for p in ordered[:MAX_PROBLEMS_SHOWN]:
        code = "cli_problem_error" if p.is_error else "cli_problem_warning"
        console.print(msg(code, message=p.message), highlight=False, soft_wrap=True)
    if len(ordered) > MAX_PROBLEMS_SHOWN:
        console.print(msg("cli_more_problems", count=len(ordered) - MAX_PROBLEMS_SHOWN))


def write_problems(report: Report, path: Path) -> Path:
    """The report flattened to a CSV table (code, severity, file, row, column, value, message), atomically."""
    from chitieu.reports.safe_cells import csv_value
    from chitieu.services.output_files import atomic_output

    with atomic_output(path) as temp, temp.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(PROBLEM_FIELDS)
        for row in report.flatten():
            writer.writerow(["" if v is None else csv_value(v) for v in row])
    return path


def import_command(
    path: Path = typer.Argument(..., help="Thư mục CSV hoặc tệp .xlsx theo định dạng sổ đăng ký."),
    db: str | None = db_option(),
    workspace: str = workspace_option(),
    problems: Path | None = typer.Option(None, "--problems", help="Ghi mọi lỗi và cảnh báo ra tệp CSV (mã, mức, tệp, dòng, cột, giá trị, nội dung)."),
    replace: bool = typer.Option(False, "--replace", help="Thay thế: dòng đã có mà tệp không liệt kê sẽ bị xóa (liệt kê trước, cần --yes)."),
    yes: bool = typer.Option(False, "--yes", help="Đồng ý xóa các dòng mà --replace liệt kê."),
) -> None:
    """Nhập sổ đăng ký (nghị quyết, chỉ tiêu, mục tiêu, số liệu) từ CSV/XLSX: ghi tất cả hoặc không ghi gì.

    Dòng đã có (cùng mã) được cập nhật tại chỗ, giữ nguyên định danh; dòng không có trong tệp được giữ
    nguyên (trừ khi --replace --yes); mỗi thay đổi được ghi nhật ký."""
    from chitieu.services.transfer import import_registry

    out, err = Console(), Console(stderr=True)
    with unit_of_work(db, workspace, write=True) as (session, actor):
        outcome = import_registry(session, actor, path, replace=replace, confirm=yes)
    print_problems(outcome.report.problems, err)
    if problems is not None:
        write_problems(outcome.report, problems)
        err.print(msg("cli_problems_written", count=len(outcome.report.problems), path=problems), highlight=False)
    if outcome.needs_confirmation:
        err.print(msg("cli_import_would_delete", count=len(outcome.removals)), style="bold yellow", highlight=False)
        for line in outcome.removals[:MAX_PROBLEMS_SHOWN]:
            err.print(f"  {line}", highlight=False, soft_wrap=True)
        if len(outcome.removals) > MAX_PROBLEMS_SHOWN:
            err.print(msg("cli_more_problems", count=len(outcome.removals) - MAX_PROBLEMS_SHOWN), highlight=False)
        err.print(msg("cli_import_confirm"), highlight=False)
        raise typer.Exit(2)
    if not outcome.written:
        err.print(msg("registry_invalid", path=path, count=len(outcome.report.errors())), style="bold red",
                  highlight=False)
        raise typer.Exit(2)
    out.print(counts_table(outcome.counts, msg("cli_imported", path=path, database=database_label(db), workspace=workspace)))
    if outcome.removals:
        out.print(msg("cli_import_deleted", count=len(outcome.removals)), highlight=False)
    if outcome.reopened_claims:
        out.print(msg("cli_import_reopened", count=len(outcome.reopened_claims),
                      ids=", ".join(map(str, outcome.reopened_claims[:20]))), highlight=False)
    if outcome.relinked:
        out.print(msg("cli_review_relinked", count=outcome.relinked), highlight=False)


def export_command(
    path: Path = typer.Argument(..., help="Thư mục (CSV) hoặc tệp .xlsx sẽ được ghi."),
    db: str | None = db_option(),
    workspace: str = workspace_option(),
    fmt: str | None = typer.Option(
        None, "--format",
        help="csv (một thư mục, mỗi bảng một tệp) hoặc xlsx (một sổ tính); mặc định theo đuôi tệp (.xlsx → xlsx).",
    ),
    plan: str | None = typer.Option(None, "--plan", help="Chỉ xuất một kế hoạch (kèm các kế hoạch liên quan)."),
) -> None:
    """Xuất sổ đăng ký ra CSV hoặc XLSX (cùng định dạng với lệnh import)."""
    from chitieu.messages import ChitieuError
    from chitieu.services.transfer import export_registry

    # A path ending in .xlsx means a workbook: writing a folder named "x.xlsx" full of CSVs surprised users.
    fmt = (fmt or ("xlsx" if path.suffix.lower() == ".xlsx" else "csv")).strip().lower()
    if fmt == "csv" and path.suffix.lower() == ".xlsx":
        raise ChitieuError("bad_option", option="--format", reason=msg("export_csv_to_xlsx_path", path=str(path)))
    if fmt not in ("csv", "xlsx"):
        raise ChitieuError("bad_option", option="--format", reason=msg("choose_one", value=fmt, accepted="csv, xlsx"))
    with unit_of_work(db, workspace) as (session, actor):
        written = export_registry(session, actor, path, fmt="xlsx" if fmt == "xlsx" else "csv", plan_code=plan)
    console = Console()
    console.print(msg("cli_exported", count=len(written)), highlight=False)
    for file in written:
        console.print(f"  {file}", highlight=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    app.command("import")(import_command)
    app.command("export")(export_command)

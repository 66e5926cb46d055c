"""``chitieu audit``: consistency findings of the documents behind the registry."""

from __future__ import annotations

import json

import typer
from rich.console import Console
from rich.table import Table

from chitieu.audit import Finding, Severity
from chitieu.cli.common import db_option, unit_of_work, workspace_option
from chitieu.messages import ChitieuError, msg

SEVERITY_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "dim"}
SEVERITY_LABELS = {Severity.ERROR: "cli_severity_error", Severity.WARNING: "cli_severity_warning",
                   Severity.INFO: "cli_severity_info"}


def render_findings(findings: list[Finding], console: Console) -> None:
    if not findings:
        console.print(msg("audit_none"))
        return
    table = Table(title=msg("cli_audit_title"), header_style="bold", show_lines=True)
    columns: tuple[tuple[str, dict[str, object]], ...] = (
        ("cli_audit_col_level", {"no_wrap": True}), ("cli_audit_col_code", {"no_wrap": True}),
        ("cli_audit_col_message", {"overflow": "fold"}), ("cli_audit_col_source", {"overflow": "fold", "max_width": 34}),
    )
    for code, kwargs in columns:
        table.add_column(msg(code), **kwargs)  # type: ignore[arg-type]
    for f in findings:
        style = SEVERITY_STYLES[f.severity]
        table.add_row(f"[{style}]{msg(SEVERITY_LABELS[f.severity])}[/{style}]", f.code, f.message, "\n".join(f.locations))
    console.print(table)
    by = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    console.print(msg("audit_total", count=len(findings), errors=by[Severity.ERROR], warnings=by[Severity.WARNING],
                      infos=by[Severity.INFO]))


def audit_command(
    db: str | None = db_option(),
    workspace: str = workspace_option(),
    plan: str | None = typer.Option(None, "--plan", help="Mã nghị quyết/kế hoạch (mặc định: mọi kế hoạch)."),
    fmt: str = typer.Option("table", "--format", "-f", help="Định dạng: table hoặc json."),
) -> None:
    """Kiểm tra tính nhất quán của số liệu: tỷ lệ ghi sẵn, tổng và thành phần, lời văn và phụ lục,
    mục tiêu qua các bản, số đếm tự nêu, đánh giá chính thức."""
    fmt = fmt.lower()
    if fmt not in ("json", "table"):
        raise ChitieuError("audit_bad_format", value=fmt)
    from chitieu.services.audit import audit_plans

    with unit_of_work(db, workspace) as (session, actor):
        findings = audit_plans(session, actor, plan)
    if fmt == "json":
        typer.echo(json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2))
    else:
        render_findings(findings, Console())


def register(app: typer.Typer) -> None:
    app.command("audit")(audit_command)

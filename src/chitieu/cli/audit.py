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
SEVERITY_LABELS = {Severity.ERROR: "Lỗi", Severity.WARNING: "Cảnh báo", Severity.INFO: "Ghi chú"}


def render_findings(findings: list[Finding], console: Console) -> None:
    if not findings:
        console.print(msg("audit_none"))
        return
    table = Table(title="Kiểm tra tính nhất quán", header_style="bold", show_lines=True)
    for column, kwargs in (("Mức", {"no_wrap": True}), ("Loại", {"no_wrap": True}), ("Nội dung", {"overflow": "fold"}),
                           ("Nguồn", {"overflow": "fold", "max_width": 34})):
        table.add_column(column, **kwargs)
    for f in findings:
        style = SEVERITY_STYLES[f.severity]
        table.add_row(f"[{style}]{SEVERITY_LABELS[f.severity]}[/{style}]", f.code, f.message, "\n".join(f.locations))
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

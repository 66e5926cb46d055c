"""``chitieu programme …``: programmes and their budgets — list, assess, import a report, the Excel template,
and single figures (capital planned, disbursed)."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from chitieu.cli.common import database_label, db_option, unit_of_work, workspace_option
from chitieu.cli.transfer import print_problems
from chitieu.messages import ChitieuError, msg
from chitieu.numbers import format_number

programme_app = typer.Typer(help="Chương trình, dự án thành phần, tiểu dự án: kế hoạch vốn, giải ngân, đánh giá.",
                            no_args_is_help=True)
STATUS_STYLES = {"exceeded": "bold green", "achieved": "green", "not_yet": "yellow", "at_risk": "bold red",
                 "not_achieved": "red", "no_data": "dim", "no_target": "dim"}
CSV_COLUMNS = ("plan_code", "plan_title", "org_unit", "org_unit_name", "source", "source_vi", "period", "data_as_of",
               "allocated", "carried_over", "disbursed", "rate", "target", "status", "status_vi", "forecast_rate",
               "forecast_status_vi", "required_per_month", "explanation")
PLAN_HELP = "Mã chương trình gốc (mặc định: mọi chương trình)."


def parse_day(text: str | None, option: str) -> date | None:
    """"2023-10-31" or "31/10/2023"; a bare year means its last day."""
    if text is None or not text.strip():
        return None
    raw = text.strip()
    if raw.isdigit() and len(raw) == 4:
        return date(int(raw), 12, 31)
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise ChitieuError("bad_option", option=option, reason=msg("cli_bad_day", value=raw))


def parse_period(text: str | None) -> object:
    from chitieu.domain import Period

    if text is None or not text.strip():
        return None
    try:
        period = Period.parse(text)
    except ValueError:
        raise ChitieuError("bad_option", option="--period", reason=msg("cli_bad_period", value=text)) from None
    if period.end < period.start or not 1900 <= period.start <= 2200:
        raise ChitieuError("bad_option", option="--period", reason=msg("cli_bad_period", value=text))
    return period


def _source(text: str | None) -> object:
    from chitieu.domain import CapitalSource
    from chitieu.vocab.programmes import capital_source_of

    if text is None or not text.strip():
        return None
    try:
        return CapitalSource(text.strip())
    except ValueError:
        found = capital_source_of(text)
        if found is None:
            allowed = ", ".join(s.value for s in CapitalSource)
            raise ChitieuError("bad_option", option="--source", reason=msg("cli_bad_value_choice", value=text,
                                                                           accepted=allowed)) from None
        return None if found == "all" else found


def _money(value: float | None) -> str:
    return "" if value is None else format_number(value, 0 if abs(value) >= 100 else 2)


def _rate(value: float | None) -> str:
    return "" if value is None else f"{format_number(value, 1)}%"


@programme_app.command("list")
def list_command(
    db: str | None = db_option(), workspace: str = workspace_option(),
    plan: str | None = typer.Option(None, "--plan", help=PLAN_HELP),
) -> None:
    """Liệt kê chương trình, dự án thành phần, tiểu dự án (dạng cây) và số dòng kế hoạch vốn, giải ngân của mỗi nút."""
    from chitieu.services.programmes import list_programmes

    with unit_of_work(db, workspace) as (session, actor):
        rows = list_programmes(session, actor, plan)
    table = Table(header_style="bold")
    for column in ("cli_col_code", "cli_col_title", "cli_col_kind", "cli_col_budget_rows"):
        table.add_column(msg(column), overflow="fold")
    for r in rows:
        table.add_row(r.plan.code, "  " * r.depth + r.plan.title, r.plan.kind.label_vi, str(r.budget_rows or ""))
    Console().print(table)


@programme_app.command("assess")
def assess_command(
    db: str | None = db_option(), workspace: str = workspace_option(),
    plan: str | None = typer.Option(None, "--plan", help=PLAN_HELP),
    as_of: str | None = typer.Option(None, "--as-of", help="Đánh giá đến ngày (2023-10-31 hoặc 31/10/2023; mặc định: ngày số liệu mới nhất)."),
    period: str | None = typer.Option(None, "--period", help="Kỳ vốn (2023, 2021-2025; mặc định: kỳ mới nhất có số liệu)."),
    unit: str | None = typer.Option(None, "--unit", help="Chỉ một đơn vị (mã đơn vị)."),
    by_unit: bool = typer.Option(True, "--by-unit/--no-units", help="Thêm dòng cho từng đơn vị được giao vốn."),
    by_source: bool = typer.Option(True, "--by-source/--no-sources", help="Thêm dòng cho từng nguồn vốn."),
    fmt: str = typer.Option("table", "--format", help="table | json | csv"),
    out: Path | None = typer.Option(None, "--out", help="Ghi kết quả ra tệp (json, csv) thay vì in ra màn hình."),
) -> None:
    """Kế hoạch vốn, giải ngân, tỷ lệ và đánh giá (so với mục tiêu giải ngân) từng chương trình, đơn vị, nguồn vốn;
    dự báo tỷ lệ cuối năm theo diễn biến giải ngân và tiến độ còn cần mỗi tháng."""
    if fmt not in ("table", "json", "csv"):
        raise ChitieuError("bad_option", option="--format", reason=msg("cli_bad_value_choice", value=fmt,
                                                                       accepted="table, json, csv"))
    from chitieu.services.programmes import assess_programmes, budget_day, load_budget

    day = parse_day(as_of, "--as-of")
    with unit_of_work(db, workspace) as (session, actor):
        if day is None:
            day = budget_day(load_budget(session, actor))
        rows = assess_programmes(session, actor, as_of=day, period=parse_period(period),  # type: ignore[arg-type]
                                 root=plan, by_unit=by_unit, by_source=by_source, unit=unit)
    if fmt == "json":
        text = json.dumps({"as_of": day.isoformat(), "rows": [r.to_dict() for r in rows]}, ensure_ascii=False, indent=2)
        _emit(text, out)
        return
    if fmt == "csv":
        import io

        from chitieu.reports.safe_cells import SafeDictWriter

        buffer = io.StringIO()
        writer = SafeDictWriter(buffer, CSV_COLUMNS, bom=out is not None)
        writer.writeheader()
        for r in rows:
            d = r.to_dict()
            writer.writerow({k: d.get(k) for k in CSV_COLUMNS})
        _emit(buffer.getvalue(), out)
        return
    console = Console() if Console().is_terminal else Console(width=180)
    title = msg("cli_programme_title", day=day.strftime("%d/%m/%Y"), period=rows[0].period if rows else "—")
    table = Table(title=title, header_style="bold")
    for column, justify in (("cli_col_programme_unit", "left"), ("cli_col_capital_source", "left"),
                            ("cli_col_allocated", "right"), ("cli_col_disbursed", "right"), ("cli_col_rate", "right"),
                            ("cli_col_target", "right"), ("cli_col_verdict", "left"), ("cli_col_forecast", "left")):
        table.add_column(msg(column), justify=justify, overflow="fold")  # type: ignore[arg-type]
    for r in rows:
        name = "  " * r.depth + (f"  {r.org_unit_name or r.org_unit}" if r.org_unit else r.plan_title)
        style = STATUS_STYLES.get(r.status, "")
        verdict = f"[{style}]{r.status_vi}[/{style}]" if style else r.status_vi
        ahead = f"{_rate(r.forecast_rate)} {r.forecast_status_vi}".strip()
        table.add_row(name, r.source_vi if r.source else "", _money(r.allocated), _money(r.disbursed), _rate(r.rate),
                      r.target, verdict, ahead)
    console.print(table)
    if not rows:
        console.print(msg("cli_programme_empty"))


def _emit(text: str, out: Path | None) -> None:
    if out is None:
        typer.echo(text)
        return
    from chitieu.services.output_files import atomic_output

    with atomic_output(out) as tmp:
        tmp.write_text(text, encoding="utf-8")
    typer.echo(msg("cli_written", path=out))


@programme_app.command("import")
def import_command(
    path: Path = typer.Argument(..., help="Báo cáo chương trình: .xlsx, .xls, .csv, .docx hoặc biểu chitieu đã điền."),
    db: str | None = db_option(), workspace: str = workspace_option(),
    plan: str | None = typer.Option(None, "--plan", help="Chương trình mà bảng báo cáo (dòng tổng thuộc chương trình này)."),
    period: str | None = typer.Option(None, "--period", help="Kỳ vốn nếu tiêu đề bảng không ghi (2023)."),
    as_of: str | None = typer.Option(None, "--as-of", help="Ngày số liệu giải ngân nếu bảng không ghi (31/10/2023)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Chỉ đọc và kiểm tra, không ghi."),
) -> None:
    """Nhập kế hoạch vốn và giải ngân từ báo cáo chương trình (các mẫu biểu thường dùng, hoặc biểu chitieu):
    ghi tất cả hoặc không ghi gì; số đã có được cập nhật tại chỗ, mỗi thay đổi được ghi nhật ký."""
    from chitieu.services.programme_files import import_budget_report

    err, console = Console(stderr=True), Console()
    with unit_of_work(db, workspace, write=not dry_run) as (session, actor):
        outcome = import_budget_report(session, actor, path, root=plan, period=parse_period(period),  # type: ignore[arg-type]
                                       as_of=parse_day(as_of, "--as-of"), dry_run=dry_run)
    print_problems(outcome.report.problems, err)
    for label, layout in outcome.tables:
        understood = ", ".join(msg("cli_column_measure", column=c.letter, measure=msg(f"cli_measure_{c.measure}"))
                               for c in layout.value_columns)
        console.print(msg("cli_table_read", table=label, period=layout.period.label() if layout.period else "—",
                          columns=understood), highlight=False, soft_wrap=True)
    if not outcome.report.ok:
        err.print(msg("budget_import_invalid", path=path, count=len(outcome.report.errors())), style="bold red",
                  highlight=False)
        raise typer.Exit(2)
    read = outcome.read
    summary = msg("cli_budget_read", figures=read.figures, rows=read.rows_used, skipped=read.rows_skipped,
                  plans=len(read.plans))
    console.print(summary, highlight=False)
    if dry_run:
        console.print(msg("cli_dry_run"), highlight=False)
    else:
        console.print(msg("cli_budget_written", db=database_label(db), workspace=workspace), highlight=False)


@programme_app.command("template")
def template_command(
    out: Path = typer.Argument(..., help="Tệp .xlsx sẽ ghi."),
    db: str | None = db_option(), workspace: str = workspace_option(),
    plan: str | None = typer.Option(None, "--plan", help=PLAN_HELP),
    period: str = typer.Option(..., "--period", help="Kỳ vốn của biểu (2024)."),
    as_of: str | None = typer.Option(None, "--as-of", help="Ngày số liệu ghi sẵn trên biểu (mặc định: cuối kỳ vốn)."),
    unit: list[str] = typer.Option([], "--unit", help="Thêm dòng cho đơn vị này dưới mỗi dự án (lặp lại được)."),
    all_units: bool = typer.Option(False, "--all-units", help="Thêm dòng cho mọi đơn vị cấp dưới."),
) -> None:
    """Lập biểu Excel để đơn vị điền kế hoạch vốn và giải ngân (ghi sẵn danh mục và số hiện có, khóa các ô không
    được sửa, kiểm tra số nhập); nhập lại bằng «chitieu programme import TỆP»."""
    from chitieu.services.programme_template import write_template

    chosen = parse_period(period)
    day = parse_day(as_of, "--as-of") or date(chosen.end, 12, 31)  # type: ignore[attr-defined]
    with unit_of_work(db, workspace) as (session, actor):
        written = write_template(session, actor, out, root=plan, period=chosen, as_of=day,  # type: ignore[arg-type]
                                 units=list(unit), all_units=all_units)
    typer.echo(msg("cli_written", path=written))


@programme_app.command("record")
def record_command(
    plan: str = typer.Argument(..., help="Mã chương trình, dự án."),
    db: str | None = db_option(), workspace: str = workspace_option(),
    period: str = typer.Option(..., "--period", help="Kỳ vốn (2023)."),
    as_of: str = typer.Option(..., "--as-of", help="Giải ngân tính đến ngày (31/10/2023)."),
    amount: float | None = typer.Option(None, "--amount", help="Số đã giải ngân lũy kế (triệu đồng)."),
    rate: float | None = typer.Option(None, "--rate", help="Tỷ lệ giải ngân (%) nếu chỉ biết tỷ lệ."),
    source: str | None = typer.Option(None, "--source", help="Nguồn vốn (central_investment, «vốn sự nghiệp NSTW»...)."),
    unit: str | None = typer.Option(None, "--unit", help="Đơn vị (mã); bỏ trống là toàn chương trình."),
    note: str = typer.Option("", "--note", help="Ghi chú."),
) -> None:
    """Ghi một số giải ngân (lũy kế đến một ngày) của chương trình, dự án."""
    from chitieu.services.programmes import record_disbursement

    chosen = parse_period(period)
    day = parse_day(as_of, "--as-of")
    assert day is not None
    with unit_of_work(db, workspace, write=True) as (session, actor):
        record_disbursement(session, actor, plan, chosen, day, amount=amount, rate=rate,  # type: ignore[arg-type]
                            source=_source(source), unit=unit, note=note)  # type: ignore[arg-type]
    typer.echo(msg("cli_recorded", plan=plan, day=day.strftime("%d/%m/%Y")))


@programme_app.command("capital")
def capital_command(
    plan: str = typer.Argument(..., help="Mã chương trình, dự án."),
    db: str | None = db_option(), workspace: str = workspace_option(),
    period: str = typer.Option(..., "--period", help="Kỳ vốn (2023)."),
    amount: float = typer.Option(..., "--amount", help="Kế hoạch vốn (triệu đồng)."),
    source: str | None = typer.Option(None, "--source", help="Nguồn vốn."),
    carried_over: bool = typer.Option(False, "--carried-over", help="Vốn năm trước chuyển sang (không phải vốn trong kỳ)."),
    unit: str | None = typer.Option(None, "--unit", help="Đơn vị được giao (mã)."),
) -> None:
    """Ghi một số kế hoạch vốn (giao cho chương trình, dự án hoặc phân bổ cho một đơn vị)."""
    from chitieu.domain import CapitalKind
    from chitieu.services.programmes import set_capital_plan

    with unit_of_work(db, workspace, write=True) as (session, actor):
        set_capital_plan(session, actor, plan, parse_period(period), amount, source=_source(source),  # type: ignore[arg-type]
                         kind=CapitalKind.CARRIED_OVER if carried_over else None, unit=unit)
    typer.echo(msg("cli_recorded_capital", plan=plan, period=period))


def register(app: typer.Typer) -> None:
    app.add_typer(programme_app, name="programme")

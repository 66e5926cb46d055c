"""``chitieu assess`` (the registry) and ``chitieu assess-table`` (any target/result table)."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from chitieu.cli.common import db_option, unit_of_work, workspace_option
from chitieu.messages import ChitieuError, msg
from chitieu.numbers import format_number

STATUS_STYLES: dict[str, str] = {
    "exceeded": "bold green",
    "achieved": "green",
    "on_track": "cyan",
    "not_yet": "yellow",
    "at_risk": "bold red",
    "not_achieved": "red",
    "no_data": "dim",
}
CSV_COLUMNS = ("code", "number", "group", "name", "unit", "target", "period", "value", "value_text", "ratio", "status",
               "status_vi", "official_status", "agrees", "basis", "explanation")


def _get(row: Any, *names: str) -> Any:
    for name in names:
        value = row.get(name) if isinstance(row, dict) else getattr(row, name, None)
        if value not in (None, ""):
            return value
    return None


def render_assessment_table(rows: Sequence[Any], console: Console, title: str | None = "") -> None:
    """A rich table of assessment rows (``AssessmentRow`` or ``TableRow``), verdicts coloured.

    On a narrow console (< 100 columns) the official-verdict column is left out so the verdicts stay whole.
    """
    wide = console.width >= 100
    table = Table(title=msg("cli_assess_title") if title == "" else title, show_lines=False, header_style="bold",
                  expand=False)
    columns: list[tuple[str, dict[str, Any]]] = [
        ("cli_col_number", {"justify": "right", "no_wrap": True}),
        ("cli_col_indicator", {"overflow": "fold", "min_width": 14, "max_width": 56}),
        ("cli_col_unit", {"overflow": "fold", "max_width": 8}),
        ("cli_col_target", {"justify": "right", "overflow": "fold"}),
        ("cli_col_result", {"justify": "right", "overflow": "fold"}),
        ("cli_col_ratio", {"justify": "right", "no_wrap": True}),
        ("cli_col_verdict", {"no_wrap": True, "min_width": 9}),
    ]
    periods = any(_get(row, "period") for row in rows)  # the period judged, for registry assessments
    if periods:
        columns.insert(4, ("cli_col_period", {"no_wrap": True}))
    if wide:
        columns.append(("cli_col_official", {"no_wrap": True}))
    for code, kwargs in columns:
        table.add_column(msg(code), **kwargs)
    for row in rows:
        status = _get(row, "status")
        if status is None:  # a group/header row of an input table
            cells = ["", f"[bold]{_get(row, 'indicator', 'name') or ''}[/bold]"] + [""] * (len(columns) - 2)
            table.add_row(*cells)
            continue
        ratio = _get(row, "ratio")
        style = STATUS_STYLES.get(str(status), "")
        cells = [
            str(_get(row, "number", "row") or ""),
            str(_get(row, "name", "indicator") or ""),
            str(_get(row, "unit") or ""),
            str(_get(row, "target") or ""),
            *([str(_get(row, "period") or "")] if periods else []),
            str(_get(row, "value_text", "result") or ""),
            "" if ratio is None else f"{format_number(ratio, 1)}%",
            f"[{style}]{_get(row, 'status_vi')}[/{style}]" if style else str(_get(row, "status_vi")),
        ]
        if wide:
            official = _get(row, "official_text") or ""
            if official and _get(row, "agrees") is False:
                official = f"[magenta]{official} ≠[/magenta]"
            cells.append(official)
        table.add_row(*cells)
    console.print(table)


def _console() -> Console:
    """A console that keeps the table readable when the output is piped (no terminal width to follow)."""
    console = Console()
    return console if console.is_terminal else Console(width=160)


def _check_format(fmt: str, allowed: tuple[str, ...]) -> str:
    if fmt not in allowed:
        raise ChitieuError("bad_option", option="--format", reason=msg("choose_one", value=fmt, accepted=", ".join(allowed)))
    return fmt


def assess_command(
    db: str | None = db_option(),
    workspace: str = workspace_option(),
    plan: str | None = typer.Option(None, "--plan", help="Mã nghị quyết/kế hoạch (mặc định: kế hoạch duy nhất có chỉ tiêu)."),
    as_of: int | None = typer.Option(None, "--as-of", help="Đánh giá đến năm này."),
    forecast: bool = typer.Option(False, "--forecast", help="Dự báo đến hết thời hạn."),
    fmt: str = typer.Option("table", "--format", help="table | json | csv"),
    convention: str | None = typer.Option(
        None, "--convention", help="Quy ước đánh giá: «mac-dinh» hoặc tệp .json (xem «chitieu convention»)."
    ),
    all_plans: bool = typer.Option(
        False, "--all-plans", help="Đánh giá mọi mục tiêu của mọi kế hoạch (tỉnh và từng xã) bằng truy vấn tập hợp."
    ),
    out: Path | None = typer.Option(None, "--out", help="Ghi kết quả --all-plans ra tệp (csv, parquet, json)."),
) -> None:
    """Đánh giá các chỉ tiêu của một nghị quyết: đến một năm (--as-of) hoặc dự báo cuối kỳ (--forecast)."""
    if all_plans:
        _assess_all_plans(db, workspace, plan, as_of, forecast, fmt, convention, out)
        return
    _check_format(fmt, ("table", "json", "csv"))
    if (as_of is None) == (not forecast):
        raise ChitieuError("assess_need_mode")
    from chitieu.assessment import assess_bundle
    from chitieu.services.conventions import workspace_profile
    from chitieu.services.registry import default_plan, load_bundle

    with unit_of_work(db, workspace) as (session, actor):
        bundle = load_bundle(session, actor, plan or default_plan(session, actor))
        profile = workspace_profile(session, actor, convention)
    rows = assess_bundle(bundle, as_of=as_of, forecast=forecast, profile=profile)
    if fmt == "json":
        typer.echo(json.dumps([r.to_dict() for r in rows], ensure_ascii=False, indent=2))
    elif fmt == "csv":
        from chitieu.reports.safe_cells import SafeDictWriter

        # a BOM when the output goes to a file or a pipe, so Excel opening the file reads Vietnamese right
        writer = SafeDictWriter(sys.stdout, CSV_COLUMNS, bom=not sys.stdout.isatty())
        writer.writeheader()
        for r in rows:
            writer.writerow(r.to_dict())
    else:
        title = msg("cli_assess_forecast", year=bundle.plan.term_end or "") if forecast else msg("cli_assess_as_of", year=as_of)
        render_assessment_table(rows, _console(), title=msg("cli_title_with_plan", plan=bundle.plan.title, title=title))


def _assess_all_plans(db: str | None, workspace: str, plan: str | None, as_of: int | None, forecast: bool, fmt: str,
                      convention: str | None, out: Path | None) -> None:
    """``assess --all-plans``: the set-based engine (services/bulk_assess), one row per plan, unit and indicator."""
    if plan is not None:
        raise ChitieuError("bad_option", option="--plan", reason=msg("cli_not_with", option="--all-plans"))
    if forecast or as_of is None:
        raise ChitieuError("assess_all_plans_as_of")
    fmt = "csv" if fmt == "table" else fmt
    _check_format(fmt, ("csv", "parquet", "json"))
    if fmt == "parquet" and out is None and sys.stdout.isatty():
        raise ChitieuError("assess_parquet_out")
    from chitieu.services.bulk_assess import iter_assess_all_plans, write_batches
    from chitieu.services.conventions import workspace_profile

    with unit_of_work(db, workspace) as (session, actor):
        profile = workspace_profile(session, actor, convention)
        batches = (part.columns for part in iter_assess_all_plans(session, actor, as_of=as_of, profile=profile))
        if out is not None:
            from chitieu.services.output_files import atomic_output

            with atomic_output(out) as temp, temp.open("wb") as handle:
                write_batches(batches, fmt, handle)
        else:
            write_batches(batches, fmt, sys.stdout.buffer, bom=not sys.stdout.isatty())


TABLE_BATCH = 1000  # rows per printed table: a large input is shown batch by batch, never held whole
MAX_WARNINGS_SHOWN = 50


class _Warnings:
    """Warnings printed as rows go by; past ``MAX_WARNINGS_SHOWN`` they are only counted."""

    def __init__(self, console: Console) -> None:
        self.console, self.count = console, 0

    def show(self, row: Any) -> None:
        for warning in row.warnings:
            self.count += 1
            if self.count <= MAX_WARNINGS_SHOWN:
                self.console.print(msg("cli_warning_plain", message=warning), style="yellow", highlight=False)

    def close(self) -> None:
        if self.count > MAX_WARNINGS_SHOWN:
            self.console.print(msg("table_more_warnings", count=self.count - MAX_WARNINGS_SHOWN), style="yellow",
                               highlight=False)


def assess_table_command(
    file: Path = typer.Argument(..., help="Bảng chỉ tiêu (.csv hoặc .xlsx)."),
    stage: str = typer.Option("final", "--stage", help="midterm | final | forecast"),
    fmt: str = typer.Option("table", "--format", help="table | json | xlsx | csv"),
    out: Path | None = typer.Option(
        None, "--out", help="Tệp kết quả (xlsx/csv: mặc định <tên>_danh-gia.xlsx/.csv; json: mặc định in ra màn hình)."
    ),
    convention: str | None = typer.Option(
        None, "--convention", help="Quy ước đánh giá: «mac-dinh» hoặc tệp .json (xem «chitieu convention»)."
    ),
    learn_from: Path | None = typer.Option(
        None, "--learn-from", help="Bảng đánh giá kỳ trước (.csv/.xlsx có cột «Đánh giá»): học quy ước của đơn vị rồi đánh giá theo đó."
    ),
    db: str | None = db_option(),
    workspace: str = workspace_option(),
) -> None:
    """Đánh giá một bảng mục tiêu/kết quả bất kỳ (cột Chỉ tiêu, Mục tiêu, Kết quả).

    Quy ước đánh giá: --learn-from, --convention, hoặc quy ước đang dùng của không gian làm việc (khi có cơ sở dữ liệu).

    Bảng lớn (hàng triệu dòng) được đọc và ghi lần lượt từng dòng, không nạp cả bảng vào bộ nhớ.
    """
    from chitieu.assessment import parse_stage
    from chitieu.services.assess_table import TableRun
    from chitieu.services.assess_table_write import (
        write_assessed_csv,
        write_assessed_json,
        write_assessed_xlsx,
    )

    _check_format(fmt, ("json", "table", "xlsx", "csv"))
    try:
        chosen = parse_stage(stage)
    except ValueError as exc:
        raise ChitieuError("table_bad_stage", value=stage) from exc
    err = Console(stderr=True)
    if not err.is_terminal:
        err = Console(stderr=True, width=160)
    profile = _table_profile(convention, learn_from, err, db, workspace)
    warnings = _Warnings(err)
    run = TableRun(file, chosen, on_row=warnings.show, profile=profile)
    if fmt == "json":
        if out is not None:
            from chitieu.services.output_files import atomic_output

            with atomic_output(out) as temp, temp.open("w", encoding="utf-8") as handle:
                write_assessed_json(run, handle)
                handle.write("\n")
        else:
            _json_to_stdout(run)
    elif fmt in ("xlsx", "csv"):
        target = out or file.with_name(f"{file.stem}_danh-gia.{fmt}")
        writer = write_assessed_xlsx if fmt == "xlsx" else write_assessed_csv
        writer(run, target)
        err.print(msg("table_written", rows=run.rows_read, path=target), highlight=False)
    else:
        _print_table(run, msg("cli_title_with_file", file=file.name, title=chosen.label_vi))
    warnings.close()
    agree, total = run.agreement
    if total:
        err.print(msg("table_agreement", agree=agree, total=total), highlight=False)


def _table_profile(convention: str | None, learn_from: Path | None, err: Console, db: str | None,
                   workspace: str) -> Any:
    """The profile to judge with: learned from a past table (shown on stderr); a built-in name or a JSON file;
    a name saved for the workspace, or the workspace's convention in use — asked of the database only when
    there is one (``--db``, ``CHITIEU_DATABASE_URL`` or ``./chitieu.db``): a table alone creates no database."""
    from chitieu.assessment.conventions import DEFAULT_PROFILE
    from chitieu.services.assess_table_learn import BUILT_IN, learn_from_table, resolve_profile

    if learn_from is not None:
        if convention is not None:
            raise ChitieuError("bad_option", option="--convention", reason=msg("cli_not_with", option="--learn-from"))
        learned = learn_from_table(learn_from)
        print_learned(learned, err)
        return learned.profile
    spec = (convention or "").strip()
    if spec and (spec.lower() in BUILT_IN or spec.lower().endswith(".json") or Path(spec).exists()):
        return resolve_profile(spec)
    if not _database_given(db):
        if spec:
            raise ChitieuError("convention_not_found", name=spec, known=", ".join(sorted(BUILT_IN)))
        return DEFAULT_PROFILE
    from chitieu.services.conventions import workspace_profile

    with unit_of_work(db, workspace) as (session, actor):
        return workspace_profile(session, actor, spec or None)


def _database_given(db: str | None) -> bool:
    import os

    from chitieu.services.database import DATABASE_URL_ENV, DEFAULT_SQLITE_FILE

    return bool(db) or bool(os.environ.get(DATABASE_URL_ENV)) or (Path.cwd() / DEFAULT_SQLITE_FILE).is_file()


def _shown(key: str, value: object) -> str:
    from chitieu.assessment.conventions import describe_setting

    return describe_setting(key, value).split(": ", 1)[-1]


def print_learned(learned: Any, console: Console) -> None:
    """The fitted profile, what changed from the default, the agreement, and the rows still disagreeing."""
    from chitieu.assessment.conventions import describe, describe_setting

    fit = learned.fit
    console.print(msg("convention_learned_title", path=learned.source.name), style="bold", highlight=False)
    for line in describe(fit.profile):
        console.print(f"  • {line}", highlight=False)
    before, total = fit.default_agreement
    console.print(msg("convention_learned_agreement", before=before, after=fit.agreement[0], total=total), highlight=False)
    if fit.changed:
        changes = "; ".join(f"{describe_setting(k, new)} ({msg('convention_default_was', value=_shown(k, old))})"
                            for k, (old, new) in fit.changed.items())
        console.print(msg("convention_learned_changed", changes=changes), highlight=False)
    else:
        console.print(msg("convention_learned_same"), highlight=False)
    if not fit.disagreements:
        console.print(msg("convention_remaining_none"), highlight=False)
        return
    table = Table(title=msg("convention_remaining_title"), header_style="bold", expand=False)
    columns: tuple[tuple[str, dict[str, Any]], ...] = (
        ("cli_col_row", {"justify": "right"}), ("cli_col_indicator", {"max_width": 40, "overflow": "fold"}),
        ("cli_col_target", {"overflow": "fold"}), ("cli_col_result", {"overflow": "fold"}),
        ("cli_col_by_convention", {}), ("cli_col_printed", {}), ("cli_col_why", {"max_width": 50, "overflow": "fold"}),
    )
    for code, kwargs in columns:
        table.add_column(msg(code), **kwargs)
    for d in fit.disagreements:
        if d.fixes:
            key, value = next(iter(d.fixes[0].items()))
            why = msg("convention_fix_one", setting=describe_setting(key, value))
        else:
            why = msg("convention_fix_none")
        table.add_row(str(d.case.row), d.case.indicator, d.case.target_text, d.case.result_text, d.ours.label_vi,
                      d.case.official_text, why)
    console.print(table)


def _json_to_stdout(rows: Any) -> None:
    """The JSON array is built in a spooled file (memory, then disk) and printed only when complete."""
    import shutil
    import tempfile

    from chitieu.services.assess_table_write import write_assessed_json

    with tempfile.SpooledTemporaryFile(max_size=16 * 1024 * 1024, mode="w+", encoding="utf-8") as spool:
        write_assessed_json(rows, spool)
        spool.seek(0)
        shutil.copyfileobj(spool, sys.stdout)
    sys.stdout.write("\n")


def _print_table(rows: Any, title: str) -> None:
    console = _console()
    batch: list[Any] = []
    first = True
    for _index, _cells, row in rows:
        if row is None:
            continue
        batch.append(row)
        if len(batch) >= TABLE_BATCH:
            render_assessment_table(batch, console, title=title if first else None)
            if first:
                Console(stderr=True).print(msg("table_large_hint"), style="yellow", highlight=False)
            batch, first = [], False
    if batch or first:
        render_assessment_table(batch, console, title=title if first else None)


def register(app: typer.Typer) -> None:
    app.command("assess")(assess_command)
    app.command("assess-table")(assess_table_command)

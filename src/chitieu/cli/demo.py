"""``chitieu demo``: install the bundled demo dataset, print verdicts, write the official appendix."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from chitieu.assessment import AssessmentRow, assess_bundle, summary_sentence
from chitieu.cli.assess import render_assessment_table
from chitieu.cli.common import DB_HELP, cli_actor, workspace_option
from chitieu.messages import msg
from chitieu.services.database import display_url, open_database
from chitieu.services.datasets import demo_dataset, install_dataset
from chitieu.services.registry import default_as_of, load_bundle
from chitieu.services.reports import write_appendix
from chitieu.vocab.verdicts import Status

REPORT_FORMATS = ("xlsx", "docx")


def verdict_summary(rows: list[AssessmentRow], lead: str) -> str:
    """"Đến năm 2023 có 54 chỉ tiêu: 13 chỉ tiêu vượt, …" for a list of assessment rows."""
    return summary_sentence(Counter(Status(row.status) for row in rows), lead)


def demo_command(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    out: Path = typer.Option(Path("out/demo"), "--out", help="Thư mục ghi báo cáo phụ lục (xlsx, docx)."),
    workspace: str = workspace_option(),
) -> None:
    """Chạy thử: cài bộ dữ liệu mẫu đi kèm, đánh giá chỉ tiêu, in kết quả và viết báo cáo phụ lục."""
    console = Console()
    dataset = demo_dataset()
    actor = cli_actor(workspace)

    progress = Progress(
        TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(), console=console, transient=True,
    )
    written: list[Path] = []
    with progress:
        task = progress.add_task(msg("cli_demo_open"), total=3 + len(REPORT_FORMATS))
        database = open_database(db)
        progress.update(task, advance=1, description=msg("cli_demo_install", title=dataset.title))
        with database.session(write=True) as session:
            installed = install_dataset(session, actor, dataset.name)
            _publish(session, actor, installed.main_plan)
        with database.session() as session:
            bundle = load_bundle(session, actor, installed.main_plan)
        database.close()
        as_of = installed.as_of or default_as_of(bundle)
        progress.update(task, advance=1, description=msg("cli_demo_assess"))
        midterm = assess_bundle(bundle, as_of=as_of)
        forecast = assess_bundle(bundle, forecast=True)
        progress.update(task, advance=1)
        for fmt in REPORT_FORMATS:
            progress.update(task, description=msg("cli_demo_write", format=fmt))
            target = out / f"phu-luc-{installed.main_plan.lower()}.{fmt}"
            target.parent.mkdir(parents=True, exist_ok=True)
            written.append(write_appendix(bundle, target, fmt, as_of=as_of, midterm=midterm, final=forecast))
            progress.update(task, advance=1)

    counts = installed.counts
    console.print(
        msg("cli_demo_counts", title=bundle.plan.title, code=bundle.plan.code, indicators=counts["indicators"],
            targets=counts["targets"], observations=counts["observations"], plans=counts["plans"]),
        highlight=False,
    )
    end = bundle.plan.term_end or ""
    render_assessment_table(midterm, console, title=msg("cli_demo_midterm_title", year=as_of))
    render_assessment_table(forecast, console, title=msg("cli_demo_forecast_title", year=end))
    console.print(verdict_summary(midterm, msg("cli_demo_midterm_lead", year=as_of)), highlight=False, soft_wrap=True)
    console.print(verdict_summary(forecast, msg("cli_demo_forecast_title", year=end)), highlight=False, soft_wrap=True)
    shown = display_url(database.url).removeprefix("sqlite:///")
    console.print(msg("cli_demo_database", path=shown), highlight=False, soft_wrap=True)
    for path in written:
        console.print(msg("cli_demo_report", path=path), highlight=False, soft_wrap=True)


def _publish(session: object, actor: object, plan_code: str) -> None:
    """The bundled dataset is public: its main plan is shown on the portal and to anonymous visitors."""
    from chitieu.services.publication import publish_plan

    publish_plan(session, actor, plan_code)  # type: ignore[arg-type]


def register(app: typer.Typer) -> None:
    app.command("demo")(demo_command)

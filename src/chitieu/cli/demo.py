"""``chitieu demo``: load the bundled Lai Châu XIV dataset, print verdicts, write the official appendix."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from chitieu.assessment import summary_sentence
from chitieu.assessment.bundle import AssessmentRow, assess_bundle
from chitieu.cli.assess import render_assessment_table
from chitieu.services.database import display_url, open_database
from chitieu.services.datasets import install_dataset
from chitieu.services.registry import load_bundle
from chitieu.services.reports import write_appendix

REPORT_FORMATS = ("xlsx", "docx")
AS_OF_YEAR = 2023


def verdict_summary(rows: list[AssessmentRow], lead: str) -> str:
    """"Đến năm 2023 có 54 chỉ tiêu: 13 chỉ tiêu vượt, …" for a list of assessment rows."""
    return summary_sentence(Counter(row.status for row in rows), lead)


def demo_command(
    db: str | None = typer.Option(None, "--db", help="Tệp SQLite hoặc URL cơ sở dữ liệu (mặc định: CHITIEU_DATABASE_URL hoặc ./chitieu.db)."),
    out: Path = typer.Option(Path("out/demo"), "--out", help="Thư mục ghi báo cáo phụ lục (xlsx, docx)."),
) -> None:
    """Chạy thử: nạp bộ dữ liệu Lai Châu khóa XIV, đánh giá chỉ tiêu, in kết quả và viết báo cáo phụ lục."""
    console = Console()

    progress = Progress(
        TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(), console=console, transient=True,
    )
    written: list[Path] = []
    with progress:
        task = progress.add_task("Mở cơ sở dữ liệu", total=3 + len(REPORT_FORMATS))
        database = open_database(db)
        progress.update(task, advance=1, description="Nạp bộ dữ liệu Lai Châu khóa XIV")
        installed = install_dataset(database)
        _publish(database, installed.main_plan)
        bundle = load_bundle(database, installed.main_plan)
        database.close()
        progress.update(task, advance=1, description="Đánh giá chỉ tiêu")
        midterm = assess_bundle(bundle, as_of=AS_OF_YEAR)
        forecast = assess_bundle(bundle, forecast=True)
        progress.update(task, advance=1)
        for fmt in REPORT_FORMATS:
            progress.update(task, description=f"Viết phụ lục {fmt}")
            target = out / f"phu-luc-{installed.main_plan.lower()}.{fmt}"
            target.parent.mkdir(parents=True, exist_ok=True)
            written.append(write_appendix(bundle, target, fmt, as_of=AS_OF_YEAR, midterm=midterm, final=forecast))
            progress.update(task, advance=1)

    counts = installed.counts
    console.print(
        f"[bold]{bundle.plan.title}[/bold] ({bundle.plan.code}): {counts['indicators']} chỉ tiêu, "
        f"{counts['targets']} mục tiêu, {counts['observations']} số liệu, {counts['plans']} văn bản kế hoạch.",
        highlight=False,
    )
    render_assessment_table(midterm, console, title=f"Kết quả thực hiện đến năm {AS_OF_YEAR}")
    render_assessment_table(forecast, console, title=f"Dự báo đến hết nhiệm kỳ ({bundle.plan.term_end or ''})")
    console.print(verdict_summary(midterm, f"Đến năm {AS_OF_YEAR}"), highlight=False, soft_wrap=True)
    lead = f"Dự báo đến hết nhiệm kỳ ({bundle.plan.term_end or ''})"
    console.print(verdict_summary(forecast, lead), highlight=False, soft_wrap=True)
    console.print(f"Cơ sở dữ liệu: {display_url(database.url).removeprefix('sqlite:///')}", highlight=False, soft_wrap=True)
    for path in written:
        console.print(f"Báo cáo: {path}", highlight=False, soft_wrap=True)


def _publish(database: object, plan_code: str) -> None:
    """The bundled dataset is public: its main plan is shown on the portal and to anonymous visitors."""
    from chitieu.domain.actors import Actor
    from chitieu.services.publication import publish_plan

    with database.session() as session:  # type: ignore[attr-defined]
        publish_plan(session, Actor(name="cli:demo", role="admin", via="cli"), plan_code)


def register(app: typer.Typer) -> None:
    app.command("demo")(demo_command)

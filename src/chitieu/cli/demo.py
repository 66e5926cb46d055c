"""``chitieu demo``: load the bundled Lai Châu XIV dataset, print verdicts, write the official appendix."""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from chitieu.messages import msg

REPORT_FORMATS = ("xlsx", "docx")
AS_OF_YEAR = 2023


def _optional(module: str, name: str, step: str, console: Console) -> Callable[..., Any] | None:
    """``module.name`` when that part of chitieu is installed; otherwise a note and None."""
    try:
        return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]
    except ModuleNotFoundError as exc:
        if exc.name is None or not module.startswith(exc.name):
            raise
    except AttributeError:
        pass
    console.print(msg("demo_part_missing", step=step, module=f"{module}.{name}"), style="yellow", highlight=False)
    return None


def _status_of(row: object) -> str:
    status = row.get("status") if isinstance(row, dict) else getattr(row, "status", None)
    return str(getattr(status, "value", status) or "no_data")


def verdict_summary(rows: list[Any]) -> str:
    """"12 Vượt, 30 Đạt, …" for a list of assessment rows."""
    from chitieu.vocab.verdicts import Status

    counts = Counter(_status_of(r) for r in rows)
    parts = [f"{counts[s.value]} {s.label_vi}" for s in Status if counts.get(s.value)]
    return ", ".join(parts) if parts else "không có dòng nào"


def demo_command(
    db: str | None = typer.Option(None, "--db", help="Tệp SQLite hoặc URL cơ sở dữ liệu (mặc định: CHITIEU_DATABASE_URL hoặc ./chitieu.db)."),
    out: Path = typer.Option(Path("out/demo"), "--out", help="Thư mục ghi báo cáo phụ lục (xlsx, docx)."),
) -> None:
    """Chạy thử: nạp bộ dữ liệu Lai Châu khóa XIV, đánh giá chỉ tiêu, in kết quả và viết báo cáo phụ lục."""
    from chitieu.services.database import display_url, open_database
    from chitieu.services.datasets import install_dataset
    from chitieu.services.registry import load_bundle

    console = Console()
    assess_bundle = _optional("chitieu.services.assessment", "assess_bundle", "đánh giá", console)
    render_table = _optional("chitieu.cli.assess", "render_assessment_table", "in bảng đánh giá", console)
    write_appendix = _optional("chitieu.services.reports", "write_appendix", "viết báo cáo", console)

    progress = Progress(
        TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(), console=console, transient=True,
    )
    midterm: list[Any] = []
    forecast: list[Any] = []
    written: list[Path] = []
    with progress:
        task = progress.add_task("Mở cơ sở dữ liệu", total=3 + len(REPORT_FORMATS))
        database = open_database(db)
        progress.update(task, advance=1, description="Nạp bộ dữ liệu Lai Châu khóa XIV")
        installed = install_dataset(database)
        bundle = load_bundle(database, installed.main_plan)
        database.close()
        progress.update(task, advance=1, description="Đánh giá chỉ tiêu")
        if assess_bundle is not None:
            midterm = list(assess_bundle(bundle, as_of=AS_OF_YEAR))
            forecast = list(assess_bundle(bundle, forecast=True))
        progress.update(task, advance=1)
        for fmt in REPORT_FORMATS:
            progress.update(task, description=f"Viết phụ lục {fmt}")
            if write_appendix is not None:
                target = out / f"phu-luc-{installed.main_plan.lower()}.{fmt}"
                target.parent.mkdir(parents=True, exist_ok=True)
                known = {"midterm": midterm, "final": forecast} if assess_bundle is not None else {}
                result = write_appendix(bundle, target, fmt, as_of=AS_OF_YEAR, **known)
                written.append(Path(result) if isinstance(result, str | Path) else target)
            progress.update(task, advance=1)

    counts = installed.counts
    console.print(
        f"[bold]{bundle.plan.title}[/bold] ({bundle.plan.code}): {counts['indicators']} chỉ tiêu, "
        f"{counts['targets']} mục tiêu, {counts['observations']} số liệu, {counts['plans']} văn bản kế hoạch.",
        highlight=False,
    )
    if render_table is not None and assess_bundle is not None:
        render_table(midterm, console, title=f"Kết quả thực hiện đến năm {AS_OF_YEAR}")
        render_table(forecast, console, title=f"Dự báo đến hết nhiệm kỳ ({bundle.plan.term_end or ''})")
    if assess_bundle is not None:
        console.print(f"Đến năm {AS_OF_YEAR}: {verdict_summary(midterm)}.", highlight=False)
        console.print(f"Dự báo cuối nhiệm kỳ: {verdict_summary(forecast)}.", highlight=False)
    console.print(f"Cơ sở dữ liệu: {display_url(database.url).removeprefix('sqlite:///')}", highlight=False, soft_wrap=True)
    for path in written:
        console.print(f"Báo cáo: {path}", highlight=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    app.command("demo")(demo_command)

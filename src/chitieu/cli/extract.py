"""``chitieu extract FILE``: the targets and results a document states, as JSON Lines or a table."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import typer

from chitieu.messages import ChitieuError, msg
from chitieu.numbers import format_number

if TYPE_CHECKING:
    from rich.progress import TaskID

# Keys of one JSON line, in order (the contract of `chitieu extract --format jsonl`).
JSONL_KEYS: tuple[str, ...] = (
    "kind", "indicator", "op", "value", "low", "high", "unit", "start", "end", "page", "quote", "period",
    "deadline", "baseline", "change", "hedge", "plan", "denominator", "per_year", "confidence", "section",
    "box", "ocr_confidence", "statement", "role", "plan_kind", "basis", "sign", "stated_ratio", "places",
)
KIND_LABELS = {"target": "cli_kind_target_title", "result": "cli_kind_result_title"}


def extract_command(
    path: Path = typer.Argument(..., help="Tệp văn bản (.txt, .docx, .pdf, .doc) hoặc phụ lục Excel (.xlsx, .xls)."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl (một dòng JSON mỗi mục) hoặc table."),
    kind: str = typer.Option("all", "--kind", "-k", help="target, result hoặc all."),
) -> None:
    """Trích xuất các mục tiêu (chỉ tiêu) và kết quả nêu trong văn bản, kèm vị trí chính xác."""
    from chitieu.services.extract import iter_file_claims

    if fmt not in ("jsonl", "table"):
        raise ChitieuError("extract_bad_format", value=fmt)
    with _ocr_progress() as progress:
        read, claims = iter_file_claims(path, kind, progress)
    if fmt == "jsonl":
        write = sys.stdout.write
        dumps = json.JSONEncoder(ensure_ascii=False).encode
        for claim in claims:  # streamed: one line per claim, nothing kept in memory
            # read straight from the claim (``to_dict`` deep-copies every field: a third of the time on long texts)
            write(dumps({k: getattr(claim, k) for k in JSONL_KEYS}) + "\n")
        sys.stdout.flush()
        return
    _print_tables(path, claims, lambda: read.length)


@contextmanager
def _ocr_progress() -> Iterator[Callable[[int, int, str], None]]:
    """A progress bar on stderr, shown only while scanned pages go through OCR."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   console=Console(stderr=True), transient=True)
    task: list[TaskID] = []

    def update(done: int, total: int, stage: str) -> None:
        if stage != "ocr":
            return
        if not task:
            bar.start()
            task.append(bar.add_task(msg("read_ocr_progress", page=done, pages=total), total=total))
        bar.update(task[0], completed=done, description=msg("read_ocr_progress", page=min(done + 1, total), pages=total))

    try:
        yield update
    finally:
        if task:
            bar.stop()


def _value_text(op: str, value: float | None, low: float | None, high: float | None) -> str:
    if op == "range":
        return f"{format_number(low)} - {format_number(high)}"
    symbol = {">": ">", ">=": "≥", "<": "<", "<=": "≤"}.get(op, "")
    return f"{symbol}{format_number(value)}"


TABLE_ROWS = 2000  # rows per printed table: a long document's table is printed as its claims come


def _print_tables(path: Path, claims: Iterator[Any], chars: Callable[[], int]) -> None:
    """The claims as tables of at most ``TABLE_ROWS`` rows (the terminal table needs its rows to size its
    columns, so a long document is shown as several), then the summary."""
    from rich.console import Console

    console = Console()
    batch: list[Any] = []
    count = 0
    for claim in claims:
        batch.append(claim)
        if len(batch) == TABLE_ROWS:
            console.print(_table(batch))
            count += len(batch)
            batch = []
    if batch or not count:
        console.print(_table(batch))
        count += len(batch)
    console.print(msg("extract_summary", path=path, count=count, chars=format_number(chars(), 0)))


def _table(claims: list[Any]) -> Any:
    from rich.table import Table

    table = Table(show_header=True, header_style="bold", show_lines=False)
    columns: tuple[tuple[str, Literal["left", "right"]], ...] = (
        ("cli_col_kind", "left"), ("cli_col_indicator", "left"), ("cli_col_value", "right"),
        ("cli_col_unit_name", "left"), ("cli_col_period", "left"), ("cli_col_position", "right"),
        ("cli_col_page", "right"),
    )
    for code, justify in columns:
        table.add_column(msg(code), justify=justify)
    for c in claims:
        table.add_row(
            msg(KIND_LABELS[c.kind]) if c.kind in KIND_LABELS else c.kind, c.indicator, _value_text(c.op, c.value, c.low, c.high), c.unit,
            c.period or (str(c.deadline) if c.deadline else ""), f"{c.start}-{c.end}",
            "" if c.page is None else str(c.page),
        )
    return table


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)

"""``chitieu synth national``: the national synthetic dataset, generated from a seed and loaded in bulk."""

from __future__ import annotations

import typer
from rich.console import Console

from chitieu.cli.common import db_option, unit_of_work, workspace_option
from chitieu.messages import msg
from chitieu.numbers import format_number

synth_app = typer.Typer(help="Bộ dữ liệu tổng hợp để đo tốc độ và thử tải.", no_args_is_help=True)


@synth_app.command("national")
def national_command(
    scale: float = typer.Option(..., "--scale", help="Quy mô F: 1,0 = 34 tỉnh, 3.321 xã; 0,01 để kiểm thử."),
    seed: int = typer.Option(1, "--seed", help="Hạt giống ngẫu nhiên: cùng hạt giống, cùng dữ liệu."),
    db: str | None = db_option(),
    workspace: str = workspace_option(),
) -> None:
    """Sinh và nạp bộ dữ liệu quốc gia tổng hợp (mọi tỉnh, mọi xã, 100 chỉ tiêu, 10 năm số liệu)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from chitieu.services.synth import synth_national
    from chitieu.synth.national import Shape

    shape = Shape.of(scale) if scale > 0 else None
    total = (shape.targets + shape.observations_estimate) if shape else None
    err = Console(stderr=True)
    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   console=err, transient=True, disable=not err.is_terminal)
    with bar:
        task = bar.add_task(msg("synth_progress"), total=total)
        with unit_of_work(db, workspace, write=True) as (session, actor):
            summary = synth_national(session, actor, scale=scale, seed=seed,
                                     progress=lambda n: bar.advance(task, n))
    typer.echo(msg("synth_done", provinces=summary.provinces, communes=format_number(summary.communes),
                   plans=summary.plans, targets=format_number(summary.targets),
                   observations=format_number(summary.observations), seconds=format_number(summary.seconds, 1),
                   rate=format_number(round(summary.rows_per_second))))


def register(app: typer.Typer) -> None:
    app.add_typer(synth_app, name="synth")

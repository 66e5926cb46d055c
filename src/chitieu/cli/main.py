"""The ``chitieu`` command. Each command module registers itself through ``register(app)``."""

from __future__ import annotations

import importlib
import os
import sys

import typer

from chitieu.cli import localise
from chitieu.messages import ChitieuError, msg

localise.install()

app = typer.Typer(
    name="chitieu",
    help="chitieu — theo dõi chỉ tiêu nghị quyết, kế hoạch: đăng ký, đánh giá, trích xuất, báo cáo.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# One module per command group; each defines register(app).
COMMAND_MODULES = (
    "chitieu.cli.demo",
    "chitieu.cli.assess",
    "chitieu.cli.report",
    "chitieu.cli.audit",
    "chitieu.cli.transfer",
    "chitieu.cli.extract",
    "chitieu.cli.review",
    "chitieu.cli.plan",
    "chitieu.cli.admin",
    "chitieu.cli.convention",
    "chitieu.cli.serve",
    "chitieu.cli.users",
    "chitieu.cli.programme",
    "chitieu.cli.remind",
    "chitieu.cli.task",
    "chitieu.cli.synth",
    "chitieu.cli.worker",
    "chitieu.cli.summaries",
)

for _name in COMMAND_MODULES:
    try:
        _module = importlib.import_module(_name)
    except ModuleNotFoundError as exc:  # a command group still being written must not break the others
        if exc.name != _name:
            raise
        continue
    _module.register(app)


def main() -> None:
    """Entry point: Vietnamese message and non-zero exit for user errors, never a bare traceback."""
    try:
        app(standalone_mode=True)
    except ChitieuError as exc:
        typer.echo(msg("cli_error", message=exc.message), err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        typer.echo(msg("cli_interrupted"), err=True)
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as exc:
        if os.environ.get("CHITIEU_DEBUG"):
            raise
        typer.echo(msg("unexpected", reason=f"{type(exc).__name__}: {exc}"), err=True)
        sys.exit(70)


if __name__ == "__main__":
    main()

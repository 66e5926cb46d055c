"""The ``chitieu`` command. Each command module registers itself through ``register(app)``.

A command line that names a command imports only the module that defines it (``COMMANDS``): ``chitieu
assess --all-plans`` starts without importing the web server, extraction or the workers (docs/benchmarks.md
measures the start). ``app`` — for ``--help``, a mistyped command and the tests — has every command.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence

import typer

from chitieu.cli import localise
from chitieu.messages import ChitieuError, msg

localise.install()

_app = typer.Typer(
    name="chitieu",
    help="chitieu — theo dõi chỉ tiêu nghị quyết, kế hoạch: đăng ký, đánh giá, trích xuất, báo cáo.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@_app.callback()
def _group() -> None:
    # a group even when one module's single command is registered (Typer would make it the whole program)
    pass


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

# The commands each module registers, for the one-module start (tests/cli/test_main.py checks that each
# is registered by its module). A command or module not listed here still works: it loads every module.
COMMANDS: dict[str, tuple[str, ...]] = {
    "chitieu.cli.demo": ("demo",),
    "chitieu.cli.assess": ("assess", "assess-table"),
    "chitieu.cli.report": ("report",),
    "chitieu.cli.audit": ("audit",),
    "chitieu.cli.transfer": ("import", "export"),
    "chitieu.cli.extract": ("extract",),
    "chitieu.cli.review": ("ingest", "review"),
    "chitieu.cli.plan": ("plan",),
    "chitieu.cli.admin": ("db", "dataset", "workspace"),
    "chitieu.cli.convention": ("convention",),
    "chitieu.cli.serve": ("serve", "publish"),
    "chitieu.cli.users": ("user", "token"),
    "chitieu.cli.programme": ("programme",),
    "chitieu.cli.remind": ("remind",),
    "chitieu.cli.task": ("task",),
    "chitieu.cli.synth": ("synth",),
    "chitieu.cli.worker": ("worker", "enqueue", "jobs"),
    "chitieu.cli.summaries": ("summaries",),
}
_registered: set[str] = set()


def _register(modules: Sequence[str]) -> typer.Typer:
    for name in modules:
        if name in _registered:
            continue
        _registered.add(name)
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:  # a command group still being written must not break the others
            if exc.name != name:
                raise
            continue
        module.register(_app)
    return _app


def full_app() -> typer.Typer:
    """The program with every command."""
    return _register(COMMAND_MODULES)


def modules_for(argv: Sequence[str]) -> tuple[str, ...]:
    """The module defining the command ``argv`` starts with; every module for anything else (help, a typo)."""
    if argv:
        for module, names in COMMANDS.items():
            if argv[0] in names and module in COMMAND_MODULES:
                return (module,)
    return COMMAND_MODULES


def __getattr__(name: str) -> typer.Typer:
    if name == "app":
        return full_app()
    raise AttributeError(name)


def main() -> None:
    """Entry point: Vietnamese message and non-zero exit for user errors, never a bare traceback."""
    # ``app`` set on the module (a test replacing the program) wins over the commands the line names
    app = globals().get("app") or _register(modules_for(sys.argv[1:]))
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

"""The command table of chitieu.cli.main: a command line imports only the module of its command."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest
import typer

from chitieu.cli import main


@pytest.mark.parametrize("module", sorted(main.COMMANDS))
def test_the_table_names_only_what_each_module_registers(module: str) -> None:
    assert module in main.COMMAND_MODULES
    app = typer.Typer()
    importlib.import_module(module).register(app)
    names = {c.name for c in app.registered_commands} | {g.name for g in app.registered_groups}
    # a name listed under the wrong module would break its command; one not listed only loads every module
    assert set(main.COMMANDS[module]) <= names


def test_a_command_imports_its_module_only_and_help_lists_everything() -> None:
    assert main.modules_for(["assess", "--all-plans"]) == ("chitieu.cli.assess",)
    assert main.modules_for(["--help"]) == main.COMMAND_MODULES
    assert main.modules_for(["asess"]) == main.COMMAND_MODULES
    code = ("import sys; sys.argv = ['chitieu', 'demo', '--help']\n"
            "from chitieu.cli import main\n"
            "try:\n    main.main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith(('chitieu.web', 'chitieu.workers', 'chitieu.cli.'))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    loaded = done.stdout.strip().splitlines()[-1]
    assert "chitieu.cli.demo" in loaded and "chitieu.cli.serve" not in loaded and "chitieu.web" not in loaded
    names = {c.name for c in main.full_app().registered_commands} | {g.name for g in main.full_app().registered_groups}
    assert names >= {n for ns in main.COMMANDS.values() for n in ns}


def test_python_dash_m_chitieu_runs_the_same_program() -> None:
    done = subprocess.run([sys.executable, "-m", "chitieu", "extract", "--help"], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert "--format" in done.stdout
    wrong = subprocess.run([sys.executable, "-m", "chitieu", "extract", "/khong/co/tep.txt"], capture_output=True,
                           text=True, timeout=120)
    assert wrong.returncode != 0 and "Traceback" not in wrong.stderr

"""Every command and every option of the CLI is documented in the README or docs/ (as datasette does).

A command is documented by a line (backslash continuations joined) that shows ``chitieu <command>``; its
options must appear on such a line. ``--db`` and ``--workspace``, shared by every command that opens the
database, may instead be documented once in the README.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer.main
from typer.core import TyperArgument, TyperGroup, TyperOption

from chitieu.cli.main import app

ROOT = Path(__file__).resolve().parents[2]
SHARED_OPTIONS = ("--db", "--workspace")


def _texts() -> dict[str, str]:
    files = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    return {f.name: f.read_text(encoding="utf-8").replace("\\\n", " ") for f in files}


TEXTS = _texts()
LINES = [line for text in TEXTS.values() for line in text.splitlines()]


def _commands(command: object = None, path: tuple[str, ...] = ()) -> Iterator[tuple[str, object]]:
    command = command or typer.main.get_command(app)
    if isinstance(command, TyperGroup):
        if path and command.invoke_without_command:
            yield " ".join(path), command
        for name, sub in sorted(command.commands.items()):
            yield from _commands(sub, (*path, name))
    else:
        yield " ".join(path), command


COMMANDS = dict(_commands())


def _lines_of(command: str) -> list[str]:
    pattern = re.compile(rf"chitieu {re.escape(command)}(?![\w-])")
    return [line for line in LINES if pattern.search(line) and not any(
        re.search(rf"chitieu {re.escape(command)} {re.escape(sub.split()[-1])}\b", line)
        for sub in COMMANDS if sub.startswith(command + " "))]


def test_the_walk_finds_every_command() -> None:
    assert {"assess", "report appendix", "review", "review accept", "db upgrade", "dataset install",
            "workspace create", "import", "export"} <= set(COMMANDS)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_command_is_documented(command: str) -> None:
    assert _lines_of(command), f"«chitieu {command}» appears nowhere in README.md or docs/"


@pytest.mark.parametrize(
    ("command", "option"),
    [(name, max(p.opts, key=len)) for name, c in sorted(COMMANDS.items()) for p in c.params  # type: ignore[attr-defined]
     if isinstance(p, TyperOption) and not p.hidden],
)
def test_option_is_documented(command: str, option: str) -> None:
    lines = _lines_of(command)
    if option in SHARED_OPTIONS and re.search(rf"`{option}\b", TEXTS["README.md"]):
        return
    assert any(re.search(rf"{re.escape(option)}(?![\w-])", line) for line in lines), (
        f"option {option} of «chitieu {command}» is not shown on a line of the README or docs/ that uses the command"
    )


def test_arguments_exist() -> None:
    """Commands with arguments show them (ID, FILE, PATH, NAME, CODE) on their documented line."""
    for command, c in COMMANDS.items():
        if any(isinstance(p, TyperArgument) for p in c.params):  # type: ignore[attr-defined]
            assert any(re.search(rf"chitieu {re.escape(command)} \[?[A-ZĐ]", line) for line in _lines_of(command)), command

"""The README is checked by tests: its set-up commands exist and every command it shows is real."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chitieu.cli.main import app

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _code_lines() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", README, flags=re.S)
    return [line.split("#")[0].strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_setup_is_exactly_make_demo_and_make_test() -> None:
    setup = [line for line in _code_lines() if line.startswith("make ")]
    assert setup == ["make demo", "make test"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("demo", "test"):
        assert re.search(rf"^{target}:", makefile, flags=re.M), target


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


COMMANDS = sorted(
    {" ".join(w for w in line.split()[1:3] if re.fullmatch(r"[a-z-]+", w)) for line in _code_lines() if line.startswith("chitieu ")}
)


def test_readme_lists_commands() -> None:
    assert {"demo", "assess", "assess-table", "report appendix", "audit", "import", "export", "extract"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_command_exists(command: str) -> None:
    result = CliRunner().invoke(app, [*command.split(), "--help"])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("doc", re.findall(r"\(docs/([\w-]+\.md)\)", README))
def test_linked_docs_exist(doc: str) -> None:
    assert (ROOT / "docs" / doc).is_file(), doc

"""Import contract: the pure core never imports the edges (store, services, readers, reports, cli, web)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "chitieu"
CORE = ["domain", "assessment", "extraction", "grammar", "vocab", "numbers.py", "quantities.py", "messages"]
EDGES = ("chitieu.readers", "chitieu.store", "chitieu.services", "chitieu.reports", "chitieu.cli", "chitieu.web")
# Libraries that do I/O or belong to an edge; the core must not need them.
EDGE_LIBRARIES = (
    "sqlalchemy", "alembic", "openpyxl", "xlsxwriter", "docx", "pdfplumber", "pypdf",
    "typer", "rich", "matplotlib", "fastapi", "psycopg", "requests",
)


def _core_files() -> list[Path]:
    files: list[Path] = []
    for entry in CORE:
        path = PACKAGE / entry
        if path.is_dir():
            files.extend(sorted(path.rglob("*.py")))
        elif path.exists():
            files.append(path)
    return files


def _imports(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def test_core_exists() -> None:
    assert len(_core_files()) > 5


@pytest.mark.parametrize("path", _core_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_core_module_imports_no_edge(path: Path) -> None:
    bad = [
        name
        for name in _imports(path)
        if name.startswith(EDGES) or name.split(".")[0] in EDGE_LIBRARIES
    ]
    assert not bad, f"{path.relative_to(PACKAGE)} imports edge modules: {bad}"


def test_core_does_no_file_io() -> None:
    offenders = []
    for path in _core_files():
        text = path.read_text(encoding="utf-8")
        if "open(" in text.replace("re.compile(", "") and "def open" not in text:
            offenders.append(str(path.relative_to(PACKAGE)))
    assert not offenders, f"core modules open files: {offenders}"

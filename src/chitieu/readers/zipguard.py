"""Refuse zip archives that would expand into too much data (zip bombs) before any library opens them."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from chitieu.messages import ChitieuError, msg


@dataclass(frozen=True, slots=True)
class ZipLimits:
    max_total_bytes: int = 200 * 1024 * 1024  # uncompressed, all entries together
    max_ratio: float = 100.0  # uncompressed / compressed, per entry
    ratio_floor_bytes: int = 1024 * 1024  # small entries may compress well; judge ratio above this size
    max_entries: int = 10_000


def _human(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB"


def check_zip(path: Path, limits: ZipLimits | None = None) -> None:
    """Raise ``zip_bomb`` or ``file_corrupt`` unless ``path`` is a reasonable zip archive."""
    lim = limits or ZipLimits()
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ChitieuError("file_corrupt", path=path, kind="DOCX", reason=str(exc) or type(exc).__name__) from exc
    if len(infos) > lim.max_entries:
        raise ChitieuError("zip_bomb", path=path, limit=msg("limit_entries", count=lim.max_entries))
    total = 0
    for info in infos:
        total += info.file_size
        if total > lim.max_total_bytes:
            raise ChitieuError("zip_bomb", path=path, limit=_human(lim.max_total_bytes))
        if info.file_size > lim.ratio_floor_bytes and info.file_size > lim.max_ratio * max(info.compress_size, 1):
            raise ChitieuError("zip_bomb", path=path, limit=msg("limit_ratio", ratio=f"{lim.max_ratio:.0f}"))

"""Legacy Word .doc (and .rtf/.odt) through LibreOffice headless, converted to .docx in a temp dir."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from chitieu.messages import ChitieuError, msg
from chitieu.readers.document import Document
from chitieu.readers.docx_reader import read_docx

CONVERT_TIMEOUT_S = 120
SOFFICE_NAMES = ("soffice", "libreoffice")


def find_soffice() -> str | None:
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


@contextmanager
def converted_by_libreoffice(
    path: Path,
    to: str,
    timeout_s: int = CONVERT_TIMEOUT_S,
    missing: str = "libreoffice_missing",
    failed: str = "read_doc_convert_failed",
) -> Iterator[Path]:
    """``path`` converted to the format ``to`` ("docx", "xlsx") by LibreOffice headless in a temporary directory,
    which lasts as long as the block. Each conversion gets its own profile, so parallel conversions (web workers)
    do not fight over one; the input is copied under a plain name because LibreOffice names its output after it.
    ``missing`` and ``failed`` are the catalogue codes said when LibreOffice is absent or the conversion fails."""
    soffice = find_soffice()
    if soffice is None:
        raise ChitieuError(missing, path=path)
    with tempfile.TemporaryDirectory(prefix="chitieu-convert-") as tmp:
        out_dir = Path(tmp)
        source = out_dir / ("in" + path.suffix.lower())
        shutil.copyfile(path, source)
        command = [soffice, f"-env:UserInstallation={(out_dir / 'profile').as_uri()}", "--headless", "--norestore",
                   "--convert-to", to, "--outdir", str(out_dir), str(source)]
        try:
            result = subprocess.run(command, capture_output=True, timeout=timeout_s, check=False)
        except subprocess.TimeoutExpired as exc:
            raise ChitieuError("read_doc_convert_timeout", path=path, seconds=timeout_s) from exc
        except OSError as exc:
            raise ChitieuError(failed, path=path, reason=str(exc)) from exc
        converted = out_dir / f"in.{to}"
        if result.returncode != 0 or not converted.exists():
            reason = (result.stderr or result.stdout or b"").decode("utf-8", "replace").strip()[:200]
            raise ChitieuError(failed, path=path, reason=reason or msg("reason_exit_code", code=result.returncode))
        yield converted


def read_legacy(path: Path, timeout_s: int = CONVERT_TIMEOUT_S) -> Document:
    """Convert ``path`` to .docx with LibreOffice in a temporary directory and read the result."""
    with converted_by_libreoffice(path, "docx", timeout_s) as converted:
        document = read_docx(converted)
    document.path = path
    document.kind = "doc"
    return document

"""Legacy Word .doc (and .rtf/.odt) through LibreOffice headless, converted to .docx in a temp dir."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
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


def read_legacy(path: Path, timeout_s: int = CONVERT_TIMEOUT_S) -> Document:
    """Convert ``path`` to .docx with LibreOffice in a temporary directory and read the result."""
    soffice = find_soffice()
    if soffice is None:
        raise ChitieuError("libreoffice_missing", path=path)
    with tempfile.TemporaryDirectory(prefix="chitieu-doc-") as tmp:
        out_dir = Path(tmp)
        profile = out_dir / "profile"
        command = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx",
            "--outdir",
            str(out_dir),
            str(path),
        ]
        try:
            result = subprocess.run(command, capture_output=True, timeout=timeout_s, check=False)
        except subprocess.TimeoutExpired as exc:
            raise ChitieuError("read_doc_convert_timeout", path=path, seconds=timeout_s) from exc
        except OSError as exc:
            raise ChitieuError("read_doc_convert_failed", path=path, reason=str(exc)) from exc
        converted = out_dir / (path.stem + ".docx")
        if result.returncode != 0 or not converted.exists():
            reason = (result.stderr or result.stdout or b"").decode("utf-8", "replace").strip()[:200]
            raise ChitieuError("read_doc_convert_failed", path=path, reason=reason or msg("reason_exit_code", code=result.returncode))
        document = read_docx(converted)
    document.path = path
    document.kind = "doc"
    return document

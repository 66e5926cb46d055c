"""Writing output files all-or-nothing: a temporary file beside the target is renamed into place.

Every command that writes a file (reports, exports, assessed tables) goes through ``atomic_output``
so that a failed write leaves no half-written file and the user gets a Vietnamese reason, never
an ``OSError`` traceback.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from chitieu.messages import ChitieuError
from chitieu.messages.os_errors import os_error_reason


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """Yield a temporary path to write; when the block ends without error it replaces ``path``.

    Raises ``ChitieuError("path_is_directory")`` when ``path`` is a folder and
    ``ChitieuError("output_write_failed")`` for any operating-system error; the temporary file is
    always removed.
    """
    path = Path(path)
    if path.is_dir():
        raise ChitieuError("path_is_directory", path=path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=path.suffix or ".tmp", dir=path.parent)
        os.close(handle)
    except OSError as exc:
        raise ChitieuError("output_write_failed", path=path, reason=os_error_reason(exc)) from exc
    temp = Path(name)
    try:
        yield temp
        temp.chmod(0o666 & ~_umask())  # mkstemp creates 0600; give the file the usual permissions
        os.replace(temp, path)
    except OSError as exc:
        raise ChitieuError("output_write_failed", path=path, reason=os_error_reason(exc)) from exc
    finally:
        temp.unlink(missing_ok=True)

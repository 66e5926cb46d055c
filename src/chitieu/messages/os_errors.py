"""Vietnamese wording of operating-system errors, so users never read ``[Errno 13] Permission denied``."""

from __future__ import annotations

import errno

from chitieu.messages import msg

# errno → catalogue code of the reason shown to the user
OS_ERROR_REASONS: dict[int, str] = {
    errno.EACCES: "reason_no_permission",
    errno.EPERM: "reason_no_permission",
    errno.EISDIR: "reason_is_directory",
    errno.ENOTDIR: "reason_not_directory",
    errno.EEXIST: "reason_not_directory",  # mkdir of a folder whose name is taken by a file
    errno.ENOENT: "reason_not_found",
    errno.ENOSPC: "reason_no_space",
    errno.EDQUOT: "reason_no_space",
    errno.EROFS: "reason_read_only",
    errno.ENAMETOOLONG: "reason_name_too_long",
}


def os_error_reason(error: OSError) -> str:
    """The Vietnamese reason for ``error`` (the ``{reason}`` field of file messages)."""
    code = OS_ERROR_REASONS.get(error.errno or -1)
    return msg(code) if code else msg("reason_os_other", errno=error.errno if error.errno is not None else "?")

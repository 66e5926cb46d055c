"""Settings of the web application (defaults fit the embedded single-machine server)."""

from __future__ import annotations

import os
from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class WebSettings:
    """What an operator may change; ``from_env`` reads ``CHITIEU_WEB_*`` variables."""

    upload_limit: int = 20 * MB  # bytes of one uploaded document
    request_limit: int = 21 * MB  # bytes of any request body (the upload plus its form fields)
    cookie_secure: bool | None = None  # None: Secure when the request came over HTTPS
    login_attempts: int = 5  # failed logins per name and address before a pause
    login_window_seconds: int = 900
    login_pause_seconds: int = 300
    job_workers: int = 1  # threads of the in-process job runner (0: run no jobs here)
    run_jobs: bool = True  # False when a separate worker pool takes the jobs (issue #11)
    semantic_linking: bool = False  # rank indicator suggestions with the optional embedding model too
    workspace: str = "default"  # the workspace anonymous visitors see

    @classmethod
    def from_env(cls) -> WebSettings:
        def number(name: str, default: int) -> int:
            text = os.environ.get(name, "")
            return int(text) if text.strip().isdigit() else default

        secure = os.environ.get("CHITIEU_WEB_COOKIE_SECURE", "").lower()
        upload = number("CHITIEU_WEB_UPLOAD_LIMIT_MB", 20) * MB
        return cls(
            upload_limit=upload,
            request_limit=upload + MB,
            cookie_secure=True if secure in ("1", "true", "yes") else False if secure in ("0", "false", "no") else None,
            job_workers=number("CHITIEU_WEB_JOB_WORKERS", 1),
            run_jobs=os.environ.get("CHITIEU_WEB_RUN_JOBS", "1") not in ("0", "false", "no"),
            semantic_linking=os.environ.get("CHITIEU_WEB_SEMANTIC", "") in ("1", "true", "yes"),
        )

"""The framework's own words (help panels, usage, usage errors) are Vietnamese too."""

from __future__ import annotations

import subprocess
import sys


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "chitieu.cli.main", *args], capture_output=True, text=True,
                          timeout=120, check=False, env={"COLUMNS": "120", "PATH": "/usr/bin:/bin"})


def test_help_is_vietnamese() -> None:
    out = _run("--help").stdout
    assert "Cách dùng:" in out and "Tùy chọn" in out and "Lệnh" in out and "Hiện hướng dẫn này rồi thoát." in out
    assert "Usage:" not in out and "Show this message" not in out


def test_usage_errors_are_vietnamese_with_exit_2() -> None:
    unknown = _run("assess", "--bogus")
    assert unknown.returncode == 2 and "Không có tùy chọn «--bogus»" in unknown.stderr
    missing = _run("assess-table")
    assert missing.returncode == 2 and "Thiếu tham số «file»" in missing.stderr
    bad = _run("assess", "--as-of", "abc")
    assert bad.returncode == 2 and "«--as-of»: phải là số nguyên" in bad.stderr
    assert "Traceback" not in unknown.stderr + missing.stderr + bad.stderr

"""Writing output files: all or nothing, and Vietnamese reasons instead of OSError tracebacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from chitieu.messages import ChitieuError, msg
from chitieu.services.output_files import atomic_output


def test_file_appears_only_when_the_block_succeeds(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.txt"
    with atomic_output(target) as temp:
        temp.write_text("xong", encoding="utf-8")
        assert not target.exists()
    assert target.read_text(encoding="utf-8") == "xong"
    assert sorted(p.name for p in target.parent.iterdir()) == ["out.txt"]


def test_failed_block_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    with pytest.raises(RuntimeError), atomic_output(target) as temp:
        temp.write_text("nửa chừng", encoding="utf-8")
        raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == []


def test_directory_as_target_is_a_vietnamese_error(tmp_path: Path) -> None:
    with pytest.raises(ChitieuError) as caught, atomic_output(tmp_path):
        pass
    assert caught.value.code == "path_is_directory"
    assert "là một thư mục" in caught.value.message


def test_path_under_a_file_is_a_vietnamese_error(tmp_path: Path) -> None:
    blocker = tmp_path / "tep"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ChitieuError) as caught, atomic_output(blocker / "out.xlsx"):
        pass
    assert caught.value.code == "output_write_failed"
    assert msg("reason_not_directory") in caught.value.message
    assert "Errno" not in caught.value.message

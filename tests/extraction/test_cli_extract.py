"""`chitieu extract`: the JSON Lines contract, the table, and clear errors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from chitieu.cli.main import app

DOC = "II- Các chỉ tiêu chủ yếu đến năm 2030\nTỷ lệ che phủ rừng đạt 56%; thu ngân sách đạt 4.100 tỷ đồng.\n"


def test_jsonl_contract(tmp_path: Path) -> None:
    path = tmp_path / "nghi_quyet.txt"
    path.write_text(DOC, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "--format", "jsonl", "--kind", "target"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert [r["value"] for r in rows] == [56.0, 4100.0]
    for r in rows:
        assert {"kind", "indicator", "op", "value", "low", "high", "unit", "start", "end", "page", "quote"} <= r.keys()
        assert DOC[r["start"] : r["end"]] == r["quote"]
    none = CliRunner().invoke(app, ["extract", str(path), "--kind", "result"])
    assert none.exit_code == 0 and none.output.strip() == ""


def test_table_and_bad_options(tmp_path: Path) -> None:
    path = tmp_path / "nghi_quyet.txt"
    path.write_text(DOC, encoding="utf-8")
    table = CliRunner().invoke(app, ["extract", str(path), "--format", "table"])
    assert table.exit_code == 0 and "Mục tiêu" in table.output and "4.100" in table.output
    bad = CliRunner().invoke(app, ["extract", str(path), "--format", "xml"])
    assert bad.exit_code != 0

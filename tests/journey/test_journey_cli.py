"""The office's journey with the real command line, on a real public resolution (the 13th National Party
Congress's targets, tests/journey/fixtures/SOURCES.md): create the plan, ingest its text, accept every target as
a new indicator, assess, export the registry, add one indicator, import it back — every accepted target is
still there, with its id; --replace lists what would go and writes nothing without --yes."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e
RESOLUTION = Path(__file__).parent / "fixtures" / "nq_dai_hoi_xiii_chi_tieu.txt"
PLAN = "NQ-XIII"


def chitieu(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CHITIEU_DATABASE_URL", "CHITIEU_WORKSPACE")}
    done = subprocess.run([sys.executable, "-m", "chitieu.cli.main", *args, "--db", str(db)], capture_output=True,
                          text=True, timeout=180, encoding="utf-8", cwd=db.parent, env=env)
    return done


def ok(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, done.stderr + done.stdout
    assert "Traceback" not in done.stderr
    return done.stdout


def targets_of(folder: Path) -> list[dict[str, str]]:
    with (folder / "targets.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_a_new_plan_from_its_resolution_survives_an_export_and_import(tmp_path: Path) -> None:
    db = tmp_path / "van-phong.db"
    ok(chitieu(db, "plan", "create", PLAN, "--title", "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII",
               "--term", "2021-2025"))
    out = ok(chitieu(db, "ingest", str(RESOLUTION), "--plan", PLAN))
    assert "23 đề xuất" in out
    out = ok(chitieu(db, "review", "accept-all", "--plan", PLAN, "--kind", "target", "--new-indicators"))
    assert "Đã chấp nhận 23 đề xuất (23 chỉ tiêu mới)" in out
    assert "Tốc độ tăng trưởng kinh tế (GDP) bình quân 5 năm — đơn vị: %/năm" in out
    assert "càng thấp càng tốt" in out  # "tỉ lệ thất nghiệp … dưới 4%" said so, with the reason
    rows = json.loads(ok(chitieu(db, "assess", "--as-of", "2023", "--format", "json")))
    assert len(rows) == 23 and {r["plan_code"] for r in rows} == {PLAN}
    assert {r["status"] for r in rows} == {"no_data"}  # a resolution states no results
    assert next(r for r in rows if r["name"] == "GDP bình quân đầu người")["unit"] == "USD"

    registry = tmp_path / "so-dang-ky"
    ok(chitieu(db, "export", str(registry)))
    before = targets_of(registry)
    assert len(before) == 23
    with (registry / "indicators.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerow([PLAN, "TUOI-THO-KHOE", "Tuổi thọ khỏe mạnh", "năm", "higher_better", "", "", "24",
                                     "24", ""])
    out = ok(chitieu(db, "import", str(registry)))
    again = tmp_path / "so-dang-ky-2"
    ok(chitieu(db, "export", str(again)))
    after = targets_of(again)
    key = ("indicator_code", "version", "text", "deadline")
    assert sorted(tuple(t[k] for k in key) for t in after) == sorted(tuple(t[k] for k in key) for t in before)
    listed = ok(chitieu(db, "review", "--plan", PLAN, "--status", "accepted"))
    assert "Đề xuất trích xuất (23)" in listed  # the proposals still say accepted, and are

    # --replace: lists what would go, writes nothing without --yes
    kept = [t for t in before if t["indicator_code"] != "CT03"]
    with (registry / "targets.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(before[0]))
        writer.writeheader()
        writer.writerows(kept)
    refused = chitieu(db, "import", str(registry), "--replace")
    assert refused.returncode == 2 and "NQ-XIII/CT03/adopted" in refused.stderr and "--yes" in refused.stderr
    ok(chitieu(db, "export", str(tmp_path / "lan-3")))
    assert len(targets_of(tmp_path / "lan-3")) == 23
    out = ok(chitieu(db, "import", str(registry), "--replace", "--yes"))
    assert "trở lại chờ duyệt" in out
    ok(chitieu(db, "export", str(tmp_path / "lan-4")))
    assert len(targets_of(tmp_path / "lan-4")) == 22


def test_review_through_a_spreadsheet_and_a_new_indicator_by_hand(tmp_path: Path) -> None:
    db = tmp_path / "van-phong.db"
    ok(chitieu(db, "plan", "create", PLAN, "--title", "Nghị quyết XIII", "--term", "2021-2025"))
    ok(chitieu(db, "ingest", str(RESOLUTION), "--plan", PLAN))
    out = ok(chitieu(db, "review", "accept", "2", "--new-indicator", "GDP-DN"))
    assert "chỉ tiêu mới «GDP-DN» — GDP bình quân đầu người (đơn vị: USD" in out
    taken = chitieu(db, "review", "accept", "3", "--new-indicator", "GDP-DN")
    assert taken.returncode == 2 and "đã có chỉ tiêu mã «GDP-DN»" in taken.stderr
    sheet = tmp_path / "de-xuat.xlsx"
    assert "22 đề xuất" in ok(chitieu(db, "review", "export", str(sheet), "--plan", PLAN))
    from openpyxl import load_workbook

    book = load_workbook(sheet)
    ws = book.active
    col = {c.value: i + 1 for i, c in enumerate(ws[1])}
    ws.cell(2, col["Quyết định"]).value = "chấp nhận"
    ws.cell(2, col["Chỉ tiêu mới"]).value = "TANG-TRUONG"
    ws.cell(3, col["Quyết định"]).value = "loại"
    book.save(sheet)
    out = ok(chitieu(db, "review", "import", str(sheet)))
    assert "1 chấp nhận, 1 loại, 1 chỉ tiêu mới" in out
    missing = chitieu(db, "review", "import", str(tmp_path / "khong-co.xlsx"))
    assert missing.returncode == 2 and "Không tìm thấy tệp" in missing.stderr

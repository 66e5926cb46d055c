"""Peak memory and time of `chitieu assess-table` on a very large table (default 1,000,000 rows).

The goal (issue #7 item 7): at most 1 GB resident memory on 1,000,000 rows. The table is written
as a CSV of realistic rows (headers, group rows, ranges, bounds, lower-better rates, yes/no targets,
structure shares, official verdicts) with varying figures; each command runs in a fresh process
whose peak RSS is read from the kernel (``wait4``). The XLSX output of the first run is then read
back as input, so streaming XLSX reading is measured too.

Usage: ``python benchmarks/bench_assess_table.py [--rows N] [--keep DIR]``. Prints lines
"name | value" (benchmarks/run.py turns them into table rows). Figures taken while other people
use the machine are distorted: say "(measured under load)" when reporting them.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LIMIT_MB = 1024
HEADER = ["STT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu Nghị quyết", "Ước thực hiện 2020-2025", "Đánh giá"]


def _rows(count: int, seed: int = 7) -> list[list[str]]:
    """``count`` data rows cycling through the shapes real appendices have, with random figures."""
    rng = random.Random(seed)
    out: list[list[str]] = []
    k = 0
    while len(out) < count:
        k += 1
        a = rng.uniform(1, 99)
        shapes = [
            ["I", f"Nhóm chỉ tiêu kinh tế {k}", "", "", "", ""],
            [str(k), f"Tốc độ tăng trưởng GRDP bình quân vùng {k}", "%/năm", "6,5 - 7", f"{a / 10:.2f}".replace(".", ","),
             "Đạt"],
            [str(k), f"Thu ngân sách trên địa bàn huyện {k}", "tỷ đồng", "3.000", f"{a * 40:.1f}".replace(".", ","),
             "Chưa đạt"],
            [str(k), f"Tỷ lệ hộ nghèo xã {k}", "%", "dưới 5", f"{a / 15:.1f}".replace(".", ","), "Vượt"],
            [str(k), f"Tỷ lệ che phủ rừng tiểu khu {k}", "%", "> 55", f"{50 + a / 10:.1f}".replace(".", ","), "Vượt"],
            [str(k), f"Hoàn thành quy hoạch phân khu {k}", "", "Hoàn thành", "Hoàn thành", "Đạt"],
            ["-", f"Nông, lâm nghiệp, thủy sản khu {k}", "%", "20 - 22", f"{15 + a / 10:.1f}".replace(".", ","),
             "Không đạt"],
            [str(k), f"Kết nạp đảng viên mới đảng bộ {k}", "đảng viên", "≥ 1.000", f"{int(a * 20)}", "Vượt"],
        ]
        out.extend(shapes)
    return out[:count]


def write_table(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU (bảng thử nghiệm)", "", "", "", "", ""])
        writer.writerow(HEADER)
        step = 100_000
        for start in range(0, count, step):
            writer.writerows(_rows(min(step, count - start), seed=start))


def measure(args: list[str]) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB, exit code) of one command in a fresh process."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        proc = subprocess.Popen(args, stdout=sink, stderr=subprocess.PIPE)
        assert proc.stderr is not None
        proc.stderr.read()  # drain: warnings and the summary line
        _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    return elapsed, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, default=None, help="folder for the files (kept)")
    options = parser.parse_args()
    chitieu = [sys.executable, "-m", "chitieu.cli.main", "assess-table"]
    folder = options.keep or Path(tempfile.mkdtemp(prefix="bench-assess-table-"))
    folder.mkdir(parents=True, exist_ok=True)
    table = folder / "bang.csv"
    write_table(table, options.rows)
    size = table.stat().st_size / 1e6
    runs = [
        ("CSV → xlsx", [*chitieu, str(table), "--format", "xlsx", "--out", str(folder / "out.xlsx")]),
        ("CSV → csv", [*chitieu, str(table), "--format", "csv", "--out", str(folder / "out.csv")]),
        ("CSV → json (file)", [*chitieu, str(table), "--format", "json", "--out", str(folder / "out.json")]),
        ("own xlsx output → csv", [*chitieu, str(folder / "out.xlsx"), "--format", "csv", "--out",
                                   str(folder / "again.csv")]),
    ]
    failed = False
    for name, args in runs:
        seconds, peak, code = measure(args)
        verdict = "ok" if code == 0 and peak <= LIMIT_MB else "OVER LIMIT" if code == 0 else f"FAILED (exit {code})"
        failed |= verdict != "ok"
        print(f"assess-table {options.rows:,} rows ({size:.0f} MB CSV), {name} | peak RSS {peak:,.0f} MB, "
              f"{seconds:,.0f} s, {options.rows / seconds:,.0f} rows/s — {verdict}")
    if options.keep is None:
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

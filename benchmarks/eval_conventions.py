"""Agreement of the verdict conventions with real published verdicts, and of profiles learned from them.

For each real table with printed verdicts (the bundled Lai Châu appendix, mid-term and end-of-term columns;
Thừa Thiên Huế's 2019 table; the national 2019 table): the default profile's agreement, the agreement of a
profile fitted to the table itself, and — for tables of 40 rows or more — a profile learned from the first
30 rows judged on the rest. Prints lines "name | value" (benchmarks/run.py turns them into table rows).

Usage: ``python benchmarks/eval_conventions.py``.
"""

from __future__ import annotations

import csv
import sys
import tempfile
from pathlib import Path

from chitieu.assessment import Stage
from chitieu.assessment.convention_fit import VerdictCase, agreement, fit_profile
from chitieu.assessment.conventions import DEFAULT_PROFILE
from chitieu.services.assess_table import assess_table

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "assessment" / "fixtures"


def lai_chau(folder: Path, result: str, verdict: str) -> Path:
    path = folder / f"lai-chau-{result}.csv"
    with (FIXTURES / "laichau_xiv_appendix.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["TT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu", "Kết quả", "Đánh giá"])
        for r in rows:
            writer.writerow([r["tt"], r["indicator"], r["unit"], r["target"], r[result], r[verdict]])
    return path


def cases_of(path: Path, stage: Stage) -> list[VerdictCase]:
    table = assess_table(path, stage)
    return [r.case for r in table.rows if r.case is not None and r.agrees is not None]


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="eval-conventions-"))
    tables = {
        "Lai Châu 2021-2023 (mid-term column)": (lai_chau(folder, "mid_result", "mid_verdict"), Stage.MIDTERM),
        "Lai Châu 2020-2025 (end-of-term column)": (lai_chau(folder, "end_result", "end_verdict"), Stage.FORECAST),
        "Thừa Thiên Huế 2019": (FIXTURES / "real" / "thua-thien-hue-2019.csv", Stage.FINAL),
        "National targets 2019": (FIXTURES / "real" / "national-2019.csv", Stage.FINAL),
    }
    total_default = total = 0
    for name, (path, stage) in tables.items():
        cases = cases_of(path, stage)
        default = agreement(cases, DEFAULT_PROFILE)
        fitted = fit_profile(cases)
        total_default += default[0]
        total += default[1]
        line = (f"conventions: {name} | default {default[0]}/{default[1]}; fitted to itself "
                f"{fitted.agreement[0]}/{fitted.agreement[1]} (changed: {dict(fitted.changed) or 'nothing'})")
        if len(cases) >= 40:
            learned = fit_profile(cases[:30]).profile
            rest = agreement(cases[30:], learned)
            line += f"; learned from the first 30, on the other {rest[1]}: {rest[0]}/{rest[1]}"
        print(line)
    print(f"conventions: all real rows, default profile | {total_default}/{total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`make bench` (run.py): `chitieu import` time against registry size — is it linear?

Writes a registry CSV folder of N rows in all (one plan; indicators with one adopted target and yearly
observations, 1 indicator + 1 target + 23 observations = 25 rows each) and imports it into a fresh SQLite
database through the service, timing the whole import (read, validate, write, commit). Prints
"name | value" lines. Usage: python benchmarks/bench_import.py [--rows 62500 125000 250000]
"""

from __future__ import annotations

import argparse
import csv
import resource
import tempfile
import time
from pathlib import Path

YEARS = list(range(2001, 2024))  # 23 yearly observations per indicator
PER_INDICATOR = 2 + len(YEARS)


def write_registry(folder: Path, rows: int) -> int:
    """A registry of about ``rows`` rows; returns the exact count."""
    folder.mkdir(parents=True)
    n = max(1, rows // PER_INDICATOR)
    with (folder / "plans.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["code", "title", "kind", "term_start", "term_end"],
                                 ["KH-BENCH", "Kế hoạch đo tốc độ", "plan", "2000", "2025"]])
    with (folder / "indicators.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["plan_code", "code", "name", "unit", "polarity"])
        w.writerows(["KH-BENCH", f"CT{i:06d}", f"Chỉ tiêu số {i}", "%", "higher_better"] for i in range(n))
    with (folder / "targets.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["plan_code", "indicator_code", "version", "text", "deadline"])
        w.writerows(["KH-BENCH", f"CT{i:06d}", "adopted", f"{50 + i % 40}", "2025"] for i in range(n))
    with (folder / "observations.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["plan_code", "indicator_code", "period", "text", "flag"])
        for i in range(n):
            code = f"CT{i:06d}"
            w.writerows(["KH-BENCH", code, str(y), f"{(i + y) % 97},{y % 10}", "actual"] for y in YEARS)
    return 1 + n * PER_INDICATOR


def import_once(rows: int) -> tuple[int, float, float]:
    from chitieu.domain import Actor
    from chitieu.services.database import open_database
    from chitieu.services.transfer import import_registry

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "registry"
        total = write_registry(folder, rows)
        with open_database(str(Path(tmp) / "bench.db")) as database:
            start, cpu = time.perf_counter(), time.process_time()
            with database.session(write=True) as session:
                outcome = import_registry(session, Actor("bench", role="admin"), folder)
            elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
            assert outcome.written, outcome.report.flatten()[:3]
    return total, elapsed, cpu


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, nargs="+", default=[62_500, 125_000, 250_000])
    args = parser.parse_args()
    for rows in args.rows:
        total, elapsed, cpu = import_once(rows)
        print(f"Import {total:,} registry rows into SQLite | {elapsed:.1f} s wall, {cpu:.1f} s CPU "
              f"({cpu / total * 1e6:.0f} µs CPU/row; goal 250k rows ≤ 30 s)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Import benchmark peak RSS | {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

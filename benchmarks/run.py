"""`make bench`: speed goals of chitieu, measured on this machine (never in unit tests).

Prints a Markdown table to paste into docs/benchmarks.md, with the machine named.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent


def machine() -> str:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.node()} — {cpu or platform.processor()} ({os.cpu_count()} cores), Python {platform.python_version()}"


def timed(fn: Callable[[], object], repeat: int = 7) -> tuple[float, float]:
    """Median and best wall time of ``fn`` in seconds (one warm-up run first)."""
    fn()
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs), min(runs)


def bench_assessment_and_reports(rows: list[tuple[str, str]]) -> None:
    from chitieu.assessment.bundle import assess_bundle
    from chitieu.services.datasets import load_dataset_bundle
    from chitieu.services.reports import write_appendix

    bundle = load_dataset_bundle("laichau_xiv")
    median, best = timed(lambda: (assess_bundle(bundle, as_of=2023), assess_bundle(bundle, forecast=True)))
    rows.append(("Assess whole dataset (mid-term + forecast)", f"{median * 1000:.1f} ms (best {best * 1000:.1f})"))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)

        def everything() -> None:
            assess_bundle(bundle, as_of=2023)
            assess_bundle(bundle, forecast=True)
            write_appendix(bundle, out / "a.xlsx", "xlsx", as_of=2023)
            write_appendix(bundle, out / "a.docx", "docx", as_of=2023)

        for fmt in ("xlsx", "docx"):
            median, best = timed(lambda fmt=fmt: write_appendix(bundle, out / f"a.{fmt}", fmt, as_of=2023), repeat=5)
            rows.append((f"Appendix report {fmt}", f"{median * 1000:.1f} ms (best {best * 1000:.1f})"))
        median, best = timed(everything, repeat=5)
        rows.append(("Assessment + both reports", f"{median * 1000:.1f} ms (best {best * 1000:.1f})"))


COLD_SCRIPT = """
import tempfile, time
from pathlib import Path
from chitieu.assessment.bundle import assess_bundle
from chitieu.services.datasets import load_dataset_bundle
from chitieu.services.reports import write_appendix
start = time.perf_counter()
bundle = load_dataset_bundle("laichau_xiv")
assess_bundle(bundle, as_of=2023)
assess_bundle(bundle, forecast=True)
out = Path(tempfile.mkdtemp())
write_appendix(bundle, out / "a.xlsx", "xlsx", as_of=2023)
write_appendix(bundle, out / "a.docx", "docx", as_of=2023)
print(time.perf_counter() - start)
"""


def bench_cold(rows: list[tuple[str, str]]) -> None:
    """The honest figure: a fresh process (no warm caches) loads, assesses and writes both reports."""
    runs = []
    for _ in range(5):
        done = subprocess.run([sys.executable, "-c", COLD_SCRIPT], capture_output=True, text=True, check=True)
        runs.append(float(done.stdout.strip().splitlines()[-1]))
    rows.append(
        (
            "Fresh process: load dataset + assess both columns + xlsx + docx (after imports)",
            f"{statistics.median(runs) * 1000:.0f} ms (best {min(runs) * 1000:.0f})",
        )
    )


def bench_store(rows: list[tuple[str, str]]) -> None:
    from chitieu.domain import Actor
    from chitieu.services.database import open_database
    from chitieu.services.datasets import install_dataset

    actor = Actor("bench", role="admin")

    def install() -> None:
        with database.session() as session:
            install_dataset(session, actor, "laichau_xiv")

    with tempfile.TemporaryDirectory() as tmp:
        database = open_database(str(Path(tmp) / "bench.db"))
        median, best = timed(install, repeat=3)
        rows.append(("Install dataset into SQLite (refresh)", f"{median * 1000:.1f} ms (best {best * 1000:.1f})"))
        database.close()


def main() -> int:
    rows: list[tuple[str, str]] = []
    for bench in (bench_assessment_and_reports, bench_cold, bench_store):
        try:
            bench(rows)
        except Exception as exc:  # report which benchmark failed, keep going
            rows.append((bench.__name__, f"FAILED: {type(exc).__name__}: {exc}"))
    # scripts printing "name | value" lines; assess-table's row count: CHITIEU_BENCH_TABLE_ROWS (1,000,000,
    # ≈ 40 min on 2 busy cores: the memory goal is stated for that size)
    table_rows = os.environ.get("CHITIEU_BENCH_TABLE_ROWS", "1000000")
    import_rows = os.environ.get("CHITIEU_BENCH_IMPORT_ROWS", "62500 125000 250000").split()
    for script, args in (("bench_extract.py", []), ("eval_conventions.py", []), ("bench_national.py", []),
                         ("bench_workers.py", []), ("bench_dashboard.py", []),
                         ("bench_assess_table.py", ["--rows", table_rows]), ("bench_import.py", ["--rows", *import_rows])):
        path = HERE / script
        if not path.exists():
            continue
        done = subprocess.run([sys.executable, str(path), *args], capture_output=True, text=True, check=False)
        for line in (done.stdout or done.stderr).strip().splitlines():
            if "|" in line:
                name, value = line.split("|", 1)
                rows.append((name.strip(), value.strip()))
            else:
                rows.append((script, line.strip()))
    print(f"Machine: {machine()}\n")
    print("| benchmark | result |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    return 1 if any("FAILED" in v for _, v in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())

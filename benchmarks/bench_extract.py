"""Throughput and memory of `chitieu extract` on report text (the real corpus reports concatenated).

    .venv/bin/python benchmarks/bench_extract.py [--mb 4.5] [--rss-mb 20 200]

Throughput: ``extract_claims`` in process (one core) and the whole command, on ``--mb`` MB of text.
Memory: peak RSS of the whole command (a fresh process, ``wait4``) on texts of ``--rss-mb`` MB
(``CHITIEU_BENCH_EXTRACT_MB`` for `make bench`; the goal is ≤ 1 GB on 200 MB). The load average is
printed with every figure: on a shared machine the wall times are upper bounds.
Prints lines "name | value" (benchmarks/run.py turns them into table rows).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = Path(os.environ.get("CHITIEU_SHARED", HERE.parent.parent / "shared")) / "corpus"


def corpus_block() -> str:
    docs = sorted(p for p in CORPUS.glob("*.txt"))
    if not docs:
        raise SystemExit("no corpus documents found")
    return "\n\n".join(p.read_text(encoding="utf-8") for p in docs)


def build_text(target_bytes: int) -> str:
    one = corpus_block()
    copies = max(1, target_bytes // len(one.encode("utf-8")) + 1)
    return "\n\n".join([one] * copies)


def write_text(path: Path, target_bytes: int) -> int:
    """A file of about ``target_bytes`` made of the corpus reports, written a copy at a time."""
    block = (corpus_block() + "\n\n").encode("utf-8")
    written = 0
    with path.open("wb") as fh:
        while written + len(block) <= target_bytes:
            fh.write(block)
            written += len(block)
    return written


def load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def run_extract(path: Path) -> tuple[float, float, float, int]:
    """(wall s, CPU s, peak RSS MB, exit status) of `chitieu extract --format jsonl FILE` in a fresh process."""
    chitieu = Path(sys.executable).with_name("chitieu")
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        process = subprocess.Popen([str(chitieu), "extract", "--format", "jsonl", str(path)], stdout=sink)
        _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, process.returncode


def throughput(mb: float) -> None:
    from chitieu.extraction.claims import extract_claims

    text = build_text(int(mb * 1_000_000))
    size = len(text.encode("utf-8"))
    start, cpu = time.perf_counter(), time.process_time()
    count = sum(1 for _ in extract_claims(text))
    core, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"extract_claims (in-process, one core), {size / 1e6:.1f} MB | {size / 1024 / core:,.0f} KB/s "
          f"(CPU {size / 1024 / cpu:,.0f} KB/s; {count} claims, {core:.2f} s; {load()})")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.txt"
        path.write_text(text, encoding="utf-8")
        wall, cpu, rss, status = run_extract(path)
        failed = "" if status == 0 else f" FAILED exit {status}"
        print(f"chitieu extract CLI (jsonl), {size / 1e6:.1f} MB | {size / 1024 / wall:,.0f} KB/s "
              f"(CPU {size / 1024 / cpu:,.0f} KB/s; {wall:.2f} s; peak RSS {rss:,.0f} MB; {load()}){failed}")


def memory(sizes: list[float]) -> None:
    for mb in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "big.txt"
            size = write_text(path, int(mb * 1_000_000))
            before = load()
            wall, cpu, rss, status = run_extract(path)
            failed = "" if status == 0 else f" FAILED exit {status}"
            print(f"chitieu extract peak RSS, {size / 1e6:.0f} MB of report text | {rss:,.0f} MB "
                  f"({wall:.0f} s, CPU {cpu:.0f} s = {size / 1024 / cpu:,.0f} KB/s; {before} → {load()}){failed}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=4.5, help="MB of text for the throughput figures")
    default_rss = [float(x) for x in os.environ.get("CHITIEU_BENCH_EXTRACT_MB", "20 200").split()]
    parser.add_argument("--rss-mb", type=float, nargs="*", default=default_rss, help="text sizes (MB) for peak RSS")
    args = parser.parse_args()
    throughput(args.mb)
    memory(args.rss_mb)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Throughput of `chitieu extract` on ~4.5 MB of report text (the corpus documents concatenated).

Prints lines "name | value" (benchmarks/run.py turns them into table rows).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = Path(os.environ.get("CHITIEU_SHARED", HERE.parent.parent / "shared")) / "corpus"
TARGET_BYTES = 4_500_000


def build_text() -> str:
    docs = sorted(p for p in CORPUS.glob("*.txt"))
    if not docs:
        raise SystemExit("no corpus documents found")
    parts = [p.read_text(encoding="utf-8") for p in docs]
    one = "\n\n".join(parts)
    copies = max(1, TARGET_BYTES // len(one.encode("utf-8")) + 1)
    return "\n\n".join([one] * copies)


def main() -> int:
    from chitieu.extraction.claims import extract_claims

    text = build_text()
    size = len(text.encode("utf-8"))
    start = time.perf_counter()
    count = sum(1 for _ in extract_claims(text))
    core = time.perf_counter() - start
    print(f"extract_claims (in-process, one core), {size / 1e6:.1f} MB | {size / 1024 / core:,.0f} KB/s ({count} claims, {core:.2f} s)")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.txt"
        path.write_text(text, encoding="utf-8")
        chitieu = Path(sys.executable).with_name("chitieu")
        start = time.perf_counter()
        done = subprocess.run([str(chitieu), "extract", str(path)], stdout=subprocess.DEVNULL, check=False)
        wall = time.perf_counter() - start
        status = "" if done.returncode == 0 else f" FAILED exit {done.returncode}"
        print(f"chitieu extract CLI (jsonl), {size / 1e6:.1f} MB | {size / 1024 / wall:,.0f} KB/s ({wall:.2f} s){status}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

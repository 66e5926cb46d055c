"""Text decoding on a big file: how fast "binary or text, which encoding" is judged, and the time and peak
memory of streaming the whole file in chunks (``iter_text_chunks``) against reading it whole.

    .venv/bin/python benchmarks/bench_text.py [--mb 190]

Each measurement runs in a fresh process so peak RSS is its own. Under load, say so when reporting.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

LINE = "Năm 2024, thu ngân sách trên địa bàn đạt 4.321 tỷ đồng, bằng 104,2% dự toán; tỷ lệ hộ nghèo còn 2,15%.\n"

PROBE = r"""
import resource, sys, time
from pathlib import Path
from chitieu.readers.text_reader import iter_text_chunks, open_text, read_text_file
path, mode = Path(sys.argv[1]), sys.argv[2]
started = time.perf_counter()
if mode == "judge":
    stream = open_text(path)
    detail = stream.encoding
elif mode == "stream":
    stream, chunks = iter_text_chunks(path)
    chars = sum(len(c.text) for c in chunks)
    detail = f"{chars} chars, {len(stream.problems)} warnings"
else:
    document = read_text_file(path)
    detail = f"{len(document.text)} chars, {len(document.problems)} warnings"
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{mode}: {seconds:.2f} s, peak RSS {peak:.0f} MB ({detail})")
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=190)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.txt"
        block = LINE.encode() * 1000
        with path.open("wb") as fh:
            written = 0
            while written < args.mb * 1_000_000:
                fh.write(block)
                written += len(block)
                if written // len(block) == 500:
                    fh.write(b"invalid byte here: \xff\n")
        print(f"file: {path.stat().st_size / 1e6:.0f} MB UTF-8 with one invalid byte")
        for mode in ("judge", "stream", "whole"):
            subprocess.run([sys.executable, "-c", PROBE, str(path), mode], check=True)


if __name__ == "__main__":
    main()

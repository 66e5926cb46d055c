"""OCR speed (pages per minute) and character accuracy on scanned-looking pages of a real text.

    .venv/bin/python benchmarks/bench_ocr.py [--text FILE] [--pages 6] [--dpi 200] [--grey]

The pages are rendered from the text (default: the shared corpus report, else a built-in paragraph) with
a red stamp, a blue signature, a page number, dust and a slight tilt, saved as an image-only PDF, then
read back through ``read_document``. Accuracy is 1 − (Levenshtein distance / length) between the typed
lines and the text read, both with whitespace collapsed. Speed figures taken while other work runs on the
machine are distorted: say "(measured under load)" when reporting them.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from rapidfuzz.distance import Levenshtein

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "readers"))

from scans import scan_image, write_scanned_pdf  # noqa: E402

from chitieu.readers import read_document  # noqa: E402

LINES_PER_PAGE = 34
FALLBACK = (
    "Năm 2024, tổng sản phẩm trên địa bàn (GRDP) ước tăng 7,2% so với năm trước, đạt 101,5% kế hoạch; "
    "thu ngân sách nhà nước trên địa bàn đạt 4.321 tỷ đồng, bằng 104,2% dự toán; tỷ lệ hộ nghèo giảm còn "
    "2,15%; tỷ lệ che phủ rừng đạt 54,3%; có 12/15 xã đạt chuẩn nông thôn mới. "
) * 40


def source_lines(path: Path | None, pages: int) -> list[str]:
    text = path.read_text(encoding="utf-8") if path else FALLBACK
    lines: list[str] = []
    for paragraph in text.splitlines():
        paragraph = " ".join(paragraph.split())
        if paragraph and "\t" not in paragraph:
            lines.extend(textwrap.wrap(paragraph, 68))
        if len(lines) >= pages * LINES_PER_PAGE:
            break
    return lines[: pages * LINES_PER_PAGE]


def main() -> None:
    parser = argparse.ArgumentParser()
    default = HERE.parent.parent / "shared" / "corpus" / "002_afab32be4bedbcb5.txt"
    parser.add_argument("--text", type=Path, default=default if default.exists() else None)
    parser.add_argument("--pages", type=int, default=6)
    parser.add_argument("--dpi", type=int, default=200, help="resolution of the scan itself")
    parser.add_argument("--grey", action="store_true", help="a greyscale scan (the stamp cannot be removed by colour)")
    args = parser.parse_args()
    lines = source_lines(args.text, args.pages)
    pages = [lines[i:i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)]
    with tempfile.TemporaryDirectory() as tmp:
        images = [scan_image(p, dpi=args.dpi, page_number=n, seed=n, grey=args.grey) for n, p in enumerate(pages, 1)]
        pdf = write_scanned_pdf(Path(tmp) / "scan.pdf", images, dpi=args.dpi)
        started = time.perf_counter()
        document = read_document(pdf)
        seconds = time.perf_counter() - started
    typed = " ".join(" ".join(lines).split())
    read = " ".join(document.text.split())
    accuracy = 1 - Levenshtein.distance(typed, read) / max(1, len(typed))
    confidence = [s.confidence for s in document.spans if s.confidence is not None]
    print(f"pages: {len(pages)}  scan: {args.dpi} dpi{' grey' if args.grey else ' colour'}  "
          f"source: {args.text.name if args.text else 'built-in'}")
    print(f"OCR speed: {len(pages) / seconds * 60:.1f} pages/minute ({seconds:.1f} s)")
    print(f"character accuracy: {accuracy:.4f} over {len(typed)} characters")
    print(f"mean word confidence: {sum(confidence) / max(1, len(confidence)):.3f}; warnings: {len(document.problems)}")


if __name__ == "__main__":
    main()

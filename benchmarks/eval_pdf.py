"""The PDF cases of `make eval`: a 76-page Congress PDF with its resolution on pages 1-2 and report text after
it, and a bound volume with report documents first and the resolution on its last pages.

Builds the PDF from our unseen test documents (tests/extraction/pdf_builder.py: hard line breaks, running
header, page numbers), runs `chitieu extract FILE.pdf --format jsonl` and scores the targets of the
resolution pages with the shared scorer (--no-span --pages A:B), timing the whole run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
UNSEEN = REPO / "tests" / "extraction" / "unseen"
sys.path.insert(0, str(REPO / "tests" / "extraction"))

from pdf_builder import build_pdf, page_lines, paginate  # noqa: E402

RESOLUTION = "a_congress_resolution.txt"
TOTAL_PAGES = 76


def build(path: Path) -> tuple[int, int]:
    """Write the PDF; returns the page range of the resolution."""
    resolution = paginate(page_lines((UNSEEN / RESOLUTION).read_text(encoding="utf-8")))
    others = [p for p in sorted(UNSEEN.glob("*.txt")) if p.name != RESOLUTION]
    filler: list[str] = []
    while len(resolution) + len(paginate(filler)) < TOTAL_PAGES:
        for doc in others:
            filler.extend(page_lines(doc.read_text(encoding="utf-8")))
    pages = (resolution + paginate(filler))[:TOTAL_PAGES]
    build_pdf(path, pages, "Văn kiện Đại hội đại biểu Đảng bộ tỉnh Bắc Sơn lần thứ XVIII")
    return 1, len(resolution)


def build_bound(path: Path) -> tuple[int, int]:
    """A bound volume as the held-out one is: two report documents first (a political report and a review
    report, our unseen texts in those styles), then the Congress resolution on its last pages."""
    reports = [UNSEEN / "k_congress_inline_targets.txt", UNSEEN / "g_review_report.txt", UNSEEN / "m_review_cooperatives.txt"]
    # the review report opens with a part heading that no later heading of its own closes
    front: list[str] = ["BÁO CÁO", "KIỂM ĐIỂM SỰ LÃNH ĐẠO, CHỈ ĐẠO CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH KHÓA XVII", "",
                        "Phần thứ nhất", "KIỂM ĐIỂM VIỆC THỰC HIỆN NHIỆM VỤ NHIỆM KỲ 2015 - 2020", ""]
    while len(paginate(front)) < TOTAL_PAGES - 4:
        for doc in reports:
            front.extend(page_lines(doc.read_text(encoding="utf-8")))
    pages = paginate(front)[: TOTAL_PAGES - 4]
    resolution = paginate(page_lines((UNSEEN / RESOLUTION).read_text(encoding="utf-8")))
    build_pdf(path, pages + resolution, "Văn kiện Đại hội đại biểu Đảng bộ tỉnh Bắc Sơn lần thứ XVIII")
    return len(pages) + 1, len(pages) + len(resolution)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=str(REPO.parent / "shared"))
    args = parser.parse_args()
    scorer = Path(args.shared).resolve() / "tools" / "score_extraction.py"
    chitieu = Path(sys.executable).with_name("chitieu")
    command = [str(chitieu)] if chitieu.exists() else [sys.executable, "-m", "chitieu.cli.main"]
    failed = False
    cases = (("resolution first", build), ("bound volume: reports, then the resolution", build_bound))
    with tempfile.TemporaryDirectory() as tmp:
        for n, (label, builder) in enumerate(cases):
            pdf = Path(tmp) / f"congress{n}.pdf"
            first, last = builder(pdf)
            pred = Path(tmp) / f"congress{n}.jsonl"
            started = time.perf_counter()
            with pred.open("w", encoding="utf-8") as out:
                done = subprocess.run([*command, "extract", str(pdf), "--format", "jsonl"], stdout=out, check=False)
            seconds = time.perf_counter() - started
            if done.returncode != 0:
                print(f"chitieu extract failed on the PDF (exit {done.returncode})")
                failed = True
                continue
            gold = UNSEEN / f"gold_{RESOLUTION.removesuffix('.txt')}.jsonl"
            cmd = [sys.executable, str(scorer), str(gold), str(pred), "--kind", "target", "--no-span", "--pages", f"{first}:{last}"]
            r = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=False).stdout.strip().splitlines()[-1])
            print(
                f"{TOTAL_PAGES}-page PDF ({label}), targets on resolution pages {first}-{last}: precision "
                f"{r['precision']:.3f} recall {r['recall']:.3f} F1 {r['f1']:.3f} (gold {r['gold']}, predicted {r['pred']}); "
                f"chitieu extract took {seconds:.1f} s"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Print-and-scan a real PDF that has a text layer, read the scan back by OCR, and compare.

    .venv/bin/python benchmarks/eval_scan.py FILE.pdf [--pages 3] [--dpi 200] [--grey | --bw]

Each page is rendered to an image (as a scanner would see the printed page: a slight tilt, dust, blur,
JPEG; with ``--bw`` black and white, 1 bit per pixel, CCITT-compressed as archives keep signed letters),
wrapped as an image-only PDF and read through ``read_document``. The reference is the same pages
read from the original's text layer. Printed: OCR speed, character accuracy (1 − Levenshtein distance /
length, whitespace collapsed), and table rows recovered from the scan against the original's rows.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageFilter
from pypdf import PdfReader, PdfWriter
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from chitieu.readers import read_document
from chitieu.readers.ocr import open_pdfium, render_page


def first_pages(source: Path, pages: int, out: Path) -> Path:
    writer = PdfWriter()
    for page in PdfReader(source).pages[:pages]:
        writer.add_page(page)
    with out.open("wb") as fh:
        writer.write(fh)
    return out


def scan_copy(source: Path, out: Path, dpi: int, grey: bool, bw: bool = False) -> Path:
    pdf = open_pdfium(source)
    frames: list[Image.Image] = []
    try:
        for index in range(len(pdf)):
            image = render_page(pdf, index, dpi).rotate(0.3, resample=Image.Resampling.BICUBIC, fillcolor="white")
            image = image.filter(ImageFilter.GaussianBlur(0.5))
            frames.append(image.convert("L") if grey else image)
    finally:
        pdf.close()
    if bw:  # thresholded like a 1-bit scanner; Pillow writes mode "1" pages CCITT-compressed
        pages = [frame.convert("L").point(lambda v: 0 if v < 150 else 255, mode="1") for frame in frames]
        pages[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=pages[1:])
        return out
    jpeg = []
    for frame in frames:
        path = out.with_suffix(f".{len(jpeg)}.jpg")
        frame.save(path, "JPEG", quality=80)
        jpeg.append(Image.open(path))
    jpeg[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=jpeg[1:])
    return out


def cells_right(reference: list[list[str]], scanned: list[list[str]]) -> tuple[int, int, int, int]:
    """(cells right, non-empty reference cells, figures right, figure cells): each reference row is
    matched with the scanned row most like it; cells compare with whitespace collapsed."""
    right = total = figures_right = figures = 0
    for ref in reference:
        if not scanned:
            break
        joined = " ".join(ref)
        best = max(scanned, key=lambda row: fuzz.ratio(joined, " ".join(row)))
        for i, cell in enumerate(ref):
            cell = " ".join(cell.split())
            if not cell:
                continue
            got = " ".join(best[i].split()) if i < len(best) else ""
            total += 1
            right += got == cell
            if any(ch.isdigit() for ch in cell) and not any(ch.isalpha() for ch in cell):
                figures += 1
                figures_right += got == cell
    return right, total, figures_right, figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("pdf", type=Path)
    parser.add_argument("--pages", type=int, default=3)
    parser.add_argument("--dpi", type=int, default=200)
    parser.add_argument("--grey", action="store_true")
    parser.add_argument("--bw", action="store_true", help="1-bit CCITT pages instead of JPEG")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        original = first_pages(args.pdf, args.pages, Path(tmp) / "original.pdf")
        reference = read_document(original)
        scanned = scan_copy(original, Path(tmp) / "scan.pdf", args.dpi, args.grey, args.bw)
        started = time.perf_counter()
        document = read_document(scanned)
        seconds = time.perf_counter() - started
    typed = " ".join(reference.text.replace("\t", " ").split())
    read = " ".join(document.text.replace("\t", " ").split())
    accuracy = 1 - Levenshtein.distance(typed, read) / max(1, len(typed))
    ref_rows = sum(len(t.rows) for t in reference.tables)
    got_rows = sum(len(t.rows) for t in document.tables)
    pages = len(document.ocr_pages)
    kind = " black and white" if args.bw else " grey" if args.grey else ""
    print(f"{args.pdf.name}: {pages} scanned pages at {args.dpi} dpi{kind}")
    print(f"OCR speed: {pages / seconds * 60:.1f} pages/minute ({seconds:.1f} s)")
    print(f"character accuracy against the text layer: {accuracy:.4f} ({len(typed)} characters)")
    print(f"table rows: {got_rows} from the scan, {ref_rows} from the text layer")
    right, total, figures_right, figures = cells_right(
        [r for t in reference.tables for r in t.rows], [r for t in document.tables for r in t.rows]
    )
    print(f"cells right: {right}/{total}; figure cells right: {figures_right}/{figures}")


if __name__ == "__main__":
    main()

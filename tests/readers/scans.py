"""Scanned-looking PDFs for OCR tests and benchmarks: text rendered to an image with Pillow, a red round
stamp and a blue signature over the signature block, a page number, speckle and a slight tilt, wrapped as
an image-only PDF (no text layer), as an office's scanner produces."""

from __future__ import annotations

import io
import math
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_PATHS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
)
A4_POINTS = (595, 842)


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in FONT_PATHS:
        if bold:
            path = path.replace("Serif.ttf", "Serif-Bold.ttf").replace("Regular", "Bold")
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def scan_image(
    lines: list[str],
    dpi: int = 200,
    stamp: bool = True,
    page_number: int | None = None,
    tilt: float = 0.4,
    seed: int = 7,
    grey: bool = False,
    table: list[list[str]] | None = None,
    ink: tuple[int, int, int] = (20, 20, 20),
    bold: bool = False,
) -> Image.Image:
    """One A4 page image holding ``lines`` (and an optional ruled ``table`` below them), written in ``ink``
    (a colour scanner gives black print a faint tint: (18, 6, 28) is such a black)."""
    rng = random.Random(seed)
    width, height = (round(p * dpi / 72) for p in A4_POINTS)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    size = round(13 * dpi / 72)
    font = _font(size, bold)
    x, y = round(0.1 * width), round(0.08 * height)
    step = round(size * 1.55)
    for line in lines:
        draw.text((x, y), line, fill=ink, font=font)
        y += step
    if table:
        y = _draw_table(draw, table, x, y + step // 2, width - 2 * x, step, font)
    if stamp:
        _stamp(draw, (round(0.68 * width), y + 2 * step), round(0.09 * width), size, rng)
    if page_number is not None:
        draw.text((width // 2, round(0.95 * height)), str(page_number), fill=(20, 20, 20), font=font)
    for _ in range(width * height // 4000):  # scanner dust
        px, py = rng.randrange(width), rng.randrange(height)
        draw.point((px, py), fill=(90, 90, 90))
    image = image.rotate(tilt, resample=Image.Resampling.BICUBIC, fillcolor="white")
    image = image.filter(ImageFilter.GaussianBlur(0.6))
    return image.convert("L") if grey else image


def _draw_table(draw: ImageDraw.ImageDraw, rows: list[list[str]], x: int, y: int, width: int, step: int,
                font: ImageFont.FreeTypeFont | ImageFont.ImageFont) -> int:
    columns = len(rows[0])
    widths = [0.08, 0.5, 0.14, 0.14, 0.14][:columns] if columns == 5 else [1 / columns] * columns
    scale = width / sum(widths)
    edges = [x]
    for w in widths:
        edges.append(edges[-1] + round(w * scale))
    top = y
    for row in rows:
        for i, cell in enumerate(row):
            draw.text((edges[i] + 8, y + step // 5), cell, fill=(20, 20, 20), font=font)
        y += round(step * 1.4)
        draw.line([(x, y), (edges[-1], y)], fill=(0, 0, 0), width=2)
    draw.line([(x, top), (edges[-1], top)], fill=(0, 0, 0), width=2)
    for edge in edges:
        draw.line([(edge, top), (edge, y)], fill=(0, 0, 0), width=2)
    return y


def _stamp(draw: ImageDraw.ImageDraw, centre: tuple[int, int], radius: int, size: int, rng: random.Random) -> None:
    """A red round seal with text around it and a blue signature scribble across it."""
    cx, cy = centre
    red = (200, 30, 40)
    for r in (radius, radius - 6, round(radius * 0.55)):
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], outline=red, width=4)
    font = _font(round(size * 0.7))
    text = "ỦY BAN NHÂN DÂN * XÃ AN BÌNH * "
    for i, char in enumerate(text):
        angle = 2 * math.pi * i / len(text)
        px = cx + (radius - 0.2 * radius) * math.cos(angle) - size * 0.2
        py = cy + (radius - 0.2 * radius) * math.sin(angle) - size * 0.3
        draw.text((px, py), char, fill=red, font=font)
    draw.text((cx - radius * 0.35, cy - size * 0.4), "★", fill=red, font=_font(size))
    blue = (30, 40, 170)
    points = [(cx - radius * 1.2 + k * radius * 0.12, cy + radius * 0.2 * math.sin(k * 1.3) + rng.uniform(-9, 9))
              for k in range(22)]
    draw.line(points, fill=blue, width=5)


def write_scanned_pdf(path: Path, pages: list[Image.Image], dpi: int = 200, jpeg: bool = True,
                      full_colour: bool = False) -> Path:
    """Wrap page images as an image-only PDF (JPEG-compressed like a scanner's output; ``full_colour``
    keeps every pixel's colour, as a good colour scanner does, instead of sharing it between four)."""
    frames = []
    for page in pages:
        if jpeg:
            buffer = io.BytesIO()
            page.save(buffer, "JPEG", quality=90 if full_colour else 80, subsampling=0 if full_colour else -1)
            buffer.seek(0)
            frames.append(Image.open(buffer))
        else:
            frames.append(page)
    frames[0].save(path, "PDF", resolution=dpi, save_all=True, append_images=frames[1:])
    return path

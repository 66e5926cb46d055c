"""One PNG chart per indicator group: horizontal bars of % of target, Vietnamese labels, decimal commas.

Drawn directly with Pillow: a bar chart of a few dozen rows needs no plotting engine, and matplotlib's
text layout cost ~0,3 s a chart, which made the Word report miss its one-second budget. The font is the
first installed TrueType face with Vietnamese letters (Times New Roman / Liberation Serif / DejaVu), with
matplotlib's bundled DejaVu Sans as a fallback where matplotlib happens to be installed.
"""

from __future__ import annotations

import importlib.util
import io
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from chitieu.numbers import format_number
from chitieu.reports import labels
from chitieu.reports.appendix import GroupChart

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/msttcorefonts/Times_New_Roman.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "C:/Windows/Fonts/times.ttf",
    "/System/Library/Fonts/Supplemental/Times New Roman.ttf",
    "/Library/Fonts/Times New Roman.ttf",
)
COLOURS = ("#4472C4", "#ED7D31")
TARGET_LINE = "#C00000"
CLIP_PERCENT = 250.0  # bars beyond this are cut; their value is still written
WIDTH = 1100
ROW = 34  # pixels per indicator
LABEL_WIDTH = 430
TOP, BOTTOM = 60, 80


@lru_cache(maxsize=1)
def font_path() -> str | None:
    """The first TrueType font with Vietnamese glyphs found on this machine (no download, ever)."""
    for candidate in FONT_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    spec = importlib.util.find_spec("matplotlib")
    if spec and spec.origin:
        bundled = Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf"
        if bundled.is_file():
            return str(bundled)
    return None


@lru_cache(maxsize=8)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = font_path()
    return ImageFont.truetype(path, size) if path else ImageFont.load_default(size)


def render_group_chart(chart: GroupChart, series_names: Sequence[str]) -> bytes:
    """A horizontal bar chart of % of target by indicator (mid-term and end-of-term series), as PNG."""
    n = len(chart.labels)
    height = TOP + BOTTOM + ROW * max(n, 1)
    image = Image.new("RGB", (WIDTH, height), "white")
    draw = ImageDraw.Draw(image)
    text_font, small, title_font = _font(15), _font(13), _font(18)

    values = [v for v in (*chart.midterm, *chart.final) if v is not None]
    top = min(CLIP_PERCENT, max([*values, 100.0]))
    plot_left, plot_right = LABEL_WIDTH + 10, WIDTH - 190
    scale = (plot_right - plot_left) / (top * 1.05)

    def x_of(percent: float) -> float:
        return plot_left + max(0.0, min(percent, top * 1.05)) * scale

    title = labels.CHART_TITLE.format(group=f"{chart.number}. {chart.name}")
    draw.text((WIDTH / 2, 18), title, fill="black", font=title_font, anchor="mt")
    plot_bottom = TOP + ROW * n
    for tick in _ticks(top):  # vertical grid with % labels
        x = x_of(tick)
        draw.line([(x, TOP), (x, plot_bottom)], fill="#DDDDDD")
        draw.text((x, plot_bottom + 6), format_number(tick, 0) + "%", fill="black", font=small, anchor="mt")
    bar = (ROW - 10) / 2
    for i, name in enumerate(chart.labels):
        y = TOP + i * ROW + 5
        draw.text((LABEL_WIDTH, y + bar), _fit(draw, name, text_font, LABEL_WIDTH - 10), fill="black",
                  font=text_font, anchor="rm")
        for k, series in enumerate((chart.midterm, chart.final)):
            value = series[i]
            if value is not None:
                draw.rectangle([plot_left, y + k * bar, x_of(value), y + (k + 1) * bar - 1], fill=COLOURS[k])
        draw.text((plot_right + 8, y + bar), _pair(chart.midterm[i], chart.final[i]), fill="black", font=small,
                  anchor="lm")
    target_x = x_of(100.0)
    for y in range(TOP, plot_bottom, 8):  # dashed target line at 100%
        draw.line([(target_x, y), (target_x, min(y + 4, plot_bottom))], fill=TARGET_LINE, width=2)
    draw.line([(plot_left, TOP), (plot_left, plot_bottom)], fill="black")
    draw.text(((plot_left + plot_right) / 2, plot_bottom + 26), labels.CHART_AXIS, fill="black", font=small,
              anchor="mt")
    _legend(draw, [*series_names[:2], labels.CHART_TARGET_LINE], plot_bottom + 50, small)

    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()


def _ticks(top: float) -> list[float]:
    step = 25.0 if top <= 150 else 50.0
    return [step * k for k in range(int(top * 1.05 // step) + 1)]


def _legend(draw: ImageDraw.ImageDraw, names: Sequence[str], y: float,
            font: ImageFont.FreeTypeFont | ImageFont.ImageFont) -> None:
    widths = [draw.textlength(name, font=font) + 40 for name in names]
    x = (WIDTH - sum(widths)) / 2
    for k, (name, width) in enumerate(zip(names, widths, strict=True)):
        if k < 2:
            draw.rectangle([x, y, x + 22, y + 12], fill=COLOURS[k])
        else:
            draw.line([(x, y + 6), (x + 22, y + 6)], fill=TARGET_LINE, width=2)
        draw.text((x + 28, y + 6), name, fill="black", font=font, anchor="lm")
        x += width


def _fit(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont, width: float) -> str:
    """Cut a label at a word boundary so it fits, marking the cut with an ellipsis."""
    if draw.textlength(text, font=font) <= width:
        return text
    words = text.split()
    while words and draw.textlength(" ".join(words) + " …", font=font) > width:
        words.pop()
    return " ".join(words) + " …"


def _label(value: float | None) -> str:
    return "–" if value is None else format_number(round(value, 1)) + "%"


def _pair(first: float | None, second: float | None) -> str:
    """"73,1% / 90,3%": the two blocks' values of one indicator."""
    return f"{_label(first)} / {_label(second)}"

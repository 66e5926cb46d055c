"""One PNG chart per indicator group (matplotlib, Agg canvas, offline), Vietnamese labels and decimal commas.

The figures are drawn on ``FigureCanvasAgg`` directly (no pyplot, no global state, no display);
the style and the font lookup are computed once per process.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import lru_cache

import matplotlib
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from chitieu.numbers import format_number
from chitieu.reports import labels
from chitieu.reports.appendix import GroupChart

SERIF_CHOICES = ("Times New Roman", "Liberation Serif", "Tinos", "DejaVu Serif")
COLOURS = ("#4472C4", "#ED7D31")
DPI = 100
CLIP_PERCENT = 250.0  # bars beyond this are cut; their value is still written


@lru_cache(maxsize=1)
def chart_style() -> dict[str, object]:
    """rcParams for the charts: the first installed serif font that has Vietnamese letters."""
    installed = {f.name for f in font_manager.fontManager.ttflist}
    family = next((name for name in SERIF_CHOICES if name in installed), "DejaVu Sans")
    return {"font.family": family, "font.size": 9, "axes.titlesize": 11, "svg.fonttype": "none"}


def _percent(value: float, _pos: object = None) -> str:
    return format_number(value, 0) + "%"


@lru_cache(maxsize=32)
def _render_cached(chart: GroupChart, series_names: tuple[str, ...]) -> bytes:
    return _render(chart, series_names)


def render_group_chart(chart: GroupChart, series_names: Sequence[str]) -> bytes:
    """A horizontal bar chart of % of target by indicator (two series: mid-term and end of term), as PNG.

    Drawing text is the slow part of matplotlib (~0,1-0,2 s a chart); identical charts are drawn once
    per process.
    """
    return _render_cached(chart, tuple(series_names))


def _render(chart: GroupChart, series_names: Sequence[str]) -> bytes:
    n = len(chart.labels)
    with matplotlib.rc_context(chart_style()):
        fig = Figure(figsize=(9.0, 1.6 + 0.36 * n), dpi=DPI)
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        height = 0.38
        positions = range(n)
        for k, (values, name) in enumerate(((chart.midterm, series_names[0]), (chart.final, series_names[1]))):
            ys = [p + (k - 0.5) * height for p in positions]
            xs = [max(v, 0.0) if v is not None else 0.0 for v in values]  # negative shares start at 0
            ax.barh(ys, xs, height=height, color=COLOURS[k], label=name)
        ax.axvline(100, color="#C00000", linestyle="--", linewidth=1, label=labels.CHART_TARGET_LINE)
        ax.set_yticks(list(positions), labels=list(chart.labels))
        ax.invert_yaxis()
        ax.xaxis.set_major_formatter(FuncFormatter(_percent))
        top = min(CLIP_PERCENT, max([v for v in (*chart.midterm, *chart.final) if v is not None] + [100.0]))
        ax.set_xlim(0.0, top * 1.32)
        # One text per indicator with both values (text layout is the costly part of drawing).
        for p in positions:
            ax.text(top * 1.02, p, _pair(chart.midterm[p], chart.final[p]), va="center", fontsize=8)
        ax.set_xlabel(labels.CHART_AXIS)
        ax.set_title(labels.CHART_TITLE.format(group=f"{chart.number}. {chart.name}"))
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.75 / fig.get_size_inches()[1] * 1.6),
                  ncol=3, fontsize=8, frameon=False)
        # Fixed margins instead of tight_layout (which draws the figure a second time).
        longest = max((len(label) for label in chart.labels), default=10)
        inches = fig.get_size_inches()
        fig.subplots_adjust(left=min(0.5, (0.3 + 0.062 * longest) / inches[0]), right=0.97,
                            top=1 - 0.45 / inches[1], bottom=1.0 / inches[1])
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=DPI, pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


def _label(value: float | None) -> str:
    return "–" if value is None else format_number(round(value, 1)) + "%"


def _pair(first: float | None, second: float | None) -> str:
    """"73,1% / 90,3%": the two blocks' values of one indicator."""
    return f"{_label(first)} / {_label(second)}"

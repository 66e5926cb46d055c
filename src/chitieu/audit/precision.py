"""Comparing figures at the precision they were printed with (pure)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from chitieu.numbers import decimals_of, format_number

MAX_DECIMALS = 3


def decimals_in(value: float, text: str = "") -> int:
    """Decimals shown: from the text as written when known ("2.134,6" → 1), else from the float (73.1 → 1)."""
    if text:
        try:
            return min(decimals_of(text.strip().lstrip("<>≤≥~ ").rstrip("%")), MAX_DECIMALS)
        except ValueError:
            pass
    shown = f"{value:.{MAX_DECIMALS}f}".rstrip("0").rstrip(".")
    return len(shown.split(".")[1]) if "." in shown else 0


def round_half_up(value: float, decimals: int) -> float:
    """Round the way people do (2,25 → 2,3), not banker's rounding."""
    quantum = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP))


def agrees_at(printed: float, computed: float, decimals: int) -> bool:
    """True when ``computed`` rounds to ``printed`` at the printed number of decimals."""
    tolerance: float = 0.5 * 10.0 ** (-decimals - 3) + 1e-9
    return abs(round_half_up(computed, decimals) - printed) < tolerance


def show(value: float | None, decimals: int | None = None) -> str:
    """Vietnamese formatting for findings: 2.134,6."""
    return format_number(value, decimals)


def show_percent(value: float, decimals: int = 1) -> str:
    return format_number(value, decimals) + "%"

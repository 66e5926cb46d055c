"""How close to the target still counts as exactly meeting it.

Official tables print rates with one decimal and ratios with one decimal, so a difference that
disappears when rounded to one decimal is noise (19,99% against 20% is "Đạt"), while 0,1 point is
a real difference (97,1% against 97% is "Vượt"). Shares of an economic structure (cơ cấu) are
judged by closeness, with a wider band.
"""

from __future__ import annotations

from dataclasses import dataclass

from chitieu.domain.indicators import Polarity
from chitieu.vocab.units import lookup_unit

RATE_DIMENSIONS = frozenset({"percent", "permille", "percent_point"})


@dataclass(frozen=True, slots=True)
class Tolerance:
    """Bands around a target, all documented in docs/assessment.md."""

    rate_points: float = 0.05  # rates (%, ‰): |result − target| ≤ 0,05 point is "equal"
    relative_percent: float = 0.05  # other units: |result − target| ≤ 0,05% of the target
    structure_points: float = 1.0  # structure shares: within 1 point of the planned share is "Đạt"
    small_rate_share: float = 0.1  # small rates (0,2‰): the band is at most 10% of the target

    def band(self, target_value: float, unit: str, polarity: Polarity) -> float:
        """Half-width of the "equal" band around ``target_value`` (in the target's unit)."""
        if polarity is Polarity.NEUTRAL_STRUCTURE:
            return self.structure_points if is_rate(unit, target_value) else abs(target_value) * 0.01
        if is_rate(unit, target_value):
            return min(self.rate_points, abs(target_value) * self.small_rate_share)
        return abs(target_value) * self.relative_percent / 100


DEFAULT_TOLERANCE = Tolerance()


def is_rate(unit: str, value: float | None = None) -> bool:
    """Percent-like unit; a missing unit counts as a rate when the number is at most 100."""
    if not unit:
        return value is not None and abs(value) <= 100
    known = lookup_unit(unit)
    return known is not None and known.dimension in RATE_DIMENSIONS

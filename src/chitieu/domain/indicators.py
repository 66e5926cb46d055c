"""Indicators (chỉ tiêu) and their hierarchical groups."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Polarity(StrEnum):
    """Which direction is good for an indicator."""

    HIGHER_BETTER = "higher_better"
    LOWER_BETTER = "lower_better"
    NEUTRAL_STRUCTURE = "neutral_structure"  # a share in a structure (cơ cấu, tỷ trọng): closeness counts
    BOOLEAN = "boolean"  # done / not done


@dataclass(frozen=True, slots=True)
class IndicatorGroup:
    """A group of indicators ("I. Các chỉ tiêu về kinh tế"); groups may nest."""

    code: str
    name: str
    parent_code: str | None = None
    order: int = 0


@dataclass(frozen=True, slots=True)
class Indicator:
    """A measured quantity, with its official name as written in the plan.

    ``number`` is the official row number ("1", "2", ...) when the table gives one; component rows
    of a numbered indicator share its number and keep their own ``order``. ``parent_code`` points to
    a header indicator (e.g. "Cơ cấu kinh tế") for the components listed under it.
    """

    code: str
    name: str
    unit: str = ""
    polarity: Polarity = Polarity.HIGHER_BETTER
    group_code: str | None = None
    parent_code: str | None = None
    plan_code: str | None = None
    number: str = ""
    order: int = 0
    description: str = ""

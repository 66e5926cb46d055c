"""Tests on the units and values of two figures of one clause (pure): whether one restates the other."""

from __future__ import annotations

from chitieu.domain.quantity import Op
from chitieu.extraction.quantity import TextQuantity


def same_in_count(rate: TextQuantity, count: TextQuantity) -> bool:
    """A count in parentheses after a rate restates it ("đạt 50% (8 xã)", "58,9% (66/112 thôn")."""
    return "%" in rate.unit and bool(count.unit) and "%" not in count.unit and count.op is Op.EQ


SHARE_ROUNDING = 0.06  # percentage points: "65/93" is 69,89…%, written "69,9%"


def share_of_count(count: TextQuantity, rate: TextQuantity) -> bool:
    """``rate`` is the share that a fraction count written before it makes ("65/93 xã, đạt 69,9%")."""
    if "%" not in rate.unit or rate.op is not Op.EQ or rate.value is None or not count.denominator:
        return False
    return count.value is not None and abs(100 * count.value / count.denominator - rate.value) <= SHARE_ROUNDING


def same_kind_of_unit(a: TextQuantity, b: TextQuantity) -> bool:
    """Both rates, or both amounts whose units start with the same word ("tỷ đồng" and "tỷ")."""
    if ("%" in a.unit) != ("%" in b.unit):
        return False
    head_a, head_b = (a.unit.split() or [""])[0].lower(), (b.unit.split() or [""])[0].lower()
    return bool(head_a) and head_a == head_b

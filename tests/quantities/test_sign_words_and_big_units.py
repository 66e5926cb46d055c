"""Cells met in real appendices: a balance stated only by its sign, and money in "triệu tỷ đồng"."""

from __future__ import annotations

import pytest

from chitieu.assessment import Stage, assess
from chitieu.domain import Polarity
from chitieu.domain.quantity import Op
from chitieu.quantities import QuantityError, parse_quantity
from chitieu.vocab.verdicts import Status


def test_surplus_word_is_a_bound_below_zero() -> None:
    q = parse_quantity("Xuất siêu")
    assert (q.op, q.value) == (Op.LT, 0.0)
    assert parse_quantity("  xuất siêu. ").op is Op.LT


def test_surplus_meets_a_deficit_ceiling_with_room() -> None:
    a = assess(parse_quantity("Dưới 2,5%"), parse_quantity("Xuất siêu"), polarity=Polarity.LOWER_BETTER,
               stage=Stage.FINAL)
    assert a.status is Status.EXCEEDED


def test_trillions_of_dong_keep_their_multiplier() -> None:
    q = parse_quantity("2,4 triệu tỷ đồng")
    assert q.value == pytest.approx(2.4) and q.unit == "triệu tỷ đồng"
    a = assess(parse_quantity("2.300 nghìn tỷ đồng"), q, polarity=Polarity.HIGHER_BETTER, stage=Stage.FINAL)
    assert a.value == pytest.approx(2400.0)
    assert a.status is Status.EXCEEDED


def test_a_scale_word_is_never_dropped_as_a_note() -> None:
    # "triệu" alone is a unit alias (triệu đồng); the following "tỷ" must not be discarded silently
    q = parse_quantity("3 triệu tỷ")
    assert q.unit == "triệu tỷ đồng"
    with pytest.raises(QuantityError):
        parse_quantity("3 triệu tỷ xyz qwe 7")


def test_billions_usd_against_millions_usd() -> None:
    a = assess(parse_quantity("4,5 tỷ USD"), parse_quantity("4.380 triệu USD"), polarity=Polarity.HIGHER_BETTER,
               stage=Stage.FINAL)
    assert a.value == pytest.approx(4.38)
    assert a.status is Status.NOT_ACHIEVED

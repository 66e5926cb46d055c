"""The vocabulary tables used by the quantity grammar and assess-table are clean data."""

from __future__ import annotations

import unicodedata

from chitieu.domain import Op
from chitieu.vocab.comparators import (
    BOOLEAN_WORDS,
    COMPARATORS,
    DIRECTION_WORDS,
    HEDGES,
    LEAD_WORDS,
    NO_DATA_WORDS,
)
from chitieu.vocab.table_headers import header_role, parse_polarity_word


def test_words_are_lower_case_nfc_and_unique() -> None:
    words = [c.word for c in COMPARATORS] + list(HEDGES) + list(LEAD_WORDS) + list(DIRECTION_WORDS)
    words += list(BOOLEAN_WORDS) + list(NO_DATA_WORDS)
    for w in words:
        assert w == unicodedata.normalize("NFC", w).lower().strip()
    assert len({c.word for c in COMPARATORS}) == len(COMPARATORS)
    assert len(set(HEDGES)) == len(HEDGES)


def test_every_comparator_maps_to_a_bound_or_equality() -> None:
    assert {c.op for c in COMPARATORS} <= {Op.EQ, Op.GT, Op.GE, Op.LT, Op.LE}
    assert {c.position for c in COMPARATORS} == {"prefix", "suffix"}


def test_header_roles() -> None:
    expected = {
        "TT": "number", "Chỉ tiêu": "indicator", "Tên chỉ tiêu": "indicator", "Mục tiêu": "target",
        "Chỉ tiêu kế hoạch": "target", "Kết quả": "result", "Kết quả thực hiện": "result", "Thực hiện": "result",
        "Đơn vị tính": "unit", "ĐVT": "unit", "Đánh giá": "verdict", "Kết quả đánh giá": "verdict",
        "So sánh với mục tiêu nghị quyết Đại hội": "verdict", "Tỷ lệ % so với mục tiêu nghị quyết": "ratio",
        "indicator": "indicator", "target": "target", "result": "result", "unit": "unit", "polarity": "polarity",
        "Ghi chú": None,
    }
    assert {h: header_role(h) for h in expected} == expected


def test_polarity_words() -> None:
    assert parse_polarity_word("Càng thấp càng tốt").value == "lower_better"  # type: ignore[union-attr]
    assert parse_polarity_word("ngược") is None

"""Targets and results written in words or with extra text, as printed appendices write them (pure).

The exchange format's ``text`` cell is normally a quantity the grammar reads whole ("9-10", ">5",
"Hoàn thành"). Real end-of-term appendices also print results such as "Chưa thực hiện", "Trung bình kết
nạp 1.020 đảng viên/năm (96%)" or "Đang triển khai". Such a cell is not an error: it is kept as written
and read as far as its words allow, and the import report carries a warning saying how it was read:

1. a cell that says there is no figure ("Chưa có số liệu") → a result without a value;
2. words that open with a yes/no word ("Chưa thực hiện", "Hoàn thành việc sáp nhập") → done / not done;
3. a figure inside the words ("… kết nạp 1.020 đảng viên/năm (96%)") → that figure; a percentage in
   brackets right after it is the printed "% so với mục tiêu";
4. other words ("Đang triển khai", "Giữ vững ổn định") → kept as text: a target in words is a yes/no
   target, a result in words has no value and is not judged.

Anything else (no letters at all, stray symbols: "???", "#REF!") is genuinely broken and stays an error.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from chitieu.domain import Op, Quantity
from chitieu.messages import msg
from chitieu.quantities import find_change, is_no_data
from chitieu.vocab.comparators import BOOLEAN_WORDS

# Characters that never occur in an appendix cell written in words: their presence means a broken cell.
_GARBAGE = set("@#$^={}|\\~`?")
_BRACKET_PERCENT = re.compile(r"\(\s*(\d+(?:[.,]\d+)?)\s*%\s*\)")
_MIN_BOOLEAN_WORD = 4  # "có", "đạt" alone are too short to open a sentence safely; "chưa", "không" are not


@dataclass(frozen=True, slots=True)
class WordsReading:
    """How a words cell was read: op and numbers, and the warning (code and fields) that says so."""

    op: Op
    value: float | None = None
    low: float | None = None
    high: float | None = None
    quantity: Quantity | None = None
    stated_ratio: float | None = None
    code: str = "text_value_kept"
    fields: dict[str, object] = field(default_factory=dict)


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).lower().split()).strip(" .,:;")


def _boolean_opening(folded: str) -> bool | None:
    """The yes/no word the words open with ("chưa thực hiện" → False), longest word first."""
    for word in sorted(BOOLEAN_WORDS, key=len, reverse=True):
        if len(word) >= _MIN_BOOLEAN_WORD and (folded == word or folded.startswith(word + " ")):
            return BOOLEAN_WORDS[word]
    return None


def _is_words(text: str) -> bool:
    """Letters (Vietnamese or not) and ordinary punctuation only: a sentence, not a broken cell."""
    return any(ch.isalpha() for ch in text) and not any(ch in _GARBAGE for ch in text)


def read_words_cell(text: str, *, target: bool) -> WordsReading | None:
    """How to keep a ``text`` cell the quantity grammar cannot read whole; None when it is broken."""
    folded = _fold(text)
    if not folded or not _is_words(text):
        return None
    if is_no_data(text):
        if target:
            return None  # a target row without a target says nothing
        return WordsReading(Op.EQ, code="text_value_no_figure")
    has_digits = any(ch.isdigit() for ch in folded)
    opening = None if has_digits else _boolean_opening(folded)
    if opening is not None:
        meaning = msg("meaning_done" if opening else "meaning_not_done")
        quantity = Quantity(op=Op.DONE, boolean=opening, text=text)
        value = None if target else (1.0 if opening else 0.0)
        return WordsReading(Op.DONE, value, quantity=quantity, code="text_value_words", fields={"meaning": meaning})
    found = find_change(text) if has_digits else None
    if found is not None:
        q = found[0]
        ratio = _bracket_percent(text, q) if not target else None
        if q.op is Op.RANGE:
            if target:
                return WordsReading(Op.RANGE, None, q.low, q.high, q, code="text_value_read",
                                    fields={"number": q.text})
            return WordsReading(Op.EQ, q.point, quantity=q, stated_ratio=ratio, code="text_value_read",
                                fields={"number": q.text})
        if q.value is not None:
            return WordsReading(q.op, q.value, quantity=q, stated_ratio=ratio, code="text_value_read",
                                fields={"number": q.text})
    if target:
        return WordsReading(Op.DONE, quantity=Quantity(op=Op.DONE, text=text), code="text_target_words")
    return WordsReading(Op.EQ, code="text_value_kept")


def _bracket_percent(text: str, figure: Quantity) -> float | None:
    """"… 1.020 đảng viên/năm (96%)": the percentage in brackets after the figure, when it is not the figure."""
    if figure.unit == "%":
        return None
    after = text[text.find(figure.text) + len(figure.text):] if figure.text and figure.text in text else text
    match = _BRACKET_PERCENT.search(after)
    if match is None:
        return None
    return float(match.group(1).replace(",", "."))

"""Names of sub-items completed from the statement they detail (pure).

Reports break a figure down: "tổng giá trị sản xuất ước đạt 4.114 tỷ đồng. Trong đó, nông, lâm, thủy sản tăng
4,3%, công nghiệp - xây dựng tăng 7,7%"; "Cơ cấu kinh tế: ngành nông-lâm nghiệp chiếm 38,1%". The words before
such a figure name a part ("nông, lâm, thủy sản") but not what is measured, so two indicators of one document
would carry the same name. ``SubjectNames`` follows a paragraph: a name without a measure word
(``text.subject_names`` ``measure_in_name``) takes the measure of the last name in the paragraph that has one
("giá trị sản xuất nông, lâm, thủy sản"); a share ("chiếm 31,4%") is named as a weight ("tỷ trọng nông, lâm,
thủy sản trong giá trị sản xuất").
"""

from __future__ import annotations

import re

from chitieu.grammar.loader import rulebook

_BOOK = rulebook()
_MEASURE_RE = re.compile(_BOOK.pattern("text.subject_names", "measure_in_name"), re.IGNORECASE)
_LOCALITY_RE = re.compile(_BOOK.pattern("text.subject_names", "locality_not_a_name"), re.IGNORECASE)
# How a share is named: "tỷ trọng <part> trong <measure>" (text.name_words).
_WEIGHT = _BOOK.rule("text.name_words", "weight").words[0]  # type: ignore[attr-defined]
_WITHIN = _BOOK.rule("text.name_words", "within").words[0]  # type: ignore[attr-defined]
_OPENING_RE = re.compile(_BOOK.pattern("text.subject_names", "opening_not_in_name"), re.IGNORECASE)
_PART_RE = re.compile(_BOOK.pattern("text.subject_names", "parts_of_a_measure"), re.IGNORECASE)
_GROUPING_RE = re.compile(_BOOK.pattern("text.subject_names", "part_groupings"), re.IGNORECASE)
# Totals ("Tổng …") that a part does not repeat.
_TOTAL_RE = re.compile(r"^(?:tổng|tổng số)\s+", re.IGNORECASE)
# Periods a part does not repeat: "9 tháng", "tháng 9", "6 tháng đầu năm", "năm 2024".
_SPAN_RE = re.compile(
    r"\s+(?:\d{1,2}\s+tháng(?:\s+đầu\s+năm)?|tháng\s+\d{1,2}|quý\s+[IV\d]+|(?:năm|giai đoạn)\s+(?:19|20)\d{2}(?:\s*-\s*\d{2,4})?)\s*$",
    re.IGNORECASE,
)
# A sentence that details the figure before it: "Trong đó, …", "(trong đó, …", "…; riêng …".
_SUB_ITEM_RE = re.compile(r"(?:^|[(,;:.]\s*)(?:trong đó|riêng|cụ thể)(?=[\s,:])", re.IGNORECASE)


def _measure_of(name: str, whole: bool = False) -> str:
    """What a name measures, without its total word, its period and (unless ``whole``) its own part ("Tổng diện
    tích gieo trồng 9 tháng" → "diện tích gieo trồng"; "GRDP khu vực dịch vụ" → "GRDP")."""
    part = None if whole else _GROUPING_RE.search(name)
    measure = _TOTAL_RE.sub("", _OPENING_RE.sub("", name[: part.start()] if part and part.start() > 0 else name).strip())
    while True:
        cut = _SPAN_RE.sub("", measure)
        if cut == measure:
            break
        measure = cut
    return " ".join(measure.split()).strip(" ,;:")


class SubjectNames:
    """The names of one paragraph, completed in document order."""

    def __init__(self) -> None:
        self.parent = ""  # the measure of the last name that had one
        self.whole = ""  # that name without its period: what a running total ("lũy kế 9 tháng") continues
        self.listing = -1  # the sentence (its start) where the parts listed since the last measured name began

    def complete(self, name: str, unit: str, lead: str, counted: bool, sentence: int, before: str) -> str:
        """``name`` without its opening words, completed with the paragraph's measure when it names a part of it
        (``text.subject_names`` ``parts_of_a_measure``) written after "trong đó", "riêng", "cụ thể" in its sentence,
        as a running total ("lũy kế 9 tháng") or listed after such a part; a share ("chiếm") is named as a weight.
        ``counted`` figures ("9 đơn vị cấp huyện …") are named by what they count; ``before`` is the sentence up to
        the figure."""
        own = _OPENING_RE.sub("", name.strip()) or name
        if _MEASURE_RE.search(own):
            self.parent, self.whole, self.listing = _measure_of(own), _measure_of(own, whole=True), -1
            return own
        share = "%" in unit and lead.split()[:1] == ["chiếm"]
        part = " ".join(_LOCALITY_RE.sub(" ", own).split()).strip(" ,;:")
        sub_item = self.listing >= 0 or bool(_SUB_ITEM_RE.search(before)) or part.lower().startswith("lũy kế")
        if counted or not part or not (share or (sub_item and _PART_RE.match(part))):
            return own
        self.listing = sentence if self.listing < 0 else self.listing
        if part[1:2].islower():  # "Ngành nông-lâm nghiệp" inside a name; "GRDP" kept
            part = part[0].lower() + part[1:]
        if share:
            return " ".join([_WEIGHT, part, *([_WITHIN, self.parent] if self.parent else [])])
        measure = self.whole if part.lower().startswith("lũy kế") else self.parent
        return " ".join([measure, part]) if measure else own

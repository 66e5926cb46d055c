"""The period or as-of date a text figure is counted for, read from the words before it (pure)."""

from __future__ import annotations

import re

from chitieu.grammar.prefilter import guarded

# The periods a figure is counted for; behind a lookahead on its first characters (``grammar.prefilter``): the same matches, twice as fast
PERIOD_RE = re.compile(guarded(
    r"(?:(?:ước|dự ước)\s+)?(?:(?:đến|tới)\s+)?(?:(?:hết|cuối|đầu)\s+)?(?:\d{1,2}\s+tháng\s+(?:đầu\s+)?)?"
    r"(?:năm|giai đoạn|nhiệm kỳ|thời kỳ)\s+(?:19|20)\d{2}(?:\s*-\s*(?:19|20)?\d{2})?"
    r"|hằng năm|hàng năm|mỗi năm|đến nay|hiện nay|bình quân năm",
    re.IGNORECASE,
), re.IGNORECASE)
_YEARS_RE = re.compile(r"(?:19|20)\d{2}(?:\s*-\s*(?:19|20)?\d{2})?")

# A month or quarter written without its year ("tháng 9", "quý I/2024"): the period when no year is written, as a
# name no longer carries it (text.subject_names period_not_in_name).
_SHORT_PERIOD_RE = re.compile(
    r"(?:(?:tháng|qu[ýí])\s+(?:[IVX]+|\d{1,2})(?:/(?:19|20)\d{2})?|\d{1,2}\s+tháng(?:\s+đầu\s+năm)?)(?![\w/])", re.IGNORECASE
)


# The day a figure is counted at ("tại thời điểm 1/4/2016"): its as-of date (text.subject_names as_of_not_in_name).
_AS_OF_DAY_RE = re.compile(r"(?:(?:tại|vào)\s+(?:thời\s+điểm|ngày)(?:\s+ngày)?|(?:đến|tới)\s+(?:hết\s+)?ngày)\s+\d{1,2}/\d{1,2}(?:/(?:19|20)\d{2})?", re.IGNORECASE)


def period_of(text: str) -> str:
    """The period written last in ``text`` with a year, else the day it is counted at, else a month or quarter."""
    found = PERIOD_RE.findall(text)
    for p in reversed(found):
        if _YEARS_RE.search(p) or "năm" in p.lower():
            return str(p).strip()
    day = _AS_OF_DAY_RE.findall(text)
    if day:
        return str(day[-1]).strip()
    short = _SHORT_PERIOD_RE.findall(text)
    return str(short[-1]).strip() if short else ""

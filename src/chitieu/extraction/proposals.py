"""What review makes of a claim (pure): the period its words name, a clean indicator name, the kind of target.

``claim_period`` reads every period phrase the extractor emits ("đến năm 2030", "năm 2026", "giai đoạn
2021-2025", "nhiệm kỳ 2020 - 2025", "6 tháng đầu năm 2024", "hằng năm", "đến nay", or a table column's
years) into a ``Period``; ``indicator_name`` turns the phrase a claim was found under into the name of a
new indicator ("GDP) bình quân 5 năm" inside "Tốc độ tăng trưởng kinh tế (GDP) bình quân 5 năm đạt …" →
"Tốc độ tăng trưởng kinh tế (GDP) bình quân 5 năm").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chitieu.domain.indicators import Polarity
from chitieu.domain.observations import Period
from chitieu.domain.quantity import Op, Quantity
from chitieu.extraction.claim_periods import PERIOD_RE
from chitieu.vocab.polarity_cues import infer_polarity

YEAR_SPAN_RE = re.compile(r"\b((?:19|20)\d{2})(?:\s*[-–—]\s*((?:19|20)?\d{2}))?\b")
EVERY_YEAR_WORDS = ("hằng năm", "hàng năm", "mỗi năm", "bình quân năm", "/năm")
NAME_MAX = 200
# Words that open a clause but are not part of the indicator's name ("giữ tỉ lệ che phủ rừng ổn định").
LEADING_VERBS = ("phấn đấu", "duy trì", "giữ vững", "giữ", "nâng", "đưa", "đạt", "có", "là", "và")
# Words a measure's name starts with; a phrase after a comma that lacks one belongs to the measure before it.
MEASURE_HEADS = ("tỷ lệ", "tỉ lệ", "tỷ trọng", "tỉ trọng", "tốc độ", "số", "tổng", "tổng số", "mức")
_CLAUSE_CUT = re.compile(r"[;:\n]|\.\s")
_EDGES = " ,;:.-–—\"'"


class PeriodError(ValueError):
    """The words name a period that cannot be (years backwards, outside 1900-2200)."""


def parse_years(text: str) -> Period | None:
    """The last year or span of years written in ``text`` ("đến năm 2030" → 2030; "2021 - 25" → 2021-2025)."""
    found = list(YEAR_SPAN_RE.finditer(text or ""))
    if not found:
        return None
    match = found[-1]
    start = int(match.group(1))
    end_text = match.group(2)
    if end_text is None:
        end = start
    elif len(end_text) == 2:
        end = start // 100 * 100 + int(end_text)
    else:
        end = int(end_text)
    if not (1900 <= start <= end <= 2200):
        raise PeriodError(text)
    return Period(start, end)


def is_every_year(text: str) -> bool:
    """"hằng năm", "mỗi năm", "bình quân năm", "…/năm": a yearly figure with no year of its own."""
    low = (text or "").lower()
    return any(word in low for word in EVERY_YEAR_WORDS)


def claim_period(text: str, *, kind: str, document_year: int | None = None) -> Period | None:
    """The period a claim's period words name.

    Years written win ("năm 2026", "đến năm 2030", "giai đoạn 2021-2025"). Without a year, a target has no
    period of its own (its deadline is the plan's end: "hằng năm", "bình quân năm"), and a result stands for
    the year of the document that reports it ("đến nay", "hiện nay", "hằng năm"), when known; else None.
    Raises ``PeriodError`` for years that cannot be a period.
    """
    years = parse_years(text)
    if years is not None:
        return years
    if kind == "target":
        return None
    return Period.year(document_year) if document_year is not None else None


def indicator_name(phrase: str, quote: str = "") -> str:
    """A new indicator's name from the phrase a claim was found under, cleaned.

    A phrase cut inside a parenthesis ("GDP) bình quân 5 năm") is completed from the quote back to the start
    of its clause; period words, opening verbs, unbalanced brackets and edge punctuation are dropped; the
    first letter is upper case.
    """
    name = " ".join((phrase or "").split())
    if name.count(")") > name.count("(") and quote:
        name = _completed(name, " ".join(quote.split())) or name
    elif quote:
        name = _after_comma(name, " ".join(quote.split())) or name
    name = PERIOD_RE.sub(" ", name)
    name = " ".join(name.split()).strip(_EDGES)
    changed = True
    while changed:
        changed = False
        for verb in LEADING_VERBS:
            if name.lower().startswith(verb + " "):
                name, changed = name[len(verb) + 1:].strip(_EDGES), True
    name = _balanced(name).strip(_EDGES)
    if len(name) > NAME_MAX:
        name = name[:NAME_MAX].rsplit(" ", 1)[0]
    return name[:1].upper() + name[1:]


def _completed(name: str, quote: str) -> str | None:
    at = quote.find(name)
    if at < 0:
        return None
    before = quote[:at]
    opening = before.rfind("(")
    if opening < 0:
        return None
    cuts = list(_CLAUSE_CUT.finditer(before[:opening]))
    start = cuts[-1].end() if cuts else 0
    return (before[start:] + name).strip()


def _after_comma(name: str, quote: str) -> str | None:
    """A phrase cut at a comma inside one measure ("chế tạo trong GDP" after "tỉ trọng công nghiệp chế biến, ")
    joined to its head: only when the clause before it starts with a measure word, holds no figure (so it is
    not the previous indicator) and the phrase does not start a measure of its own."""
    at = quote.find(name)
    if at <= 0 or _starts_with_head(name):
        return None
    before = quote[:at].rstrip()
    if not before.endswith(","):
        return None
    cuts = list(_CLAUSE_CUT.finditer(before))
    clause = PERIOD_RE.sub(" ", before[cuts[-1].end() if cuts else 0:])  # "Đến năm 2025, tỉ lệ …"
    clause = " ".join(clause.split()).strip(_EDGES)
    if not clause or len(clause) > NAME_MAX // 2 or any(ch.isdigit() for ch in clause) or not _starts_with_head(clause):
        return None
    return f"{clause}, {name}"


def _starts_with_head(text: str) -> bool:
    low = text.lower()
    return any(low.startswith(head + " ") for head in MEASURE_HEADS)


def _balanced(name: str) -> str:
    """Drop a ")" with no "(" before it, and an unclosed "(" with what follows it."""
    out, depth = [], 0
    for char in name:
        if char == ")":
            if depth == 0:
                continue
            depth -= 1
        elif char == "(":
            depth += 1
        out.append(char)
    text = "".join(out)
    if depth:
        text = text[: text.rfind("(")]
    return " ".join(text.split())


def target_kind(unit: str, per_year: bool = False) -> str:
    """The kind of a target from its unit and wording: "%/năm" or a yearly rate → annual_rate; "người/năm"
    or "hằng năm" of a count → per_year; else level."""
    u = (unit or "").lower().replace(" ", "")
    yearly = per_year or "/năm" in u
    if not yearly:
        return "level"
    return "annual_rate" if "%" in u or "‰" in u else "per_year"


@dataclass(frozen=True, slots=True)
class NewIndicator:
    """What review proposes for a claim accepted as a new indicator, with the reason for its direction."""

    name: str
    unit: str
    polarity: Polarity
    polarity_reason: str


def propose_indicator(phrase: str, quote: str, unit: str, op: str | None, value: float | None,
                      low: float | None = None, high: float | None = None) -> NewIndicator:
    """Name cleaned from the claim, unit as written (case kept), direction inferred from the wording."""
    name = indicator_name(phrase, quote)
    known_ops = {o.value for o in Op}
    quantity = Quantity(op=Op(op) if op in known_ops else Op.EQ, value=value, low=low, high=high, unit=unit,
                        text=quote)
    polarity, reason = infer_polarity(name, quantity, None)
    return NewIndicator(name, " ".join((unit or "").split()), polarity, reason)

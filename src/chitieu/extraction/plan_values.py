"""Plan values in running text: whether a figure is the plan, estimate or assigned value itself ("dự toán giao
9.870 tỷ đồng", "điều chỉnh tăng dự toán … với kinh phí là 1.234 triệu đồng"), and of which kind."""

from __future__ import annotations

import re

from chitieu.extraction.grammar import PLAN_ADJUSTMENT_RULES, PLAN_VALUE_RULES, reference
from chitieu.extraction.quantity import TextQuantity

_PLAN_SUBJECT_RE = reference("plan_subject")
_ALLOTTED_AFTER_RE = reference("allotted_after")
_ALLOTTED_BEFORE_RE = reference("allotted_before")
# Units of money: only money is allotted as a plan ("được cấp 450 tỷ đồng"); what else is "được cấp" (cards,
# certificates) was done.
_MONEY_UNIT_RE = re.compile(r"(?<!\w)(?:đồng|usd|tỷ|triệu|nghìn tỷ)(?!\w)", re.IGNORECASE)
_COMPARES_RE = re.compile(r"(?:^|\s)(?:đạt|bằng|vượt|giải ngân|thực hiện|tăng|giảm|so với)(?:\s|$)")
_FUNDS_RE = re.compile(r"vốn|kinh phí|ngân sách|kế hoạch")
_PLAN_KIND_WORDS = (
    ("kế hoạch vốn", "kế hoạch vốn"), ("kh vốn", "kế hoạch vốn"), ("dự toán", "dự toán"), ("dt", "dự toán"), ("kế hoạch", "kế hoạch"), ("kh", "kế hoạch"),
    ("chỉ tiêu", "mục tiêu"), ("mục tiêu", "mục tiêu"), ("nghị quyết", "mục tiêu"), ("nq", "mục tiêu"),
)


def plan_kind_of(text: str) -> str:
    """The kind of plan named in ``text`` ("Nghị quyết", "KH", "dự toán" …), "kế hoạch" when unclear."""
    lowered = text.lower()
    for word, kind in _PLAN_KIND_WORDS:
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", lowered):
            return kind
    return "kế hoạch"


def stated_plan_kind(text: str) -> str:
    """The plan kind a table column or title names outright ("Dự toán năm 2024", "TỔNG MỨC ĐẦU TƯ" → "dự
    toán"; "Kế hoạch vốn" → "kế hoạch vốn"); "" when it names none (a resolution's "Mục tiêu" column)."""
    lowered = text.lower()
    if re.search(r"(?<!\w)(?:kế hoạch|kh) vốn(?!\w)", lowered):  # "KH vốn giao năm 2020" is written short
        return "kế hoạch vốn"
    return "dự toán" if re.search(r"(?<!\w)(?:dự toán|tổng mức đầu tư|dự trù)(?!\w)", lowered) else ""


def plan_value_kind(t: str, c_start: int, q: TextQuantity) -> str:
    """The plan kind when the words right before ``q`` (in its own phrase) introduce it as a plan value, or its
    subject names the plan and links it with "là" / ":" ("Tổng kế hoạch vốn … giao năm 2021 cho huyện X là 357,8
    tỷ đồng"), or the words after it allot it ("2.772 tỷ đồng được bố trí trong năm 2016")."""
    before = t[max(c_start, q.start - 80) : q.start].lower()
    cut = max(before.rfind(","), before.rfind(";"), before.rfind("("))
    phrase = before[cut + 1 :]
    for pattern, kind in PLAN_VALUE_RULES:
        if pattern.search(phrase):
            return kind
    if _MONEY_UNIT_RE.search(q.unit) and _ALLOTTED_BEFORE_RE.search(phrase) and not _COMPARES_RE.search(phrase):
        return "kế hoạch vốn" if "vốn" in phrase else plan_kind_of(phrase)
    subject = t[max(c_start, q.start - 160) : q.start].lower()
    cut = max(subject.rfind(","), subject.rfind(";"), subject.rfind(". "))
    linked = "là" in q.lead.split() or subject.rstrip().endswith((":", " là"))
    m = _PLAN_SUBJECT_RE.match(subject[cut + 1 :])
    # "Tổng kế hoạch năm 2020 của Bộ khoảng 39.565 tỷ đồng": a total of the plan is its value without "là"
    if m and (linked or m.group("total")) and not _COMPARES_RE.search(subject[cut + 1 :]):
        return plan_kind_of(m.group("plan"))
    if _ALLOTTED_AFTER_RE.match(t, q.end) and _FUNDS_RE.search(subject[cut + 1 :]):
        return "kế hoạch vốn"
    return _adjusted_plan_kind(t, q) or _listed_plan_kind(t, q)


# A sentence ends at a full stop before a capital or at a line break; an achievement between an adjustment and a
# figure makes the figure a result ("sau khi điều chỉnh dự toán, thu ngân sách đạt 5.000 tỷ đồng").
_SENTENCE_END_RE = re.compile(r"[.!?;]\s+(?=(?P<next>\w))|\n")
_ACHIEVED_RE = re.compile(r"(?<!\w)(?:đạt|bằng|vượt|giải ngân|thực hiện được|thực hiện(?=\s*$)|thu được|đã thu|ước)(?!\w)")


_LIST_MARK_RE = re.compile(r"\s*(?:\d{1,2}[.)]\s|[-+•–]\s|[a-zđ]\)\s)")


def _opens_sentence(window: str, end: re.Match[str]) -> bool:
    """After a full stop, a capital opens a sentence; after a line break, a capital or a list marker does (OCR
    and text layers break lines inside a sentence: "… sự nghiệp khác:" / "736,80 triệu đồng")."""
    if end.group("next") is not None:
        return end.group("next").isupper()
    rest = window[end.end() :].lstrip()
    return not rest or rest[0].isupper() or bool(_LIST_MARK_RE.match(window, end.end()))


def _adjusted_plan_kind(t: str, q: TextQuantity) -> str:
    """The plan kind when the sentence adjusts an estimate or a capital plan before ``q`` (an amount of money)."""
    if "%" in q.unit or not _MONEY_UNIT_RE.search(q.unit):  # an adjustment moves money, not counts of works
        return ""
    window = t[max(0, q.number_start - 600) : q.number_start]
    ends = [m for m in _SENTENCE_END_RE.finditer(window) if _opens_sentence(window, m)]
    sentence = window[ends[-1].end() :] if ends else window
    lowered = sentence.lower()
    for pattern, kind in PLAN_ADJUSTMENT_RULES:
        found = list(pattern.finditer(lowered))
        if found and not _ACHIEVED_RE.search(lowered, found[-1].end()):
            return kind
    return ""


# A list of amounts after a plan value ("Chi cục A được giao 21.000 tỷ đồng; Chi cục B 14.500 tỷ đồng", "… được
# giao 108.000 tỷ đồng. Trong đó, thuế nhập khẩu 21.990 tỷ đồng, …"): an item without a verb of its own repeats the
# verb of the clause that opened the list. "gia tăng" is a noun ("thuế giá trị gia tăng"), not a change, and "thu"
# names a revenue item ("thu nội địa"), not a verb; "là" only links an item to its amount ("Chi cục B là 2.050 tỷ đồng").
_PIECE_RE = re.compile(r"[;,]|\.\s+|\s+và\s+")
_VERB_RE = re.compile(r"(?<!\w)(?:đạt|thực hiện|giải ngân|được|ước|đã|còn|tăng|giảm|vượt|bằng|chiếm|có|so)(?!\w)")
_NOUN_TANG_RE = re.compile(r"(?<!\w)gi[aá] tăng(?!\w)")
_LIST_OPENERS = ("trong đó", "bao gồm", "gồm", "gồm có", "cụ thể")
_ITEM_RE = re.compile(r"\D{0,80}?\d[\d.,]*\s*\S+(?:\s+\S+)?\s*$")  # "thuế nhập khẩu 21.990 tỷ đồng"
_LAST_FIGURE_RE = re.compile(r"\d[\d.,]*\s*\S+(?:\s+\S+)?\s*$")
_ASSIGNED_RE = reference("plan_list_head")


def _verbless(piece: str) -> bool:
    return not _VERB_RE.search(_NOUN_TANG_RE.sub(" ", piece))


def _listed_plan_kind(t: str, q: TextQuantity) -> str:
    """The plan kind when ``q`` (money) is an item without a verb in a list whose opening clause gives a plan value."""
    if "%" in q.unit or not _MONEY_UNIT_RE.search(q.unit):
        return ""
    line = t[t.rfind("\n", 0, q.start) + 1 : q.start].lower()
    pieces, seps = _PIECE_RE.split(line), _PIECE_RE.findall(line)
    own = " ".join(f"{pieces.pop()} {t[q.start : q.number_start].lower()}".split())  # with its lead words ("ước")
    if any(ch.isdigit() for ch in own) or len(own.split()) > 10 or not _verbless(own):
        return ""
    opened = False  # "Trong đó, …" carries the list over the full stop before it
    while pieces:
        piece, sep = pieces.pop(), seps.pop()
        if sep.startswith("."):
            if not opened:
                return ""
            opened = False
        if piece.strip() in _LIST_OPENERS:
            opened = True
            continue
        if _ITEM_RE.fullmatch(piece) and _verbless(piece):
            continue
        last = _LAST_FIGURE_RE.search(piece)
        head = piece[: last.start()] if last else piece
        if _ALLOTTED_BEFORE_RE.search(head) or _ASSIGNED_RE.search(head):
            return "chỉ tiêu giao" if "chỉ tiêu" in head else "kế hoạch"
        return ""
    return ""

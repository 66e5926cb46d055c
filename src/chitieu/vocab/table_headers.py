"""Column headers of target/result tables as officials write them: one table for ``assess-table`` and for
appendix tables inside documents (``chitieu.extraction.tables``), kept in ``grammar/rules/headers.yaml``.

Headers are compared folded (``chitieu.grammar.text.fold``: "Đơn vị tính" = "don vi tinh"). A header has
the role of the first rule one of whose patterns it matches, rules being tried in the order written:
"Kết quả đánh giá" is a verdict before it is a result, "Chỉ tiêu kế hoạch" a target before it is an
indicator name. Polarity cells are read through the one polarity-alias table.
"""

from __future__ import annotations

import re

from chitieu.domain.indicators import Polarity
from chitieu.grammar.loader import rulebook
from chitieu.grammar.schema import HeaderRule, PolarityAliasRule
from chitieu.grammar.text import fold, norm
from chitieu.vocab.verdicts import Status

_BOOK = rulebook()
# Role → compiled header patterns, in the order they are tried (grammar/rules/headers.yaml).
HEADER_PATTERNS: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...] = tuple(
    (rule.role, tuple(re.compile(p) for p in rule.patterns)) for rule in _BOOK.typed("headers.roles", HeaderRule)
)

# Official verdict cells beyond the shared verdict words (lower case, NFC). "Cơ bản đạt" (met in the
# main, a small shortfall) is counted with the targets met, as provinces' summaries do ("đạt và cơ bản
# đạt"); see docs/assessment.md §3.
OFFICIAL_VERDICT_WORDS: dict[str, Status] = {
    "cơ bản đạt": Status.ACHIEVED,
    "cơ bản hoàn thành": Status.ACHIEVED,
    "hoàn thành chỉ tiêu": Status.ACHIEVED,
    "đạt yêu cầu": Status.ACHIEVED,
    "đạt và vượt": Status.EXCEEDED,
    "đạt, vượt": Status.EXCEEDED,
    "vượt mức": Status.EXCEEDED,
    "hoàn thành vượt mức": Status.EXCEEDED,
    "hoàn thành vượt chỉ tiêu": Status.EXCEEDED,
    "vượt chỉ tiêu đề ra": Status.EXCEEDED,
    "không đạt được": Status.NOT_ACHIEVED,
    "không đạt chỉ tiêu": Status.NOT_ACHIEVED,
    "không đạt mục tiêu": Status.NOT_ACHIEVED,
    "chưa đạt được": Status.NOT_YET,
    "chưa đạt chỉ tiêu": Status.NOT_YET,
    "chưa đạt mục tiêu": Status.NOT_YET,
}

# Polarity cells (assess-table's optional ``polarity`` column) and registry fields, as written and folded.
POLARITY_WORDS: dict[str, Polarity] = {}
for _rule in _BOOK.typed("polarity.aliases", PolarityAliasRule):
    for _word in _rule.words:
        POLARITY_WORDS.setdefault(norm(_word, strip=" "), _rule.polarity)
        if fold(_word):
            POLARITY_WORDS.setdefault(fold(_word).replace("_", " "), _rule.polarity)


def column_role(header: object) -> str | None:
    """The role of a column header: number, ratio, polarity, verdict, unit, target, result, indicator, or
    period (a header that only names a period: "Năm 2025"); None when unknown."""
    h = fold(header)
    if not h:
        return None
    for role, patterns in HEADER_PATTERNS:
        if any(p.search(h) for p in patterns):
            return role
    return None


# Title words → whether a table's amounts are planned ("target") or spent ("result") (headers.amount_kinds).
AMOUNT_KIND_PATTERNS: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...] = tuple(
    (rule.role, tuple(re.compile(p) for p in rule.patterns)) for rule in _BOOK.typed("headers.amount_kinds", HeaderRule)
)


def amount_kind(text: object) -> str | None:
    """Whether amounts named by ``text`` (an amount's header or a table's title) are planned ("target") or
    spent ("result"); None when the words say neither."""
    h = fold(text)
    for role, patterns in AMOUNT_KIND_PATTERNS:
        if any(p.search(h) for p in patterns):
            return role
    return None


def header_role(header: object) -> str | None:
    """The role of a column header for ``assess-table``: as ``column_role``, but a period alone ("Năm 2025")
    has no role of its own there (it takes the one of the header above it)."""
    role = column_role(header)
    return None if role in ("period", "amount") else role


# How each role's header is shown to users in error messages (the aliases above are folded forms).
HEADER_NAMES_VI: dict[str, tuple[str, ...]] = {
    "number": ("TT", "STT"),
    "indicator": ("Chỉ tiêu", "Tên chỉ tiêu", "Nội dung", "indicator"),
    "unit": ("Đơn vị tính", "ĐVT", "unit"),
    "target": ("Mục tiêu", "Kế hoạch", "Chỉ tiêu Nghị quyết", "target"),
    "result": ("Kết quả", "Thực hiện", "Ước thực hiện", "result"),
    "ratio": ("Tỷ lệ %", "% so với mục tiêu"),
    "verdict": ("Đánh giá", "So sánh với mục tiêu", "Kết quả đánh giá"),
    "polarity": ("Chiều đánh giá", "polarity"),
}


def accepted_headers(role: str) -> list[str]:
    """Header names of a role as users write them, for error messages."""
    return list(HEADER_NAMES_VI.get(role, ()))


def parse_polarity_word(text: str) -> Polarity | None:
    """A polarity cell ("lower_better", "càng thấp càng tốt", "↓", "-") as a polarity; None if unknown."""
    return POLARITY_WORDS.get(norm(text, strip=" ")) or POLARITY_WORDS.get(fold(text).replace("_", " "))

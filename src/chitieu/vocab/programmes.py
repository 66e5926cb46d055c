"""Words of programme budget tables and task registers (data: ``grammar/rules/programmes.yaml``).

Headers, labels and cells are compared folded (``chitieu.grammar.text.fold``): "Vốn sự nghiệp NSTW" and
"von su nghiep nstw" alike. In each table the first matching rule decides, except the column qualifiers,
which all apply ("Lũy kế giải ngân vốn năm trước chuyển sang" is cumulative and carried over).
"""

from __future__ import annotations

import re
from typing import Literal

from chitieu.domain.programmes import CapitalSource
from chitieu.domain.tasks import TaskProgress
from chitieu.grammar.loader import rulebook
from chitieu.grammar.schema import (
    AbbreviationRule,
    BudgetColumnRule,
    BudgetRowRule,
    CapitalSourceRule,
    TaskProgressRule,
)
from chitieu.grammar.text import fold, norm

_BOOK = rulebook()

SourceWord = CapitalSource | Literal["all"]

_SOURCES: tuple[tuple[SourceWord, tuple[re.Pattern[str], ...]], ...] = tuple(
    (rule.source, tuple(re.compile(p) for p in rule.patterns))
    for rule in _BOOK.typed("programmes.sources", CapitalSourceRule)
)
_COLUMNS = tuple(
    (rule.measure, rule.qualifier, tuple(re.compile(p) for p in rule.patterns))
    for rule in _BOOK.typed("programmes.columns", BudgetColumnRule)
)
_ROWS = tuple(
    (rule.level, tuple(re.compile(p) for p in rule.patterns)) for rule in _BOOK.typed("programmes.rows", BudgetRowRule)
)
_PROGRESS: dict[str, TaskProgress | Literal["overdue"]] = {}
for _rule in _BOOK.typed("programmes.task_progress", TaskProgressRule):
    for _word in _rule.words:
        _PROGRESS.setdefault(norm(_word, strip=" .:;"), _rule.progress)
        _PROGRESS.setdefault(fold(_word), _rule.progress)


_ABBREVIATIONS = tuple(
    (re.compile(rf"(?<![\w-]){re.escape(rule.short)}(?![\w-])"), rule.long)
    for rule in _BOOK.typed("programmes.abbreviations", AbbreviationRule)
)


def expanded_name(text: object) -> str:
    """A programme or project name folded with its short forms written out, for comparing names
    ("CT MTQG ... DTTS và MN" = "Chương trình mục tiêu quốc gia ... dân tộc thiểu số và miền núi")."""
    folded = fold(text)
    for pattern, long in _ABBREVIATIONS:
        folded = pattern.sub(long, folded)
    return " ".join(folded.replace("-", " ").split())


def _first(text: object, table: tuple[tuple[object, tuple[re.Pattern[str], ...]], ...]) -> object | None:
    folded = fold(text)
    if not folded:
        return None
    for value, patterns in table:
        if any(p.search(folded) for p in patterns):
            return value
    return None


def capital_source_of(text: object) -> SourceWord | None:
    """The capital source a header, label or cell names ("all" for "Tổng số"); None when it names none."""
    found = _first(text, _SOURCES)
    return found  # type: ignore[return-value]


def column_measure(header: object) -> str | None:
    """What a column header measures: number, name, unit, code, source, allocated, disbursed, rate, note, ignore."""
    folded = fold(header)
    if not folded:
        return None
    for measure, _, patterns in _COLUMNS:
        if measure is not None and any(p.search(folded) for p in patterns):
            return measure
    return None


def column_qualifiers(header: object) -> frozenset[str]:
    """Every qualifier a header carries: carried_over, annual, total, in_period, cumulative, amount, estimate."""
    folded = fold(header)
    return frozenset(q for m, q, patterns in _COLUMNS if q is not None and folded and any(p.search(folded) for p in patterns))


def row_level(label: object) -> str | None:
    """The level a row label names: total, programme, component, subproject, content, within; None otherwise."""
    found = _first(label, _ROWS)
    return found  # type: ignore[return-value]


def task_progress_of(text: object) -> TaskProgress | Literal["overdue"] | None:
    """The progress a register cell states ("Đang triển khai" → in progress); "overdue" for "Quá hạn"."""
    key = norm(text, strip=" .:;")
    if not key:
        return None
    return _PROGRESS.get(key) or _PROGRESS.get(fold(text))


def accepted_progress_words() -> str:
    return ", ".join(("chưa triển khai", "đang thực hiện", "hoàn thành", "hoàn thành quá hạn"))

"""The schema every rule file of the grammar is validated against when it is loaded (pure).

A rule file (``rules/*.yaml``) maps table names to ``{about: …, rules: […]}``. Each table has one rule
model below (``TABLES``); a rule always has an ``id`` unique in its table, at least one example and any
number of counter-examples. An example is a text, optionally with what the table's reader must give for
it (``expect``) and the claims the whole extractor must give for it (``claims``); the parametrised test
``tests/grammar/test_rule_examples.py`` runs every one. A bad rule is refused at load time with a message
naming the file, the table, the rule and the field, as spaCy refuses a bad Matcher pattern.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from chitieu.domain.indicators import Polarity
from chitieu.domain.programmes import CapitalSource
from chitieu.domain.quantity import Op
from chitieu.domain.tasks import TaskProgress


def _example_in(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


class Example(BaseModel):
    """A text the rule applies to (or, as a counter-example, must not apply to)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str = Field(min_length=1)
    note: str = ""
    expect: dict[str, Any] = Field(default_factory=dict)  # table-specific: {"op": ">="}, {"role": "unit"} …
    claims: list[dict[str, Any]] | None = None  # every claim extract_claims gives, compared on the keys written


ExampleIn = Annotated[Example, BeforeValidator(_example_in)]


def _is_regex(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"biểu thức chính quy không hợp lệ ({exc})") from exc
    return pattern


def _is_table_word(word: str) -> str:
    """Words of a table are written as ``chitieu.grammar.text.norm`` leaves them."""
    if word != unicodedata.normalize("NFC", word):
        raise ValueError(f"'{word}' chưa ở dạng NFC")
    if word != " ".join(word.split()):
        raise ValueError(f"'{word}' có khoảng trắng thừa")
    if word != word.lower():
        raise ValueError(f"'{word}' phải viết thường")
    return word


def _is_written_word(word: str) -> str:
    """Words kept as officials write them (units such as "USD", bases such as "GRDP")."""
    if word != unicodedata.normalize("NFC", word) or word != " ".join(word.split()) or not word:
        raise ValueError(f"'{word}' chưa chuẩn (NFC, một khoảng trắng)")
    return word


RegexText = Annotated[str, Field(min_length=1), AfterValidator(_is_regex)]
Word = Annotated[str, Field(min_length=1), AfterValidator(_is_table_word)]
WrittenWord = Annotated[str, AfterValidator(_is_written_word)]
Words = Annotated[list[Word], Field(min_length=1)]
RuleId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.\-]*$")]
Kind = Literal["target", "result"]


class Rule(BaseModel):
    """What every rule has: an id, a note saying why, examples and counter-examples."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: RuleId
    note: str = ""
    examples: list[ExampleIn] = Field(min_length=1)
    counter_examples: list[ExampleIn] = Field(default_factory=list)


class WordsRule(Rule):
    """A group of words that play one part ("khoảng", "xấp xỉ": hedges)."""

    words: Words


class WrittenWordsRule(Rule):
    """Words kept in the case they are written ("GRDP", "USD")."""

    words: Annotated[list[WrittenWord], Field(min_length=1)]


class ComparatorRule(WordsRule):
    """Words or symbols that make a number a bound: "trên 5%" is ``> 5``."""

    op: Op
    position: Literal["prefix", "suffix"] = "prefix"
    reads_in: Literal["both", "cells", "text"] = "both"  # "vượt 5%" is a bound in running text only


class LevelRule(WordsRule):
    """Words before the level a quantity is brought to ("giảm còn 12,5%", "tăng lên 143 tỷ"): a level,
    op "=" in an achieved figure; in a promise ``target_op`` (a ceiling for "giảm xuống 15%")."""

    target_op: Op = Op.EQ
    direction: Literal[-1, 1]


class DirectionRule(WordsRule):
    """Words that give a change its direction ("tăng 01 bậc", "giảm 1,5%/năm")."""

    sign: Literal[-1, 1]


class BooleanRule(WordsRule):
    """Whole cells that are a yes/no value ("Hoàn thành", "Chưa đạt")."""

    value: bool


class SignRule(WordsRule):
    """Whole cells that state only the sign of a balance ("Xuất siêu" against a deficit: below zero)."""

    op: Op
    value: float


class GradeRule(WordsRule):
    """Ordered grades of a rank target ("Nhóm khá"): higher is better."""

    rank: float


class MagnitudeRule(WordsRule):
    """Magnitude words that belong to the unit ("65 triệu đồng", "48 vạn người"), except before the words
    that make them another word ("tỷ lệ", "tỷ trọng": a row number before "Tỷ lệ …" is no amount)."""

    factor: float = Field(gt=0)
    not_before: list[str] = Field(default_factory=list)


class UnitRule(Rule):
    """A unit of the catalogue: its canonical spelling (case kept: "USD", "MW"), dimension and scale.

    Examples are optional: every spelling is itself checked (a cell "5 <spelling>" reads as the unit).
    """

    examples: list[ExampleIn] = Field(default_factory=list)
    canonical: WrittenWord
    dimension: Annotated[str, Field(pattern=r"^[a-z_0-9]+(?::[^\s].*)?$")]
    scale: float = Field(default=1.0, gt=0)
    aliases: list[WrittenWord] = Field(default_factory=list)
    per_year: bool = False


class PatternRule(Rule):
    """A regular expression (matched on lower-case NFC text unless the table says otherwise)."""

    pattern: RegexText


class BlockedSpanRule(PatternRule):
    """Spans that are never a quantity: dates, document numbers, periods, phone numbers."""


class CueRule(PatternRule):
    """A sentence cue: a pattern that says a figure is promised (target) or achieved (result)."""

    kind: Literal["target", "result", "weak_result", "strong_result", "strong_target", "task_target", "task_clause_target"]


class TitleRule(WordsRule):
    """Words of a section title that give the section its kind."""

    kind: Literal["results", "targets", "tasks", "plan", "context", "neutral"]
    match: Literal["contains", "starts", "first"] = "contains"  # "first": tried before every other rule


class HeaderRule(Rule):
    """Column headers of a target/result table that have one role, as patterns on the folded header
    ("Đơn vị tính" → "don vi tinh"); the first rule that matches decides."""

    role: Literal["number", "verdict", "ratio", "polarity", "unit", "target", "result", "indicator", "period", "amount"]
    patterns: Annotated[list[RegexText], Field(min_length=1)]


class PolarityAliasRule(Rule):
    """Ways a polarity cell or registry field is written ("càng thấp càng tốt", "↓", "lower")."""

    polarity: Polarity
    words: Annotated[list[WrittenWord], Field(min_length=1)]


class PolarityCueRule(WordsRule):
    """Wording that tells which direction is good for an indicator."""

    polarity: Polarity
    scope: Literal["name", "name_word", "name_start", "target", "parent", "name_with_sector"] = "name"


class NameThresholdRule(Rule):
    """A comparator + number + unit that names a group instead of measuring it ("xã dưới 15 tiêu chí")."""

    before: RegexText  # what the text before the comparator ends with
    unit: Word
    needs_comparator: bool = False


class ContextRule(Rule):
    """Figures of these units in a clause matching ``context`` are not indicators, unless ``unless``
    matches the clause too ("Đại hội bầu 17 ủy viên": people counted at a meeting)."""

    units: Words
    context: RegexText
    unless: RegexText | None = None


class StatementRule(Rule):
    """How the figures of one statement are tied together, a behaviour of ``chitieu.extraction.claims``
    named and shown by its examples (each with the claims it must give); ``pattern`` when it has one."""

    pattern: RegexText | None = None


class PlanWordsRule(WordsRule):
    """Words after a figure that make it a ratio to a plan ("bằng 104,2% dự toán"); ``basis`` is what the
    ratio's unit names ("% dự toán")."""

    basis: Literal["kế hoạch", "dự toán", "mục tiêu"]


class PlanValueRule(PatternRule):
    """Words right before a figure that introduce it as the plan itself ("dự toán giao 9.870 tỷ đồng"): the
    figure is a target of that ``plan_kind``. ``pattern`` is matched on the lower-cased text before the figure
    (its own phrase) and must reach its end."""

    plan_kind: Literal["dự toán", "kế hoạch", "kế hoạch vốn", "chỉ tiêu giao", "mục tiêu"]


class HeadingRule(PatternRule):
    """A heading marker at the start of a line and its nesting level (smaller is outer)."""

    level: int = Field(ge=0, le=9)


class CapitalSourceRule(Rule):
    """Words that name where capital comes from ("Vốn sự nghiệp NSTW", "NSĐP", "vốn tín dụng chính sách"), as
    patterns on the folded text; "all" for a column or row of every source together ("Tổng số")."""

    source: CapitalSource | Literal["all"]
    patterns: Annotated[list[RegexText], Field(min_length=1)]


class BudgetColumnRule(Rule):
    """Column headers of programme budget tables, as patterns on the folded header: what a column measures
    (``measure``) or how it qualifies the measure of the header above it (``qualifier``)."""

    measure: Literal["number", "name", "unit", "code", "source", "allocated", "disbursed", "rate", "note", "ignore"] | None = None
    qualifier: Literal["carried_over", "annual", "total", "in_period", "cumulative", "amount", "estimate"] | None = None
    patterns: Annotated[list[RegexText], Field(min_length=1)]


class BudgetRowRule(Rule):
    """Row labels of programme budget tables (folded): a total row, a programme, a component project, a
    sub-project, a content line, or a "trong đó" line that only introduces the rows below it."""

    level: Literal["total", "programme", "component", "subproject", "content", "within"]
    patterns: Annotated[list[RegexText], Field(min_length=1)]


class AbbreviationRule(Rule):
    """A short form officials write in programme names ("DTTS" for "dân tộc thiểu số"), folded both ways."""

    short: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9 .\-]*$")]
    long: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9 \-]*$")]


class TaskProgressRule(WordsRule):
    """How a task's state is written in a register ("Đang triển khai", "Đã hoàn thành"); "overdue" is only
    read (it is derived from the deadline, never stored)."""

    progress: TaskProgress | Literal["overdue"]


TableModel = type[Rule]

# "file.table" → the model of its rules and whether its words must be unique across rules.
TABLES: dict[str, TableModel] = {
    # words around numbers, shared by table cells and running text
    "words.comparators": ComparatorRule,
    "words.levels": LevelRule,
    "words.hedges": WordsRule,
    "words.lead_words": WordsRule,
    "words.directions": DirectionRule,
    "words.per_year": WordsRule,
    "words.booleans": BooleanRule,
    "words.signs": SignRule,
    "words.no_data": WordsRule,
    "words.grades": GradeRule,
    "words.grade_fillers": WordsRule,
    # units
    "units.catalogue": UnitRule,
    "units.word_units": WordsRule,
    "units.not_units": WordsRule,
    "units.magnitudes": MagnitudeRule,
    "units.rates": WordsRule,
    "units.rate_bases": WrittenWordsRule,
    "units.glued_after_rate": WrittenWordsRule,
    "units.denominators": WordsRule,
    "units.time": WordsRule,
    "units.meta": WordsRule,
    "units.population_bases": WordsRule,
    "units.population_base_words": WordsRule,
    # table headers and polarity
    "headers.roles": HeaderRule,
    "headers.amount_kinds": HeaderRule,
    "polarity.aliases": PolarityAliasRule,
    "polarity.cues": PolarityCueRule,
    "polarity.sector_words": WordsRule,
    # sections and sentence cues
    "sections.titles": TitleRule,
    "sections.headings": HeadingRule,
    "sections.list_markers": PatternRule,
    "sections.body_openers": PatternRule,
    "cues.sentence": CueRule,
    "cues.plan_ref_paren": PatternRule,
    # running text
    "text.blocked": BlockedSpanRule,
    "text.ordinal_before": PatternRule,
    "text.ranks": PatternRule,
    "text.name_thresholds": NameThresholdRule,
    "text.name_count_before": PatternRule,
    "text.not_indicators": ContextRule,
    "text.plan_words": PlanWordsRule,
    "text.plan_values": PlanValueRule,
    "text.plan_adjustments": PlanValueRule,
    "text.plan_verbs": WordsRule,
    "text.change_verbs": WordsRule,
    "text.predicates": WordsRule,
    "text.not_unit_words": WordsRule,
    "text.not_count_nouns": WordsRule,
    "text.counted_nouns": WordsRule,
    "text.count_words": WordsRule,
    "text.life_span": WordsRule,
    "text.plan_ratio_units": WordsRule,
    "text.slash_plan_dimensions": WordsRule,
    "text.per_one": WordsRule,
    "text.references": PatternRule,
    "text.statements": StatementRule,
    "text.subject_names": StatementRule,
    "text.name_words": WordsRule,
    # programme budgets and tasks
    "programmes.sources": CapitalSourceRule,
    "programmes.columns": BudgetColumnRule,
    "programmes.rows": BudgetRowRule,
    "programmes.abbreviations": AbbreviationRule,
    "programmes.task_progress": TaskProgressRule,
}

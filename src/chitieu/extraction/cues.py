"""Words that tell what a section or a sentence is about (targets, results, tasks, context).

Typed views of ``chitieu/grammar/rules/{sections,cues}.yaml``. Keys are lower-case NFC; section titles
are matched by substring, sentence cues by regular expression.
"""

from __future__ import annotations

import re
from enum import StrEnum

from chitieu.grammar.loader import rulebook
from chitieu.grammar.schema import CueRule, TitleRule


class SectionKind(StrEnum):
    """What a section of a document holds."""

    TARGETS = "targets"  # "Các chỉ tiêu chủ yếu", "Mục tiêu cụ thể"
    RESULTS = "results"  # "Kết quả đạt được", "Đánh giá tình hình thực hiện"
    TASKS = "tasks"  # "Nhiệm vụ, giải pháp"
    PLAN = "plan"  # "Mục tiêu, nhiệm vụ và giải pháp": targets and tasks mixed
    CONTEXT = "context"  # "Bối cảnh", "Dự báo tình hình", "Đặc điểm tình hình"
    NEUTRAL = "neutral"  # a topic heading ("Phát triển nông nghiệp") that inherits its parent's kind


_BOOK = rulebook()
_TITLE_RULES = _BOOK.typed("sections.titles", TitleRule)


def _title_words(kind: str, match: str = "contains") -> tuple[str, ...]:
    return tuple(w for rule in _TITLE_RULES if rule.kind == kind and rule.match == match for w in rule.words)


# Ordered: the first group whose words appear in a title decides (results before context, so that "Kết quả
# thực hiện các chỉ tiêu" is a results section).
TITLE_WORDS: tuple[tuple[SectionKind, tuple[str, ...]], ...] = (
    (SectionKind.RESULTS, _title_words("results")),
    (SectionKind.CONTEXT, _title_words("context")),
)
# A title that starts with these words reviews what happened ("I. TÌNH HÌNH"); checked after the groups
# above so that "Dự báo tình hình" stays context, and only at the start so that "… trong tình hình mới" does not.
RESULT_TITLE_PREFIXES: tuple[str, ...] = _title_words("results", "starts")
TARGET_TITLE_WORDS: tuple[str, ...] = _title_words("targets")
TASK_TITLE_WORDS: tuple[str, ...] = _title_words("tasks")
PLAN_TITLE_WORDS: tuple[str, ...] = _title_words("plan")


FIRST_TITLE_WORDS: tuple[tuple[SectionKind, tuple[str, ...]], ...] = tuple(
    (SectionKind(rule.kind), tuple(rule.words)) for rule in _TITLE_RULES if rule.match == "first"
)


# A resolution's operative clause ("Tán thành …", "Giao …") names what it approves, review and plan alike: it
# gives no kind, the headings under it do. Checked first, and only at the start of the title.
NEUTRAL_TITLE_PREFIXES: tuple[str, ...] = _title_words("neutral", "starts")
# An operative clause that approves a plan or estimate itself ("Thông qua kế hoạch đầu tư … như sau:") lists it.
APPROVED_PLAN_PREFIXES: tuple[str, ...] = _title_words("plan", "starts")


def classify_title(title: str) -> SectionKind:
    """The kind of a section from the words of its title."""
    t = title.lower()
    if t.lstrip(" -.:*").startswith(APPROVED_PLAN_PREFIXES):
        return SectionKind.PLAN
    if t.lstrip(" -.:*").startswith(NEUTRAL_TITLE_PREFIXES):
        return SectionKind.NEUTRAL
    for kind, words in (*FIRST_TITLE_WORDS, *TITLE_WORDS):
        if any(w in t for w in words):
            return kind
    if t.lstrip(" -.:*").startswith(RESULT_TITLE_PREFIXES):
        return SectionKind.RESULTS
    has_target = any(w in t for w in TARGET_TITLE_WORDS)
    has_task = any(w in t for w in TASK_TITLE_WORDS)
    if has_target and has_task:
        return SectionKind.PLAN
    if has_target:
        return SectionKind.TARGETS
    if has_task:
        return SectionKind.TASKS
    if any(w in t for w in PLAN_TITLE_WORDS):
        return SectionKind.PLAN
    return SectionKind.NEUTRAL


# Sentence cues (regular expressions on the lower-cased sentence), grammar/rules/cues.yaml.
_CUE_RULES = _BOOK.typed("cues.sentence", CueRule)


def _cues(kind: str) -> tuple[str, ...]:
    return tuple(rule.pattern for rule in _CUE_RULES if rule.kind == kind)


TARGET_CUES: tuple[str, ...] = _cues("target")
RESULT_CUES: tuple[str, ...] = _cues("result")
# Cues so strong that a number in a targets section is a result after all.
STRONG_RESULT_CUES: tuple[str, ...] = _cues("strong_result")
# A comparison with an earlier year (or a dated plan) is written in reviews and plans alike: it says
# "result" only when the text around it is not already promising.
WEAK_RESULT_CUES: tuple[str, ...] = _cues("weak_result")
# Cues that make a number a target even among result words ("phấn đấu hoàn thành 100% …").
STRONG_TARGET_CUES: tuple[str, ...] = _cues("strong_target")
# A commitment written with a comparator inside a tasks clause ("đạt tối thiểu 70% kế hoạch").
TASK_CLAUSE_TARGET_CUES: tuple[str, ...] = _cues("task_clause_target")


def _join(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


TARGET_CUE_RE = _join(TARGET_CUES)
STRICT_RESULT_CUE_RE = _join(RESULT_CUES)
WEAK_RESULT_CUE_RE = _join(WEAK_RESULT_CUES)
RESULT_CUE_RE = _join((*RESULT_CUES, *WEAK_RESULT_CUES))
STRONG_RESULT_CUE_RE = _join(STRONG_RESULT_CUES)
TASK_TARGET_CUE_RE = _join(_cues("task_target"))
STRONG_TARGET_CUE_RE = _join(STRONG_TARGET_CUES)
TASK_CLAUSE_TARGET_CUE_RE = _join(TASK_CLAUSE_TARGET_CUES)

# A parenthesis after an achieved figure that quotes the plan it is measured against ("đạt 70% (mục tiêu
# 65-70%)", "18.287 lao động/năm (KH 14.200)"): its "mục tiêu" promises nothing, it says "compared with the
# plan". For the cue tables it reads as "so với kế hoạch", a result cue.
PLAN_REF_PAREN_RE = re.compile(_BOOK.pattern("cues.plan_ref_paren", "plan_in_parentheses"))
PLAN_REF_READING = " (so với kế hoạch) "


def read_plan_refs(lowered: str) -> str:
    """``lowered`` (lower-case text) with plan-comparison parentheses read as "so với kế hoạch"."""
    return PLAN_REF_PAREN_RE.sub(PLAN_REF_READING, lowered)

"""The first-character guard: same matches as the bare pattern, and no guard where the first character
cannot be told."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chitieu.extraction.indicator import PERIOD_RE
from chitieu.extraction.quantity import _BLOCKED_RE, BLOCKED_PATTERNS
from chitieu.grammar.prefilter import first_characters, guarded

UNSEEN = Path(__file__).resolve().parents[1] / "extraction" / "unseen"


@pytest.mark.parametrize(
    ("pattern", "flags", "first"),
    [
        (r"(?<![\d/])\d{1,2}/\d{1,2}", 0, r"\d"),  # a lookbehind consumes nothing
        (r"\(\s?\d{1,2}\s?\)", 0, "("),
        (r"(?:ngày|đến)\s+\d", 0, "nđ"),
        (r"(?:19|20)?\d{2}", 0, r"12\d"),  # an optional start: what follows may begin the match too
        (r"a*b", 0, "ab"),
        (r"[a-c-]x", 0, r"\-a-c"),
        (r"năm|Quý", re.IGNORECASE, "Qn"),  # the lookahead shares the pattern's flags
    ],
)
def test_first_characters_are_read_from_the_pattern(pattern: str, flags: int, first: str) -> None:
    assert first_characters(pattern, flags) == first


@pytest.mark.parametrize("pattern", [r".x", r"[^a]b", r"x?", r"a|", r"(?i:abc)d", r"(?x) a b", r"\bx|\Wy"])
def test_no_guard_when_the_first_character_cannot_be_told(pattern: str) -> None:
    assert first_characters(pattern) is None
    assert guarded(pattern) == pattern


def test_an_ignore_case_pattern_matches_capitals_behind_its_guard() -> None:
    regex = re.compile(guarded(r"năm\s+\d{4}", re.IGNORECASE), re.IGNORECASE)
    assert [m.group() for m in regex.finditer("Năm 2024 và năm 2025")] == ["Năm 2024", "năm 2025"]


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(UNSEEN.glob("*.txt"))]


def test_guarded_grammar_patterns_find_what_the_bare_ones_find() -> None:
    bare_blocked = re.compile("|".join(f"(?:{pattern})" for _name, pattern in BLOCKED_PATTERNS))
    bare_period = re.compile(PERIOD_RE.pattern.split("(?:", 1)[1].rsplit(")", 1)[0], re.IGNORECASE)
    assert _BLOCKED_RE.pattern.startswith("(?=[") and PERIOD_RE.pattern.startswith("(?=[")
    texts = _texts()
    assert len(texts) >= 10
    for text in texts:
        assert [m.span() for m in _BLOCKED_RE.finditer(text)] == [m.span() for m in bare_blocked.finditer(text)]
        assert [m.span() for m in PERIOD_RE.finditer(text)] == [m.span() for m in bare_period.finditer(text)]

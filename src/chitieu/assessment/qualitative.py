"""Targets written in words only: rank groups ("Nhóm khá") and bare directions ("giảm so với …") (pure).

``compare_words("Nhóm cao", "Nhóm trung bình cao")`` → ``Outcome.MISSED``. Rules, in order:

1. the result is a yes/no word ("Đạt", "Hoàn thành", "Không đạt") → met / missed;
2. both are grades of the ``GRADE_WORDS`` scale once fillers ("nhóm", "xếp loại", …) are dropped →
   compared by rank (higher grade: exceeded, same: met, lower: missed);
3. the target is a bare direction ("Giảm so với giai đoạn trước", "tăng") → a result that starts with
   the same direction word is met, the opposite word or a negation ("không giảm") is missed;
4. the same words → met.

Anything else cannot be told (``None``): the row is passed through with its reason.
"""

from __future__ import annotations

import re

from chitieu.assessment.verdict import Outcome
from chitieu.grammar.text import norm
from chitieu.vocab.comparators import BOOLEAN_WORDS, DIRECTION_WORDS, GRADE_FILLERS, GRADE_WORDS

_NEGATIONS = ("không", "chưa")


def _norm(text: str) -> str:
    """The one ``norm``, without notes in brackets or punctuation."""
    s = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", norm(text or ""))
    return norm(re.sub(r"[^\w\s]", " ", s), strip=" ")


def grade_of(text: str) -> float | None:
    """Rank of a grade phrase ("Nhóm khá" → 3, "Xếp loại tốt" → 4); ``None`` when it is not one."""
    s = f" {_norm(text)} "
    for filler in sorted(GRADE_FILLERS, key=len, reverse=True):
        s = s.replace(f" {filler} ", " ")
    return GRADE_WORDS.get(" ".join(s.split()))


def _direction(text: str) -> tuple[int, bool]:
    """Direction word a text starts with (+1/-1/0) and whether it is negated ("không giảm")."""
    words = _norm(text).split()
    negated = bool(words) and words[0] in _NEGATIONS
    if negated:
        words = words[1:]
    rest = " ".join(words)
    for word, sign in sorted(DIRECTION_WORDS.items(), key=lambda kv: -len(kv[0])):
        if rest == word or rest.startswith(word + " "):
            return sign, negated
    return 0, negated


def compare_words(target_text: str, result_text: str) -> Outcome | None:
    """Outcome of a result against a target written in words; ``None`` when it cannot be told."""
    result = _norm(result_text)
    if not result:
        return None
    if result in BOOLEAN_WORDS:
        return Outcome.MET if BOOLEAN_WORDS[result] else Outcome.MISSED
    wanted, got = grade_of(target_text), grade_of(result_text)
    if wanted is not None and got is not None:
        return Outcome.EXCEEDED if got > wanted else Outcome.MET if got == wanted else Outcome.MISSED
    sign, negated = _direction(target_text)
    if sign and not negated:
        r_sign, r_negated = _direction(result_text)
        if r_sign == sign and not r_negated:
            return Outcome.MET
        if r_sign == -sign or (r_sign == sign and r_negated):
            return Outcome.MISSED
        return None
    return Outcome.MET if result == _norm(target_text) else None

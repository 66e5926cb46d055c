"""How far a claim's name is from a name a reviewer accepts (pure; the measure of issue 10 item 8).

A gold figure lists the names a reviewer would accept for it ("names": [accepted name, alternatives…]). The
name chitieu gave the figure is compared with each of them after normalising case, spaces, punctuation and the
spelling "tỉ"/"tỷ" (so "Tốc độ tăng trưởng (GRDP)" and "tốc độ tăng trưởng GRDP" are one name), as runs of words:

- ``accepted``: equals an accepted name;
- ``extra_words``: holds a whole accepted name plus words a reviewer must delete ("Cụ thể, sản lượng lúa");
- ``fragment``: is a strict part of an accepted name ("GRDP theo giá so sánh"), or shares a run of at least two
  words with it covering at least half of it while lacking some of it (its head, what is measured, or a
  qualifier) and carrying other words;
- ``wrong``: names something else (shares less than that), or is empty.

The best verdict over the alternatives counts. "Needs an edit" is every verdict but ``accepted``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

ACCEPTED, EXTRA_WORDS, FRAGMENT, WRONG = "accepted", "extra_words", "fragment", "wrong"
VERDICTS = (ACCEPTED, EXTRA_WORDS, FRAGMENT, WRONG)

# A word is a run of letters, a number (its decimal comma kept) or a per-cent sign; the rest separates.
_WORD_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|[%‰]")
# One word in two spellings offices both use ("tỉ lệ" / "tỷ lệ"): no reviewer edits one into the other.
_SPELLINGS = {"tỉ": "tỷ"}


def name_words(name: str) -> tuple[str, ...]:
    """The words of ``name``: NFC, lower case, punctuation and brackets dropped."""
    words = _WORD_RE.findall(unicodedata.normalize("NFC", name or "").lower())
    return tuple(_SPELLINGS.get(word, word) for word in words)


def _contains(longer: Sequence[str], shorter: Sequence[str]) -> bool:
    """Whether ``shorter`` is a contiguous run of ``longer``."""
    size = len(shorter)
    return size > 0 and any(tuple(longer[i:i + size]) == tuple(shorter) for i in range(len(longer) - size + 1))


def _longest_common_run(first: Sequence[str], second: Sequence[str]) -> int:
    """The length of the longest run of words both share."""
    best = 0
    previous = [0] * (len(second) + 1)
    for word in first:
        current = [0] * (len(second) + 1)
        for j, other in enumerate(second, start=1):
            if word == other:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def _judge_one(predicted: tuple[str, ...], accepted: tuple[str, ...]) -> str:
    if not predicted or not accepted:
        return WRONG
    if predicted == accepted:
        return ACCEPTED
    if _contains(predicted, accepted):
        return EXTRA_WORDS
    if _contains(accepted, predicted):
        return FRAGMENT
    run = _longest_common_run(predicted, accepted)
    return FRAGMENT if run >= 2 and 2 * run >= len(accepted) else WRONG


def judge_name(name: str, accepted: Iterable[str]) -> str:
    """The verdict on ``name`` against the accepted names (the best over the alternatives)."""
    predicted = name_words(name)
    verdicts = {_judge_one(predicted, name_words(candidate)) for candidate in accepted}
    return next((verdict for verdict in VERDICTS if verdict in verdicts), WRONG)


@dataclass
class NameTally:
    """Counts of verdicts over a set of judged names, and the gold figures no claim matched."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(VERDICTS, 0))
    unmatched: int = 0

    def add(self, verdict: str) -> None:
        self.counts[verdict] += 1

    def merge(self, other: NameTally) -> None:
        for verdict, count in other.counts.items():
            self.counts[verdict] += count
        self.unmatched += other.unmatched

    @property
    def judged(self) -> int:
        return sum(self.counts.values())

    @property
    def needs_edit(self) -> int:
        return self.judged - self.counts[ACCEPTED]

    def share(self, count: int) -> float:
        return count / self.judged if self.judged else 0.0

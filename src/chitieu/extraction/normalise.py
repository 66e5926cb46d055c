"""Normalise running text for extraction while keeping a map back to the original offsets.

What changes (in this order):
- Unicode NFC (Vietnamese typed with combining marks becomes precomposed);
- footnote markers written as superscript digits ("XIV¹", "khó đạt²⁷", "¹ Ban hành …") are removed,
  but a superscript that is part of a unit ("km²", "m³") stays;
- markdown emphasis markers ("**", "*", "__") are removed;
- dashes, spaces and quotes are unified (one character for one character, so no map entry).

``Normalised.to_original_start`` / ``to_original_end`` turn a span of the normalised text into a span of
the original text, so that ``original[start:end]`` is exactly the quoted passage.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

# One-for-one character replacements (length preserving).
CHARACTER_MAP: dict[str, str] = {
    "\u2013": "-",  # en dash
    "\u2014": "-",  # em dash
    "\u2212": "-",  # minus sign
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "\u00a0": " ",  # no-break space
    "\u2009": " ",  # thin space
    "\u202f": " ",  # narrow no-break space
    "\u2007": " ",  # figure space
    "\u200b": " ",  # zero width space
    "\t": " ",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2018": "'",
    "\u2019": "'",
    "\u00ab": '"',
    "\u00bb": '"',
}
_TRANSLATION = str.maketrans(CHARACTER_MAP)

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# Units that legitimately end in a superscript digit; such a superscript is not a footnote marker.
SUPERSCRIPT_UNIT_STEMS: tuple[str, ...] = ("km", "m", "cm", "dm", "mm")

# Everything deleted by normalisation: superscript runs and markdown emphasis markers.
_DELETE_RE = re.compile(rf"[{SUPERSCRIPT_DIGITS}]+|\*+|(?<![\w])__|__(?![\w])")
_UNIT_BEFORE_RE = re.compile(r"(?:^|[^\w])(?:" + "|".join(SUPERSCRIPT_UNIT_STEMS) + r")$", re.IGNORECASE)
# A letter followed by combining marks: the runs that NFC may shorten.
_COMBINING_RUN_RE = re.compile(r".[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+", re.DOTALL)


@dataclass(slots=True)
class Normalised:
    """The normalised text and the deletions that separate it from the original."""

    text: str
    original: str
    # Sorted normalised positions p with the total number of original characters removed at positions <= p.
    _positions: list[int] = field(default_factory=list)
    _removed: list[int] = field(default_factory=list)

    def to_original_start(self, pos: int) -> int:
        """Original offset of the character at normalised ``pos`` (characters deleted before it are skipped)."""
        i = bisect_right(self._positions, pos)
        return pos + (self._removed[i - 1] if i else 0)

    def to_original_end(self, pos: int) -> int:
        """Original offset just after the normalised character ``pos - 1`` (exclusive end of a span)."""
        if pos <= 0:
            return 0
        i = bisect_left(self._positions, pos)
        end = pos + (self._removed[i - 1] if i else 0)
        # Keep combining marks that belong to the last character, drop footnote markers after it.
        original = self.original
        while end < len(original) and unicodedata.combining(original[end]):
            end += 1
        return end

    def to_normalised(self, pos: int) -> int:
        """The normalised position of the original offset ``pos`` (the first one at or after it)."""
        if not self._positions:
            return min(pos, len(self.text))
        return bisect_left(range(len(self.text) + 1), pos, key=self.to_original_start)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the normalised span ``[start, end)``."""
        return self.to_original_start(start), self.to_original_end(end)


def _nfc_with_deletions(text: str) -> tuple[str, list[tuple[int, int]]]:
    """NFC of ``text`` and the (original position, characters removed) of every shortened run."""
    if unicodedata.is_normalized("NFC", text):
        return text, []
    parts: list[str] = []
    deletions: list[tuple[int, int]] = []
    last = 0
    for m in _COMBINING_RUN_RE.finditer(text):
        run = m.group()
        composed = unicodedata.normalize("NFC", run)
        if composed == run:
            continue
        parts.append(text[last : m.start()])
        parts.append(composed)
        if len(composed) < len(run):
            deletions.append((m.start() + len(composed), len(run) - len(composed)))
        last = m.end()
    parts.append(text[last:])
    result = "".join(parts)
    if not unicodedata.is_normalized("NFC", result):  # rare: reordering across runs; fall back safely
        return text, []
    return result, deletions


def normalise(original: str) -> Normalised:
    """Normalise ``original``; see the module docstring for what changes."""
    nfc, nfc_deletions = _nfc_with_deletions(original)
    # deletions are tracked as (position in the *input of the step*, count)
    pieces: list[str] = []
    marks: list[tuple[int, int]] = []  # (position in nfc text, count) of deleted markers
    last = 0
    for m in _DELETE_RE.finditer(nfc):
        token = m.group()
        if token[0] in SUPERSCRIPT_DIGITS and _UNIT_BEFORE_RE.search(nfc, max(0, m.start() - 4), m.start()):
            continue
        pieces.append(nfc[last : m.start()])
        marks.append((m.start(), len(token)))
        last = m.end()
    pieces.append(nfc[last:])
    text = "".join(pieces).translate(_TRANSLATION)

    positions: list[int] = []
    removed: list[int] = []
    total = 0
    # Merge both deletion lists into normalised coordinates. NFC deletions are in original coordinates
    # relative to the NFC text: an NFC deletion at original position o sits at nfc position o - (earlier nfc removals).
    events: list[tuple[int, int]] = []  # (nfc position, count) where count original chars vanish before it
    shift = 0
    for pos, count in nfc_deletions:
        events.append((pos - shift, count))
        shift += count
    merged = sorted([(p, c, 0) for p, c in events] + [(p, c, 1) for p, c in marks])
    marker_removed = 0
    for nfc_pos, count, is_marker in merged:
        norm_pos = nfc_pos - marker_removed
        total += count
        if positions and positions[-1] == norm_pos:
            removed[-1] = total
        else:
            positions.append(norm_pos)
            removed.append(total)
        if is_marker:
            marker_removed += count
    return Normalised(text=text, original=original, _positions=positions, _removed=removed)

"""Word's automatic numbering: the labels ("1.", "a)", "II.", "1.2.", "-") Word draws before paragraphs.

A paragraph is numbered through ``w:numPr`` (its own, or its style's): a list instance (``w:num``) points
to an abstract definition whose levels say the format (decimal, letters, roman, bullet) and the label
text ("%1.", "%1)", "%1.%2."). Counters run per abstract list, a higher level resets the levels below,
and a list instance with a start override starts again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ATTR_VAL = f"{W}val"
# Symbol-font bullets Word writes as private-use characters, and what they look like.
BULLET_GLYPHS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "•", "\uf076": "•", "\uf0fc": "•", "o": "-", "§": "▪"}
ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
         (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
LETTERS = "abcdefghijklmnopqrstuvwxyz"  # Word's letters (offices type "đ)" by hand; Word never draws it)


@dataclass(frozen=True, slots=True)
class Level:
    fmt: str
    text: str
    start: int = 1


@dataclass(slots=True)
class Numbering:
    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    instances: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)  # numId → (abstract, starts)
    styles: dict[str, tuple[str, int]] = field(default_factory=dict)  # styleId → (numId, ilvl)
    counters: dict[str, list[int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    @classmethod
    def from_part(cls, root: Any, styles_root: Any = None) -> Numbering | None:
        if root is None:
            return None
        numbering = cls()
        for abstract in root.iter(f"{W}abstractNum"):
            levels: dict[int, Level] = {}
            for lvl in abstract.iter(f"{W}lvl"):
                ilvl = int(lvl.get(f"{W}ilvl") or 0)
                levels[ilvl] = Level(_val(lvl, "numFmt") or "decimal", _val(lvl, "lvlText") or "",
                                     int(_val(lvl, "start") or 1))
            numbering.abstract[abstract.get(f"{W}abstractNumId") or ""] = levels
        for num in root.iter(f"{W}num"):
            starts: dict[int, int] = {}
            for override in num.iter(f"{W}lvlOverride"):
                start = _val(override, "startOverride")
                if start is not None:
                    starts[int(override.get(f"{W}ilvl") or 0)] = int(start)
            numbering.instances[num.get(f"{W}numId") or ""] = (_val(num, "abstractNumId") or "", starts)
        if styles_root is not None:
            for style in styles_root.iter(f"{W}style"):
                num_pr = style.find(f"{W}pPr/{W}numPr")
                if num_pr is not None and _val(num_pr, "numId"):
                    numbering.styles[style.get(f"{W}styleId") or ""] = (
                        _val(num_pr, "numId") or "", int(_val(num_pr, "ilvl") or 0))
        return numbering

    def label(self, p: Any) -> str:
        """The label Word draws before paragraph ``p`` ("" when it is not numbered); advances counters."""
        found = self._num_pr(p)
        if found is None:
            return ""
        num_id, ilvl = found
        instance = self.instances.get(num_id)
        if instance is None:
            return ""
        abstract_id, starts = instance
        levels = self.abstract.get(abstract_id, {})
        level = levels.get(ilvl)
        if level is None or level.fmt == "none":
            return ""
        counters = self.counters.setdefault(abstract_id, [0] * 9)
        if num_id not in self.started:
            self.started.add(num_id)
            for lvl, start in starts.items():
                if lvl < len(counters):
                    counters[lvl] = start - 1
        if ilvl >= len(counters):
            return ""
        counters[ilvl] = max(counters[ilvl], levels.get(ilvl, level).start - 1) + 1
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = 0
        if level.fmt == "bullet":
            text = level.text.strip()
            return BULLET_GLYPHS.get(text, text if text in "-–+•*▪" and text else "-")
        label = level.text
        for n in range(ilvl + 1, 0, -1):
            placeholder = f"%{n}"
            if placeholder in label:
                sub = levels.get(n - 1, level)
                value = counters[n - 1] or sub.start
                label = label.replace(placeholder, _format(value, sub.fmt))
        return label.strip()

    def _num_pr(self, p: Any) -> tuple[str, int] | None:
        num_pr = p.find(f"{W}pPr/{W}numPr")
        if num_pr is not None:
            num_id = _val(num_pr, "numId")
            if num_id is None:
                return None
            return (num_id, int(_val(num_pr, "ilvl") or 0)) if num_id != "0" else None
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is not None:
            return self.styles.get(style.get(ATTR_VAL) or "")
        return None


def _val(element: Any, name: str) -> str | None:
    child = element.find(f"{W}{name}")
    return None if child is None else child.get(ATTR_VAL)


def _format(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = LETTERS if fmt == "lowerLetter" else LETTERS.upper()
        return letters[(value - 1) % len(letters)] * (1 + (value - 1) // len(letters))
    if fmt in ("lowerRoman", "upperRoman"):
        roman = ""
        for number, numeral in ROMAN:
            while value >= number:
                roman += numeral
                value -= number
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)

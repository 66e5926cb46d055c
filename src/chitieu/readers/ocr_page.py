"""What OCR reads from a page: words with their boxes and confidence, lines, ruled tables and the page.

A table cell's text leaves out the bits of its rules read as strokes and mends a lone figure as
black-and-white scans read it (``ocr_rules.fix_cell``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from chitieu.readers.document import Box
from chitieu.readers.ocr_rules import fix_cell


@dataclass(frozen=True, slots=True)
class OcrWord:
    text: str
    box: Box
    confidence: float  # 0..1


@dataclass(slots=True)
class OcrLine:
    words: list[OcrWord]
    block: int = 0

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def confidence(self) -> float:
        """Mean word confidence, weighted by word length."""
        total = sum(len(w.text) for w in self.words)
        if not total:
            return 0.0
        return sum(w.confidence * len(w.text) for w in self.words) / total

    @property
    def box(self) -> Box:
        return Box(
            min(w.box.x0 for w in self.words), min(w.box.top for w in self.words),
            max(w.box.x1 for w in self.words), max(w.box.bottom for w in self.words),
        )


@dataclass(slots=True)
class OcrTable:
    """A ruled table read from a scan: ``cells[row][col]`` holds the words read inside that cell."""

    top: float  # points
    cells: list[list[list[OcrWord]]]

    def rows(self) -> list[list[str]]:
        """Cell texts of the rows that hold any text."""
        rows = [[cell_text(cell) for cell in row] for row in self.cells]
        return [row for row in rows if any(row)]

    def placed_rows(self) -> list[tuple[list[str], list[Box | None], list[float | None]]]:
        """(cell texts, cell boxes, lowest word confidence per cell) of the rows that hold any text."""
        out = []
        for row in self.cells:
            texts = [cell_text(cell) for cell in row]
            if not any(texts):
                continue
            boxes = [_union([w.box for w in cell]) if cell else None for cell in row]
            confidences = [min((w.confidence for w in cell), default=None) for cell in row]
            out.append((texts, boxes, confidences))
        return out


def _union(boxes: list[Box]) -> Box:
    return Box(min(b.x0 for b in boxes), min(b.top for b in boxes), max(b.x1 for b in boxes), max(b.bottom for b in boxes))


RULE_REMNANTS = frozenset("|_—–-~'‘’`.,:;!¦")


def cell_text(words: list[OcrWord]) -> str:
    """A cell's words without the bits of its rules read as strokes at its edges ("|", "—", "_")."""
    texts = [w.text for w in words]
    while texts and all(c in RULE_REMNANTS for c in texts[0]):
        texts.pop(0)
    while texts and all(c in RULE_REMNANTS for c in texts[-1]) and texts[-1] not in ("-",):
        texts.pop()
    text = " ".join(texts)
    return fix_cell(text.strip("|_¦ ").rstrip("—– ").lstrip("—– ") or text)


@dataclass(slots=True)
class OcrPage:
    lines: list[OcrLine] = field(default_factory=list)
    dropped: int = 0  # lines dropped as noise
    tables: list[OcrTable] = field(default_factory=list)

    @property
    def confidence(self) -> float | None:
        words = [w for line in self.lines for w in line.words]
        total = sum(len(w.text) for w in words)
        return sum(w.confidence * len(w.text) for w in words) / total if total else None

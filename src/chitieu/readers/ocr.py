"""OCR of scanned pages: render with PDFium (pypdfium2), recognise with Tesseract's Vietnamese model.

Tesseract runs as a separate process through ``pytesseract`` (Apache-2.0), one page at a time, so a
page that takes too long is stopped at its time limit and a crash cannot take the reader with it.
Before recognition, coloured ink is whitened: official stamps are red and signatures are usually blue,
and both would otherwise come out as lines of garbage over the text they cover. What is left of such
noise is recognised with low confidence and dropped line by line (see ``keep_line``).

Each recognised word keeps its box (in PDF points, top-left origin) and its confidence (0..1), so the
reader can give every piece of text its place on the page and extraction can lower the confidence of a
claim read from a poor scan.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chitieu.readers.document import Box

POINTS_PER_INCH = 72.0
# Words (0..1) below this are noise unless their line is otherwise well read.
NOISE_CONFIDENCE = 0.45
# A line whose mean confidence is below this, or that has almost no letters or digits, is dropped.
LINE_CONFIDENCE = 0.50
LETTERS_MIN_SHARE = 0.5
SATURATION_INK = 70  # HSV saturation (0..255) above which a pixel is coloured ink (stamp, signature)
_WORD_CHARS = re.compile(r"[\wÀ-ỹ%]", re.UNICODE)


@dataclass(frozen=True, slots=True)
class OcrSettings:
    """How pages are recognised. ``page_timeout_s`` bounds one page; ``dpi`` is the render resolution."""

    language: str = "vie"
    dpi: int = 300
    page_timeout_s: float = 120.0
    remove_colour: bool = True
    page_segmentation: int = 3  # Tesseract --psm: 3 = automatic layout, the right one for report pages


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
class OcrPage:
    lines: list[OcrLine] = field(default_factory=list)
    dropped: int = 0  # lines dropped as noise

    @property
    def confidence(self) -> float | None:
        words = [w for line in self.lines for w in line.words]
        total = sum(len(w.text) for w in words)
        return sum(w.confidence * len(w.text) for w in words) / total if total else None


def tesseract_ready(language: str = "vie") -> bool:
    """Tesseract is installed with the language's model."""
    if shutil.which("tesseract") is None:
        return False
    try:
        import pytesseract

        return language in pytesseract.get_languages(config="")
    except Exception:  # no binary, unreadable data directory, …: treated as not installed
        return False


def render_page(pdf: Any, index: int, dpi: int) -> Any:
    """Page ``index`` of an open ``pypdfium2.PdfDocument`` as a Pillow RGB image at ``dpi``."""
    page = pdf[index]
    try:
        bitmap = page.render(scale=dpi / POINTS_PER_INCH)
        try:
            return bitmap.to_pil().convert("RGB")
        finally:
            bitmap.close()
    finally:
        page.close()


def clean_image(image: Any, remove_colour: bool = True) -> Any:
    """A greyscale image with coloured ink (red stamps, blue signatures) turned white."""
    grey = image.convert("L")
    if remove_colour and image.mode == "RGB":
        saturation = image.convert("HSV").getchannel("S")
        ink = saturation.point(lambda v: 255 if v > SATURATION_INK else 0)
        grey.paste(255, mask=ink)
    return grey


def recognise(image: Any, settings: OcrSettings, scale: float) -> OcrPage:
    """Words of a page image, grouped in lines, boxes scaled to PDF points by ``scale`` (points per pixel).

    Raises ``TimeoutError`` when Tesseract runs past ``settings.page_timeout_s``."""
    import pytesseract

    # One thread per Tesseract process: on a shared machine OpenMP threads only fight each other.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        data = pytesseract.image_to_data(
            image,
            lang=settings.language,
            config=f"--psm {settings.page_segmentation}",
            output_type=pytesseract.Output.DICT,
            timeout=settings.page_timeout_s,
        )
    except RuntimeError as exc:
        if "timeout" in str(exc).lower():
            raise TimeoutError(str(exc)) from exc
        raise
    lines: dict[tuple[int, int, int], OcrLine] = {}
    for i, text in enumerate(data["text"]):
        word = (text or "").strip()
        confidence = float(data["conf"][i])
        if not word or confidence < 0:
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        left, top = data["left"][i] * scale, data["top"][i] * scale
        box = Box(left, top, left + data["width"][i] * scale, top + data["height"][i] * scale)
        line = lines.setdefault(key, OcrLine([], block=key[0]))
        line.words.append(OcrWord(word, box, confidence / 100.0))
    page = OcrPage()
    for line in lines.values():
        kept = keep_line(line)
        if kept is None:
            page.dropped += 1
        else:
            page.lines.append(kept)
    return page


def keep_line(line: OcrLine) -> OcrLine | None:
    """The line without noise words at its ends, or None when the whole line is noise.

    Stamps, signatures and specks come out as short runs of symbols with low confidence; a real line
    of text has words of letters and digits read with confidence."""
    words = list(line.words)
    while words and _noise(words[0]):
        words.pop(0)
    while words and _noise(words[-1]):
        words.pop()
    if not words:
        return None
    kept = OcrLine(words, line.block)
    text = kept.text
    letters = len(_WORD_CHARS.findall(text))
    if letters < LETTERS_MIN_SHARE * len(text.replace(" ", "")):
        return None
    if kept.confidence < LINE_CONFIDENCE:
        return None
    return kept


def _noise(word: OcrWord) -> bool:
    """A speck or stroke: read with low confidence, or a lone symbol the engine was unsure of (a
    confidently read "-" is the bullet Vietnamese lists use, and is kept)."""
    if word.confidence < NOISE_CONFIDENCE:
        return True
    return not _WORD_CHARS.search(word.text) and (word.confidence < 0.85 or word.text not in BULLETS)


BULLETS = frozenset({"-", "+", "•", "*", "–", "—", "(", ")", "…"})


def ocr_pdf_page(pdf: Any, index: int, page_width_pt: float, settings: OcrSettings) -> OcrPage:
    """Render and recognise one page of an open ``pypdfium2.PdfDocument``."""
    image = render_page(pdf, index, settings.dpi)
    scale = page_width_pt / image.width
    return recognise(clean_image(image, settings.remove_colour), settings, scale)


def open_pdfium(path: Path) -> Any:
    import pypdfium2

    return pypdfium2.PdfDocument(str(path))

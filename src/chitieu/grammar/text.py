"""The one way text is normalised before it is compared with a word table (pure).

``norm`` is what every table of words is written in: NFC, lower case, single spaces, no surrounding
punctuation. ``fold`` also drops the diacritics ("Đơn vị tính" → "don vi tinh"), for headers and
aliases that users type without them. ``strip_diacritics`` keeps case and punctuation.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_SPACES_RE = re.compile(r"\s+")
_FOLD_TABLE = str.maketrans({"đ": "d", "Đ": "D"})
DEFAULT_STRIP = " .:*"
FOLD_STRIP = " .:*-_()[]"


def nfc(text: object) -> str:
    """NFC with no-break spaces made plain (what every reader hands over may still hold them)."""
    return unicodedata.normalize("NFC", str(text if text is not None else "")).replace("\u00a0", " ")


def norm(text: object, strip: str = DEFAULT_STRIP) -> str:
    """NFC, lower case, single spaces, without the ``strip`` characters at either end."""
    return _SPACES_RE.sub(" ", nfc(text).lower()).strip(strip)


def strip_diacritics(text: str) -> str:
    """Remove Vietnamese diacritics, keeping case ("Tỷ lệ đô thị hóa" → "Ty le do thi hoa")."""
    decomposed = unicodedata.normalize("NFD", (text or "").translate(_FOLD_TABLE))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn"))


def fold(text: object, strip: str = FOLD_STRIP) -> str:
    """Lower case, no diacritics (đ → d), single spaces, no surrounding punctuation."""
    return strip_diacritics(norm(text, strip=" ")).strip(strip)


def alternation(words: Iterable[str]) -> str:
    """The words of a table as one regular-expression alternation, each escaped and the longest first, so that
    "tăng thêm" is tried before "tăng"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

"""Vietnamese text in pre-Unicode encodings: TCVN3 (ABC, ".VnTime" fonts) and UTF-8 mojibake.

TCVN3 is a single-byte code: Vietnamese letters sit on bytes 0xA1–0xFE, so a TCVN3 file (or the
text layer of a PDF set in a .VnTime font) reads as Latin-1 garbage such as "Ch­¬ng tr×nh". Each
byte maps to exactly one Unicode letter, so converting keeps every character offset. TCVN3 has no
capital letters with tone marks (headings used the all-capitals .VnTimeH font), so those come out
lower case. UTF-8 saved after being read as Windows-1252 ("ChÆ°Æ¡ng") is repaired only when the
whole text re-decodes cleanly.
"""

from __future__ import annotations

import unicodedata

# TCVN 5712:1993 VN3 (ABC): byte value → letter.
TCVN3_TABLE: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}
TCVN3_DECODE = {code: letter for code, letter in TCVN3_TABLE.items()}  # str.translate table
TCVN3_ENCODE = {ord(letter): code for code, letter in TCVN3_TABLE.items()}
# Bytes that carry the letters Vietnamese cannot do without (ư ơ đ ă â ê ô and the dotted vowels);
# in Latin-1 text they are rare punctuation and symbols (soft hyphen, ¬, ®, ¨, ©, ª, «, ¹, ...).
TCVN3_MARKERS = frozenset(chr(c) for c in (0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE, 0xB6, 0xB7, 0xB8, 0xB9))
VIETNAMESE_LETTERS = frozenset(
    "ăâđêôơưáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
)
# Lead characters of UTF-8 Vietnamese read as Windows-1252: "Ã" (à á â ...), "Ä" (ă đ ĩ), "Æ" (ơ ư), "á»"/"áº".
MOJIBAKE_MARKERS = ("Ã", "Ä", "Æ°", "Æ¡", "á»", "áº")
SAMPLE = 200_000


def vietnamese_share(text: str) -> float:
    """Share of letters that only Vietnamese uses (ư, ơ, đ, ạ, ...) in an NFC sample."""
    sample = unicodedata.normalize("NFC", text[:SAMPLE]).lower()
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if c in VIETNAMESE_LETTERS) / len(letters)


def looks_like_tcvn3(text: str) -> bool:
    """TCVN3 shows as Latin-1 letters/symbols with no real Vietnamese letter beyond U+00FF."""
    sample = text[:SAMPLE]
    if any(ord(c) > 0xFF and c.lower() in VIETNAMESE_LETTERS for c in sample):
        return False  # real Unicode Vietnamese is present: never touch it
    letters = sum(1 for c in sample if c.isalpha())
    markers = sum(1 for c in sample if c in TCVN3_MARKERS)
    if letters == 0 or markers < 3 or markers / letters < 0.05:
        return False
    return vietnamese_share(decode_tcvn3(sample)) >= 0.15


def decode_tcvn3(text: str) -> str:
    """Map TCVN3 code points (as read through Latin-1) to Unicode letters; same length as ``text``."""
    return text.translate(TCVN3_DECODE)


def encode_tcvn3(text: str) -> bytes:
    """Unicode → TCVN3 bytes (for tests and round-trips); capitals with tone marks become lower case."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        code = TCVN3_ENCODE.get(ord(char)) or TCVN3_ENCODE.get(ord(char.lower()))
        out.append(code if code is not None else ord(char.encode("latin-1")))
    return bytes(out)


def repair_mojibake(text: str, known: bool = False) -> str | None:
    """UTF-8 that was read as Windows-1252 and saved again → the original, or None when unsure.

    ``known``: the file was already judged mojibake from its start; repair this later piece of it
    without judging the piece again (a short piece may have too few letters to judge)."""
    if not known and not any(m in text[:SAMPLE] for m in MOJIBAKE_MARKERS):
        return None
    raw = bytearray()
    for char in text:
        try:
            raw.extend(char.encode("cp1252"))
        except UnicodeEncodeError:
            if ord(char) > 0xFF:
                return None
            raw.append(ord(char))  # the five bytes cp1252 leaves undefined pass through as Latin-1
    try:
        repaired = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not known and vietnamese_share(repaired) < max(0.08, vietnamese_share(text) + 0.05):
        return None
    return repaired


def repair_legacy_text(text: str) -> tuple[str, str | None]:
    """(text in Unicode, name of the legacy encoding found) — the name is None when nothing changed."""
    repaired = repair_mojibake(text)  # first: it only fires when the whole text re-decodes as UTF-8
    if repaired is not None:
        return repaired, "utf-8 (mojibake cp1252)"
    if looks_like_tcvn3(text):
        return decode_tcvn3(text), "tcvn3"
    return text, None

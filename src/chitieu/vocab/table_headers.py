"""Column headers of target/result tables as officials write them (data table for ``assess-table``).

Headers are compared without diacritics and case ("Đơn vị tính" = "don vi tinh"). A header
belongs to the first role whose alias it equals or starts with (followed by a space or symbol), roles
being tried in the order below: "Kết quả đánh giá" is a verdict before it is a result, "Chỉ tiêu kế
hoạch" a target before it is an indicator name.
"""

from __future__ import annotations

import re
import unicodedata

from chitieu.domain.indicators import Polarity
from chitieu.vocab.verdicts import Status

HEADER_ALIASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("number", ("tt", "stt", "so tt", "so thu tu", "no", "#")),
    ("verdict", ("official_status", "official verdict", "official", "verdict", "assessment", "evaluation", "status", "ket qua danh gia", "danh gia",
                 "tu danh gia", "so sanh", "xep loai", "muc do dat", "muc do hoan thanh", "ket qua so voi",
                 "so voi muc tieu", "so voi nghi quyet", "so voi chi tieu", "so voi ke hoach", "tinh trang")),
    ("ratio", ("ratio", "ty le %", "ti le %", "ty le so voi", "ti le so voi", "% so voi", "ty le phan tram",
               "ty le hoan thanh", "ti le hoan thanh", "% hoan thanh", "% thuc hien", "%")),
    ("polarity", ("polarity", "chieu danh gia", "chieu", "xu huong")),
    ("unit", ("unit", "don vi tinh", "don vi", "dvt", "d.v.t", "dv tinh")),
    ("target", ("target", "goal", "plan", "muc tieu", "chi tieu ke hoach", "chi tieu nghi quyet", "chi tieu nq", "chi tieu dai hoi",
                "chi tieu giao", "chi tieu theo nghi quyet", "ke hoach", "nghi quyet", "nq dai hoi")),
    ("result", ("result", "ket qua", "thuc hien", "uoc thuc hien", "uoc th", "uoc dat", "uoc tinh", "thuc te",
                "so lieu thuc hien", "dat duoc", "th ", "uoc", "actual", "achieved", "outcome", "value")),
    ("indicator", ("indicator", "chi tieu", "ten chi tieu", "noi dung", "cac chi tieu", "danh muc", "hang muc",
                   "name", "ten")),
)

# Official verdict cells beyond the shared verdict words (lower case, NFC). "Cơ bản đạt" (met in the
# main, a small shortfall) is counted with the targets met, as provinces' summaries do ("đạt và cơ bản
# đạt"); see docs/assessment.md §3.
OFFICIAL_VERDICT_WORDS: dict[str, Status] = {
    "cơ bản đạt": Status.ACHIEVED,
    "cơ bản hoàn thành": Status.ACHIEVED,
    "hoàn thành chỉ tiêu": Status.ACHIEVED,
    "đạt yêu cầu": Status.ACHIEVED,
    "đạt và vượt": Status.EXCEEDED,
    "đạt, vượt": Status.EXCEEDED,
    "vượt mức": Status.EXCEEDED,
    "hoàn thành vượt mức": Status.EXCEEDED,
    "hoàn thành vượt chỉ tiêu": Status.EXCEEDED,
    "vượt chỉ tiêu đề ra": Status.EXCEEDED,
    "không đạt được": Status.NOT_ACHIEVED,
    "không đạt chỉ tiêu": Status.NOT_ACHIEVED,
    "không đạt mục tiêu": Status.NOT_ACHIEVED,
    "chưa đạt được": Status.NOT_YET,
    "chưa đạt chỉ tiêu": Status.NOT_YET,
    "chưa đạt mục tiêu": Status.NOT_YET,
}

# Polarity cells (assess-table's optional ``polarity`` column), compared without diacritics.
POLARITY_WORDS: dict[str, Polarity] = {
    "higher_better": Polarity.HIGHER_BETTER,
    "higher": Polarity.HIGHER_BETTER,
    "cang cao cang tot": Polarity.HIGHER_BETTER,
    "cao": Polarity.HIGHER_BETTER,
    "tang": Polarity.HIGHER_BETTER,
    "thuan": Polarity.HIGHER_BETTER,
    "lower_better": Polarity.LOWER_BETTER,
    "lower": Polarity.LOWER_BETTER,
    "cang thap cang tot": Polarity.LOWER_BETTER,
    "thap": Polarity.LOWER_BETTER,
    "giam": Polarity.LOWER_BETTER,
    "nghich": Polarity.LOWER_BETTER,
    "neutral_structure": Polarity.NEUTRAL_STRUCTURE,
    "neutral": Polarity.NEUTRAL_STRUCTURE,
    "co cau": Polarity.NEUTRAL_STRUCTURE,
    "boolean": Polarity.BOOLEAN,
    "hoan thanh": Polarity.BOOLEAN,
    "+": Polarity.HIGHER_BETTER,
    "↑": Polarity.HIGHER_BETTER,
    "-": Polarity.LOWER_BETTER,
    "−": Polarity.LOWER_BETTER,
    "↓": Polarity.LOWER_BETTER,
    "higher is better": Polarity.HIGHER_BETTER,
    "lower is better": Polarity.LOWER_BETTER,
    "increase": Polarity.HIGHER_BETTER,
    "decrease": Polarity.LOWER_BETTER,
    "up": Polarity.HIGHER_BETTER,
    "down": Polarity.LOWER_BETTER,
    "max": Polarity.HIGHER_BETTER,
    "min": Polarity.LOWER_BETTER,
    "structure": Polarity.NEUTRAL_STRUCTURE,
    "share": Polarity.NEUTRAL_STRUCTURE,
    "ty trong": Polarity.NEUTRAL_STRUCTURE,
    "yes/no": Polarity.BOOLEAN,
    "bool": Polarity.BOOLEAN,
}


def fold(text: object) -> str:
    """Lower case, no diacritics (đ → d), single spaces, no surrounding punctuation."""
    s = unicodedata.normalize("NFD", str(text or "")).replace("đ", "d").replace("Đ", "d")
    s = "".join(ch for ch in s if unicodedata.category(ch) != "Mn").lower()
    s = re.sub(r"\s+", " ", s)
    return s.strip(" .:*-_()[]")


def _alias_matches(header: str, alias: str) -> bool:
    if header == alias:
        return True
    if not header.startswith(alias):
        return False
    nxt = header[len(alias)] if len(header) > len(alias) else " "
    return not nxt.isalnum() or not alias[-1].isalnum()


def header_role(header: object) -> str | None:
    """The role of a column header: indicator, target, result, unit, polarity, verdict, ratio, number."""
    h = fold(header)
    if not h:
        return None
    for role, aliases in HEADER_ALIASES:
        if any(_alias_matches(h, a) for a in aliases):
            return role
    return None


# How each role's header is shown to users in error messages (the aliases above are folded forms).
HEADER_NAMES_VI: dict[str, tuple[str, ...]] = {
    "number": ("TT", "STT"),
    "indicator": ("Chỉ tiêu", "Tên chỉ tiêu", "Nội dung", "indicator"),
    "unit": ("Đơn vị tính", "ĐVT", "unit"),
    "target": ("Mục tiêu", "Kế hoạch", "Chỉ tiêu Nghị quyết", "target"),
    "result": ("Kết quả", "Thực hiện", "Ước thực hiện", "result"),
    "ratio": ("Tỷ lệ %", "% so với mục tiêu"),
    "verdict": ("Đánh giá", "So sánh với mục tiêu", "Kết quả đánh giá"),
    "polarity": ("Chiều đánh giá", "polarity"),
}


def accepted_headers(role: str) -> list[str]:
    """Header names of a role as users write them, for error messages."""
    return list(HEADER_NAMES_VI.get(role, ()))


def parse_polarity_word(text: str) -> Polarity | None:
    """A polarity cell ("lower_better", "càng thấp càng tốt", "↓", "-") as a polarity; None if unknown."""
    raw = " ".join(str(text or "").split()).lower()
    return POLARITY_WORDS.get(raw) or POLARITY_WORDS.get(fold(text).replace("_", " ")) or POLARITY_WORDS.get(fold(text))

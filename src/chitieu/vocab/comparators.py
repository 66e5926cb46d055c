"""Comparator words, hedges and lead words as officials write them around numbers.

Plain data tables used by ``chitieu.quantities`` (table cells) and by extraction (running text).
Keys are lower-case NFC Vietnamese; matching code tries longer phrases first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from chitieu.domain.quantity import Op

Position = Literal["prefix", "suffix"]


@dataclass(frozen=True, slots=True)
class Comparator:
    """A word or symbol that turns a number into a bound: "trên 5%" is ``> 5``."""

    word: str
    op: Op
    position: Position = "prefix"


COMPARATORS: tuple[Comparator, ...] = (
    # symbols
    Comparator("≥", Op.GE),
    Comparator(">=", Op.GE),
    Comparator("≤", Op.LE),
    Comparator("<=", Op.LE),
    Comparator(">", Op.GT),
    Comparator("<", Op.LT),
    Comparator("=", Op.EQ),
    Comparator("=>", Op.GE),
    Comparator("=<", Op.LE),
    Comparator("≧", Op.GE),
    Comparator("⩾", Op.GE),
    Comparator("≦", Op.LE),
    Comparator("⩽", Op.LE),
    # words before the number
    Comparator("không dưới", Op.GE),
    Comparator("không thấp hơn", Op.GE),
    Comparator("không ít hơn", Op.GE),
    Comparator("tối thiểu", Op.GE),
    Comparator("ít nhất", Op.GE),
    Comparator("từ", Op.GE),  # "từ 1.000 trở lên"; "từ 6 đến 7" is a range
    Comparator("không quá", Op.LE),
    Comparator("không vượt quá", Op.LE),
    Comparator("không cao hơn", Op.LE),
    Comparator("tối đa", Op.LE),
    Comparator("cao hơn", Op.GT),
    Comparator("lớn hơn", Op.GT),
    Comparator("nhiều hơn", Op.GT),
    Comparator("trên", Op.GT),
    Comparator("hơn", Op.GT),
    Comparator("thấp hơn", Op.LT),
    Comparator("nhỏ hơn", Op.LT),
    Comparator("ít hơn", Op.LT),
    Comparator("dưới", Op.LT),
    # words after the number
    Comparator("trở lên", Op.GE, "suffix"),
    Comparator("trở xuống", Op.LE, "suffix"),
    Comparator("trở lại", Op.LE, "suffix"),
)

# Words that soften a number without changing its comparator ("khoảng 98%", "ước đạt 2.345").
HEDGES: tuple[str, ...] = (
    "trên dưới",
    "khoảng",
    "xấp xỉ",
    "gần",
    "ước đạt",
    "ước tính",
    "dự ước",
    "dự kiến",
    "ước",
    "tầm",
    "chừng",
    "phấn đấu",
    "sơ bộ",
)

# Verbs and fillers in front of a number that carry no comparator ("Đạt 47,5", "bình quân 6,5%").
LEAD_WORDS: tuple[str, ...] = (
    "hoàn thành",
    "thực hiện",
    "đạt được",
    "đạt",
    "bình quân",
    "trung bình",
    "mỗi năm",
    "hằng năm",
    "hàng năm",
    "giữ vững",
    "duy trì",
    "giữ ổn định",
    "còn",
    "xuống",
    "lên",
    "ở mức",
    "mức",
    "gấp",
    "chiếm",
    "là",
    "ổn định",
    "cả",
    "tổng cộng",
    "tổng số",
)

# Words that give the direction of a change ("Tăng 01 bậc", "giảm 1,5%/năm").
DIRECTION_WORDS: dict[str, int] = {
    "tăng thêm": 1,
    "tăng": 1,
    "nâng": 1,
    "giảm": -1,
    "hạ": -1,
}

# Words after a number that say it is per year.
PER_YEAR_WORDS: tuple[str, ...] = ("/năm", "mỗi năm", "hằng năm", "hàng năm", "một năm", "/ năm", "bình quân năm")

# Whole cells that are a yes/no result or target.
BOOLEAN_WORDS: dict[str, bool] = {
    "hoàn thành": True,
    "hoàn thành tốt": True,
    "hoàn thành vượt": True,
    "đã hoàn thành": True,
    "đạt": True,
    "đạt chuẩn": True,
    "đạt yêu cầu": True,
    "đã đạt": True,
    "có": True,
    "duy trì": True,
    "giữ vững": True,
    "không hoàn thành": False,
    "chưa hoàn thành": False,
    "cơ bản hoàn thành": True,  # officials count it with the targets met ("Cơ bản đạt"); docs §3
    "cơ bản đạt": True,
    "không đạt": False,
    "chưa đạt": False,
    "không": False,
    "chưa": False,
    "completed": True,
    "achieved": True,
    "done": True,
    "yes": True,
    "not completed": False,
    "not achieved": False,
    "no": False,
}

# Whole result cells that state only the sign of a balance: "Xuất siêu" (a trade surplus) written
# against a trade-deficit ratio ("Tỷ lệ nhập siêu … dưới 3%") means the deficit is below zero.
# Read as a bound, "< 0", so it meets any positive ceiling; docs/assessment.md §1.
SIGN_WORDS: dict[str, tuple[Op, float]] = {
    "xuất siêu": (Op.LT, 0.0),
    "thặng dư": (Op.LT, 0.0),  # a surplus where a deficit (bội chi) was capped
}

# Cells that mean "no figure" rather than a value.
NO_DATA_WORDS: tuple[str, ...] = (
    "",
    "-",
    "--",
    "x",
    "—",
    "–",
    "-/-",
    "…",
    "...",
    "chưa có số liệu",
    "chưa có số liệu chính thức",
    "chưa có dữ liệu",
    "không có dữ liệu",
    "chưa thống kê",
    "đang thống kê",
    "chưa tổng hợp",
    "chưa điều tra",
    "chưa có",
    "không có số liệu",
    "đang cập nhật",
    "đang tổng hợp",
    "không đánh giá",
    "chưa đánh giá",
    "n/a",
    "na",
)


def comparators_by_length(position: Position) -> list[Comparator]:
    """Comparators at ``position``, longest first (so "không quá" wins over "quá")."""
    return sorted((c for c in COMPARATORS if c.position == position), key=lambda c: -len(c.word))


# Ordered grades for targets written as a rank group ("Nhóm khá", "Xếp loại tốt"): higher is better.
# Matched as whole words, longest first, after the filler words below are dropped.
GRADE_WORDS: dict[str, float] = {
    "xuất sắc": 6,
    "rất tốt": 5,
    "cao nhất": 5,
    "dẫn đầu": 5,
    "tốt": 4,
    "cao": 4,
    "khá": 3,
    "trung bình cao": 2.5,
    "trung bình khá": 2.5,
    "trung bình": 2,
    "trung bình thấp": 1.5,
    "tương đối thấp": 1.5,
    "thấp": 1,
    "yếu": 1,
    "kém": 0,
    "thấp nhất": 0,
}
GRADE_FILLERS: tuple[str, ...] = ("thuộc nhóm", "nằm trong nhóm", "trong nhóm", "nhóm", "xếp loại", "xếp hạng",
                                  "mức", "loại", "đạt", "vào", "thuộc", "duy trì", "giữ vững", "ở")

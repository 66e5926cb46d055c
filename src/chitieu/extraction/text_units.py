"""Data tables: how units follow a number in running text.

Kept apart from the grammar so that they can be read, extended and tested as data. All entries are
lower-case NFC; matching is case-insensitive and prefers the longest entry.
"""

from __future__ import annotations

from chitieu.vocab.units import UNITS

# Magnitude words that belong to the unit as written ("65 triệu đồng", "48 vạn người").
MAGNITUDES: tuple[str, ...] = ("nghìn tỷ", "ngàn tỷ", "nghìn", "ngàn", "vạn", "triệu", "tỷ", "tỉ")

# Rate units written right after the number.
RATE_UNITS: tuple[str, ...] = ("điểm phần trăm", "điểm %", "điểm%", "%", "‰", "%o", "phần trăm")

# What a rate is a share of, written right after it ("3,5% GDP", "chiếm 20% GRDP"): part of the unit.
RATE_BASES: tuple[str, ...] = ("GRDP", "GDP", "GNI", "GRDP của tỉnh")

# Units written with words (besides every unit and alias of chitieu.vocab.units).
EXTRA_UNITS: tuple[str, ...] = (
    "lượt người", "lượt khách", "lượt cử tri", "tiêu chí", "sao", "bác sỹ", "bác sĩ", "giường bệnh",
    "lao động", "học sinh", "sinh viên", "giáo viên", "cán bộ", "công chức", "viên chức", "đảng viên",
    "tổ chức cơ sở đảng", "tổ chức đảng", "chi bộ", "đảng bộ", "hội viên", "đoàn viên", "doanh nghiệp",
    "hợp tác xã", "tổ hợp tác", "cơ sở", "làng nghề", "di tích", "lễ hội", "nhà máy", "công trình",
    "dự án", "sản phẩm", "mô hình", "trang trại", "điểm du lịch", "khu du lịch", "cụm công nghiệp",
    "khu công nghiệp", "khu kinh tế", "nhà văn hóa", "trạm y tế", "trường học", "phòng học", "km", "mw", "kwh", "kw",
    "m³", "m3", "m²", "km²", "km2", "ha", "tấn", "tạ", "kg", "lít", "usd", "đồng", "triệu usd", "tỷ usd",
    "lần", "bậc", "hạng", "điểm", "vụ", "đơn", "bị can", "bị cáo", "người", "hộ", "hộ gia đình", "xã",
    "huyện", "thôn", "bản", "con", "cây", "chiếc", "căn", "căn hộ", "nhà", "trường", "lớp", "giường",
    "thùng", "thùng ong", "đội", "cuộc", "phiên", "kỳ họp", "văn bản", "nghị quyết", "chỉ tiêu",
    "hội nghị", "chương trình", "đề án", "km đường", "xe", "tàu", "đại biểu", "đồng chí",
)

# Units counted that we report but never as key indicators: meetings, documents, indicators themselves.
META_UNITS: frozenset[str] = frozenset(
    {
        "văn bản", "nghị quyết", "chỉ tiêu", "hội nghị", "cuộc", "phiên", "kỳ họp", "chương trình", "đề án",
        "vụ", "đơn", "bị can", "bị cáo", "lượt cử tri", "nhiệm vụ", "đ/c", "kiến nghị", "lớp",
        # attendance at a meeting ("81 đại biểu dự đại hội", "bầu 15 đồng chí"), never a tracked figure
        "đại biểu", "đồng chí",
    }
)

# Units that make the number a time span or an age: not a quantity to track.
TIME_UNITS: frozenset[str] = frozenset({"năm", "tháng", "ngày", "giờ", "phút", "tuần", "quý", "thập kỷ", "tuổi", "buổi"})

# Per-denominators that may follow a unit after "/" ("triệu đồng/người/năm", "bác sỹ/1 vạn dân").
DENOMINATORS: tuple[str, ...] = (
    "1 vạn dân", "1vạn dân", "vạn dân", "10.000 dân", "1.000 dân", "nghìn dân", "100.000 dân",
    "người", "năm", "tháng", "ngày", "ha", "xã", "hộ", "km²", "km2", "lao động", "học sinh", "trẻ",
    "lớp", "trường", "con", "sản phẩm", "đầu người", "người dân", "dân",
)

# Units of a population written after "trên"/"mỗi" as the base a ratio is measured by ("số bác sĩ trên
# 10.000 dân", "mỗi 1.000 dân"): part of the indicator's name, never a quantity of its own.
POPULATION_BASES: frozenset[str] = frozenset({"dân", "người dân", "dân số", "nghìn dân", "vạn dân"})
# Words right before "trên"/"mỗi" + population base.
POPULATION_BASE_WORDS: frozenset[str] = frozenset({"trên", "mỗi", "cho mỗi"})

# Counted nouns of two or more syllables that should stay whole when used as a unit of a count.
MULTI_WORD_COUNT_NOUNS: tuple[str, ...] = tuple(u for u in EXTRA_UNITS if " " in u)


def all_word_units() -> list[str]:
    """Every unit spelled with words, longest first (catalogue units, their aliases and the extras)."""
    names: set[str] = set(EXTRA_UNITS) | set(TIME_UNITS)
    for unit in UNITS:
        for name in (unit.canonical, *unit.aliases):
            name = name.lower()
            if any(ch.isalpha() for ch in name) and "%" not in name and "‰" not in name:
                names.add(name)
    return sorted(names, key=lambda s: (-len(s), s))

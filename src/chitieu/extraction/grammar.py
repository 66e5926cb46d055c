"""Data tables of the running-text quantity grammar: the words around a number and what they mean.

Every table is plain data (validated in tests): the grammar in ``quantity`` compiles them into
regular expressions, longest phrase first.
"""

from __future__ import annotations

import re

from chitieu.domain.quantity import Op
from chitieu.vocab.comparators import COMPARATORS, HEDGES

# Words before a number that set its comparator. "từ" is a lower bound only with "trở lên" or alone.
PREFIX_OPS: dict[str, Op] = {c.word: c.op for c in COMPARATORS if c.position == "prefix" and c.word != "="}
PREFIX_OPS.update({"xuống dưới": Op.LT, "xuống": Op.LE, "giảm xuống": Op.LE, "giảm còn": Op.LE, "vượt": Op.GT})
PREFIX_OPS.pop("từ", None)  # handled by the grammar (range "từ … đến …", "từ … trở lên", "từ … lên …")

# Words after a number (and its unit) that set its comparator.
SUFFIX_OPS: dict[str, Op] = {c.word: c.op for c in COMPARATORS if c.position == "suffix"}

# Softening words kept as the hedge of a quantity.
HEDGE_WORDS: tuple[str, ...] = (
    *(h for h in HEDGES if h != "phấn đấu"), "dự kiến đạt", "ước thực hiện", "ước khoảng", "dự ước đạt",
)

# Verbs and fillers between an indicator and its number: skipped when reading the comparator.
LEAD_WORDS: tuple[str, ...] = (
    "đạt", "đạt được", "đạt mức", "là", "ở mức", "mức", "bình quân", "trung bình", "tăng", "giảm",
    "tăng bình quân", "giảm bình quân", "tăng trung bình", "hằng năm", "hàng năm", "mỗi năm", "còn", "lên",
    "cho", "chiếm", "có", "đến", "được", "gấp", "nâng lên", "duy trì", "với", "thêm", "tăng thêm", "thu",
    "phấn đấu", "phấn đấu đạt", "giữ", "giữ vững", "ổn định", "riêng", "trong đó",
)

# Left contexts that make the following number an ordinal, a list number or a name, not a quantity.
ORDINAL_BEFORE: tuple[str, ...] = (
    "thứ", "lần thứ", "khóa", "khoá", "mức độ", "cấp độ", "nhóm", "loại", "tổ", "mốc", "quốc lộ", "ql",
    "tỉnh lộ", "đường tỉnh", "đt", "tiểu dự án", "dự án", "điều", "khoản", "chương", "mục", "phụ lục",
    "covid", "covid-", "lô", "tầng", "tuyến", "phần", "bước", "top", "hạng", "vị trí", "vị trí thứ", "số",
    "giai đoạn", "nhiệm kỳ", "năm", "tháng", "ngày", "quý", "kỳ", "trang", "biểu", "bảng", "mẫu",
    "một trong", "trong tốp", "tốp", "nhóm dẫn đầu", "khu vực", "xếp", "xếp hạng",
)

# Words right before a small count with a guessed noun unit that make it part of a noun phrase, not a
# quantity ("thu từ 3 khu vực kinh tế", "số thu của 3 khu vực này", "giữa 2 huyện").
NAME_COUNT_BEFORE_RE = re.compile(r"(?:^|\s)(?:của|từ|giữa)\s+$", re.IGNORECASE)
NAME_COUNT_MAX = 10

# A comparator + number + unit that names a group instead of measuring it ("xã dưới 15 tiêu chí").
NAME_THRESHOLDS: tuple[tuple[str, str, bool], ...] = (
    # (regex that the text before the comparator ends with, unit the threshold uses, comparator required)
    (r"(?:xã|huyện|thôn|bản|xã đạt|huyện đạt)\s*$", "tiêu chí", False),
    (r"(?:ocop|sản phẩm|sản phẩm đạt|đạt)\s*$", "sao", False),
    (r"(?:số dân|dân số|quy mô)\s*$", "người", True),
    (r"(?:trẻ em|trẻ|người|học sinh|lao động|dân số|phụ nữ|nam|nữ|cụ|em)\s*$", "tuổi", False),
)

# Words after a number that mark it as the plan it is compared with ("bằng 68,9% kế hoạch").
PLAN_WORDS: tuple[str, ...] = (
    "kế hoạch", "kh", "dự toán", "nghị quyết", "nq", "mục tiêu", "chỉ tiêu", "chỉ tiêu nghị quyết",
    "chỉ tiêu kế hoạch", "mục tiêu nghị quyết", "mục tiêu đề án", "kế hoạch năm", "kế hoạch vốn",
    "so với kế hoạch", "so với dự toán", "so với chỉ tiêu", "so với nghị quyết", "so với mục tiêu", "so kế hoạch",
    "so dự toán", "so với tỉnh giao", "so với huyện giao", "tỉnh giao", "huyện giao",
)
PLAN_VERBS: tuple[str, ...] = ("bằng", "đạt", "vượt", "đạt và vượt", "hoàn thành", "so với", "so")

# Words after a number that compare it to a baseline ("tăng 4,12 triệu đồng so với năm 2020").
CHANGE_VERBS: tuple[str, ...] = ("tăng", "giảm", "gấp", "tăng gấp", "tăng thêm", "giảm thêm", "cao hơn", "thấp hơn", "hơn", "nâng", "tăng gần", "giảm gần")
BASELINE_RE = re.compile(
    r"so\s+(?:với\s+)?(?P<base>cùng\s+kỳ(?:\s+năm\s+(?:trước|\d{4}))?|năm\s+\d{4}|đầu\s+nhiệm\s+kỳ|"
    r"kế\s+hoạch|dự\s+toán|nghị\s+quyết|năm\s+trước|bình\s+quân[\w ]{0,20}|trung\s+bình[\w ]{0,20}|\d{4})",
    re.IGNORECASE,
)

# Words right before a parenthesised figure that make it the baseline or the plan of the claim before it
# ("cao hơn cùng kỳ năm 2025 (27,5%)", "thấp hơn mức Quốc hội cho phép (4,42% GDP)", "cao hơn bình quân chung
# cả nước (ước tăng 8%)").
PAREN_REFERENCE_RE = re.compile(
    r"(?:cùng\s+kỳ(?:\s+năm\s+(?:trước|\d{4}))?|năm\s+(?:trước|\d{4})|đầu\s+nhiệm\s+kỳ|cho\s+phép|quy\s+định|"
    r"được\s+giao|(?:kế\s+hoạch|dự\s+toán|nghị\s+quyết|mục\s+tiêu|chỉ\s+tiêu)(?:\s+(?:đề\s+ra|đặt\s+ra|được\s+giao|giao|năm))?|"
    r"(?:bình\s+quân\s+(?:chung\s+)?(?:của\s+)?)?cả\s+nước)\s*\(\s*(?:(?:ước|dự\s+ước|khoảng)\s+)?(?:(?:tăng|giảm|đạt)\s+)?$",
    re.IGNORECASE,
)

# In a review, a figure written right after these words is the plan quoted for comparison, not a result
# ("chưa đạt mục tiêu đề ra là 95%", "thấp hơn mục tiêu 40%", "mục tiêu đến năm 2025 là 500 hợp tác xã").
PLAN_REFERENCE_RE = re.compile(
    r"(?:mục\s+tiêu|chỉ\s+tiêu|kế\s+hoạch|nghị\s+quyết|dự\s+toán)"
    r"(?:\s+(?:đề\s+ra|đặt\s+ra|được\s+giao|giao|đến\s+năm\s+\d{4}|năm\s+\d{4}|nghị\s+quyết|đại\s+hội|đề\s+án|kế\s+hoạch))*"
    r"\s*(?:là|:)?\s*$",
    re.IGNORECASE,
)

# Verbs that start the predicate of a subject that numbers share ("… đạt tiêu chuẩn văn hóa").
PREDICATE_WORDS: tuple[str, ...] = (
    "đạt", "được", "có", "hoàn thành", "là", "sử dụng", "tham gia", "đến trường", "qua đào tạo", "xếp loại",
)

# A parenthesis that names another unit a figure is ranked against ("đứng thứ 2 cả nước (sau tỉnh Bắc Ninh
# tăng 13,9%)"): its figures belong to that unit, not to the text's subject.
OTHER_UNIT_PAREN_RE = re.compile(r"\(\s*(?:chỉ\s+|đứng\s+|xếp\s+)?(?:sau|trước|sau\s+khi\s+so\s+với)\s+[^()\d]{0,60}$", re.IGNORECASE)

# A parenthesis that gives a figure's share of a whole ("120 xã đạt chuẩn (chiếm 9,5%)", "(chiếm 40% dự toán
# thu nội địa)"): context for the figure before it, never a claim of its own.
SHARE_PAREN_RE = re.compile(r"\(\s*chiếm\s+(?:khoảng\s+|gần\s+|hơn\s+|trên\s+|dưới\s+)?$", re.IGNORECASE)

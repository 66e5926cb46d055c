"""Data tables: words that tell what a section or a sentence is about (targets, results, tasks, context).

Keys are lower-case NFC; section titles are matched by substring, sentence cues by regular expression.
"""

from __future__ import annotations

import re
from enum import StrEnum


class SectionKind(StrEnum):
    """What a section of a document holds."""

    TARGETS = "targets"  # "Các chỉ tiêu chủ yếu", "Mục tiêu cụ thể"
    RESULTS = "results"  # "Kết quả đạt được", "Đánh giá tình hình thực hiện"
    TASKS = "tasks"  # "Nhiệm vụ, giải pháp"
    PLAN = "plan"  # "Mục tiêu, nhiệm vụ và giải pháp": targets and tasks mixed
    CONTEXT = "context"  # "Bối cảnh", "Dự báo tình hình", "Đặc điểm tình hình"
    NEUTRAL = "neutral"  # a topic heading ("Phát triển nông nghiệp") that inherits its parent's kind


# Ordered: the first group whose words appear in a title decides (results before targets, so that
# "Kết quả thực hiện các chỉ tiêu" is a results section).
TITLE_WORDS: tuple[tuple[SectionKind, tuple[str, ...]], ...] = (
    (
        SectionKind.RESULTS,
        (
            "kết quả", "đánh giá", "tình hình thực hiện", "kiểm điểm", "thực trạng", "ước thực hiện", "hạn chế",
            "nguyên nhân", "kinh nghiệm", "ưu điểm", "tồn tại", "sơ kết", "tổng kết", "những mặt làm được",
            "thành tựu", "khuyết điểm", "bài học",
        ),
    ),
    (
        SectionKind.CONTEXT,
        ("bối cảnh", "dự báo", "đặc điểm", "thuận lợi", "thách thức", "thời cơ", "quan điểm", "sự cần thiết", "căn cứ"),
    ),
)
# A title that starts with these words reviews what happened ("I. TÌNH HÌNH", "Về tình hình kinh tế - xã hội
# tháng 4"); checked after the groups above so that "Dự báo tình hình" stays context, and only at the start
# so that "… trong tình hình mới" does not.
RESULT_TITLE_PREFIXES: tuple[str, ...] = ("tình hình", "về tình hình", "hiện trạng", "về hiện trạng")
TARGET_TITLE_WORDS: tuple[str, ...] = ("chỉ tiêu", "mục tiêu", "định hướng phát triển", "tầm nhìn", "dự toán")
TASK_TITLE_WORDS: tuple[str, ...] = (
    "nhiệm vụ", "giải pháp", "tổ chức thực hiện", "kiến nghị", "đề xuất", "phương hướng", "khâu đột phá",
    "đột phá chiến lược", "chương trình trọng điểm", "trách nhiệm", "điều khoản thi hành", "hiệu lực thi hành",
)
PLAN_TITLE_WORDS: tuple[str, ...] = ("kế hoạch phát triển", "kế hoạch năm", "dự toán ngân sách năm")


def classify_title(title: str) -> SectionKind:
    """The kind of a section from the words of its title."""
    t = title.lower()
    for kind, words in TITLE_WORDS:
        if any(w in t for w in words):
            return kind
    if t.lstrip(" -.:*").startswith(RESULT_TITLE_PREFIXES):
        return SectionKind.RESULTS
    has_target = any(w in t for w in TARGET_TITLE_WORDS)
    has_task = any(w in t for w in TASK_TITLE_WORDS)
    if has_target and has_task:
        return SectionKind.PLAN
    if has_target:
        return SectionKind.TARGETS
    if has_task:
        return SectionKind.TASKS
    if any(w in t for w in PLAN_TITLE_WORDS):
        return SectionKind.PLAN
    return SectionKind.NEUTRAL


# Sentence cues (regular expressions on the lower-cased sentence).
# "phấn đấu" promises, except in the reviews' "nỗ lực phấn đấu đạt được nhiều kết quả".
PHAN_DAU = r"phấn đấu(?!\s+(?:đạt được|vượt qua))"

TARGET_CUES: tuple[str, ...] = (
    PHAN_DAU, r"mục tiêu", r"chỉ tiêu", r"\bđến năm (?:19|20)\d{2}", r"đến cuối năm(?: (?:19|20)\d{2})?", r"\bphải đạt",
    r"\bbảo đảm đạt", r"\bđảm bảo đạt", r"\btầm nhìn", r"\bđịnh hướng đến", r"\bdự toán (?:thu|chi|ngân sách)",
    r"\bkế hoạch năm (?:19|20)\d{2}\s*:",
)
RESULT_CUES: tuple[str, ...] = (
    r"\bước\b", r"dự ước", r"\bđã\b(?!\s+(?:đặt ra|đề ra|xác định|thông qua|biểu quyết thông qua|ban hành|phê duyệt)\b)", r"đạt được", r"so với cùng kỳ", r"so cùng kỳ", r"\bđến nay\b",
    r"\bhiện nay\b", r"\bhiện có\b", r"[\d,.]+ ?% (?:kế hoạch|dự toán|mục tiêu|chỉ tiêu|nghị quyết|kh\b|nq\b)",
    r"năm qua", r"\bvượt [\d,.]+ ?%", r"\bđược\b.*\bgiao\b", r"\bhoàn thành\b", r"đạt và vượt", r"vượt chỉ tiêu", r"vượt mục tiêu",
    r"(?:chưa|không) đạt (?:mục tiêu|chỉ tiêu|kế hoạch)",
    r"so với (?:mục tiêu|kế hoạch(?! năm (?:19|20)\d{2})|chỉ tiêu|nghị quyết|dự toán)",
    r"nhiệm kỳ qua", r"giai đoạn qua", r"\b(?:qua|sau) \d+ năm\b", r"\blũy kế\b", r"\bluỹ kế\b",
    # "các chỉ tiêu đều đạt, vượt kế hoạch đề ra": a verdict on the plan, so a review
    r"vượt (?:kế hoạch|dự toán)", r"\bđạt,\s*vượt\b", r"\bđều đạt\b",
)
# Cues so strong that a number in a targets section is a result after all.
STRONG_RESULT_CUES: tuple[str, ...] = (r"\bước đạt", r"dự ước", r"\bđã đạt", r"\bhiện nay\b", r"\bước thực hiện", r"\bước tính")

# A comparison with an earlier year is written in reviews and in plans alike ("tăng 8,5% so với năm 2023"):
# it says "result" only when the text around it is not already promising.
# So is a comparison with a dated plan ("thu ngân sách 15.903 tỷ đồng, tăng so với kế hoạch năm 2023").
WEAK_RESULT_CUES: tuple[str, ...] = (r"so với (?:năm|đầu)", r"so với kế hoạch năm (?:19|20)\d{2}")

TARGET_CUE_RE = re.compile("|".join(TARGET_CUES))
STRICT_RESULT_CUE_RE = re.compile("|".join(RESULT_CUES))
WEAK_RESULT_CUE_RE = re.compile("|".join(WEAK_RESULT_CUES))
RESULT_CUE_RE = re.compile("|".join((*RESULT_CUES, *WEAK_RESULT_CUES)))
STRONG_RESULT_CUE_RE = re.compile("|".join(STRONG_RESULT_CUES))
TASK_TARGET_CUE_RE = re.compile(PHAN_DAU + r"|mục tiêu(?! tổng quát)|chỉ tiêu (?:là|đạt|đến|chủ yếu|kế hoạch)|các chỉ tiêu\b")
# Cues that make a number a target even among result words ("phấn đấu hoàn thành 100% …").
STRONG_TARGET_CUES: tuple[str, ...] = (PHAN_DAU,)
# A commitment written with a comparator inside a tasks clause ("đạt tối thiểu 70% kế hoạch").
TASK_CLAUSE_TARGET_CUES: tuple[str, ...] = (
    r"\bđạt (?:tối thiểu|ít nhất|trên|từ|không dưới|không thấp hơn|tối đa)\b",
    r"\b(?:tối thiểu|ít nhất|không quá|tối đa|không dưới|không thấp hơn)\s+[\d½]",
)
STRONG_TARGET_CUE_RE = re.compile("|".join(STRONG_TARGET_CUES))
TASK_CLAUSE_TARGET_CUE_RE = re.compile("|".join(TASK_CLAUSE_TARGET_CUES))

# A parenthesis after an achieved figure that quotes the plan it is measured against ("đạt 70% (mục tiêu
# 65-70%)", "18.287 lao động/năm (KH 14.200)"): its "mục tiêu" promises nothing, it says "compared with the
# plan". For the cue tables it reads as "so với kế hoạch", a result cue.
PLAN_REF_PAREN_RE = re.compile(
    r"\((?:mục tiêu|chỉ tiêu|kế hoạch|kh|nq|nghị quyết)\b(?:\s+(?:đề ra|đặt ra|giao|năm \d{4}|đến năm \d{4}))?"
    r"\s*:?\s*[\d½][^()]*\)"
)
PLAN_REF_READING = " (so với kế hoạch) "


def read_plan_refs(lowered: str) -> str:
    """``lowered`` (lower-case text) with plan-comparison parentheses read as "so với kế hoạch"."""
    return PLAN_REF_PAREN_RE.sub(PLAN_REF_READING, lowered)

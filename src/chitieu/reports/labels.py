"""Fixed Vietnamese wording of the official appendix table (data, not code paths).

The layout is the one provincial mid-term and end-of-term reports print for their appendix "KẾT QUẢ THỰC HIỆN CÁC
CHỈ TIÊU …": TT | Chỉ tiêu | Đơn vị tính | Mục tiêu | two result blocks of three columns.
"""

from __future__ import annotations

from chitieu.domain.plans import PlanKind

TITLE_PREFIX = "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"
COL_NUMBER = "TT"
COL_NAME = "Chỉ tiêu"
COL_UNIT = "Đơn vị tính"
COL_RESULT = "Kết quả đạt được"
COL_RATIO = "Tỷ lệ % so với mục tiêu nghị quyết"
BLOCK_TITLE = "Ước thực hiện giai đoạn {start} - {end}"
BLOCK_TITLE_YEAR = "Ước thực hiện năm {year}"
SHEET_TABLE = "Phụ lục"
SHEET_CHARTS = "Biểu đồ"
CHART_TITLE = "{group}: % so với mục tiêu"
CHART_AXIS = "% so với mục tiêu"
CHART_SERIES_MID = "Giai đoạn {start} - {end}"
CHART_SERIES_END = "Dự ước {start} - {end}"
CHART_TARGET_LINE = "Mục tiêu (100%)"
SUMMARY_HEADING = "Tóm tắt"
CHARTS_HEADING = "Biểu đồ tỷ lệ thực hiện so với mục tiêu theo nhóm chỉ tiêu"
DATA_COLUMNS = ("Chỉ tiêu", "Kết quả giữa kỳ (số)", "Tỷ lệ giữa kỳ", "Kết quả cuối kỳ (số)", "Tỷ lệ cuối kỳ")

# "Mục tiêu Nghị quyết Đại hội" for a congress resolution; other plan kinds name themselves.
TARGET_COLUMN: dict[PlanKind, str] = {
    PlanKind.RESOLUTION: "Mục tiêu Nghị quyết Đại hội",
    PlanKind.PROGRAMME: "Mục tiêu Chương trình",
    PlanKind.PROJECT: "Mục tiêu Đề án",
    PlanKind.CONCLUSION: "Mục tiêu Kết luận",
    PlanKind.DIRECTIVE: "Mục tiêu Chỉ thị",
    PlanKind.PLAN: "Mục tiêu Kế hoạch",
    PlanKind.COMPONENT: "Mục tiêu Dự án",
    PlanKind.SUBPROJECT: "Mục tiêu Tiểu dự án",
}
VERDICT_COLUMN: dict[PlanKind, str] = {
    PlanKind.RESOLUTION: "So sánh với mục tiêu nghị quyết Đại hội",
    PlanKind.PROGRAMME: "So sánh với mục tiêu chương trình",
    PlanKind.PROJECT: "So sánh với mục tiêu đề án",
    PlanKind.CONCLUSION: "So sánh với mục tiêu kết luận",
    PlanKind.DIRECTIVE: "So sánh với mục tiêu chỉ thị",
    PlanKind.PLAN: "So sánh với mục tiêu kế hoạch",
    PlanKind.COMPONENT: "So sánh với mục tiêu dự án",
    PlanKind.SUBPROJECT: "So sánh với mục tiêu tiểu dự án",
}

ROMAN_NUMERALS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def roman(index: int) -> str:
    """1 → "I", 4 → "IV" (group numbers of the official table); beyond the table, plain digits."""
    return ROMAN_NUMERALS[index - 1] if 1 <= index <= len(ROMAN_NUMERALS) else str(index)

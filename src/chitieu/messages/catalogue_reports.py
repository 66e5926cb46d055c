"""Messages of the reports and audit areas (Vietnamese)."""

REPORTS_MESSAGES: dict[str, str] = {
    # appendix summary paragraph
    "report_summary": (
        "Dự ước đến hết năm {year} có {midterm}; dự ước đến hết nhiệm kỳ (năm {end_year}) có {final} "
        "(tổng số {total} chỉ tiêu có mục tiêu)."
    ),
    "report_summary_part": "{count} chỉ tiêu {label}",
    "report_summary_none": "chưa có chỉ tiêu nào được đánh giá",
    # report command
    "report_bad_format": "Định dạng báo cáo «{value}» không hợp lệ (dùng: {accepted}).",
    "report_written": "Đã ghi phụ lục vào «{path}».",
    "report_no_indicators": "Kế hoạch «{code}» chưa có chỉ tiêu nào để lập phụ lục.",
    # audit findings (fields: name, period, expected, actual, unit + per-check fields)
    "audit_ratio_mismatch": (
        "«{name}» ({period}): tỷ lệ ghi {actual} so với mục tiêu, nhưng {value} so với {target} là {expected}."
    ),
    "audit_total_mismatch": "«{name}» ({period}): dòng «{unit_name}» ghi {actual}, cộng {count} đơn vị được {expected}.",
    "audit_unit_ratio_mismatch": (
        "«{name}» ({period}), dòng «{unit_name}»: ghi {actual}, nhưng {numerator} ÷ {denominator} = {expected}."
    ),
    "audit_row_sum_mismatch": "«{name}» ({period}), dòng «{unit_name}»: ghi {actual}, nhưng {parts} = {expected}.",
    "audit_value_conflict": (
        "«{name}» ({period}): bảng ghi {expected}, chỗ khác ghi {actual}{note}."
    ),
    "audit_target_revised": "«{name}»: mục tiêu {old} là {expected}, bản {new} là {actual}.",
    "audit_count_mismatch": (
        "Báo cáo nêu {actual} {label} (năm {period}), nhưng bảng phụ lục có {expected}."
    ),
    "audit_verdict_inconsistent": (
        "«{name}» ({period}): kết quả {value} so với mục tiêu {target} là {expected}, nhưng bảng ghi «{actual}»."
    ),
    # audit command
    "audit_none": "Không phát hiện điểm bất nhất nào.",
    "audit_total": "Tổng cộng {count} phát hiện ({errors} lỗi, {warnings} cảnh báo, {infos} ghi chú).",
    "audit_bad_format": "Định dạng «{value}» không hợp lệ (dùng: json, table).",
}

"""Messages of org units through time, reporting rounds, approval, audit per value and reminders (Vietnamese)."""

ROUNDS_MESSAGES: dict[str, str] = {
    # org units through time (exchange format)
    "reason_share_range": "tỷ lệ phải lớn hơn 0 và không quá 1 (hoặc 100%)",
    "reason_unit_succeeds_itself": "một đơn vị không thể kế thừa chính nó",
    "reason_change_before_end": "«{unit}» còn hiệu lực đến {day}, thay đổi phải có hiệu lực sau ngày đó",
    "reason_change_before_start": "«{unit}» chỉ có hiệu lực từ {day}",
    "unit_change_shares_over": "Tệp «{path}», dòng {row}, cột «{column}»: tổng tỷ lệ «{unit}» chuyển cho các đơn vị kế thừa từ {day} vượt quá 100%.",
    "what_unit_change": "Thay đổi đơn vị «{key}»",
    "cli_table_unit_changes": "Thay đổi đơn vị (sáp nhập, chia tách)",
}

"""Words the audit puts into its findings (Vietnamese); the finding sentences are ``audit_<code>`` in
``catalogue_reports``."""

AUDIT_MESSAGES: dict[str, str] = {
    "audit_category_groups": "nhóm chỉ tiêu",
    "audit_category_indicators": "chỉ tiêu cụ thể (có số thứ tự)",
    "audit_category_components": "chỉ tiêu thành phần (dòng có mục tiêu)",
    "audit_category_exceeded": "chỉ tiêu vượt (cột giữa kỳ)",
    "audit_category_achieved": "chỉ tiêu đạt (cột giữa kỳ)",
    "audit_category_met": "chỉ tiêu đạt và vượt (cột giữa kỳ)",
    "audit_category_on_track": "chỉ tiêu chưa đạt giữa kỳ nhưng dự ước đạt cuối kỳ",
    "audit_category_at_risk": "chỉ tiêu dự ước khó đạt (cột cuối kỳ)",
    "audit_category_indicators_met": "chỉ tiêu cụ thể có mọi thành phần đạt/vượt (giữa kỳ)",
    "audit_version_draft": "dự thảo",
    "audit_version_adopted": "nghị quyết",
    "audit_version_revised": "điều chỉnh",
    "audit_whole_area": "Tổng",
    "audit_note_rounding": " (chỉ khác do làm tròn)",
    "audit_times_years": " × {years} năm",
    "audit_years_times_target": " ({years} năm × {target})",
    "audit_expected_missed": "chưa đạt",
    "audit_expected_met": "đạt",
}

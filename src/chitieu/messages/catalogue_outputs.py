"""Messages of output files and table assessment at scale (Vietnamese)."""

OUTPUTS_MESSAGES: dict[str, str] = {
    "table_too_many_rows_xlsx": (
        "Tệp «{path}» có hơn {limit} dòng, quá giới hạn một trang tính Excel; hãy ghi kết quả dạng CSV "
        "(--format csv) hoặc JSON (--format json)."
    ),
    "report_bad_date": "Ngày văn bản «{value}» không hợp lệ (dùng dạng 08/11/2023 hoặc 2023-11-08).",
    "report_bad_layout": "Thể thức «{value}» không hợp lệ (dùng: {accepted}).",
    "table_more_warnings": "… và {count} cảnh báo khác (không in ra).",
    "table_large_hint": (
        "Bảng có hơn 1.000 dòng: in ra màn hình sẽ chậm; với bảng lớn hãy dùng --format xlsx hoặc --format csv."
    ),
}

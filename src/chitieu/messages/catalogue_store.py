"""Messages of the store area (Vietnamese): database, registry import/export, bundled datasets, demo."""

STORE_MESSAGES: dict[str, str] = {
    # database
    "database_migration_failed": "Không cập nhật được cấu trúc cơ sở dữ liệu «{url}»: {reason}",
    "plan_exists": "Kế hoạch/nghị quyết «{plan}» đã có trong cơ sở dữ liệu; dùng chế độ thay thế để ghi đè.",
    "plan_parent_missing": "Kế hoạch «{plan}» thuộc kế hoạch cha «{parent}» nhưng kế hoạch cha chưa có trong cơ sở dữ liệu.",
    "bundle_unknown_indicator": "Kế hoạch «{plan}»: {what} dùng chỉ tiêu «{ref}» nhưng chỉ tiêu này chưa được khai báo.",
    "bundle_unknown_reference": "Kế hoạch «{plan}»: {what} tham chiếu «{ref}» nhưng mã này không tồn tại.",
    # registry files
    "registry_not_found": "Không tìm thấy thư mục hoặc tệp sổ đăng ký «{path}» (cần một thư mục CSV hoặc tệp .xlsx).",
    "missing_table": "Sổ đăng ký «{path}»: thiếu bảng bắt buộc «{table}».",
    "missing_value": "Tệp «{path}», dòng {row}, cột «{column}»: thiếu giá trị bắt buộc.",
    "unknown_column": "Tệp «{path}»: cột «{column}» không thuộc định dạng sổ đăng ký, đã bỏ qua.",
    "unknown_table": "Sổ đăng ký: bảng «{path}» không thuộc định dạng sổ đăng ký, đã bỏ qua.",
    "duplicate_column": "Tệp «{path}»: cột «{column}» xuất hiện hơn một lần.",
    "csv_malformed": "Tệp «{path}», dòng {row}: dòng CSV bị lỗi định dạng ({reason}).",
    "bad_date": "Tệp «{path}», dòng {row}, cột «{column}»: «{value}» không phải ngày hợp lệ (dạng NNNN-TT-NN).",
    "bad_year": "Tệp «{path}», dòng {row}, cột «{column}»: «{value}» không phải năm hợp lệ.",
    "bad_period": "Tệp «{path}», dòng {row}, cột «{column}»: kỳ «{value}» không hợp lệ (dạng 2023 hoặc 2021-2023).",
    "bad_choice": "Tệp «{path}», dòng {row}, cột «{column}»: «{value}» không hợp lệ (dùng: {accepted}).",
    "text_disagrees": "Tệp «{path}», dòng {row}, cột «{column}»: giá trị «{value}» không khớp với cột «text» («{text}»).",
    "range_incomplete": "Tệp «{path}», dòng {row}: chỉ tiêu dạng khoảng cần đủ cả «low» và «high».",
    "parent_cycle": "Tệp «{path}», dòng {row}, cột «parent_code»: «{value}» tạo thành vòng lặp cha–con.",
    "unknown_verdict": "Tệp «{path}», dòng {row}, cột «stated_verdict»: «{value}» không phải nhãn đánh giá quen thuộc (vẫn được lưu).",
    "registry_invalid": "Sổ đăng ký «{path}» có {count} lỗi; chưa ghi gì vào cơ sở dữ liệu.",
    "export_target_exists": "«{path}» đã tồn tại và không phải thư mục rỗng; hãy chọn nơi khác.",
    # datasets and demo
    "dataset_not_found": "Không tìm thấy bộ dữ liệu đi kèm «{name}».",
    "dataset_invalid": "Bộ dữ liệu đi kèm «{name}» bị lỗi: {reason}",
}

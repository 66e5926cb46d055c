"""Messages about files, tables, options and the store (Vietnamese)."""

CORE_MESSAGES: dict[str, str] = {
    # files and input
    "file_not_found": "Không tìm thấy tệp «{path}».",
    "file_empty": "Tệp «{path}» rỗng, không có nội dung để đọc.",
    "file_unreadable": "Không đọc được tệp «{path}»: {reason}",
    "file_binary": "Tệp «{path}» không phải văn bản (có vẻ là tệp nhị phân).",
    "file_format_unsupported": "Định dạng tệp «{path}» chưa được hỗ trợ (chỉ nhận {allowed}).",
    "file_encrypted": "Tệp «{path}» được bảo vệ bằng mật khẩu; hãy gỡ mật khẩu rồi thử lại.",
    "file_corrupt": "Tệp «{path}» bị hỏng hoặc không đúng định dạng {kind}: {reason}",
    "file_too_large": "Tệp «{path}» quá lớn ({size}); giới hạn là {limit}.",
    "zip_bomb": "Tệp «{path}» có nội dung nén bất thường (giải nén vượt {limit}); đã dừng để an toàn.",
    "libreoffice_missing": "Không mở được tệp .doc «{path}»: cần cài LibreOffice (lệnh soffice) để chuyển sang .docx.",
    "encoding_unknown": "Không nhận ra bảng mã của tệp «{path}»; hãy lưu lại dưới dạng UTF-8.",
    # tables
    "missing_column": "Tệp «{path}»: thiếu cột «{column}» (cần có một trong: {accepted}).",
    "bad_number": "Tệp «{path}», dòng {row}, cột «{column}»: «{value}» không phải là số hợp lệ.",
    "bad_target": "Tệp «{path}», dòng {row}, cột «{column}»: không hiểu được chỉ tiêu «{value}».",
    "bad_value": "Tệp «{path}», dòng {row}, cột «{column}»: giá trị «{value}» không hợp lệ ({reason}).",
    "unknown_unit": "Tệp «{path}», dòng {row}, cột «{column}»: đơn vị tính «{value}» chưa có trong danh mục.",
    "bad_polarity": "Tệp «{path}», dòng {row}, cột «{column}»: chiều đánh giá «{value}» không hợp lệ (dùng: {accepted}).",
    "empty_table": "Tệp «{path}» không có dòng dữ liệu nào.",
    "duplicate_key": "Tệp «{path}», dòng {row}: mã «{value}» bị trùng.",
    "unknown_reference": "Tệp «{path}», dòng {row}, cột «{column}»: không tìm thấy «{value}».",
    # registry and store
    "plan_not_found": "Không tìm thấy kế hoạch/nghị quyết có mã «{code}».",
    "indicator_not_found": "Không tìm thấy chỉ tiêu có mã «{code}».",
    "claim_not_found": "Không tìm thấy đề xuất số {id}.",
    "database_error": "Lỗi cơ sở dữ liệu: {reason}",
    "database_unreachable": "Không kết nối được cơ sở dữ liệu «{url}»: {reason}",
    "nothing_written": "Không có dữ liệu nào được ghi (đã hoàn tác toàn bộ).",
    # options
    "bad_option": "Tham số «{option}» không hợp lệ: {reason}",
    "unexpected": "Lỗi không mong đợi: {reason}. Đặt CHITIEU_DEBUG=1 để xem chi tiết.",
}

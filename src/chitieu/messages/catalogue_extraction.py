"""Messages of the extraction area (Vietnamese)."""

EXTRACTION_MESSAGES: dict[str, str] = {
    # readers (prefix read_)
    "read_pdf_too_many_pages": "Tệp PDF «{path}» có {pages} trang, vượt giới hạn {limit} trang; hãy tách tệp thành nhiều phần nhỏ hơn.",
    "read_pdf_time_budget": "Đọc tệp PDF «{path}» quá lâu (đã đọc {done}/{pages} trang trong {seconds} giây); đã dừng để an toàn. Hãy tách tệp thành nhiều phần nhỏ hơn.",
    "read_pdf_pages_skipped": "Tệp PDF «{path}»: không đọc được trang nào ({reason}).",
    "read_pdf_no_text": "Tệp PDF «{path}» không có lớp chữ (có thể là ảnh quét); hãy nhận dạng chữ (OCR) trước khi trích xuất.",
    "read_doc_convert_failed": "Không chuyển được tệp .doc «{path}» sang .docx bằng LibreOffice: {reason}",
    "read_doc_convert_timeout": "LibreOffice chuyển tệp «{path}» quá {seconds} giây; đã dừng.",
    "read_no_text": "Tệp «{path}» không có nội dung chữ nào để trích xuất.",
    "read_encoding_guess_failed": "Tệp «{path}» không phải UTF-8 và không đoán chắc được bảng mã (gần nhất: {guess}); hãy lưu lại dưới dạng UTF-8.",
    "read_ingest_not_a_file": "«{path}» không phải là một tệp.",
    "read_review_bad_status": "Trạng thái «{value}» không hợp lệ (dùng: candidate, accepted, rejected).",
    "read_review_not_candidate": "Đề xuất số {id} đã được xử lý (trạng thái: {status}); không thể {action}.",
    "read_review_no_indicator": "Đề xuất số {id} chưa gắn với chỉ tiêu nào; hãy chỉ rõ --indicator MÃ_CHỈ_TIÊU.",
    "read_review_no_value": "Đề xuất số {id} chưa có giá trị số; hãy sửa bằng «chitieu review edit {id} --value …».",
    "read_review_no_period": "Đề xuất số {id} chưa rõ kỳ (năm); hãy chỉ rõ --period (ví dụ 2023 hoặc 2021-2023).",
    "read_review_bad_period": "Kỳ «{value}» không hợp lệ (ví dụ đúng: 2023 hoặc 2021-2023).",
    "read_review_bad_op": "Phép so sánh «{value}» không hợp lệ (dùng: =, >, >=, <, <=, range).",
    "read_review_plan_mismatch": "Chỉ tiêu «{indicator}» không thuộc kế hoạch «{plan}» của đề xuất số {id}.",
    "read_review_range_observation": "Đề xuất số {id} là một khoảng ({low} - {high}); kết quả cần một giá trị, hãy sửa bằng «chitieu review edit {id} --value …».",
    "read_review_no_plan": "Đề xuất số {id} không gắn với kế hoạch nào; hãy nạp lại tệp với --plan MÃ_KẾ_HOẠCH.",
    # chitieu extract (prefix extract_)
    "extract_bad_kind": "Loại «{value}» không hợp lệ (dùng: target, result hoặc all).",
    "extract_bad_format": "Định dạng «{value}» không hợp lệ (dùng: jsonl hoặc table).",
    "extract_summary": "Tệp «{path}»: {count} mục tiêu/kết quả trích xuất từ {chars} ký tự.",
    # the role of a figure in its statement (review page, extract table)
    "claim_role_level": "Mức đạt",
    "claim_role_plan_ratio": "Tỷ lệ so với kế hoạch",
    "claim_role_change": "Tăng/giảm so với kỳ gốc",
    "claim_role_plan": "Giá trị kế hoạch",
    "claim_role_share": "Tỷ trọng",
    "claim_role_baseline": "Mức kỳ trước",
    "claim_role_count": "Số lượng tương ứng",
    "claim_role_equivalent": "Giá trị tương đương",
    "claim_stated_ratio": "tỷ lệ so với kế hoạch nêu trong văn bản: {ratio}%",
}

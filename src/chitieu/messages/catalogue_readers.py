"""Messages of the document readers (Vietnamese): decoding, OCR, Word and PDF structure."""

READERS_MESSAGES: dict[str, str] = {
    # text decoding
    "read_text_invalid_byte": "Tệp «{path}», dòng {row}, cột {column}: byte không hợp lệ trong bảng mã {encoding} (0x{byte}); đã thay bằng ký tự «�».",
    "read_text_invalid_bytes_more": "Tệp «{path}»: còn {count} byte không hợp lệ khác (bảng mã {encoding}) cũng đã được thay bằng «�».",
    # OCR of scanned pages
    "read_ocr_missing": "Tệp PDF «{path}» có {pages} trang là ảnh quét nhưng máy chưa cài Tesseract OCR với dữ liệu tiếng Việt (gói tesseract-ocr và tesseract-ocr-vie); hãy cài rồi thử lại.",
    "read_ocr_page_timeout": "Tệp «{path}», trang {page}: nhận dạng chữ (OCR) quá {seconds} giây nên đã bỏ qua trang này.",
    "read_ocr_page_failed": "Tệp «{path}», trang {page}: không nhận dạng được chữ ({reason}); đã bỏ qua trang này.",
    "read_ocr_low_confidence": "Tệp «{path}», trang {page}: chữ nhận dạng từ ảnh quét có độ tin cậy thấp ({confidence}%); hãy đối chiếu với bản gốc.",
    "read_ocr_no_text": "Tệp PDF «{path}» là ảnh quét nhưng không nhận dạng được chữ nào trên {pages} trang (ảnh mờ, nghiêng hoặc không phải chữ tiếng Việt).",
    "read_ocr_progress": "Nhận dạng chữ (OCR) trang {page}/{pages}",
    # Excel workbooks
    "read_sheet_too_large": "Tệp «{path}», trang tính «{sheet}»: có {count} {what}, vượt giới hạn {limit}; hãy tách bảng thành nhiều tệp nhỏ hơn.",
    "read_sheet_rows": "dòng",
    "read_sheet_columns": "cột",
    "read_sheet_cells": "ô (cộng dồn các trang tính)",
    "read_xls_needs_libreoffice": "Không mở được tệp Excel cũ (.xls) «{path}»: cần cài LibreOffice (lệnh soffice) để chuyển sang .xlsx, hoặc mở tệp bằng Excel rồi lưu lại dưới dạng .xlsx.",
    "read_xls_convert_failed": "Không chuyển được tệp «{path}» sang .xlsx bằng LibreOffice: {reason}. Hãy mở tệp bằng Excel rồi lưu lại dưới dạng .xlsx.",
    "read_page_skipped": "Tệp «{path}», trang {page}: {reason}; đã bỏ qua trang này.",
}

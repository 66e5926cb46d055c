"""Aggregation up the hierarchy and the national dashboard (Vietnamese)."""

SUMMARIES_MESSAGES: dict[str, str] = {
    "aggregation_unknown_method": (
        "Cách tổng hợp «{method}» của chỉ tiêu «{name}» không hợp lệ: chỉ dùng {allowed}."
    ),
    "aggregation_sum_of_rate": (
        "Chỉ tiêu «{name}» (đơn vị «{unit}») là tỷ lệ, tỷ trọng hoặc số bình quân nên không được cộng dồn "
        "giữa các đơn vị ({why}); hãy dùng «mean» hoặc «none»."
    ),
    "summaries_refreshed": (
        "Đã làm mới số liệu tổng hợp (đánh giá đến năm {as_of}): {targets} mục tiêu, {counts} dòng đếm, "
        "{values} giá trị tổng hợp trong {seconds} giây."
    ),
    "summaries_not_built": (
        "Chưa có số liệu tổng hợp toàn quốc trong không gian làm việc «{workspace}»: hãy chạy "
        "«chitieu summaries refresh» một lần (sau đó mỗi lần ghi số liệu sẽ tự làm mới)."
    ),
    "summaries_unit_not_found": "Không có đơn vị «{code}» trong số liệu tổng hợp.",
    "summaries_no_data": "Không gian làm việc chưa có số liệu thực hiện nào để chọn năm đánh giá; hãy dùng --as-of NĂM.",
    "summaries_method_set": "Chỉ tiêu «{code}» của «{plan}»: cách tổng hợp «{method}».",
    "summaries_indicator_not_found": "Không có chỉ tiêu «{code}» trong kế hoạch «{plan}».",
    # the national dashboard
    "national_title": "Toàn quốc",
    "basis_own": "số liệu của đơn vị",
    "basis_below": "cộng từ các đơn vị trực thuộc năm đó",
    "basis_restated": "cộng từ các đơn vị trực thuộc hiện nay (số liệu đã quy đổi theo địa giới mới)",
    "basis_predecessors": "quy đổi từ các đơn vị trước sắp xếp",
    "basis_missing": "thiếu số liệu",
}

"""National scale (Vietnamese): the synthetic dataset, bulk assessment, workers."""

NATIONAL_MESSAGES: dict[str, str] = {
    # chitieu synth national
    "synth_progress": "Đang sinh và nạp dữ liệu",
    "synth_done": (
        "Đã nạp bộ dữ liệu quốc gia tổng hợp: {provinces} tỉnh, {communes} xã, {plans} nghị quyết, "
        "{targets} mục tiêu, {observations} số liệu trong {seconds} giây ({rate} dòng/giây)."
    ),
    "synth_bad_scale": "Quy mô «{scale}» không hợp lệ: cần một số lớn hơn 0 và không quá 100 (1 = cả nước).",
    "synth_exists": (
        "Không gian làm việc «{workspace}» đã có bộ dữ liệu tổng hợp quốc gia; "
        "hãy dùng một không gian làm việc mới (--workspace) hoặc một cơ sở dữ liệu mới."
    ),
    # names in the synthetic dataset
    "synth_plan_title": "Nghị quyết Đại hội Đảng bộ tỉnh {n}, nhiệm kỳ 2020-2025",
    "synth_plan_number": "{n}-NQ/ĐH",
    "synth_plan_issuer": "Đảng bộ tỉnh {n}",
    "synth_document_title": "Bộ dữ liệu tổng hợp quốc gia (seed {seed}, quy mô {scale})",
    "synth_province": "Tỉnh {n}",
    "synth_commune": "Xã {n}",
    "synth_old_province": "Tỉnh cũ {n}",
    "synth_old_districts": "Các huyện của tỉnh cũ {n}",
    "synth_old_commune": "Xã cũ {n}",
    # chitieu assess --all-plans
    "assess_all_plans_as_of": "Đánh giá mọi kế hoạch (--all-plans) cần --as-of NĂM (chưa hỗ trợ --forecast).",
    "assess_parquet_out": "Tệp Parquet là nhị phân: hãy ghi ra tệp bằng --out TỆP.parquet hoặc chuyển hướng đầu ra.",
    # workers
    "worker_no_broker": (
        "Chưa cấu hình hàng đợi: đặt CHITIEU_BROKER_URL (ví dụ amqp://guest:guest@127.0.0.1:5672//) hoặc "
        "dùng --broker; không có hàng đợi thì ứng dụng web tự xử lý văn bản trong tiến trình của nó."
    ),
    "worker_broker_unreachable": "Không kết nối được hàng đợi «{url}» ({reason}).",
    "worker_started": "Đang nhận việc từ hàng đợi «{queue}» (Ctrl-C để dừng).",
    "job_retrying": "Lần thử {attempt} chưa thành công; sẽ thử lại sau {seconds} giây",
    "enqueue_job": "«{path}»: công việc số {id} ({status}).",
    "enqueue_new": "đã xếp hàng",
    "enqueue_seen": "đã có từ trước, không xếp lại",
    "enqueue_ran": "Công việc số {id}: {stage}",
    "enqueue_broker_unreachable": (
        "Đã lưu {count} công việc vào cơ sở dữ liệu nhưng không gửi được tới hàng đợi «{url}» ({reason}); "
        "các tiến trình chitieu worker sẽ tự nhận chúng khi hàng đợi hoạt động trở lại."
    ),
    # chitieu jobs
    "jobs_bad_status": "Trạng thái «{value}» không hợp lệ: chọn một trong {allowed}.",
    "jobs_bad_format": "Định dạng «{value}» không hợp lệ: chọn table hoặc json.",
    "jobs_col_id": "Số",
    "jobs_col_file": "Tệp",
    "jobs_col_status": "Trạng thái",
    "jobs_col_attempts": "Số lần chạy",
    "jobs_col_worker": "Tiến trình",
    "jobs_col_claims": "Đề xuất đã lưu",
    "jobs_col_stage": "Bước / lý do",
    "jobs_status_queued": "đang chờ",
    "jobs_status_running": "đang chạy",
    "jobs_status_done": "đã xong",
    "jobs_status_failed": "lỗi",
    "jobs_summary": (
        "{jobs} công việc: {done} đã xong, {running} đang chạy, {queued} đang chờ, {failed} lỗi; "
        "{claims} đề xuất đã lưu."
    ),
}

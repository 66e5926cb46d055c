"""Rebuild gold_002_results.jsonl: key results of the 2023 mid-term report (narrative part II).

Each record names a passage by its quote; offsets are computed here and checked to be unique inside the
narrative section, so the gold stays exact. Run: python tests/extraction/gold/make_gold_002.py [CORPUS_DIR]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

DOC = "002_afab32be4bedbcb5.txt"
SECTION = (3395, 42406)  # "II- KẾT QUẢ TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT" up to "III- ĐÁNH GIÁ CHUNG"

# (quote, value, unit, indicator)
RESULTS: list[tuple[str, float, str, str]] = [
    ("trung bình giai đoạn 2021-2023 ước đạt 3,91%/năm", 3.91, "%/năm", "Tăng trưởng GRDP bình quân 2021-2023"),
    ("bình quân đầu người năm 2023 ước đạt 47,45 triệu đồng", 47.45, "triệu đồng", "GRDP bình quân đầu người 2023"),
    ("Tốc độ tăng trưởng GRDP năm 2021 đạt 3,9%", 3.9, "%", "Tăng trưởng GRDP 2021"),
    ("năm 2022 đạt 9%", 9, "%", "Tăng trưởng GRDP 2022"),
    ("năm 2023 ước -0,95%", -0.95, "%", "Tăng trưởng GRDP 2023"),
    ("toàn ngành nông nghiệp tăng bình quân 4,5%/năm", 4.5, "%/năm", "Tăng trưởng ngành nông nghiệp"),
    ("chiếm 15,16% trong cơ cấu GRDP", 15.16, "%", "Tỷ trọng nông nghiệp trong GRDP"),
    ("Đã hình thành 3.859 ha lúa hàng hóa", 3859, "ha", "Diện tích lúa hàng hóa tập trung"),
    ("9.811 ha chè, 1.666", 9811, "ha", "Diện tích chè"),
    ("3.594 ha cây mắc ca", 3594, "ha", "Diện tích mắc ca"),
    ("trồng mới khoảng 6.800 ha rừng;", 6800, "ha", "Diện tích trồng rừng mới"),
    ("tổng diện tích rừng đạt 494.224 ha", 494224, "ha", "Tổng diện tích rừng"),
    ("tỷ lệ che phủ rừng ước đạt 52,3%", 52.3, "%", "Tỷ lệ che phủ rừng"),
    ("41,5% xã đạt chuẩn nông thôn mới", 41.5, "%", "Tỷ lệ xã đạt chuẩn nông thôn mới"),
    ("bình quân 13,9 tiêu chí/xã", 13.9, "tiêu chí/xã", "Số tiêu chí NTM bình quân/xã"),
    ("158 sản phẩm OCOP", 158, "sản phẩm", "Số sản phẩm OCOP từ 3 sao"),
    ("Đã gieo cấy 31.392 ha lúa", 31392, "ha", "Diện tích gieo cấy lúa 10 tháng 2023"),
    ("tổng đàn gia súc ước đạt trên 354 nghìn con", 354, "nghìn con", "Tổng đàn gia súc"),
    ("trồng rừng mới đạt 2.151 ha", 2151, "ha", "Trồng rừng mới 10 tháng 2023"),
    ("tổng công suất 2.296,8 MW", 2296.8, "MW", "Công suất thủy điện đã phát điện"),
    ("Giá trị sản xuất công nghiệp đạt 5.276 tỷ đồng", 5276, "tỷ đồng", "Giá trị sản xuất công nghiệp 10 tháng 2023"),
    ("giai đoạn 2021-2023 ước đạt 22.780 tỷ đồng", 22780, "tỷ đồng", "Tổng mức bán lẻ hàng hóa và dịch vụ 2021-2023"),
    ("tốc độ tăng trưởng bình quân đạt 10,8%/năm", 10.8, "%/năm", "Tăng trưởng tổng mức bán lẻ"),
    ("ước đạt 146,03 triệu USD", 146.03, "triệu USD", "Kim ngạch xuất nhập khẩu 2021-2023"),
    ("giá trị xuất khẩu của địa phương ước đạt 34 triệu USD", 34, "triệu USD", "Giá trị xuất khẩu địa phương"),
    ("đạt gần 2 triệu lượt người", 2, "triệu lượt người", "Tổng lượt khách du lịch 2021-2023"),
    ("tăng bình quân 33,2%/năm, doanh thu", 33.2, "%/năm", "Tăng trưởng lượt khách du lịch"),
    ("doanh thu ước đạt 1.425 tỷ đồng", 1425, "tỷ đồng", "Doanh thu du lịch 2021-2023"),
    ("bình quân đạt 2.142 tỷ đồng/năm", 2142, "tỷ đồng/năm", "Thu ngân sách trên địa bàn bình quân"),
    ("ước đạt trên 30.000 tỷ đồng", 30000, "tỷ đồng", "Tổng chi ngân sách 2021-2023"),
    ("Huy động vốn tại địa phương giai đoạn 2021-2023 tăng bình quân 11%/năm", 11, "%/năm", "Tăng trưởng huy động vốn"),
    ("tổng dư nợ tín dụng toàn tỉnh đạt trên 19.000 tỷ đồng", 19000, "tỷ đồng", "Dư nợ tín dụng cuối 2023"),
    ("tỷ lệ nợ xấu nội bảng hằng năm luôn dưới 2%", 2, "%", "Tỷ lệ nợ xấu"),
    ("tỷ lệ thanh toán không dùng tiền mặt đạt 88,5%", 88.5, "%", "Tỷ lệ thanh toán không dùng tiền mặt"),
    ("thu ngân sách trên địa bàn ước đạt 1.503 tỷ đồng", 1503, "tỷ đồng", "Thu ngân sách 10 tháng 2023"),
    ("(SIPAS) đạt 79,34%", 79.34, "%", "Chỉ số SIPAS"),
    ("có 472 doanh nghiệp đăng ký thành lập mới", 472, "doanh nghiệp", "Doanh nghiệp thành lập mới 2021-2023"),
    ("có 1.964 doanh nghiệp hoạt động", 1964, "doanh nghiệp", "Số doanh nghiệp hoạt động"),
    ("vốn đầu tư công năm 2021 đạt 95,7%", 95.7, "%", "Tỷ lệ giải ngân vốn đầu tư công 2021"),
    ("năm 2022 đạt 94,8%", 94.8, "%", "Tỷ lệ giải ngân vốn đầu tư công 2022"),
    ("đi lại thuận lợi đạt 98,6%", 98.6, "%", "Tỷ lệ thôn bản có đường xe máy/ô tô"),
    ("điện lưới quốc gia ước đạt 96,5%", 96.5, "%", "Tỷ lệ hộ dùng điện lưới"),
    ("nước hợp vệ sinh đạt 90%", 90, "%", "Tỷ lệ dân số nông thôn dùng nước hợp vệ sinh"),
    ("tỷ lệ đô thị hóa đạt 17,7%", 17.7, "%", "Tỷ lệ đô thị hóa"),
    ("cấp nước tập trung đạt 99%", 99, "%", "Tỷ lệ dân số đô thị dùng nước sạch"),
    ("sinh hoạt tại đô thị đạt 98,2%", 98.2, "%", "Tỷ lệ thu gom xử lý rác thải đô thị"),
    ("trường học được xây dựng kiên cố đạt 99,7%", 99.7, "%", "Tỷ lệ trường học kiên cố"),
    ("trạm y tế xã được xây dựng kiên cố đạt 94,2%", 94.2, "%", "Tỷ lệ trạm y tế xã kiên cố"),
    ("có nhà văn hóa đạt 84,1%", 84.1, "%", "Tỷ lệ thôn bản có nhà văn hóa"),
    ("62,1% trường chuẩn đạt quốc gia", 62.1, "%", "Tỷ lệ trường chuẩn quốc gia"),
    ("đạt 13 bác sỹ/vạn dân", 13, "bác sỹ/vạn dân", "Số bác sỹ/vạn dân"),
    ("tham gia bảo hiểm y tế đạt 91%", 91, "%", "Tỷ lệ tham gia bảo hiểm y tế"),
    ("gần 8,7 nghìn lao động/năm", 8.7, "nghìn lao động/năm", "Giải quyết việc làm/năm"),
    ("hơn 8,4 nghìn người/năm", 8.4, "nghìn người/năm", "Đào tạo nghề/năm"),
    ("tỷ lệ lao động qua đào tạo đạt 58,3%", 58.3, "%", "Tỷ lệ lao động qua đào tạo"),
    ("bình quân giảm 3,4%/năm", 3.4, "%/năm", "Mức giảm tỷ lệ hộ nghèo"),
    ("riêng huyện nghèo giảm 4,7%/năm", 4.7, "%/năm", "Mức giảm tỷ lệ hộ nghèo huyện nghèo"),
    ("tỷ lệ hộ nghèo của tỉnh còn 28,54%", 28.54, "%", "Tỷ lệ hộ nghèo"),
    ("tỷ lệ bao phủ bảo hiểm y tế đạt 86,2%", 86.2, "%", "Tỷ lệ bao phủ BHYT 10 tháng 2023"),
    ("tỷ lệ tốt nghiệp THPT đạt 99,83%", 99.83, "%", "Tỷ lệ tốt nghiệp THPT"),
    ("giải quyết việc làm mới cho 8.241 lao động", 8241, "lao động", "Giải quyết việc làm 10 tháng 2023"),
    ("97,3% xã, phường, thị trấn, cơ quan đạt tiêu chuẩn an toàn", 97.3, "%", "Tỷ lệ xã, cơ quan đạt chuẩn an toàn ANTT"),
    ("trên 80% đảng bộ trực thuộc tỉnh", 80, "%", "Tỷ lệ đảng bộ trực thuộc hoàn thành tốt nhiệm vụ"),
    ("trên 90% tổ chức cơ sở đảng", 90, "%", "Tỷ lệ TCCS đảng hoàn thành tốt nhiệm vụ"),
    ("trên 95% đảng viên hoàn thành tốt nhiệm vụ", 95, "%", "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ"),
    ("kết nạp được 2.840 đảng viên", 2840, "đảng viên", "Số đảng viên kết nạp"),
    ("Tỷ lệ cử tri đi bầu cử đạt 99,80%", 99.8, "%", "Tỷ lệ cử tri đi bầu"),
    ("Trồng mới 3.994/4.000 ha mắc ca", 3994, "ha", "Trồng mới mắc ca"),
    ("khách du lịch bình quân giai đoạn 2021-2023 đạt 33,2%/năm", 33.2, "%/năm", "Tăng trưởng khách du lịch"),
    ("Tốc độ tăng trưởng GRDP đạt 3,91%", 3.91, "%", "Tăng trưởng GRDP so với Nghị quyết"),
    ("GRDP bình quân đầu người đạt 47,5 triệu đồng", 47.5, "triệu đồng", "GRDP bình quân đầu người so với Nghị quyết"),
]


def build(corpus: Path) -> list[dict[str, object]]:
    text = (corpus / DOC).read_text(encoding="utf-8")
    records = []
    for quote, value, unit, indicator in RESULTS:
        start = text.find(quote, *SECTION)
        assert start >= 0, quote
        assert text.find(quote, start + 1, SECTION[1]) < 0, f"not unique: {quote}"
        end = start + len(quote)
        assert text[start:end] == quote
        records.append(
            {"doc": DOC, "kind": "result", "quote": quote, "start": start, "end": end, "indicator": indicator,
             "value": value, "unit": unit}
        )
    return records


if __name__ == "__main__":
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[3].parent / "shared" / "corpus"
    out = Path(__file__).with_name("gold_002_results.jsonl")
    lines = [json.dumps(r, ensure_ascii=False) for r in build(corpus)]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} records -> {out}")

"""Joining PDF lines back into sentences and dropping running headers (pure helpers)."""

from __future__ import annotations

import pytest

from chitieu.readers.pdf_layout import PageLines, assemble, drop_running_lines, joins


@pytest.mark.parametrize(
    ("previous", "following", "glue"),
    [
        ("tốc độ tăng trưởng bình quân đạt", "6,14%/năm", " "),
        ("thu ngân sách trên địa bàn đạt 2.345 tỷ", "đồng, bằng 78,2% mục tiêu.", " "),
        ("chuyển đổi số, phát triển kinh tế-", "xã hội", "-"),
        ("đại dịch Covid-", "19 kéo dài", "-"),
        ("chuyển đổi kinh", "tế số", " "),
        ("tỉnh Lai Châu, phát triển bền vững,", "Bảo đảm quốc phòng", " "),
        ("infor-", "mation", ""),
        ("Mục tiêu chung.", "tiếp theo", None),
        ("Các chỉ tiêu chủ yếu:", "- Tỷ lệ che phủ rừng 54%", None),
        ("phát triển", "a) Về kinh tế", None),
        ("phát triển", "2. Nhiệm vụ", None),
        ("Kết quả", "Tỷ lệ hộ nghèo", None),
        ("số đơn thư đã tiếp nhận: 36, gồm có: 31", "PAKN qua Hệ thống của Bộ", " "),
        ("kim ngạch xuất khẩu ước đạt 1.250", "USD, tăng 12%", " "),
        ("Hà Tĩnh, ngày 05 tháng 3 năm 2025", "BÁO CÁO", None),
        ("Hà Tĩnh, ngày 05 tháng 3 năm 2025", "TỶ LỆ HỘ NGHÈO", None),
        # a title in capitals and the bracketed designation under it stay two lines; a figure's gloss runs on
        ("PHÁT HUY SỨC MẠNH ĐOÀN KẾT, XÂY DỰNG HUYỆN PHÁT TRIỂN NHANH", "(Báo cáo chính trị của Ban Chấp hành", None),
        ("BÁO CÁO KẾT QUẢ NĂM 2024", "(Kèm theo Tờ trình số 15/TTr-UBND)", None),
        ("tổng số hồ sơ tiếp nhận là 1.234", "(tỷ lệ đúng hạn 98,5%)", " "),
        ("ĐƠN VỊ TÍNH", "(%)", " "),
    ],
)
def test_joins(previous: str, following: str, glue: str | None) -> None:
    assert joins(previous, following) == glue


def test_hyphenated_lines_in_assembled_text() -> None:
    pages = [PageLines(1, [("phát triển kinh tế-", None), ("xã hội và infor-", None), ("mation", None)])]
    text, _, _, _ = assemble(pages)
    assert text == "phát triển kinh tế-xã hội và information\n"


def test_running_lines_dropped_and_pages_tiled() -> None:
    pages = [
        PageLines(n, [("BÁO CÁO CHÍNH TRỊ", None), (f"Nội dung trang {n} còn tiếp", None), (f"- {n} -", None)])
        for n in (1, 2, 3)
    ]
    drop_running_lines(pages)
    text, spans, tables, _ = assemble(pages)
    assert "BÁO CÁO" not in text
    assert "- 2 -" not in text
    assert text.startswith("Nội dung trang 1 còn tiếp\nNội dung trang 2")
    assert [s[0] for s in spans] == [1, 2, 3]
    assert all(spans[i][2] == spans[i + 1][1] for i in range(2))
    assert spans[-1][2] == len(text)
    assert tables == []


def test_table_rows_across_pages_make_one_table() -> None:
    rows1 = [["TT", "Chỉ tiêu", "ĐVT"], ["1", "Tỷ lệ che phủ rừng", "%"]]
    rows2 = [["2", "Thu ngân sách", "Tỷ đồng"]]
    pages = [
        PageLines(1, [("Phụ lục", None), *[("\t".join(r), r) for r in rows1]]),
        PageLines(2, [("\t".join(r), r) for r in rows2] + [("Hết.", None)]),
    ]
    text, spans, tables, _ = assemble(pages)
    [(start, end, rows, page)] = tables
    assert rows == rows1 + rows2
    assert page == 1
    assert text[start:end].splitlines()[-1] == "2\tThu ngân sách\tTỷ đồng"
    assert text.index("Thu ngân sách") >= spans[1][1]


def test_a_capitalised_line_continues_a_full_line_of_its_paragraph() -> None:
    from chitieu.readers.document import Box
    from chitieu.readers.pdf_layout import PageItem, Word

    def line(text: str, x0: float, x1: float, top: float) -> PageItem:
        return PageItem(text, None, (Word(text, Box(x0, top, x1, top + 14)),))

    items = [
        line("I. KẾT QUẢ THỰC HIỆN", 100, 300, 100),
        line("Thực hiện Công văn số 12/UBND ngày 05/3/2025 của", 100, 523, 120),  # indented first line, full
        line("Văn phòng Ủy ban nhân dân tỉnh, huyện báo cáo kết quả thực hiện trong quý I năm", 72, 523, 138),
        line("2025 như sau: số hồ sơ tiếp nhận là 1.204, đúng hạn 1.180 hồ sơ, đạt tỷ lệ 98% và", 72, 523, 156),
        line("UBND huyện tiếp nhận 120 hồ sơ.", 72, 400, 174),  # full line above: continues
        line("Hồ sơ trễ hạn được xin lỗi bằng văn bản.", 100, 380, 192),  # indented: a new paragraph
        line("II. NHIỆM VỤ QUÝ II", 100, 300, 210),
    ]
    text, _, _, _ = assemble([PageLines(1, items)])
    paragraphs = text.splitlines()
    assert paragraphs[1].startswith("Thực hiện Công văn số 12/UBND ngày 05/3/2025 của Văn phòng Ủy ban nhân dân tỉnh")
    assert paragraphs[1].endswith("đạt tỷ lệ 98% và UBND huyện tiếp nhận 120 hồ sơ.")
    assert paragraphs[2] == "Hồ sơ trễ hạn được xin lỗi bằng văn bản."
    assert paragraphs[3] == "II. NHIỆM VỤ QUÝ II"


def test_each_part_of_a_volume_drops_its_own_running_header() -> None:
    """A volume heads each document's pages with its own line, and a part may add a word to the volume's header:
    both are furniture, though neither heads most pages of the volume."""
    volume = "VĂN KIỆN ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH LẦN THỨ I"
    body = ["một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "mười_một"]
    pages = [PageLines(n, [(volume, None), (f"Báo cáo {body[n - 1]}", None), (str(n), None)]) for n in range(1, 7)]
    pages += [PageLines(n, [("Nghị quyết Đại hội", None), (f"Nghị quyết {body[n - 1]}", None)]) for n in range(7, 10)]
    pages += [PageLines(n, [(f"{volume} - DỰ THẢO", None), (f"Phụ lục {body[n - 1]}", None)]) for n in (10, 11)]
    pages.append(PageLines(12, [("Tỷ lệ hộ nghèo còn 2%.", None), ("Hết", None)]))
    drop_running_lines(pages)
    text = assemble(pages)[0]
    assert "VĂN KIỆN" not in text and "Nghị quyết Đại hội" not in text
    assert "Nghị quyết bảy" in text and "Phụ lục mười_một" in text
    assert "Tỷ lệ hộ nghèo còn 2%." in text  # heads one page only: text, not a header

"""Rules (data) for document furniture and the title blocks of bound parts.

Each rule is a regular expression matched against one line (a paragraph, or a table cell) after its
whitespace is collapsed, with examples it must match and lines it must not; ``validate_rules`` checks
every example when the rules are loaded, so a rule that stops meaning what its examples say fails at once.
The layouts follow Nghị định 30/2020/NĐ-CP (state documents) and Hướng dẫn 36-HD/VPTW (Party documents).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class LineRule:
    kind: str  # a Mark kind (document.MARK_KINDS) or a Part kind (document.PART_KINDS) for title rules
    pattern: str
    examples: tuple[str, ...]
    not_examples: tuple[str, ...] = ()
    upper: bool = False  # the whole line is in capitals (titles, signatories)
    regex: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "regex", re.compile(self.pattern))

    def matches(self, line: str) -> bool:
        text = " ".join(line.split())
        if self.upper and text != text.upper():
            return False
        return self.regex.search(text) is not None


# Lines that open a block of furniture running on over the next lines (see ``furniture.find_marks``).
RECIPIENTS = LineRule(
    "recipients",
    r"^(?:Nơi nhận|NƠI NHẬN)\s*(?::|$)",
    examples=("Nơi nhận:", "Nơi nhận: - VP HĐND&UBND xã (b/c); - Lưu VT.", "NƠI NHẬN:"),
    not_examples=("Nơi nhận hồ sơ là bộ phận một cửa.", "Số nơi nhận được tăng 5%"),
)
LEGAL_BASIS = LineRule(
    "legal_basis",
    r"(?i)^(?:Căn cứ\s+(?:vào\s+)?(?:các\s+|những\s+)?(?:Hiến pháp|Bộ luật|Luật|Pháp lệnh|Nghị định|Nghị quyết|"
    r"Quyết định|Thông tư|Chỉ thị|Kết luận|Quy định|Quy chế|Hướng dẫn|Công văn|Văn bản|Kế hoạch|Điều lệ|"
    r"Chương trình|Thông báo|Tờ trình|Báo cáo\s+(?:số|thẩm tra))|Xét đề nghị|Theo đề nghị|Xét Tờ trình|"
    r"Xét báo cáo thẩm tra)\b",
    examples=(
        "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Theo đề nghị của Chánh Văn phòng Ủy ban nhân dân tỉnh.",
        "Xét Tờ trình số 123/TTr-UBND ngày 01/12/2023 của Ủy ban nhân dân tỉnh;",
    ),
    not_examples=("Căn cứ vào kết quả đạt được, năm 2024 thu ngân sách tăng 12%.",),
)
# A signatory's authority and title, alone on a line, upper case: the signature block begins here.
SIGNATURE = LineRule(
    "signature",
    r"^(?:(?:TM|KT|TL|TUQ|Q|T/M|K/T|T/L)\.?\s+\w|"
    r"(?:PHÓ\s+)?(?:CHỦ TỊCH|BÍ THƯ|GIÁM ĐỐC|TRƯỞNG (?:PHÒNG|BAN|ĐOÀN)|CHÁNH VĂN PHÒNG|THỦ TRƯỞNG|"
    r"BỘ TRƯỞNG|THỨ TRƯỞNG|TỔNG BÍ THƯ|THỦ TƯỚNG|HIỆU TRƯỞNG|NGƯỜI (?:KÝ|LẬP|BÁO CÁO))"
    r"(?:\s+[^\s\d%,.;:]+){0,6}\s*$)",
    examples=(
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "TRƯỞNG PHÒNG",
        "T/M BAN THƯỜNG VỤ",
        "BÍ THƯ",
    ),
    not_examples=(
        "Chủ tịch UBND xã chỉ đạo tăng thu ngân sách.",
        "CHỦ TỊCH UBND TỈNH GIAO 12 CHỈ TIÊU NĂM 2025 ĐẠT 95%",
        "TRƯỞNG THÀNH",
    ),
    upper=True,
)
SIGNED = LineRule(
    "signature",
    r"^\((?:Đã ký|Ký,? (?:ghi rõ )?họ tên|Ký tên, đóng dấu)(?:[,;]\s*[^)]*)?\)\s*$",
    examples=("(Đã ký)", "(Ký, ghi rõ họ tên)", "(Ký tên, đóng dấu)"),
    not_examples=("(Đã ký kết 12 hợp đồng)",),
)
# Lines of the national motto and numbering block at the head of every document (one line each).
TITLE_BLOCK = LineRule(
    "title_block",
    r"^(?:CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM|"
    r"Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc|[-–—_*\s]{3,}$|Số\s*:\s*\S*\s*/?[\w\-/.]*$|"
    r"Số\s*:?\s*[\d\s.]*[-/][\w/.\-]*(?:\s|$)|"
    r"\w[\w\s.'-]{1,40},\s*ngày\s+[\d.…\s]*tháng\s+[\d.…\s]*năm\s+\d{4}\s*$|"
    r"\((?:Kèm theo|Ban hành kèm theo)\b[^)]*\)?\s*$)",
    examples=(
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Độc lập – Tự do – Hạnh phúc",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Số: /BC-VHXH",
        "Số: 123/BC-UBND",
        "Số 45-NQ/TU",
        "Phù Mỹ Bắc, ngày tháng 6 năm 2026",
        "Lai Châu, ngày 15 tháng 10 năm 2020",
        "(Kèm theo Báo cáo số 12/BC-UBND ngày 05/01/2025 của UBND tỉnh)",
        "---------------",
    ),
    not_examples=(
        "Số hộ nghèo giảm 1.234 hộ, còn 2,15%.",
        "Ngày 15 tháng 10 năm 2020, Đại hội đã bầu Ban Chấp hành.",
    ),
)
# A signatory written in ordinary case (reports of a department's staff), possibly followed by the name.
SIGNER = LineRule(
    "signature",
    r"^(?:Người (?:báo cáo|lập(?: biểu| báo cáo)?|ký|duyệt|tổng hợp)|Thủ trưởng (?:đơn vị|cơ quan)|Kế toán trưởng)"
    r"(?:\s+[A-ZĐÀ-Ỹ][^\s\d,.;:]*){0,5}\s*$",
    examples=("Người báo cáo Đặng Vũ Linh", "Người lập biểu", "Thủ trưởng đơn vị"),
    not_examples=("Người báo cáo cho biết thu ngân sách tăng 12%.", "Người lập biểu mẫu số 3 gồm 12 chỉ tiêu"),
)
FURNITURE_RULES: tuple[LineRule, ...] = (RECIPIENTS, LEGAL_BASIS, SIGNATURE, SIGNED, SIGNER, TITLE_BLOCK)

# Title lines that open a document bound in a volume; the first word decides the part's kind.
PART_TITLES: tuple[LineRule, ...] = (
    LineRule("report", r"^BÁO CÁO\b", upper=True,
             examples=("BÁO CÁO", "BÁO CÁO CHÍNH TRỊ CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH KHÓA XIV",
                       "BÁO CÁO KIỂM ĐIỂM SỰ LÃNH ĐẠO, CHỈ ĐẠO"),
             not_examples=("Báo cáo kết quả thực hiện nhiệm vụ", "BÁO CÁO CHÍNH TRỊ ........ 5")),
    LineRule("resolution", r"^(?:DỰ THẢO\s+)?NGHỊ QUYẾT\b(?!\s+SỐ)", upper=True,
             examples=("NGHỊ QUYẾT", "NGHỊ QUYẾT ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH LẦN THỨ XV", "DỰ THẢO NGHỊ QUYẾT"),
             not_examples=("Nghị quyết số 12-NQ/TU", "NGHỊ QUYẾT SỐ 12-NQ/TU NGÀY 5/1/2021")),
    LineRule("appendix", r"^PHỤ LỤC\b(?:\s+(?:SỐ\s+)?[\dIVXLC]+[a-z]?\b)?",
             examples=("PHỤ LỤC", "PHỤ LỤC SỐ 01", "PHỤ LỤC I", "PHỤ LỤC 2 Kết quả thực hiện các chỉ tiêu"),
             not_examples=("Phụ lục kèm theo", "Các phụ lục")),
    LineRule("decision", r"^QUYẾT ĐỊNH\b(?!\s*:)(?!\s+SỐ)", upper=True,
             examples=("QUYẾT ĐỊNH", "QUYẾT ĐỊNH VỀ VIỆC GIAO CHỈ TIÊU KẾ HOẠCH NĂM 2025"),
             not_examples=("QUYẾT ĐỊNH:", "Quyết định số 2061/QĐ-UBND")),
    LineRule("plan", r"^(?:KẾ HOẠCH|ĐỀ ÁN|PHƯƠNG ÁN)\b", upper=True,
             examples=("KẾ HOẠCH", "KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI 5 NĂM 2021 - 2025", "ĐỀ ÁN"),
             not_examples=("Kế hoạch vốn năm 2025 là 1.234 tỷ đồng",)),
    LineRule("programme", r"^CHƯƠNG TRÌNH\b", upper=True,
             examples=("CHƯƠNG TRÌNH HÀNH ĐỘNG", "CHƯƠNG TRÌNH"),
             not_examples=("Chương trình mục tiêu quốc gia",)),
    LineRule("report", r"^\((?:Báo cáo|Dự thảo Báo cáo)\s+(?:chính trị|kiểm điểm|tổng kết|của)\b", upper=False,
             examples=("(Báo cáo chính trị của Ban Chấp hành Đảng bộ tỉnh khóa XIII",
                       "(Báo cáo kiểm điểm của Ban Chấp hành Đảng bộ tỉnh)"),
             not_examples=("(Báo cáo số 12/BC-UBND)",)),
    LineRule("resolution", r"^\((?:Dự thảo\s+)?Nghị quyết\s+Đại hội\b",
             examples=("(Dự thảo Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XV)",),
             not_examples=("(Nghị quyết số 05-NQ/TU)",)),
    # Titles set in small capitals often reach the text layer in ordinary case: "Nghị quyết" alone on its line
    # (its second line names the congress), or the whole title with no closing stop.
    LineRule("resolution", r"^(?:Dự thảo\s+)?[Nn]ghị quyết$|^(?:Dự thảo\s+)?Nghị quyết\s+Đại hội\s+(?:đại biểu\s+)?Đảng bộ\b[^.;:!?]*$",
             examples=("Nghị quyết", "Dự thảo nghị quyết",
                       "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Gia Lai lần thứ I, nhiệm kỳ 2025 - 2030"),
             not_examples=("Nghị quyết Đại hội đại biểu Đảng bộ tỉnh đã đề ra 24 chỉ tiêu.", "Nghị quyết số 12-NQ/TU",
                           "Nghị quyết Đại hội đề ra mục tiêu tăng trưởng 10%/năm;")),
    LineRule("report", r"^(?:Dự thảo\s+)?Báo cáo (?:chính trị|kiểm điểm)(?:\s+(?:của|trình)\b[^.;:!?]*)?$",
             examples=("Báo cáo chính trị", "Báo cáo kiểm điểm",
                       "Báo cáo chính trị của Ban Chấp hành Đảng bộ tỉnh trình Đại hội lần thứ I"),
             not_examples=("Báo cáo chính trị đã đánh giá đúng kết quả nhiệm kỳ.", "Báo cáo kiểm điểm hằng năm")),
    LineRule("speech", r"^(?:DIỄN VĂN|PHÁT BIỂU|BÀI PHÁT BIỂU|TỜ TRÌNH)\b", upper=True,
             examples=("DIỄN VĂN KHAI MẠC ĐẠI HỘI", "TỜ TRÌNH"),
             not_examples=("Diễn văn khai mạc",)),
)
# Lines that stand alone above a part's title, so the title is no second line of a heading above it: rules,
# the draft note, a division of the volume, the congress header's term line.
STANDS_ALONE: tuple[LineRule, ...] = (
    LineRule("other", r"^[-–—_*=~.•\s]{1,}$", examples=("_______", "***", "-----", "*")),
    LineRule("other", r"(?i)^\(?\s*dự thảo(?:\s+(?:lần\s+thứ\s+\w+|lần\s+\d+|số\s+\d+|\d+))?\s*\)?$", examples=("DỰ THẢO", "(Dự thảo lần thứ nhất)", "Dự thảo 2"),
             not_examples=("DỰ THẢO NGHỊ QUYẾT ĐẠI HỘI",)),
    LineRule("other", r"^(?:PHẦN|Phần)\s+(?:THỨ|thứ)\s+\w+$|^PHẦN\s+[IVX]+\.?$",
             examples=("PHẦN THỨ NHẤT", "Phần thứ hai", "PHẦN II"), not_examples=("PHẦN THỨ HAI: MỤC TIÊU",)),
    LineRule("other", r"(?:NHIỆM KỲ|KHÓA|KHOÁ|LẦN THỨ)\s*[IVXLC\d]*[,\s(]*(?:(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\)?)?$",
             upper=True,
             examples=("LẦN THỨ XII, NHIỆM KỲ 2025 - 2028", "NHIỆM KỲ 2020 – 2025", "ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ HUYỆN LẦN THỨ XXV"),
             not_examples=("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "LẦN THỨ XII, NHIỆM KỲ 2025 - 2028 VÀ CÁC CHỈ TIÊU")),
)
# A title with no type word that opens a document when it comes right after a header block (the motto or the
# congress header, closed by a rule): the aims of the next term bound after the review of the last one.
HEADED_TITLES: tuple[LineRule, ...] = (
    LineRule("plan", r"^(?:PHƯƠNG HƯỚNG|MỤC TIÊU|NHIỆM VỤ)\b", upper=True,
             examples=("MỤC TIÊU, NHIỆM VỤ, GIẢI PHÁP CÔNG TÁC ĐOÀN VÀ PHONG TRÀO THANH NIÊN",
                       "PHƯƠNG HƯỚNG, NHIỆM VỤ NHIỆM KỲ 2025 - 2030"),
             not_examples=("Mục tiêu tổng quát", "KẾT QUẢ THỰC HIỆN MỤC TIÊU")),
)
# A table of contents line ("BÁO CÁO CHÍNH TRỊ ........ 5") is never a title.
CONTENTS_LINE = re.compile(r"(?:\.{4,}|…{2,}|_{4,})\s*\d+\s*$")


def validate_rules(rules: tuple[LineRule, ...]) -> None:
    """Raise ``ValueError`` naming the rule and example when an example disagrees with its rule."""
    for rule in rules:
        for example in rule.examples:
            if not rule.matches(example):
                raise ValueError(f"rule {rule.kind!r} does not match its example {example!r}")
        for example in rule.not_examples:
            if rule.matches(example) and not CONTENTS_LINE.search(example):
                raise ValueError(f"rule {rule.kind!r} matches its counter-example {example!r}")


validate_rules(FURNITURE_RULES)
validate_rules(PART_TITLES)
validate_rules(STANDS_ALONE)
validate_rules(HEADED_TITLES)

"""A long text made of several dated reports, each with its motto block and title: a bound volume."""

from __future__ import annotations

from pathlib import Path

REPORT = """ỦY BAN NHÂN DÂN
TỈNH LAI CHÂU
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Lai Châu, ngày 10 tháng 12 năm {year}

BÁO CÁO
Kết quả thực hiện nhiệm vụ năm {year}

I. KẾT QUẢ THỰC HIỆN
Năm {year}, thu ngân sách trên địa bàn đạt {value} tỷ đồng, bằng 104,2% dự toán.
{filler}
"""
FILLER = "Các ngành, các cấp tiếp tục triển khai đồng bộ các nhiệm vụ, giải pháp đã đề ra.\n" * 40


def volume(tmp_path: Path, copies: int = 6, separator: str = "\n\n") -> Path:
    path = tmp_path / "tuyen-tap.txt"
    reports = [REPORT.format(year=2020 + i, value=1000 + i, filler=FILLER) for i in range(copies)]
    path.write_text(separator.join(reports), encoding="utf-8")
    return path



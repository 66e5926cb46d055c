"""Rules found by the sixth blind evaluation (thematic resolutions, government meetings and commune congresses).

Every sentence here is written for these tests, in the style of those reports, with invented figures.
"""

from __future__ import annotations

from chitieu.extraction.claims import Claim, extract_claims


def claims_of(text: str) -> list[Claim]:
    return list(extract_claims(text))


def test_meeting_attendance_is_not_a_claim() -> None:
    # delegates present describe the meeting, not the commune's progress
    text = (
        "Dự đại hội có 95 đại biểu đại diện cho các chi bộ. "
        "Năm 2025 thu nhập bình quân đầu người đạt 52,4 triệu đồng.\n"
    )
    claims = claims_of(text)
    assert [c.value for c in claims] == [52.4]
    assert all(c.unit != "đại biểu" for c in claims)


def test_comrades_are_not_money() -> None:
    # "đồng chí" (comrade) must not be read as the currency "đồng"
    claims = claims_of("Đại hội bầu 17 đồng chí vào Ban Chấp hành; doanh thu du lịch đạt 120 tỷ đồng.\n")
    assert [(c.value, c.unit) for c in claims] == [(120.0, "tỷ đồng")]

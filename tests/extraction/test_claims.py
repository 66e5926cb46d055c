"""Claims from running text: kinds by section, ops, shared subjects, attached plan/baseline figures.

The sentences are written for these tests in the style of provincial resolutions and reports.
"""

from __future__ import annotations

from chitieu.extraction.claims import extract_claims
from chitieu.extraction.normalise import normalise

TARGETS_DOC = """II- Các chỉ tiêu chủ yếu đến năm 2030
1. Tốc độ tăng trưởng kinh tế bình quân đạt 8-9%/năm. Thu nhập bình quân đầu người đạt 90 triệu đồng. Tỷ lệ hộ nghèo giảm bình quân trên 3%/năm; không còn thôn dưới 10 tiêu chí.
2. 92% hộ dân, 80% tổ dân phố, 97% trường học đạt chuẩn văn minh. Hằng năm kết nạp từ 800 đảng viên trở lên; số trẻ em dưới 6 tuổi suy dinh dưỡng xuống dưới 12%.
C- NHIỆM VỤ, GIẢI PHÁP
1. Phát triển nông nghiệp
Mở rộng diện tích cây ăn quả lên 5.000 ha, trồng mới 900 ha quế.
"""

RESULTS_DOC = """B- KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT
1. Về phát triển kinh tế
Tăng trưởng kinh tế bình quân giai đoạn 2021-2024 ước đạt 6,2%/năm (Nghị quyết 8-9%); thu nhập bình quân đầu người năm 2024 đạt 71,5 triệu đồng, tăng 9,3 triệu đồng so với năm 2020. Sản lượng chè búp tươi đạt 41.000 tấn, bằng 91,1% kế hoạch.
2. Thực hiện các nhiệm vụ trọng tâm
Tỷ lệ hộ nghèo còn 12,4%.
"""


def claims_of(text: str) -> list:
    return list(extract_claims(text))


def test_targets_section_yields_targets_with_ops_and_deadline() -> None:
    claims = claims_of(TARGETS_DOC)
    targets = [c for c in claims if c.kind == "target"]
    by_value = {(c.value if c.op != "range" else (c.low, c.high)): c for c in targets}
    assert by_value[(8.0, 9.0)].unit == "%/năm" and by_value[(8.0, 9.0)].op == "range"
    assert by_value[90.0].unit == "triệu đồng" and by_value[90.0].deadline == 2030
    assert by_value[3.0].op == ">"
    assert by_value[800.0].op == ">=" and by_value[800.0].unit == "đảng viên"
    assert by_value[12.0].op == "<"
    zero = by_value[0.0]
    assert zero.unit == "thôn" and "10 tiêu chí" in zero.quote
    assert 10.0 not in by_value and 6.0 not in by_value  # name threshold and age are not quantities


def test_shared_predicate_is_given_to_every_number() -> None:
    claims = [c for c in claims_of(TARGETS_DOC) if c.value in (92.0, 80.0, 97.0)]
    assert len(claims) == 3
    assert all(c.indicator.endswith("đạt chuẩn văn minh") for c in claims)
    assert claims[0].indicator.startswith("hộ dân")
    assert claims[1].indicator.startswith("tổ dân phố")


def test_tasks_section_without_target_words_yields_nothing() -> None:
    claims = claims_of(TARGETS_DOC)
    assert not [c for c in claims if c.value in (5000.0, 900.0)]


def test_results_section_never_yields_targets_and_attaches_plan_and_change() -> None:
    claims = claims_of(RESULTS_DOC)
    # a review's only targets are the plans it quotes, each in the statement of the result measured against it
    assert claims and all(c.kind == "result" or c.role == "plan" for c in claims)
    values = [c.value for c in claims if c.kind == "result"]
    assert 6.2 in values and 71.5 in values and 41000.0 in values and 12.4 in values
    # the change and the plan ratio are figures of their statements, not levels of their own
    roles = {c.value: (c.role, c.unit, c.statement) for c in claims}
    assert roles[9.3][:2] == ("change", "triệu đồng") and roles[91.1][:2] == ("plan_ratio", "% kế hoạch")
    assert roles[9.3][2] == roles[71.5][2] and roles[91.1][2] == roles[41000.0][2]
    growth = next(c for c in claims if c.value == 6.2)
    assert "8-9%" in growth.plan and growth.hedge
    income = next(c for c in claims if c.value == 71.5)
    assert "9,3 triệu đồng" in income.change and income.baseline == "năm 2020"
    tea = next(c for c in claims if c.value == 41000.0)
    assert "91,1% kế hoạch" in tea.plan


def test_quote_is_the_exact_original_span() -> None:
    for doc in (TARGETS_DOC, RESULTS_DOC):
        for c in claims_of(doc):
            assert doc[c.start : c.end] == c.quote


def test_offsets_survive_normalisation() -> None:
    text = "II- Các chỉ tiêu chủ yếu\n**Tỷ lệ** che phủ rừng³ đạt 55%⁴; thu ngân sách đạt 2.500 tỷ đồng¹²."
    claims = claims_of(text)
    assert [c.value for c in claims] == [55.0, 2500.0]
    for c in claims:
        assert text[c.start : c.end] == c.quote
    assert claims[0].quote.endswith("55%")


def test_decomposed_unicode_maps_back() -> None:
    import unicodedata

    text = unicodedata.normalize("NFD", "II- Các chỉ tiêu chủ yếu\nTỷ lệ trường đạt chuẩn quốc gia đạt 70%.")
    claims = claims_of(text)
    assert len(claims) == 1 and claims[0].value == 70.0
    assert text[claims[0].start : claims[0].end] == claims[0].quote
    assert unicodedata.normalize("NFC", claims[0].quote).endswith("đạt 70%")


def test_normalise_map() -> None:
    original = "Khóa XIV¹ đạt **98%** và 12 km² đường"
    n = normalise(original)
    assert n.text == "Khóa XIV đạt 98% và 12 km² đường"
    i = n.text.index("98%")
    s, e = n.span(i, i + 3)
    assert original[s:e] == "98%"

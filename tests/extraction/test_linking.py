"""Linking indicator phrases to registry indicators: diacritics, abbreviations, units, proposals."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chitieu.domain import Indicator
from chitieu.extraction.linking import (
    ABBREVIATIONS,
    LINK_THRESHOLD,
    IndicatorLinker,
    fold,
    link_indicator,
    normalise_phrase,
    units_compatible,
)

REGISTRY = [
    Indicator("KT01", "Tốc độ tăng trưởng GRDP", "%"),
    Indicator("KT03", "Cơ cấu kinh tế", ""),
    Indicator("KT04", "Nông, lâm nghiệp, thủy sản", "%", parent_code="KT03"),
    Indicator("KT06", "Dịch vụ", "%", parent_code="KT03"),
    Indicator("KT15", "Tỷ lệ che phủ rừng", "%"),
    Indicator("KT16", "Thu ngân sách trên địa bàn", "Tỷ đồng"),
    Indicator("KT10", "Diện tích cây chè", "Ha"),
    Indicator("KT11", "Diện tích trồng chè mới", "Ha"),
    Indicator("VX05", "Tiểu học", "%", parent_code="VX03"),
    Indicator("VX06", "Trung học cơ sở", "%", parent_code="VX03"),
    Indicator("VX03", "Tỷ lệ huy động học sinh trong độ tuổi đến trường", ""),
    Indicator("VX12", "Mức giảm tỷ lệ hộ nghèo", "%"),
    Indicator("VX13", "Mức giảm tỷ lệ hộ nghèo các huyện nghèo", "%"),
    Indicator("VX14", "Giải quyết việc làm cho lao động hằng năm", "Người/năm"),
]


@pytest.mark.parametrize(
    ("phrase", "unit", "code"),
    [
        ("tỷ lệ che phủ rừng", "%", "KT15"),
        ("Ty le che phu rung", "%", "KT15"),  # typed without diacritics
        ("tỉ lệ che phủ rừng", "", "KT15"),  # the other spelling of tỷ
        ("thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "KT16"),
        ("Cơ cấu kinh tế: dịch vụ", "%", "KT06"),
        ("tỷ lệ huy động học sinh THCS", "%", "VX06"),
        ("mức giảm tỷ lệ hộ nghèo các huyện nghèo", "%", "VX13"),
        ("số lao động được giải quyết việc làm", "lao động/năm", "VX14"),
        ("diện tích chè trồng mới", "ha", "KT11"),
    ],
)
def test_links_to_the_right_indicator(phrase: str, unit: str, code: str) -> None:
    result = link_indicator(phrase, REGISTRY, unit)
    assert result.best is not None, result
    assert result.best.indicator_code == code
    assert result.best.score >= LINK_THRESHOLD
    assert result.proposal is None
    assert all(a.score <= result.best.score for a in result.alternatives)
    assert result.best.indicator_code not in {a.indicator_code for a in result.alternatives}


def test_unknown_indicator_gets_a_proposal_and_alternatives() -> None:
    result = link_indicator("số doanh nghiệp thành lập mới", REGISTRY, "doanh nghiệp")
    assert result.best is None
    assert result.proposal is not None and result.proposal.name == "Số doanh nghiệp thành lập mới"
    assert result.proposal.unit == "doanh nghiệp"
    assert len(result.alternatives) == 3


def test_incompatible_unit_lowers_the_score() -> None:
    linker = IndicatorLinker(REGISTRY)
    same = linker.scores("diện tích cây chè", "ha")[0]
    other = linker.scores("diện tích cây chè", "tỷ đồng")[0]
    assert same.indicator_code == other.indicator_code == "KT10"
    assert same.unit_compatible is True and other.unit_compatible is False
    assert other.score < same.score


def test_semantic_scorer_is_blended_in() -> None:
    calls: list[tuple[str, int]] = []

    def semantic(phrase: str, names: Sequence[str]) -> list[float]:
        calls.append((phrase, len(names)))
        return [1.0 if name == "Diện tích trồng chè mới" else 0.0 for name in names]

    plain = IndicatorLinker(REGISTRY).scores("chè", "ha")
    blended = IndicatorLinker(REGISTRY, semantic=semantic).scores("chè", "ha")
    assert calls == [("chè", len(REGISTRY))]
    assert blended[0].indicator_code == "KT11"
    assert {c.indicator_code: c.score for c in blended}["KT11"] > {c.indicator_code: c.score for c in plain}["KT11"]


def test_units_compatible() -> None:
    assert units_compatible("%", "%") is True
    assert units_compatible("tỷ đồng", "triệu đồng") is True
    assert units_compatible("ha", "%") is False
    assert units_compatible("", "%") is None
    assert units_compatible("cái gì đó", "%") is None


def test_normalise_and_fold() -> None:
    assert normalise_phrase("Tỉ lệ hộ nghèo (%)") == "tỷ lệ hộ nghèo %"
    assert normalise_phrase("Học sinh THPT") == "học sinh trung học phổ thông"
    assert fold("Tỷ lệ đô thị hóa Đắk Lắk") == "Ty le do thi hoa Dak Lak"
    assert all(k == k.lower() for k in ABBREVIATIONS)


@given(st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạếềểễệốồổỗộớờởỡợ ", min_size=1, max_size=40))
def test_an_indicator_name_links_to_itself(name: str) -> None:
    if not normalise_phrase(name):
        return
    registry = [*REGISTRY, Indicator("NEW", name, "")]
    ranked = IndicatorLinker(registry).scores(name)
    top = ranked[0]
    assert top.score == pytest.approx(1.0, abs=1e-3)
    assert "NEW" in {c.indicator_code for c in ranked if c.score == top.score}

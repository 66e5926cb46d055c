"""What review makes of a claim (chitieu.extraction.proposals): periods, new indicators' names, target kinds."""

from __future__ import annotations

from pathlib import Path

import pytest

from chitieu.domain import Period, Polarity
from chitieu.extraction.claims import document_year, extract_claims
from chitieu.extraction.proposals import (
    PeriodError,
    claim_period,
    indicator_name,
    propose_indicator,
    target_kind,
)

JOURNEY = Path(__file__).parents[1] / "journey" / "fixtures" / "nq_dai_hoi_xiii_chi_tieu.txt"


@pytest.mark.parametrize(("text", "kind", "expected"), [
    ("đến năm 2030", "target", Period(2030, 2030)),
    ("Đến năm 2025", "target", Period(2025, 2025)),
    ("năm 2026", "result", Period(2026, 2026)),
    ("giai đoạn 2021 - 2025", "target", Period(2021, 2025)),
    ("nhiệm kỳ 2020-2025", "result", Period(2020, 2025)),
    ("6 tháng đầu năm 2024", "result", Period(2024, 2024)),
    ("ước đến hết năm 2025", "result", Period(2025, 2025)),
    ("giai đoạn 2021-25", "target", Period(2021, 2025)),
    ("2021-2023", "result", Period(2021, 2023)),  # a table column's years
    ("hằng năm", "target", None),  # the plan's deadline
    ("bình quân năm", "target", None),
    ("hằng năm", "result", Period(2024, 2024)),  # the reporting document's year
    ("đến nay", "result", Period(2024, 2024)),
    ("", "result", Period(2024, 2024)),
])
def test_period_words(text: str, kind: str, expected: Period | None) -> None:
    assert claim_period(text, kind=kind, document_year=2024) == expected


def test_a_result_without_year_or_document_date_has_no_period() -> None:
    assert claim_period("đến nay", kind="result") is None
    with pytest.raises(PeriodError):
        claim_period("giai đoạn 2025-2021", kind="target")


@pytest.mark.parametrize("name", ["001_59c43febfd11ba0f.txt", "002_afab32be4bedbcb5.txt"])
def test_every_period_the_extractor_emits_on_the_corpus_is_read(corpus_dir: Path, name: str) -> None:
    """The extractor's own period texts on real documents: each is a period review accepts (none refused)."""
    text = (corpus_dir / name).read_text(encoding="utf-8")
    year = document_year(text)
    periods = {(c.kind, c.period) for c in extract_claims(text)}
    assert len({p for _, p in periods}) > 5  # the documents do use many period phrases
    for kind, phrase in periods:
        found = claim_period(phrase, kind=kind, document_year=year or 2023)
        if kind == "result":
            assert found is not None, phrase
        if found is not None:
            assert 1990 <= found.start <= found.end <= 2050, phrase


def test_every_period_of_the_national_resolution_is_read() -> None:
    text = JOURNEY.read_text(encoding="utf-8")
    claims = list(extract_claims(text))
    assert {c.period for c in claims} >= {"", "Đến năm 2025", "năm 2025"}
    for c in claims:
        found = claim_period(c.period, kind=c.kind)
        assert found is None or found == Period(2025, 2025)


def test_new_indicator_names_are_cleaned_and_completed() -> None:
    before = "Về kinh tế: Tốc độ tăng trưởng kinh tế ("
    assert indicator_name("GDP) bình quân 5 năm", before + "GDP) bình quân 5 năm đạt khoảng 6,5 - 7%/năm") == \
        "Tốc độ tăng trưởng kinh tế (GDP) bình quân 5 năm"
    assert indicator_name("GDP) bình quân 5 năm") == "GDP bình quân 5 năm"  # no text to complete it from
    assert indicator_name("giữ tỉ lệ che phủ rừng") == "Tỉ lệ che phủ rừng"
    assert indicator_name("tỉ lệ thất nghiệp ở khu vực thành thị năm 2025") == "Tỉ lệ thất nghiệp ở khu vực thành thị"
    assert indicator_name("  tỷ lệ hộ nghèo (theo chuẩn mới ") == "Tỷ lệ hộ nghèo"
    # a phrase cut at a comma inside one measure is joined to the measure's head …
    context = "Đến năm 2025, tỉ lệ sử dụng nước sạch, nước hợp vệ sinh của dân cư thành thị là 95 - 100%"
    assert indicator_name("nước hợp vệ sinh của dân cư thành thị", context) == \
        "Tỉ lệ sử dụng nước sạch, nước hợp vệ sinh của dân cư thành thị"
    assert indicator_name("chế tạo trong GDP", "tỉ trọng công nghiệp chế biến, chế tạo trong GDP đạt trên 25%") == \
        "Tỉ trọng công nghiệp chế biến, chế tạo trong GDP"
    # … but not to the previous indicator (a figure), nor to a clause that is no measure, nor a measure of its own
    assert indicator_name("nông thôn", "thành thị là 95 - 100%, nông thôn là 93 - 95%") == "Nông thôn"
    assert indicator_name("kinh tế số", "Về kinh tế, kinh tế số đạt 20%") == "Kinh tế số"
    assert indicator_name("tỷ lệ che phủ rừng", "tỷ lệ hộ nghèo, tỷ lệ che phủ rừng đạt 42%") == "Tỷ lệ che phủ rừng"


def test_a_proposal_keeps_the_unit_as_written_and_says_why_its_direction() -> None:
    p = propose_indicator("GDP bình quân đầu người", "", "USD", "range", None, 4700, 5000)
    assert (p.name, p.unit, p.polarity) == ("GDP bình quân đầu người", "USD", Polarity.HIGHER_BETTER)
    poor = propose_indicator("tỉ lệ thất nghiệp", "", "%", "<", 4)
    assert poor.polarity is Polarity.LOWER_BETTER and "<" in poor.polarity_reason


def test_target_kinds() -> None:
    assert target_kind("%/năm") == "annual_rate"
    assert target_kind("%", per_year=True) == "annual_rate"
    assert target_kind("người/năm") == "per_year"
    assert target_kind("lao động", per_year=True) == "per_year"
    assert target_kind("%") == "level"

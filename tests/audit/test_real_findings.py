"""The audit finds the real inconsistencies of the 2023 report (corpus 002) and the 2020 draft (001).

Each expected finding was computed by hand from the documents:
- Phụ lục 3, GRDP per capita end of term: 58,7 ÷ 65 = 90,3%, printed 90,4%.
- Phụ lục 3, "Đảng viên hoàn thành tốt nhiệm vụ": 95 against ">90" is 105,6%, printed "95".
- Phụ lục 3, "Kết nạp đảng viên mới": 2.840 in 2021-2023 against >1.000 a year (3.000) is 94,7%, printed
  "100" and "Đạt".
- Phụ lục 3, tax share 6,0 against 8,71 printed "Đạt".
- Phụ lục 1, "Tổng" row: 27.728 + 9.010 + 137.738 = 174.476 people, printed 174.926.
- Mục II.5.1 states 55 component indicators (table: 54 rows with targets), 27 "theo lộ trình" (table: 25
  rows "Chưa đạt" at mid-term but Đạt/Vượt at the end) and 6 "khó đạt" (table: 7 "Khó đạt").
- Budget revenue 2023: 2.134 in the text, 2.134,6 in the table; GRDP per capita 47,45 vs 47,5 (rounding).
- Forest cover target: 53% in the 2020 draft, 54,0 adopted; trained labour 62,79% → 62,8 (rounding).
"""

from __future__ import annotations

import pytest

from chitieu.audit import Finding, Severity, run_audit
from chitieu.domain import PlanBundle
from chitieu.services.audit import audit_bundle
from chitieu.services.datasets import read_dataset


def _find(findings: list[Finding], code: str, name_start: str = "", **expected: str) -> Finding:
    for f in findings:
        if (f.code == code and f.indicator_name.lstrip("+ ").startswith(name_start)
                and all(getattr(f, k) == v for k, v in expected.items())):
            return f
    raise AssertionError(f"no {code} finding for {name_start!r} {expected}: {[f.message for f in findings]}")


@pytest.fixture(scope="module")
def document_findings(document_bundle: PlanBundle) -> list[Finding]:
    stated = read_dataset("laichau_xiv")[0].contents["LC-XIV"].stated_counts  # the report's own counts, as data
    return run_audit(document_bundle, stated)


@pytest.fixture(scope="module")
def dataset_findings(dataset_bundles: dict[str, PlanBundle]) -> list[Finding]:
    return audit_bundle(dataset_bundles["LC-XIV"]) + audit_bundle(dataset_bundles["LC-XIV-QT"])


@pytest.fixture(params=["document", "dataset"])
def findings(request: pytest.FixtureRequest) -> list[Finding]:
    return request.getfixturevalue(f"{request.param}_findings")


def test_stated_ratio_mismatches(findings: list[Finding]) -> None:
    grdp = _find(findings, "ratio_mismatch", "GRDP bình quân", period="2020-2025")
    assert (grdp.expected, grdp.actual) == ("90,3%", "90,4%")
    members = _find(findings, "ratio_mismatch", "Đảng viên hoàn thành", period="2021-2023")
    assert (members.expected, members.actual, members.severity) == ("105,6%", "95%", Severity.ERROR)
    admitted = _find(findings, "ratio_mismatch", "Kết nạp", period="2021-2023")
    assert (admitted.expected, admitted.actual) == ("94,7%", "100%")
    assert not any(f.code == "ratio_mismatch" and f.indicator_name.startswith("Thu ngân sách") for f in findings)


def test_per_unit_table_total_row(findings: list[Finding]) -> None:
    row = _find(findings, "row_sum_mismatch")
    assert (row.expected, row.actual) == ("174.476", "174.926")
    assert "Phụ lục 1" in row.locations[0]
    # the column totals and the printed "Đạt tỷ lệ %" of every unit are right: nothing else reported
    assert [f.code for f in findings if f.code in ("total_mismatch", "unit_ratio_mismatch", "row_sum_mismatch")] == [
        "row_sum_mismatch"
    ]


def test_stated_counts_against_rows(findings: list[Finding]) -> None:
    counts = {(f.actual, f.expected) for f in findings if f.code == "count_mismatch"}
    assert counts == {("55", "54"), ("27", "25"), ("6", "7")}


def test_narrative_against_appendix(findings: list[Finding]) -> None:
    budget = _find(findings, "value_conflict", "Thu ngân sách")
    assert budget.severity is Severity.WARNING and budget.expected == "2.134,6" and budget.actual.startswith("2.134")
    grdp = _find(findings, "value_conflict", "GRDP bình quân")
    assert grdp.severity is Severity.INFO and grdp.actual.startswith("47,45")


def test_target_revisions(findings: list[Finding]) -> None:
    forest = _find(findings, "target_revised", "Tỷ lệ che phủ rừng")
    assert forest.severity is Severity.WARNING and forest.expected.startswith("53") and forest.actual == "54,0"
    electricity = _find(findings, "target_revised", "Tỷ lệ hộ dân được sử dụng điện")
    assert electricity.severity is Severity.WARNING
    labour = _find(findings, "target_revised", "Tỷ lệ lao động qua đào tạo")
    assert labour.severity is Severity.INFO


def test_official_verdicts_contradicting_the_numbers(findings: list[Finding]) -> None:
    flagged = {(f.indicator_name.lstrip("+ "), f.period) for f in findings if f.code == "verdict_inconsistent"}
    assert flagged == {("Kết nạp đảng viên mới", "2021-2023"), ("Thuế sản phẩm trừ trợ cấp sản phẩm", "2020-2025")}


def test_findings_are_data(document_findings: list[Finding]) -> None:
    data = document_findings[0].to_dict()
    assert set(data) >= {"code", "severity", "message", "indicator_code", "expected", "actual", "locations"}
    assert data["severity"] == "error" and isinstance(data["locations"], list)

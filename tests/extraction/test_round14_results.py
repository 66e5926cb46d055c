"""Round 14 (results and plan values in finance reports: customs, budget, credit, social insurance): rules found on
the failures of the round's fix half.

Every sentence here is written for these tests, in the style of those reports, with invented figures.
"""

from __future__ import annotations

from chitieu.extraction.claims import extract_claims


def claims(text: str) -> dict[float, tuple[str, str, str]]:
    return {c.value: (c.kind, c.role, c.unit) for c in extract_claims(text + "\n") if c.value is not None}


def test_a_stretch_target_named_as_the_basis_promises_nothing() -> None:
    got = claims(
        "Tính đến ngày 20/11, toàn ngành thu ngân sách đạt 41.250 tỷ đồng, vượt 3,2% chỉ tiêu pháp lệnh, "
        "đạt 96,4% so với chỉ tiêu phấn đấu, tăng 8,7% so với cùng kỳ năm 2022."
    )
    assert got[41250] == ("result", "level", "tỷ đồng")
    assert got[96.4][:2] == ("result", "plan_ratio")
    assert got[8.7] == ("result", "change", "%")


def test_a_stretch_target_still_promises_when_it_is_the_subject() -> None:
    got = claims("Năm 2026, chỉ tiêu phấn đấu thu ngân sách của ngành là 45.000 tỷ đồng.")
    assert got[45000][0] == "target"


def test_the_plan_value_in_brackets_after_the_named_plan_is_a_target() -> None:
    got = claims("Đến ngày 20/11, toàn ngành thu được 41.250 tỷ đồng, đạt 96,4% so với chỉ tiêu phấn đấu (42.800 tỷ đồng).")
    assert got[42800] == ("target", "plan", "tỷ đồng")
    assert got[41250][:2] == ("result", "level")


def test_an_estimate_named_as_a_target_is_still_the_estimate() -> None:
    got = claims("Cục Thuế tỉnh thu được 3.420 tỷ đồng (đạt 71,5% chỉ tiêu dự toán); Chi cục Thuế thành phố thu 845,6 tỷ đồng, bằng 118,3% chỉ tiêu dự toán.")
    assert got[71.5] == ("result", "plan_ratio", "% dự toán")
    assert got[118.3] == ("result", "plan_ratio", "% dự toán")


def test_the_assigned_plan_of_a_council_before_the_bracket_is_the_plan_value() -> None:
    got = claims("Năm 2024, số hộ tham gia bảo hiểm nông nghiệp là 3.150 hộ, so với chỉ tiêu giao của UBND tỉnh (3.000 hộ) đạt 105%.")
    assert got[3000][:2] == ("target", "plan")
    assert got[105] == ("result", "plan_ratio", "% kế hoạch")


def test_a_ratio_after_the_plan_named_before_the_verb() -> None:
    got = claims("Năm 2024, tổng chi ngân sách huyện ước 612 tỷ đồng, so với dự toán năm bằng 97,5%.")
    assert got[97.5] == ("result", "plan_ratio", "% dự toán")


def test_a_ratio_to_plan_in_brackets_after_a_change_is_no_earlier_level() -> None:
    got = claims(
        "Đến cuối năm 2024, tổng dư nợ cho vay của chi nhánh đạt 2.310 tỷ đồng, "
        "tăng 9,4% so với cuối năm 2023 (đạt 98,2% kế hoạch được giao)."
    )
    assert got[98.2] == ("result", "plan_ratio", "% kế hoạch")
    assert got[9.4][1] == "change"


def test_a_bound_on_revenue_naming_who_reached_it_is_no_claim() -> None:
    got = claims("Đến ngày 15/9, có 4 chi cục đạt số thu trên 2.000 tỷ đồng; Chi cục Thuế khu vực I đạt số thu 2.640 tỷ đồng.")
    assert 2000 not in got
    assert got[2640][:2] == ("result", "level")


def test_a_list_item_without_a_unit_keeps_the_unit_of_the_item_before() -> None:
    got = claims(
        "Cục Thuế tỉnh A thu được 3.420 tỷ đồng (đạt 71,5% chỉ tiêu dự toán); "
        "Cục Thuế tỉnh B thu 2.180 (đạt 66,2% chỉ tiêu dự toán)."
    )
    assert got[2180] == ("result", "level", "tỷ đồng")
    assert got[66.2] == ("result", "plan_ratio", "% dự toán")


def test_a_bare_figure_after_another_verb_takes_no_unit_from_the_list() -> None:
    got = claims("Năm 2024, xã A thu ngân sách 12 tỷ đồng; xã B có 1.240 (đạt 80%).")
    assert got.get(1240, ("", "", ""))[2] != "tỷ đồng"
    assert got[12][2] == "tỷ đồng"


def test_a_bound_on_revenue_from_a_figure_up_is_no_claim_either() -> None:
    got = claims("Đến ngày 15/9, có 16 chi cục đạt số thu ngân sách từ 500 tỷ đồng trở lên.")
    assert 500 not in got


def test_a_bound_on_the_ratio_to_plan_naming_who_reached_it_is_no_claim() -> None:
    got = claims("Năm 2024, tỉnh là 1 trong 6 cục đạt số thu hải quan trên 90% so với dự toán; Cục thu được 9.120 tỷ đồng.")
    assert 90 not in got
    assert got[9120][:2] == ("result", "level")


def test_a_bound_defining_a_grade_in_brackets_is_no_claim() -> None:
    got = claims("Có 5 khoản thu đạt khá (trên 30% so với dự toán), trong đó thuế tài nguyên ước đạt 41%.")
    assert 30 not in got
    assert got[41][0] == "result"


def test_a_clause_opening_with_the_plan_quoted_gives_the_plan_and_its_ratio() -> None:
    got = claims(
        "Tính đến ngày 30/9/2024, số người tham gia bảo hiểm thất nghiệp toàn tỉnh là 41.260 người; "
        "so với chỉ tiêu giao của UBND tỉnh (45.000 người) đạt 91,7%."
    )
    assert got[45000] == ("target", "plan", "người")
    assert got[91.7] == ("result", "plan_ratio", "% kế hoạch")
    assert got[41260][:2] == ("result", "level")


def test_a_clause_opening_with_the_earlier_level_quoted_gives_no_level() -> None:
    got = claims("Năm 2024, số người tham gia tự nguyện là 9.120 người; so với cùng kỳ năm 2023 (7.940 người); tăng 1.180 người.")
    assert got[7940][1] == "baseline"


def test_a_plan_quoted_at_a_clause_opening_joins_the_statement_of_the_level_before() -> None:
    got = {c.value: c for c in extract_claims(
        "Tính đến ngày 30/9/2024, số người tham gia bảo hiểm thất nghiệp toàn tỉnh là 41.260 người; "
        "tăng 2.150 người; so với chỉ tiêu giao của UBND tỉnh (45.000 người) đạt 91,7%.\n"
    )}
    assert got[45000].statement == got[41260].statement == got[91.7].statement
    assert got[45000].indicator == got[41260].indicator


def test_a_plan_quoted_in_another_unit_opens_its_own_statement() -> None:
    got = {c.value: c for c in extract_claims(
        "Năm 2024, tổng thu ngân sách huyện đạt 412 tỷ đồng; so với chỉ tiêu giao của UBND tỉnh (96%) đạt 101%.\n"
    )}
    assert got[412].statement != got[101].statement

"""The bundled Lai Châu XIV dataset: table layout, codes, references, indicator catalogue."""

from __future__ import annotations

from collections import Counter

import pytest
from laichau_dataset import MAIN_PLAN, STUDY_PLAN, TABLES, Rows, read_table

from chitieu.vocab.units import conversion_factor, looks_like_count_noun, lookup_unit

# Columns of docs/registry-format.md (required ones first in each list).
FORMAT = {
    "documents": ["code", "title", "kind", "issued_on", "issuer", "note"],
    "plans": ["code", "title", "kind", "number", "issued_on", "issuer", "term_start", "term_end", "parent_code",
              "budget", "budget_note", "source_document", "source_location", "source_quote"],
    "org_units": ["code", "name", "kind", "parent_code", "valid_from", "valid_to"],
    "groups": ["plan_code", "code", "name", "parent_code", "order"],
    "indicators": ["plan_code", "code", "name", "unit", "polarity", "group_code", "parent_code", "number", "order",
                   "description"],
    "targets": ["plan_code", "indicator_code", "version", "text", "op", "value", "low", "high", "kind", "start_year",
                "deadline", "unit", "baseline_year", "baseline_value", "source_document", "source_location",
                "source_quote"],
    "observations": ["plan_code", "indicator_code", "period", "text", "value", "op", "org_unit_code", "flag",
                     "stated_ratio", "stated_verdict", "source_document", "source_location", "source_quote"],
}


def main_indicators(tables: dict[str, Rows]) -> Rows:
    return [r for r in tables["indicators"] if r["plan_code"] == MAIN_PLAN]


@pytest.mark.parametrize("name", TABLES)
def test_columns_follow_the_exchange_format(name: str) -> None:
    columns, rows = read_table(name)
    assert columns == FORMAT[name]
    assert rows, f"{name}.csv is empty"


def test_codes_are_unique(tables: dict[str, Rows]) -> None:
    for name in ("documents", "plans", "org_units"):
        codes = [r["code"] for r in tables[name]]
        assert len(codes) == len(set(codes)), name
    for name in ("groups", "indicators"):
        keys = [(r["plan_code"], r["code"]) for r in tables[name]]
        assert len(keys) == len(set(keys)), name
    targets = [(r["indicator_code"], r["version"]) for r in tables["targets"]]
    assert len(targets) == len(set(targets))


def test_references_resolve(tables: dict[str, Rows]) -> None:
    plans = {r["code"] for r in tables["plans"]}
    documents = {r["code"] for r in tables["documents"]}
    units = {r["code"] for r in tables["org_units"]}
    groups = {(r["plan_code"], r["code"]) for r in tables["groups"]}
    indicators = {(r["plan_code"], r["code"]) for r in tables["indicators"]}
    for r in tables["plans"]:
        assert r["parent_code"] in plans | {""}
        assert r["source_document"] in documents
    for r in tables["org_units"]:
        assert r["parent_code"] in units | {""}
    for r in tables["indicators"]:
        assert r["plan_code"] in plans
        assert (r["plan_code"], r["group_code"]) in groups
        assert not r["parent_code"] or (r["plan_code"], r["parent_code"]) in indicators
    for name in ("targets", "observations"):
        for r in tables[name]:
            assert (r["plan_code"], r["indicator_code"]) in indicators, r
            assert r["source_document"] in documents, r
    for r in tables["observations"]:
        assert r["org_unit_code"] in units | {""}


def test_main_plan_has_every_appendix_row(tables: dict[str, Rows]) -> None:
    indicators = main_indicators(tables)
    with_target = {r["indicator_code"] for r in tables["targets"] if r["version"] == "adopted"}
    headers = [r for r in indicators if r["code"] not in with_target]
    # 54 rows of the appendix carry a target; the two header rows become parents without targets.
    assert len(with_target) == 54
    assert {r["name"] for r in headers} == {"Cơ cấu kinh tế", "Tỷ lệ huy động học sinh trong độ tuổi đến trường"}
    assert Counter(r["group_code"] for r in indicators) == {"I": 25, "II": 23, "III": 2, "IV": 6}
    assert sorted({int(r["number"]) for r in indicators}) == list(range(1, 12))
    assert [int(r["order"]) for r in indicators] == list(range(1, 57))


def test_split_and_prefixed_names_are_joined(tables: dict[str, Rows]) -> None:
    names = {r["name"] for r in main_indicators(tables)}
    assert "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi" in names
    assert any(n.startswith("Tỷ lệ số xã, phường, thị") and n.endswith("xử lý rác thải sinh hoạt") for n in names)
    assert not any(n.startswith("+") or n.endswith(":") for n in names)
    assert {"Nông, lâm nghiệp, thủy sản", "Thuế sản phẩm trừ trợ cấp sản phẩm"} <= names


def test_structure_rows_hang_under_their_header(tables: dict[str, Rows]) -> None:
    by_code = {r["code"]: r for r in main_indicators(tables)}
    structure = [r for r in by_code.values() if r["parent_code"] == "KT03"]
    assert len(structure) == 4
    assert {r["polarity"] for r in structure} == {"neutral_structure"}
    enrolment = [r["name"] for r in by_code.values() if r["parent_code"] == "VX03"]
    assert enrolment == ["Mẫu giáo", "Tiểu học", "Trung học cơ sở", "Trung học phổ thông"]


def test_polarity_follows_the_wording(tables: dict[str, Rows]) -> None:
    indicators = main_indicators(tables)
    lower = {r["name"] for r in indicators if r["polarity"] == "lower_better"}
    assert all("suy dinh dưỡng" in n for n in lower) and len(lower) == 2
    for r in indicators:
        if r["name"].startswith("Mức giảm"):
            assert r["polarity"] == "higher_better", r["name"]


def test_units_are_known_to_the_vocabulary(tables: dict[str, Rows]) -> None:
    for r in tables["indicators"]:
        if r["unit"]:
            assert lookup_unit(r["unit"]) is not None or looks_like_count_noun(r["unit"]), r["unit"]
    units_written = {r["unit"] for r in main_indicators(tables)}
    assert units_written == {"", "%", "Triệu đồng", "Nghìn tấn", "Ha", "Huyện", "Tỷ đồng", "%/năm", "Xã", "Bác sỹ",
                             "%o/năm", "Người/năm", "Đảng viên"}


def test_target_units_convert_to_the_indicator_unit(tables: dict[str, Rows]) -> None:
    unit_of = {(r["plan_code"], r["code"]): r["unit"] for r in tables["indicators"]}
    for r in tables["targets"]:
        indicator_unit = unit_of[(r["plan_code"], r["indicator_code"])]
        assert conversion_factor(r["unit"], indicator_unit) is not None, r


def test_register_of_phu_luc_2(tables: dict[str, Rows]) -> None:
    register = [r for r in tables["plans"] if r["source_location"].startswith("Phụ lục 2")]
    assert len(register) == 18
    assert Counter(r["kind"] for r in register) == {"resolution": 7, "project": 3, "conclusion": 8}
    assert {r["parent_code"] for r in register} == {MAIN_PLAN}
    numbers = [r["number"] for r in register]
    assert numbers[:3] == ["03-NQ/TU", "04-NQ/TU", "05-NQ/TU"] and numbers[-1] == "224-KL/TU"
    assert all(r["issued_on"][:4] in {"2020", "2021", "2022"} for r in register)


def test_key_programmes_carry_the_stated_budgets(tables: dict[str, Rows]) -> None:
    programmes = {r["code"]: r for r in tables["plans"] if r["code"].startswith("CT-")}
    assert len(programmes) == 4
    assert {c: p["budget"] for c, p in programmes.items()} == {
        "CT-NNHH": "49", "CT-RUNG": "176,515", "CT-VHDL": "110", "CT-CANBO": ""}


def test_org_units_of_phu_luc_1(tables: dict[str, Rows]) -> None:
    units = {r["code"]: r for r in tables["org_units"]}
    assert units["LC"]["parent_code"] == ""
    districts = [r for r in units.values() if r["parent_code"] == "LC" and r["kind"] in {"huyện", "thành phố"}]
    assert len(districts) == 8
    committees = [r for r in units.values() if r["kind"] == "đảng bộ trực thuộc"]
    assert {r["name"] for r in committees} == {"Công an tỉnh", "Đảng bộ BDBP tỉnh", "Khối các CQ-DN",
                                               "Đảng bộ Quân sự tỉnh"}
    # 8 district committees + 4 sectoral ones = the 12 committees the report counts under the province.
    assert len(districts) + len(committees) == 12


def test_study_plan_indicators_have_no_targets(tables: dict[str, Rows]) -> None:
    assert not [r for r in tables["targets"] if r["plan_code"] == STUDY_PLAN]
    study = [r for r in tables["indicators"] if r["plan_code"] == STUDY_PLAN]
    assert len(study) == 11

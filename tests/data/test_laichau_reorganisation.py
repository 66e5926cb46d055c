"""The 2025 reorganisation of Lai Châu's units as shipped in the bundled dataset, checked against its sources.

Sources: Nghị quyết 1670/NQ-UBTVQH15 (16/6/2025), Điều 1 (which former commune-level units make each new
commune or ward), and the statistics office's list of the province's 106 commune-level units as of 1 March 2025
(``laichau_communes_2025.csv``: code, name, kind, district; ``name_in_resolution`` where the resolution spells a
name otherwise than the list beyond accents and tone-mark placement). The district level ended on 1 July 2025.
"""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from chitieu.domain import Registry, UnitChangeKind
from chitieu.domain.unit_history import carry_over, hierarchy_on, predecessors, rollup, successors_on
from chitieu.grammar.text import fold
from chitieu.services.datasets import bundled_dataset_path
from chitieu.services.transfer import read_registry

BEFORE, AFTER = date(2025, 6, 30), date(2025, 7, 1)
FORMER_KINDS = ("xã", "phường", "thị trấn")
STATISTICS_LIST = Path(__file__).with_name("laichau_communes_2025.csv")
DISTRICTS = {"105": "LC-TP-LAI-CHAU", "106": "LC-TAM-DUONG", "107": "LC-MUONG-TE", "108": "LC-SIN-HO",
             "109": "LC-PHONG-THO", "110": "LC-THAN-UYEN", "111": "LC-TAN-UYEN", "112": "LC-NAM-NHUN"}


@pytest.fixture(scope="module")
def registry() -> Registry:
    loaded, report = read_registry(bundled_dataset_path("laichau_xiv"))
    assert loaded is not None and report.errors() == []
    return loaded


@pytest.fixture(scope="module")
def statistics_list() -> list[dict[str, str]]:
    with STATISTICS_LIST.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _bare(name: str) -> str:
    """The unit's name without its kind ("Thị trấn Mường Tè" → "mương te" folded)."""
    for kind in ("Thị trấn ", "Phường ", "Xã "):
        if name.startswith(kind):
            return fold(name[len(kind):])
    return fold(name)


def test_the_statistics_list_counts_what_the_press_and_the_resolution_count(statistics_list: list[dict[str, str]]) -> None:
    # 106 units before: 94 communes, 5 wards, 7 towns (Đề án, Tiền Phong 04/2025); codes unique.
    assert len(statistics_list) == 106 and len({r["gso_code"] for r in statistics_list}) == 106
    assert Counter(r["kind"] for r in statistics_list) == {"xã": 94, "phường": 5, "thị trấn": 7}
    assert set(r["district_gso_code"] for r in statistics_list) == set(DISTRICTS)


def test_every_former_unit_of_the_list_maps_to_a_new_one(registry: Registry, statistics_list: list[dict[str, str]]) -> None:
    units = {u.code: u for u in registry.org_units}
    into = {c.predecessor_code: c.successor_code for c in registry.unit_changes}
    by_key = {(u.parent_code, u.kind, _bare(u.name)): u for u in units.values() if u.valid_on(BEFORE) and u.kind in FORMER_KINDS}
    for r in statistics_list:
        name = r["name_in_resolution"] or r["name"]
        unit = by_key.pop((DISTRICTS[r["district_gso_code"]], r["kind"], fold(name)), None)
        assert unit is not None, f"{r['gso_code']} {r['kind']} {r['name']} ({r['district']}) is not in org_units"
        if unit.code in into:  # merged: the new unit exists from 1 July 2025, under the province
            assert units[into[unit.code]].valid_from == AFTER and units[into[unit.code]].parent_code == "LC"
            assert unit.valid_to == BEFORE
        else:  # the two communes the resolution leaves as they were
            assert r["name"] in ("Mù Cả", "Tà Tổng") and unit.valid_to is None
    assert by_key == {}, "org_units holds former units the statistics list does not know"


def test_the_spelling_table_is_needed_and_nothing_more(statistics_list: list[dict[str, str]]) -> None:
    # A name_in_resolution that folds like the listed name would be noise; the five kept ones are real variants.
    variants = {r["name"]: r["name_in_resolution"] for r in statistics_list if r["name_in_resolution"]}
    assert all(fold(a) != fold(b) for a, b in variants.items())
    assert variants == {"Lả Nhì Thàng": "Lản Nhì Thàng", "Hua Bun": "Hua Bum", "Kan Hồ": "Can Hồ",
                        "Tông Qua Lìn": "Tung Qua Lìn", "Ma Ly Pho": "Ma Li Pho"}
    # accents and tone-mark placement are the normaliser's job, not the table's
    assert fold("Pa Khoá") == fold("Pa Khóa") and fold("Tà Gia") == fold("Ta Gia") and fold("Pa ủ") == fold("Pa Ủ")


def test_counts_match_the_resolution(registry: Registry) -> None:
    changes = registry.unit_changes
    assert len(changes) == 104 and len({c.predecessor_code for c in changes}) == 104  # each former unit once
    new = Counter(c.successor_code for c in changes)
    assert len(new) == 36  # khoản 1–36
    units = {u.code: u for u in registry.org_units}
    assert Counter(units[c].kind for c in new) == {"xã": 34, "phường": 2}
    assert Counter(units[c.predecessor_code].kind for c in changes) == {"xã": 92, "phường": 5, "thị trấn": 7}
    # khoản 37: 38 units after (36 communes, 2 wards), of which Mù Cả and Tà Tổng not rearranged
    after = hierarchy_on(registry.org_units, AFTER)
    level = [c for c in after.children("LC") if after.units[c].kind in ("xã", "phường")]
    assert len(level) == 38 and set(level) - set(new) == {"LC-X-MU-CA", "LC-X-TA-TONG"}
    before = hierarchy_on(registry.org_units, BEFORE)
    assert sum(1 for c in before.units.values() if c.kind in FORMER_KINDS) == 106


def test_every_link_is_a_whole_merge_cited_to_its_clause(registry: Registry) -> None:
    names = {u.code: u.name for u in registry.org_units}
    clauses: dict[str, set[str]] = {}
    for c in registry.unit_changes:
        assert c.kind is UnitChangeKind.MERGE and c.weight is None and c.share == 1.0  # "toàn bộ diện tích …"
        assert c.effective_on == AFTER
        assert c.provenance is not None and c.provenance.document == "NQ-1670-UBTVQH15"
        assert c.provenance.quote.endswith(names[c.successor_code].lower().split(" ", 1)[0] + " "
                                           + names[c.successor_code].split(" ", 1)[1])
        clauses.setdefault(c.provenance.location, set()).add(c.successor_code)
    assert len(clauses) == 36 and all(len(v) == 1 for v in clauses.values())  # one new unit per clause
    assert set(clauses) == {f"Điều 1, khoản {n}" for n in range(1, 37)}


def test_some_clauses_spelled_out(registry: Registry) -> None:
    def formers(code: str) -> set[str]:
        return {names[p] for p in predecessors(registry.unit_changes, code)}

    names = {u.code: u.name for u in registry.org_units}
    assert formers("LC-X-MUONG-KIM") == {"Xã Tà Mung", "Xã Tà Hừa", "Xã Pha Mu", "Xã Mường Kim"}  # khoản 1
    assert formers("LC-X-BUM-TO") == {"Thị trấn Mường Tè", "Xã Can Hồ", "Xã Bum Tở"}  # khoản 31
    assert formers("LC-X-MUONG-TE") == {"Xã Nậm Khao", "Xã Mường Tè"}  # khoản 32: the commune, not the town
    assert formers("LC-P-DOAN-KET") == {"Phường Đoàn Kết", "Phường Quyết Tiến", "Phường Quyết Thắng",
                                        "Xã Lản Nhì Thàng", "Xã Sùng Phài"}  # khoản 36


def test_new_units_formed_across_former_districts(registry: Registry) -> None:
    units = {u.code: u for u in registry.org_units}
    districts: dict[str, set[str]] = {}
    for c in registry.unit_changes:
        districts.setdefault(c.successor_code, set()).add(units[c.predecessor_code].parent_code or "")
    across = {code: d for code, d in districts.items() if len(d) > 1}
    assert across == {
        "LC-X-SIN-SUOI-HO": {"LC-PHONG-THO", "LC-TAM-DUONG"},  # Thèn Sin was of Tam Đường
        "LC-P-TAN-PHONG": {"LC-TP-LAI-CHAU", "LC-TAM-DUONG"},  # Nùng Nàng, Bản Giang
        "LC-P-DOAN-KET": {"LC-TP-LAI-CHAU", "LC-PHONG-THO"},  # Lả (Lản) Nhì Thàng
        "LC-X-LE-LOI": {"LC-NAM-NHUN", "LC-SIN-HO"},  # Chăn Nưa
        "LC-X-HUA-BUM": {"LC-NAM-NHUN", "LC-MUONG-TE"},  # Vàng San
        "LC-X-PA-TAN": {"LC-NAM-NHUN", "LC-SIN-HO"},  # Nậm Ban, Trung Chải
    }


def test_the_district_level_ends_on_30_june_2025(registry: Registry) -> None:
    before, after = hierarchy_on(registry.org_units, BEFORE), hierarchy_on(registry.org_units, AFTER)
    for district in DISTRICTS.values():
        assert district in before.units and district not in after.units
        assert before.units[district].valid_to == BEFORE
    assert len(before.children("LC-MUONG-TE")) == 14 and "LC-X-MU-CA" in before.children("LC-MUONG-TE")
    assert after.parent["LC-X-MU-CA"] == "LC" and after.parent["LC-X-TA-TONG"] == "LC"
    # a former district's territory on 1 July 2025: the new units its communes went into
    assert set(successors_on(registry.unit_changes, "LC-THAN-UYEN-X-TA-GIA", AFTER)) == {"LC-X-KHOEN-ON"}
    assert {c for c in before.children("LC-THAN-UYEN")
            for c in successors_on(registry.unit_changes, c, AFTER)} == {
        "LC-X-MUONG-KIM", "LC-X-KHOEN-ON", "LC-X-THAN-UYEN", "LC-X-MUONG-THAN"}


def test_values_carry_across_the_reform(registry: Registry) -> None:
    # A 2024 figure per former commune gives the new commune's 2024 figure; totals agree either side.
    before = hierarchy_on(registry.org_units, BEFORE)
    former = [c for c, u in before.units.items() if u.kind in FORMER_KINDS]
    values = {code: float(i + 1) for i, code in enumerate(sorted(former))}
    after = hierarchy_on(registry.org_units, AFTER)
    new = [c for c in after.children("LC") if after.units[c].kind in ("xã", "phường")]
    carried = {code: carry_over(values, code, registry.unit_changes) for code in new}
    assert all(m.complete for m in carried.values())
    assert sum(m.value or 0 for m in carried.values()) == sum(values.values())
    district_total = rollup(values, before).values["LC-THAN-UYEN"]
    assert district_total == sum(values[c] for c in before.children("LC-THAN-UYEN"))
    districts = rollup(values, before).values
    assert sum(districts[d] for d in DISTRICTS.values()) == sum(m.value or 0 for m in carried.values())

"""Successor links between org units in the store: round trip, update in place, events, on both databases."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from chitieu.domain import CitedDocument, OrgUnit, Plan, Provenance, Registry, UnitChange, UnitChangeKind
from chitieu.services.registry import load_registry, save_registry
from service_store import Store

REFORM = date(2025, 7, 1)


def registry(changes: list[UnitChange]) -> Registry:
    return Registry(
        documents=[CitedDocument("NQ1670", "Nghị quyết 1670/NQ-UBTVQH15")],
        org_units=[OrgUnit("A", "Xã A", "xã", valid_to=date(2025, 6, 30)), OrgUnit("B", "Xã B", "xã", valid_to=date(2025, 6, 30)),
                   OrgUnit("AB", "Xã AB", "xã", valid_from=REFORM)],
        plans=[Plan("NQ", "Nghị quyết")],
        unit_changes=changes,
        tables={"documents", "org_units", "plans", "unit_changes"},
    )


def test_links_round_trip_and_are_replaced(store: Store) -> None:
    source = Provenance("NQ1670", "Điều 1, khoản 5", "sáp nhập toàn bộ")
    first = [UnitChange("A", "AB", REFORM, UnitChangeKind.MERGE, None, "", source),
             UnitChange("B", "AB", REFORM, UnitChangeKind.SPLIT, 0.5)]
    store(save_registry, registry(first))
    assert store(load_registry).unit_changes == first  # type: ignore[attr-defined]
    second = [first[0], replace(first[1], weight=0.75)]
    changes = store(save_registry, registry(second))
    assert changes.counts()["org_unit_change"] == {"created": 0, "updated": 1, "deleted": 0}  # type: ignore[attr-defined]
    assert store(load_registry).unit_changes == second  # type: ignore[attr-defined]
    store(save_registry, registry(second[:1]))
    assert store(load_registry).unit_changes == second[:1]  # type: ignore[attr-defined]
    assert store.count("events") > 0 and store.count("org_unit_changes") == 1

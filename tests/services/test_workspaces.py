"""Workspaces: codes unique per workspace, two provinces side by side, permissions checked by the services."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_transfer import REGISTRY, write_registry

from chitieu.domain import Actor
from chitieu.messages import ChitieuError
from chitieu.services.registry import default_plan, list_plans, load_bundle, load_registry
from chitieu.services.transfer import import_registry
from chitieu.services.workspaces import create_workspace, get_workspace, list_workspaces, update_settings
from service_store import Store


def test_two_workspaces_hold_the_same_codes_apart(store: Store, tmp_path: Path) -> None:
    store(create_workspace, "tinh-b", "Tỉnh B")
    b = store.as_actor(Actor("test", workspace="tinh-b", role="admin"))
    store(import_registry, write_registry(tmp_path / "a"))
    other = dict(REGISTRY, plans=REGISTRY["plans"].replace("Nghị quyết Đại hội X", "Nghị quyết của tỉnh B"))
    assert b(import_registry, write_registry(tmp_path / "b", other)).written
    assert store(load_bundle, "NQ-X").plan.title == "Nghị quyết Đại hội X"
    assert b(load_bundle, "NQ-X").plan.title == "Nghị quyết của tỉnh B"
    assert store.count("plans") == 4 and store.count("indicators") == 8
    # changing one province leaves the other alone
    smaller = dict(REGISTRY, observations=REGISTRY["observations"].splitlines()[0] + "\n")
    b(import_registry, write_registry(tmp_path / "b2", smaller), replace=True, confirm=True)
    assert b(load_bundle, "NQ-X").observations == [] and len(store(load_bundle, "NQ-X").observations) == 4
    assert store(load_registry).documents == b(load_registry).documents


def test_an_empty_workspace_sees_nothing_of_the_others(store: Store, tmp_path: Path) -> None:
    store(import_registry, write_registry(tmp_path / "a"))
    store(create_workspace, "trong")
    empty = store.as_actor(Actor("test", workspace="trong", role="admin"))
    assert empty(list_plans) == []
    with pytest.raises(ChitieuError) as info:
        empty(load_bundle, "NQ-X")
    assert info.value.code == "plan_not_found"
    with pytest.raises(ChitieuError) as info:
        empty(default_plan)
    assert info.value.code == "no_plans"


def test_unknown_workspace_and_bad_codes(store: Store) -> None:
    with pytest.raises(ChitieuError) as info:
        store.as_actor(Actor("x", workspace="khong-co"))(list_plans)
    assert info.value.code == "workspace_not_found" and "default" in info.value.message
    for code, error in (("default", "workspace_exists"), ("có dấu", "workspace_bad_code"), ("", "workspace_bad_code")):
        with pytest.raises(ChitieuError) as info:
            store(create_workspace, code)
        assert info.value.code == error


def test_permissions_are_checked_by_the_services(store: Store, tmp_path: Path) -> None:
    viewer = store.as_actor(Actor("khach", role="viewer"))
    with pytest.raises(ChitieuError) as info:
        viewer(import_registry, write_registry(tmp_path / "a"))
    assert info.value.code == "forbidden" and "khach" in info.value.message
    assert store.count("plans") == 0
    with pytest.raises(ChitieuError):
        store.as_actor(Actor("vp", role="office"))(create_workspace, "moi")
    assert [w.code for w in viewer(list_workspaces)] == ["default"]


def test_settings_merge_and_remember_the_dataset_defaults(store: Store) -> None:
    update_settings_result = store(update_settings, {"convention": {"tolerance": 0.5}, "default_plan": "NQ-X"})
    assert update_settings_result.settings == {"convention": {"tolerance": 0.5}, "default_plan": "NQ-X"}
    again = store(update_settings, {"default_plan": None})
    assert again.settings == {"convention": {"tolerance": 0.5}} and again.version == update_settings_result.version + 1
    assert store(get_workspace).settings == again.settings

"""Verdict conventions kept per workspace: save, use, delete; the workspace's convention reaches assessment;
each change is one event; a viewer cannot change them; two workspaces keep their own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa
from test_transfer import edited, write_registry

from chitieu.assessment import assess_bundle
from chitieu.assessment.conventions import DEFAULT_PROFILE, BeyondBound, BeyondPoint
from chitieu.domain import Actor
from chitieu.messages import ChitieuError
from chitieu.services.conventions import (
    active_name,
    delete_convention,
    save_convention,
    saved_conventions,
    use_convention,
    workspace_profile,
)
from chitieu.services.registry import load_bundle
from chitieu.services.transfer import import_registry
from chitieu.services.workspaces import create_workspace
from service_store import Store

OFFICE = replace(DEFAULT_PROFILE, floor=BeyondBound.ACHIEVED, beyond_point=BeyondPoint.ACHIEVED, note="học từ bảng 2020")


def events(store: Store, action: str) -> list[tuple[str, str]]:
    with store.database.session() as session:  # type: ignore[attr-defined]
        rows = session.execute(sa.text("SELECT action, actor FROM events WHERE action = :a"), {"a": action})
        return [(r[0], r[1]) for r in rows]


def test_save_use_and_delete(store: Store) -> None:
    assert store(workspace_profile) == DEFAULT_PROFILE and store(active_name) is None
    saved = store(save_convention, "Tinh-X", OFFICE)
    assert saved.name == "tinh-x"
    assert store(active_name) == "tinh-x"
    assert store(workspace_profile) == saved and store(workspace_profile, "tinh-x").floor is BeyondBound.ACHIEVED
    assert store(saved_conventions)["tinh-x"].note == "học từ bảng 2020"
    store(save_convention, "du-phong", DEFAULT_PROFILE, use=False)
    assert store(active_name) == "tinh-x" and set(store(saved_conventions)) == {"tinh-x", "du-phong"}
    store(use_convention, "mac-dinh")
    assert store(workspace_profile) == DEFAULT_PROFILE
    store(use_convention, "tinh-x")
    store(delete_convention, "tinh-x")
    assert store(active_name) is None and store(workspace_profile) == DEFAULT_PROFILE
    assert [a for a, _ in events(store, "convention.save")] == ["convention.save"] * 2
    assert len(events(store, "convention.use")) == 2 and len(events(store, "convention.delete")) == 1
    for bad in ("mac-dinh", "có dấu", ""):
        with pytest.raises(ChitieuError) as info:
            store(save_convention, bad, OFFICE)
        assert info.value.code == "convention_bad_name"
    with pytest.raises(ChitieuError) as info:
        store(use_convention, "khong-co")
    assert info.value.code == "convention_not_found" and "du-phong" in info.value.message


def test_viewer_cannot_change_and_workspaces_keep_their_own(store: Store) -> None:
    viewer = store.as_actor(Actor("khach", role="viewer"))
    with pytest.raises(ChitieuError) as info:
        viewer(save_convention, "tinh-x", OFFICE)
    assert info.value.code == "forbidden"
    assert viewer(workspace_profile) == DEFAULT_PROFILE  # reading is allowed
    store(create_workspace, "tinh-b", "Tỉnh B")
    b = store.as_actor(Actor("test", workspace="tinh-b", role="office"))
    b(save_convention, "tinh-b", OFFICE)
    assert b(workspace_profile).floor is BeyondBound.ACHIEVED
    assert store(workspace_profile) == DEFAULT_PROFILE


def test_the_workspace_convention_reaches_assessment(store: Store, tmp_path: Path) -> None:
    tables = edited("observations", lambda t: t + "NQ-X,NGHEO,2021-2023,\"4,5\",ước,,Vượt,,\n")
    store(import_registry, write_registry(tmp_path / "reg", tables))
    bundle = store(load_bundle, "NQ-X")
    plain = {r.code: r.status for r in assess_bundle(bundle, as_of=2023, profile=store(workspace_profile))}
    store(save_convention, "khat-khe", replace(DEFAULT_PROFILE, floor=BeyondBound.ACHIEVED,
                                                beyond_point=BeyondPoint.ACHIEVED))
    office = {r.code: r.status for r in assess_bundle(bundle, as_of=2023, profile=store(workspace_profile))}
    assert plain["NGHEO"] == "exceeded" and office["NGHEO"] == "achieved"  # "> 3" beaten with 4,5


@pytest.mark.e2e
def test_convention_commands(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "CHITIEU_DATABASE_URL"} | {"COLUMNS": "200"}

    def chitieu(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "chitieu.cli.main", *args], cwd=tmp_path, env=env,
                              capture_output=True, text=True, encoding="utf-8", timeout=120)

    past = tmp_path / "ky-truoc.csv"
    past.write_text("STT,Chỉ tiêu,Đơn vị tính,Mục tiêu,Kết quả,Đánh giá\n"
                    "1,Tỷ lệ che phủ rừng,%,> 50,\"52,3\",Đạt\n"
                    "2,Tỷ lệ trường đạt chuẩn,%,trên 60,66,Đạt\n"
                    "3,Thu ngân sách,tỷ đồng,3.000,3.400,Vượt\n", encoding="utf-8")
    done = chitieu("convention", "save", "tinh-x", "--learn-from", str(past), "--db", "x.db")
    assert done.returncode == 0, done.stderr
    assert "Đã lưu quy ước «tinh-x»" in done.stdout and "Quy ước đánh giá học từ «ky-truoc.csv»" in done.stderr
    listed = chitieu("convention", "list", "--db", "x.db")
    assert "* tinh-x  (floor=achieved)" in listed.stdout, listed.stdout
    shown = chitieu("convention", "show", "--format", "json", "--db", "x.db")
    assert json.loads(shown.stdout)["floor"] == "achieved"
    table = tmp_path / "ky-nay.csv"
    table.write_text("STT,Chỉ tiêu,Đơn vị tính,Mục tiêu,Kết quả\n1,Tỷ lệ che phủ rừng,%,> 52,55\n", encoding="utf-8")
    judged = chitieu("assess-table", str(table), "--format", "json", "--db", "x.db")
    assert judged.returncode == 0, judged.stderr
    assert json.loads(judged.stdout)[0]["status_vi"] == "Đạt"  # the workspace's convention, not the default Vượt
    plain = chitieu("assess-table", str(table), "--format", "json", "--convention", "mac-dinh", "--db", "x.db")
    assert json.loads(plain.stdout)[0]["status_vi"] == "Vượt"
    alone = tmp_path / "rieng"
    alone.mkdir()
    lone = subprocess.run([sys.executable, "-m", "chitieu.cli.main", "assess-table", str(table), "--format", "json"],
                          cwd=alone, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert json.loads(lone.stdout)[0]["status_vi"] == "Vượt" and list(alone.iterdir()) == []  # no database made

"""The event log: every change a service makes is recorded with who, when, via, before → after."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from test_transfer import REGISTRY, write_registry

from chitieu.domain import Actor
from chitieu.services.events import list_events, record_event
from chitieu.services.transfer import import_registry
from chitieu.services.workspaces import create_workspace
from service_store import Store


def test_an_import_records_each_row_created_and_the_action(store: Store, tmp_path: Path) -> None:
    store(import_registry, write_registry(tmp_path / "reg"))
    events = store(list_events)
    rows = [e for e in events if e.entity != "registry"]
    assert {e.action for e in events} == {"registry.import"}
    assert {e.actor for e in events} == {"test"} and {e.via for e in events} == {"cli"}
    assert len([e for e in rows if e.entity == "observation"]) == 4
    assert all(e.context and e.context["change"] == "created" and e.before is None for e in rows)
    summary = [e for e in events if e.entity == "registry"]
    assert len(summary) == 1 and summary[0].after["counts"]["targets"] == 5  # type: ignore[index]
    assert summary[0].context == {"source": "reg", "mode": "merge"}  # absent rows kept unless --replace
    now = datetime.now(UTC)
    assert all(now - timedelta(minutes=5) < e.at.replace(tzinfo=e.at.tzinfo or UTC) <= now for e in events)


def test_a_reimport_records_only_what_changed_before_and_after(store: Store, tmp_path: Path) -> None:
    store(import_registry, write_registry(tmp_path / "a"))
    first = len(store(list_events))
    changed = dict(REGISTRY, observations=REGISTRY["observations"].replace('"6,5",actual', '"6,7",actual'))
    store.as_actor(Actor("vp:hoa", role="office", via="web"))(import_registry, write_registry(tmp_path / "b", changed))
    later = store(list_events)[first:]
    updates = [e for e in later if e.entity != "registry"]
    assert len(updates) == 1
    update = updates[0]
    assert (update.entity, update.actor, update.role, update.via) == ("observation", "vp:hoa", "office", "web")
    assert update.before == {"value": 6.5, "text": "6,5"} and update.after == {"value": 6.7, "text": "6,7"}
    assert update.key == "NQ-X/GRDP//2021-2023/actual" and update.context["change"] == "updated"  # type: ignore[index]
    assert store(list_events, entity="observation", entity_id=update.entity_id)[-1].id == update.id


def test_events_belong_to_their_workspace(store: Store) -> None:
    store(create_workspace, "tinh-b")
    b = Actor("test", workspace="tinh-b", role="admin")
    with store.database.session() as session:
        record_event(session, b, action="note", entity="plan", key="P", reason="thử", context={"round": 3})
    assert [e.action for e in store.as_actor(b)(list_events)] == ["workspace.create", "note"]
    assert "note" not in [e.action for e in store(list_events)]
    note = store.as_actor(b)(list_events, action="note")[0]
    assert (note.reason, note.context, note.workspace) == ("thử", {"round": 3}, "tinh-b")


def test_a_failed_action_records_nothing(store: Store, tmp_path: Path) -> None:
    bad = dict(REGISTRY, targets=REGISTRY["targets"].replace("9-10", "9@10"))
    outcome = store(import_registry, write_registry(tmp_path / "bad", bad))
    assert not outcome.written and store.count("events") == 0

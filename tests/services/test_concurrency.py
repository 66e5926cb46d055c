"""Optimistic concurrency: rows carry a version; a write from a stale version is refused with the
other person's current value; a plain update moves the version on."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from test_ingest import INDICATORS, PLAN, no_text

from chitieu.domain import Actor, Plan, PlanBundle
from chitieu.messages import ChitieuError
from chitieu.services.ingest import ingest_file
from chitieu.services.ingest_review import accept_claim, edit_claim, list_claims
from chitieu.services.registry import save_bundle
from chitieu.store.models import PlanRow
from service_store import Store


@pytest.fixture
def claims(store: Store, report_docx: Path) -> Store:
    store(save_bundle, PlanBundle(plan=Plan(PLAN, "Nghị quyết thử", term_start=2020, term_end=2025), indicators=INDICATORS))
    store(ingest_file, report_docx, PLAN, extractor=no_text)
    return store


def test_a_stale_edit_is_refused_with_the_current_value(claims: Store) -> None:
    seen = claims(list_claims)[3]  # both people open the same claim at version 1
    lan, hoa = claims.as_actor(Actor("lan", role="office")), claims.as_actor(Actor("hoa", role="office"))
    after_lan = lan(edit_claim, seen.id, value=2200.0, expected_version=seen.version)
    assert after_lan.version == seen.version + 1
    with pytest.raises(ChitieuError) as info:
        hoa(edit_claim, seen.id, value=2100.0, expected_version=seen.version)
    error = info.value
    assert error.code == "conflict_stale"
    assert "lan" in error.message and "2200" in error.message and f"phiên bản {seen.version}" in error.message
    assert claims(list_claims)[3].value == 2200.0  # hoa's write did not land
    accepted = hoa(accept_claim, seen.id, expected_version=after_lan.version)  # with the fresh version it does
    assert accepted.created == "observation"


def test_accepting_from_a_stale_version_is_refused(claims: Store) -> None:
    seen = claims(list_claims)[1]
    claims(edit_claim, seen.id, value=4.0)
    with pytest.raises(ChitieuError) as info:
        claims(accept_claim, seen.id, expected_version=seen.version)
    assert info.value.code == "conflict_stale"


def test_an_orm_update_on_a_row_changed_underneath_is_a_conflict(store: Store) -> None:
    store(save_bundle, PlanBundle(plan=Plan("P", "Kế hoạch")))
    with store.database.session() as session:  # read (a form shows the row at version 1)
        row = session.scalars(sa.select(PlanRow)).one()
    with store.database.engine.begin() as other:  # someone else saves first
        other.execute(sa.text("UPDATE plans SET title = 'Khác', version = version + 1"))
    with pytest.raises(ChitieuError) as info, store.database.session() as session:
        mine = session.merge(row, load=False)  # our write still carries version 1
        mine.title = "Của tôi"
    assert info.value.code == "conflict_stale_row"
    with store.database.session() as session:
        assert session.scalars(sa.select(PlanRow.title)).one() == "Khác"


def test_versions_move_only_when_a_value_changes(store: Store) -> None:
    bundle = PlanBundle(plan=Plan("P", "Kế hoạch"))
    store(save_bundle, bundle)
    store(save_bundle, bundle)
    with store.database.session() as session:
        assert session.scalars(sa.select(PlanRow.version)).one() == 1
    store(save_bundle, PlanBundle(plan=Plan("P", "Kế hoạch đã sửa")))
    with store.database.session() as session:
        assert session.scalars(sa.select(PlanRow.version)).one() == 2

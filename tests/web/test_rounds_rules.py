"""The plan's validation rules at submission: errors block, warnings need a note, verdicts Khó đạt need a note."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import ADMIN, Site, client_for
from tests.web.test_rounds_api import OTHER, PROVINCE, UNIT, put, step

from chitieu.domain.round_rules import RoundRule, RuleKind
from chitieu.services.round_checks import save_round_rules


@pytest.fixture(scope="module")
def api(shared_site: Site) -> Iterator[TestClient]:
    with shared_site.database.session(write=True) as session:
        save_round_rules(session, ADMIN, "LC-XIV", [
            RoundRule("LC-XIV", RuleKind.SHARE_MAX), RoundRule("LC-XIV", RuleKind.UNITS_SUM, "KT09"),
            RoundRule("LC-XIV", RuleKind.NOTE_WHEN_AT_RISK)])
    with client_for(shared_site, run_jobs=False) as client:
        yield client


def new_round(api: TestClient, site: Site) -> int:
    answer = api.post("/api/v1/rounds", headers=site.headers("office"), json={
        "plan": "LC-XIV", "period": "năm 2024", "deadline": "2024-12-15", "units": [PROVINCE, UNIT, OTHER],
        "indicators": ["KT01", "KT04", "KT09"]})
    assert answer.status_code == 201, answer.text
    return int(answer.json()["id"])


def test_an_error_blocks_until_corrected(api: TestClient, shared_site: Site) -> None:
    site = shared_site
    rid = new_round(api, site)
    assert put(api, site, "officer", rid, UNIT, "KT04", text="104,5").status_code == 200  # type: ignore[attr-defined]
    blocked = step(api, site, "officer", rid, UNIT, "submit")
    assert blocked.status_code == 409 and "104,5" in blocked.json()["message"] and "100%" in blocked.json()["message"]  # type: ignore[attr-defined]
    put(api, site, "officer", rid, UNIT, "KT04", text="40,5")
    assert step(api, site, "officer", rid, UNIT, "submit").json()["status"] == "submitted"  # type: ignore[attr-defined]


def test_the_province_total_must_match_its_units_and_a_bad_verdict_needs_a_note(api: TestClient, shared_site: Site) -> None:
    site = shared_site
    rid = new_round(api, site)
    put(api, site, "officer", rid, UNIT, "KT09", text="100")
    put(api, site, "officer2" if "officer2" in site.tokens else "office", rid, OTHER, "KT09", text="50")
    put(api, site, "office", rid, PROVINCE, "KT09", text="170")
    blocked = step(api, site, "office", rid, PROVINCE, "submit")
    assert blocked.status_code == 409 and "150" in blocked.json()["message"]  # type: ignore[attr-defined]
    put(api, site, "office", rid, PROVINCE, "KT09", text="150")
    put(api, site, "office", rid, PROVINCE, "KT01", text="1,2")  # growth far below the 7% target: Khó đạt
    needs_note = step(api, site, "office", rid, PROVINCE, "submit")
    assert needs_note.status_code == 409 and "ghi chú" in needs_note.json()["message"]  # type: ignore[attr-defined]
    assert "KT01" in needs_note.json()["message"]  # type: ignore[attr-defined]
    put(api, site, "office", rid, PROVINCE, "KT01", text="1,2", note="Thiên tai làm giảm sản lượng")
    done = step(api, site, "office", rid, PROVINCE, "submit")
    assert done.status_code == 200, done.text  # type: ignore[attr-defined]
    assert "round_check_at_risk" in {w["code"] for w in done.json()["warnings"]}  # type: ignore[attr-defined]

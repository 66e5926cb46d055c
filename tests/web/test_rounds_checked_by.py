"""Issue #9 "Checked by", in one run through the API, on the bundled plan and its real units after the 2025 reform.

A round of 2025 over the province and two of its new communes (Nghị quyết 1670/NQ-UBTVQH15): an officer writes
its own commune's values (200) and not the other's (403); a bad value gets a Vietnamese error; a commune's
template downloads and uploads back with an edit; the communes submit, the commune approver approves, the office
approves at province level; a write after approval is 409; the audit lists every change with its actor.
(The concurrency benchmark of "Checked by" is ``benchmarks/bench_rounds.py`` in ``make bench``.)
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import ADMIN, PASSWORD, Site, client_for
from tests.web.test_rounds_template import download, edit, upload

from chitieu.services.accounts import add_user, create_token

PROVINCE, KIM, KHOEN = "LC", "LC-X-MUONG-KIM", "LC-X-KHOEN-ON"
JOBS, TEA, FOREST = "VX16", "KT10", "KT15"  # người/năm, ha, %


@pytest.fixture
def api(site: Site) -> Iterator[TestClient]:
    with site.database.session(write=True) as session:
        for name, role, unit in (("can-bo-kim", "officer", KIM), ("duyet-kim", "approver", KIM),
                                 ("can-bo-khoen", "officer", KHOEN), ("duyet-khoen", "approver", KHOEN)):
            add_user(session, ADMIN, name, role=role, password=PASSWORD, units=[unit])
            site.tokens[name] = create_token(session, name)
    with client_for(site, run_jobs=False) as client:
        yield client


def test_the_checked_by_scenario_of_issue_9(api: TestClient, site: Site) -> None:
    def put(role: str, unit: str, indicator: str, text: str) -> object:
        return api.put(f"/api/v1/rounds/{rid}/values/{unit}/{indicator}", headers=site.headers(role), json={"text": text})

    def step(role: str, unit: str, action: str, **body: object) -> object:
        return api.post(f"/api/v1/rounds/{rid}/units/{unit}/{action}", headers=site.headers(role), json=body)

    body = {"plan": "LC-XIV", "period": "năm 2025", "deadline": "15/01/2026", "units": [PROVINCE, KIM, KHOEN],
            "indicators": [JOBS, TEA, FOREST]}
    assert api.post("/api/v1/rounds", headers=site.headers("can-bo-kim"), json=body).status_code == 403
    made = api.post("/api/v1/rounds", headers=site.headers("office"), json=body)
    assert made.status_code == 201, made.text
    rid = made.json()["id"]
    parents = {u["code"]: u["parent"] for u in made.json()["units"]}
    assert parents == {PROVINCE: None, KIM: PROVINCE, KHOEN: PROVINCE}  # the hierarchy valid on 31/12/2025

    # an officer writes its own unit's values (200) and not another's (403); readers and approvers of others neither
    assert put("can-bo-kim", KIM, JOBS, "530").status_code == 200  # type: ignore[attr-defined]
    assert put("can-bo-kim", KIM, FOREST, "61,5").status_code == 200  # type: ignore[attr-defined]
    assert put("can-bo-kim", KHOEN, JOBS, "1").status_code == 403  # type: ignore[attr-defined]
    assert put("duyet-khoen", KIM, JOBS, "1").status_code == 403  # type: ignore[attr-defined]
    assert put("viewer", KIM, JOBS, "1").status_code == 403  # type: ignore[attr-defined]
    # a bad value gets a Vietnamese error: an unreadable figure at once (nothing written); words where a number
    # is due are kept as a draft (officials write "Chưa có số liệu") but block the submission
    bad = put("can-bo-kim", KIM, TEA, "12,5,7")
    assert bad.status_code == 400 and bad.json()["code"] == "round_value_unreadable"  # type: ignore[attr-defined]
    assert "12,5,7" in bad.json()["message"] and "Hoàn thành" in bad.json()["message"]  # type: ignore[attr-defined]
    assert put("can-bo-kim", KIM, TEA, "khoảng chừng").status_code == 200  # type: ignore[attr-defined]
    blocked = step("can-bo-kim", KIM, "submit")
    assert blocked.status_code == 409 and blocked.json()["code"] == "round_submit_blocked"  # type: ignore[attr-defined]
    assert "khoảng chừng" in blocked.json()["message"]  # type: ignore[attr-defined]
    # the template downloads and uploads back with an edit (the other commune's officer, by file)
    book = download(api, site, rid, KHOEN, role="can-bo-khoen")  # rows in the plan's order: KT10, KT15, VX16
    sheet = edit(book, {"G7": "1.250,5", "G8": "58", "G9": "410"})
    uploaded = upload(api, site, rid, KHOEN, sheet, role="can-bo-khoen")
    assert uploaded.status_code == 200 and uploaded.json()["changed"] == 3, uploaded.text  # type: ignore[attr-defined]
    values = {v["indicator"]: v["value"] for v in api.get(f"/api/v1/rounds/{rid}/units/{KHOEN}/values",
                                                          headers=site.headers("viewer")).json()}
    assert values == {JOBS: 410, TEA: 1250.5, FOREST: 58}

    # submit; approve at unit level (the commune's approver), then province level (the office), bottom-up
    assert put("can-bo-kim", KIM, TEA, "980").status_code == 200  # type: ignore[attr-defined]
    assert step("can-bo-kim", KIM, "submit").json()["status"] == "submitted"  # type: ignore[attr-defined]
    assert step("can-bo-khoen", KHOEN, "submit").json()["status"] == "submitted"  # type: ignore[attr-defined]
    assert step("duyet-khoen", KIM, "approve").status_code == 403  # type: ignore[attr-defined]
    assert step("duyet-kim", KIM, "approve").json()["status"] == "approved"  # type: ignore[attr-defined]
    for unit, indicator, text in ((PROVINCE, JOBS, "940"), (PROVINCE, TEA, "2.230,5"), (PROVINCE, FOREST, "59,8")):
        assert put("office", unit, indicator, text).status_code == 200  # type: ignore[attr-defined]
    early = step("office", PROVINCE, "approve")
    assert early.status_code == 409 and KHOEN in early.json()["message"]  # type: ignore[attr-defined]
    assert step("duyet-khoen", KHOEN, "approve").json()["status"] == "approved"  # type: ignore[attr-defined]
    province = step("office", PROVINCE, "approve")
    assert province.status_code == 200 and province.json()["status"] == "locked", province.text  # type: ignore[attr-defined]
    # a write after approval is refused (409), at unit and province level
    late = put("can-bo-kim", KIM, JOBS, "531")
    assert late.status_code == 409 and late.json()["code"] == "round_unit_locked"  # type: ignore[attr-defined]
    assert put("office", PROVINCE, JOBS, "941").status_code == 409  # type: ignore[attr-defined]

    # the audit shows every change with its actor (and the approval steps with theirs)
    trail = api.get(f"/api/v1/audit?round={rid}&steps=true", headers=site.headers("viewer")).json()
    changes = {(t["actor"], t["unit"], t["indicator"], t["new"], t["source"]) for t in trail if t["action"] == "value"}
    assert changes == {
        ("can-bo-kim", KIM, JOBS, "530", "api"), ("can-bo-kim", KIM, FOREST, "61,5", "api"),
        ("can-bo-kim", KIM, TEA, "khoảng chừng", "api"), ("can-bo-kim", KIM, TEA, "980", "api"),
        ("can-bo-khoen", KHOEN, JOBS, "410", "file"), ("can-bo-khoen", KHOEN, TEA, "1.250,5", "file"),
        ("can-bo-khoen", KHOEN, FOREST, "58", "file"),
        ("office", PROVINCE, JOBS, "940", "api"), ("office", PROVINCE, TEA, "2.230,5", "api"), ("office", PROVINCE, FOREST, "59,8", "api")}
    assert len([t for t in trail if t["action"] == "value"]) == 10  # the refused writes left no trace
    assert [t["old"] for t in trail if t["action"] == "value" and t["new"] == "980"] == ["khoảng chừng"]
    steps = [(t["actor"], t["unit"], t["action"], t["new"]) for t in trail if t["action"] != "value"]
    assert steps == [("can-bo-kim", KIM, "submit", "submitted"), ("can-bo-khoen", KHOEN, "submit", "submitted"),
                     ("duyet-kim", KIM, "approve", "approved"), ("duyet-khoen", KHOEN, "approve", "approved"),
                     ("office", PROVINCE, "approve", "locked")]

"""Reporting rounds through the API, driven by users of each role: values, roles per unit, approval, audit."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import ADMIN, PASSWORD, Site, client_for

from chitieu.services.accounts import add_user, create_token

UNIT = "LC-THAN-UYEN"  # the officer's and approver's unit in the web fixtures
OTHER = "LC-TAM-DUONG"
PROVINCE = "LC"
INDICATORS = ["1", "2", "3"]


@pytest.fixture(scope="module")
def rounds_site(shared_site: Site) -> Site:
    with shared_site.database.session(write=True) as session:
        for name, role, units in (("officer2", "officer", [OTHER]), ("officer3", "officer", [UNIT])):
            add_user(session, ADMIN, name, role=role, password=PASSWORD, units=units)
            shared_site.tokens[name] = create_token(session, name)
    return shared_site


@pytest.fixture(scope="module")
def api(rounds_site: Site) -> Iterator[TestClient]:
    with client_for(rounds_site, run_jobs=False) as client:
        yield client


def indicator_codes(api: TestClient, site: Site) -> list[str]:
    answer = api.get("/api/v1/plans/LC-XIV/assessment", headers=site.headers("office"))
    assert answer.status_code == 200
    return [row["code"] for row in answer.json()["rows"]][:3]


def new_round(api: TestClient, site: Site, units: list[str] | None = None) -> int:
    codes = indicator_codes(api, site)
    answer = api.post("/api/v1/rounds", headers=site.headers("office"), json={
        "plan": "LC-XIV", "period": "năm 2024", "deadline": "15/12/2024", "units": units or [PROVINCE, UNIT, OTHER],
        "indicators": codes})
    assert answer.status_code == 201, answer.text
    return int(answer.json()["id"])


def put(api: TestClient, site: Site, role: str, rid: int, unit: str, indicator: str, **body: object) -> object:
    return api.put(f"/api/v1/rounds/{rid}/values/{unit}/{indicator}", headers=site.headers(role), json=body)


def step(api: TestClient, site: Site, role: str, rid: int, unit: str, action: str, **body: object) -> object:
    return api.post(f"/api/v1/rounds/{rid}/units/{unit}/{action}", headers=site.headers(role), json=body)


def test_only_the_office_and_admin_create_rounds(api: TestClient, rounds_site: Site) -> None:
    body = {"plan": "LC-XIV", "period": "6 tháng 2025", "deadline": "2025-07-15", "units": [UNIT]}
    for role in ("officer", "approver", "viewer"):
        answer = api.post("/api/v1/rounds", headers=rounds_site.headers(role), json=body)
        assert answer.status_code == 403 and "office" in answer.json()["message"]
    assert api.post("/api/v1/rounds", json=body).status_code == 401
    made = api.post("/api/v1/rounds", headers=rounds_site.headers("admin"), json=body)
    assert made.status_code == 201 and made.json()["period"] == "6 tháng 2025" and made.json()["period_kind"] == "half_year"
    assert len(made.json()["indicators"]) > 10  # every indicator of the plan when none are named


@pytest.mark.parametrize(("change", "code"), [
    ({"period": "quý 9"}, "round_bad_period"), ({"deadline": "32/13/2025"}, "round_bad_deadline"),
    ({"units": ["XX"]}, "round_unknown_units"), ({"indicators": ["nope"]}, "round_unknown_indicators"),
    ({"plan": "NOPE"}, "plan_not_found"),
])
def test_a_bad_round_is_refused_in_vietnamese(api: TestClient, rounds_site: Site, change: dict[str, object], code: str) -> None:
    body = {"plan": "LC-XIV", "period": "năm 2024", "deadline": "2024-12-15", "units": [UNIT], **change}
    answer = api.post("/api/v1/rounds", headers=rounds_site.headers("office"), json=body)
    assert answer.status_code in (400, 404) and answer.json()["code"] == code
    assert any(ch in answer.json()["message"] for ch in "ạảãàáâăđêôơư")


def test_officers_write_only_their_units(api: TestClient, rounds_site: Site) -> None:
    rid = new_round(api, rounds_site)
    code = indicator_codes(api, rounds_site)[0]
    ok = put(api, rounds_site, "officer", rid, UNIT, code, text="47,5", flag="ước", note="số ước")
    assert ok.status_code == 200, ok.text  # type: ignore[attr-defined]
    got = ok.json()  # type: ignore[attr-defined]
    assert (got["value"], got["op"], got["flag"], got["note"], got["version"]) == (47.5, "=", "estimate", "số ước", 2)
    assert put(api, rounds_site, "officer", rid, OTHER, code, text="1").status_code == 403  # type: ignore[attr-defined]
    assert put(api, rounds_site, "officer2", rid, OTHER, code, text=">5").json()["op"] == ">"  # type: ignore[attr-defined]
    assert put(api, rounds_site, "viewer", rid, UNIT, code, text="1").status_code == 403  # type: ignore[attr-defined]
    assert put(api, rounds_site, "approver", rid, OTHER, code, text="1").status_code == 403  # type: ignore[attr-defined]
    assert put(api, rounds_site, "office", rid, PROVINCE, code, text="Hoàn thành").json()["value"] == 1.0  # type: ignore[attr-defined]
    assert api.put(f"/api/v1/rounds/{rid}/values/{UNIT}/{code}", json={"text": "1"}).status_code == 401
    bad = put(api, rounds_site, "officer", rid, UNIT, code, text="abc???")
    assert bad.status_code == 400 and bad.json()["code"] == "round_value_unreadable"  # type: ignore[attr-defined]
    assert "abc???" in bad.json()["message"] and "Hoàn thành" in bad.json()["message"]  # type: ignore[attr-defined]
    flag = put(api, rounds_site, "officer", rid, UNIT, code, text="1", flag="đoán")
    assert flag.status_code == 400 and flag.json()["code"] == "round_bad_flag"  # type: ignore[attr-defined]
    unknown = put(api, rounds_site, "officer", rid, UNIT, "khong-co", text="1")
    assert unknown.status_code == 404  # type: ignore[attr-defined]
    values = api.get(f"/api/v1/rounds/{rid}/units/{UNIT}/values", headers=rounds_site.headers("viewer")).json()
    assert [v["text"] for v in values if v["indicator"] == code] == ["47,5"]  # the bad writes changed nothing


def test_a_stale_writer_gets_409_with_the_other_value(api: TestClient, rounds_site: Site) -> None:
    rid = new_round(api, rounds_site)
    code = indicator_codes(api, rounds_site)[1]
    [seen] = [v for v in api.get(f"/api/v1/rounds/{rid}/units/{UNIT}/values", headers=rounds_site.headers("officer")).json()
              if v["indicator"] == code]
    first = put(api, rounds_site, "officer", rid, UNIT, code, text="12,3", version=seen["version"])
    assert first.status_code == 200  # type: ignore[attr-defined]
    second = put(api, rounds_site, "officer3", rid, UNIT, code, text="99", version=seen["version"])
    assert second.status_code == 409 and second.json()["code"] == "conflict_stale"  # type: ignore[attr-defined]
    assert "12,3" in second.json()["message"] and "officer" in second.json()["message"]  # type: ignore[attr-defined]
    again = put(api, rounds_site, "officer3", rid, UNIT, code, text="99", version=first.json()["version"])  # type: ignore[attr-defined]
    assert again.status_code == 200  # type: ignore[attr-defined]
    trail = api.get(f"/api/v1/audit?round={rid}", headers=rounds_site.headers("viewer")).json()
    assert [(t["actor"], t["old"], t["new"]) for t in trail] == [("officer", "", "12,3"), ("officer3", "12,3", "99")]


def test_submit_approve_bottom_up_lock_and_reopen(api: TestClient, rounds_site: Site) -> None:
    site = rounds_site
    rid = new_round(api, site, [PROVINCE, UNIT])
    code = indicator_codes(api, site)[0]
    assert put(api, site, "officer", rid, UNIT, code, text="47,5").status_code == 200  # type: ignore[attr-defined]
    assert step(api, site, "viewer", rid, UNIT, "submit").status_code == 403  # type: ignore[attr-defined]
    assert step(api, site, "officer2", rid, UNIT, "submit").status_code == 403  # type: ignore[attr-defined]
    submitted = step(api, site, "officer", rid, UNIT, "submit")
    assert submitted.json()["status"] == "submitted"  # type: ignore[attr-defined]
    assert {w["code"] for w in submitted.json()["warnings"]} == {"round_check_missing"}  # type: ignore[attr-defined]
    assert put(api, site, "officer", rid, UNIT, code, text="48").status_code == 409  # type: ignore[attr-defined]
    assert step(api, site, "officer", rid, UNIT, "approve").status_code == 403  # type: ignore[attr-defined]
    # the province cannot be approved before the unit below it
    assert put(api, site, "office", rid, PROVINCE, code, text="50").status_code == 200  # type: ignore[attr-defined]
    assert step(api, site, "office", rid, PROVINCE, "submit").status_code == 200  # type: ignore[attr-defined]
    pending = step(api, site, "office", rid, PROVINCE, "approve")
    assert pending.status_code == 409 and UNIT in pending.json()["message"]  # type: ignore[attr-defined]
    assert step(api, site, "approver", rid, UNIT, "approve").json()["status"] == "approved"  # type: ignore[attr-defined]
    assert step(api, site, "approver", rid, UNIT, "approve").status_code == 409  # type: ignore[attr-defined]
    assert step(api, site, "office", rid, UNIT, "approve").json()["status"] == "locked"  # type: ignore[attr-defined]
    assert step(api, site, "office", rid, PROVINCE, "approve").json()["status"] == "locked"  # type: ignore[attr-defined]
    # locked values are the plan's observations now: the province's for the whole area, the district's for it
    published = api.get("/api/v1/plans/LC-XIV/observations.csv", headers=site.headers("viewer")).content.decode("utf-8-sig")
    rows = [r for r in csv.DictReader(io.StringIO(published)) if r["indicator_code"] == code and r["period"] == "2024"]
    assert sorted((r["org_unit"], r["value"], r["text"]) for r in rows) == [("", "50.0", "50"), (UNIT, "47.5", "47,5")]
    assessed = api.get("/api/v1/plans/LC-XIV/assessment?as_of=2024", headers=site.headers("viewer")).json()
    assert [r["org_unit"] for r in assessed["rows"] if r["code"] == code] == [None]
    locked = put(api, site, "office", rid, UNIT, code, text="1")
    assert locked.status_code == 409 and locked.json()["code"] == "round_unit_locked"  # type: ignore[attr-defined]
    assert step(api, site, "approver", rid, UNIT, "reopen", reason="sai số").status_code == 403  # type: ignore[attr-defined]
    assert step(api, site, "office", rid, UNIT, "reopen", reason="sai số").status_code == 409  # type: ignore[attr-defined]
    assert step(api, site, "office", rid, PROVINCE, "reopen", reason="").status_code == 400  # type: ignore[attr-defined]
    assert step(api, site, "office", rid, PROVINCE, "reopen", reason="Số tổng sai").json()["status"] == "returned"  # type: ignore[attr-defined]
    assert step(api, site, "office", rid, UNIT, "reopen", reason="Sửa số xã").json()["status"] == "returned"  # type: ignore[attr-defined]
    assert put(api, site, "officer", rid, UNIT, code, text="48", reason="Sửa theo số liệu thống kê").status_code == 200  # type: ignore[attr-defined]
    trail = api.get(f"/api/v1/audit?round={rid}&steps=true", headers=site.headers("office")).json()
    assert [(t["action"], t["unit"], t["new"]) for t in trail if t["unit"] == UNIT] == [
        ("value", UNIT, "47,5"), ("submit", UNIT, "submitted"), ("approve", UNIT, "approved"), ("approve", UNIT, "locked"),
        ("reopen", UNIT, "returned"), ("value", UNIT, "48")]
    assert trail[-1]["reason"] == "Sửa theo số liệu thống kê" and trail[-1]["actor"] == "officer"
    exported = api.get(f"/api/v1/audit.csv?round={rid}", headers=site.headers("viewer"))
    assert exported.status_code == 200 and exported.headers["content-type"].startswith("text/csv")
    lines = exported.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("at,actor,role") and len(lines) == 1 + len(trail)
    assert any("Sửa theo số liệu thống kê" in line and ",48," in line for line in lines)


def test_return_needs_a_comment_and_opens_the_unit_again(api: TestClient, rounds_site: Site) -> None:
    site = rounds_site
    rid = new_round(api, site, [UNIT])
    step(api, site, "officer", rid, UNIT, "submit")
    assert step(api, site, "approver", rid, UNIT, "return").status_code == 400  # type: ignore[attr-defined]
    back = step(api, site, "approver", rid, UNIT, "return", comment="Thiếu số liệu chỉ tiêu 2")
    assert back.json()["status"] == "returned" and back.json()["comment"] == "Thiếu số liệu chỉ tiêu 2"  # type: ignore[attr-defined]
    code = indicator_codes(api, site)[1]
    assert put(api, site, "officer", rid, UNIT, code, text="3,2").status_code == 200  # type: ignore[attr-defined]
    assert step(api, site, "officer", rid, UNIT, "submit").json()["status"] == "submitted"  # type: ignore[attr-defined]


def test_a_closed_round_refuses_writes_until_reopened_with_a_reason(api: TestClient, rounds_site: Site) -> None:
    site = rounds_site
    rid = new_round(api, site, [UNIT])
    code = indicator_codes(api, site)[0]
    assert api.post(f"/api/v1/rounds/{rid}/close", headers=site.headers("officer")).status_code == 403
    assert api.post(f"/api/v1/rounds/{rid}/close", headers=site.headers("office")).json()["status"] == "closed"
    assert put(api, site, "officer", rid, UNIT, code, text="1").status_code == 409  # type: ignore[attr-defined]
    assert api.post(f"/api/v1/rounds/{rid}/reopen", headers=site.headers("office"), json={"reason": " "}).status_code == 400
    opened = api.post(f"/api/v1/rounds/{rid}/reopen", headers=site.headers("office"), json={"reason": "Gia hạn"})
    assert opened.json()["status"] == "open"
    assert put(api, site, "officer", rid, UNIT, code, text="1").status_code == 200  # type: ignore[attr-defined]
    listed = api.get("/api/v1/rounds", headers=site.headers("viewer")).json()
    assert rid in [r["id"] for r in listed]
    assert api.get("/api/v1/rounds").status_code == 401
    assert api.get("/api/v1/rounds/999999", headers=site.headers("viewer")).status_code == 404


def test_the_office_approves_the_province_it_compiled_once_the_units_below_are_approved(api: TestClient, rounds_site: Site) -> None:
    site = rounds_site
    rid = new_round(api, site, [PROVINCE, UNIT])
    code = indicator_codes(api, site)[2]
    assert put(api, site, "office", rid, PROVINCE, code, text="12").status_code == 200  # type: ignore[attr-defined]
    early = step(api, site, "office", rid, PROVINCE, "approve")
    assert early.status_code == 409 and early.json()["code"] == "round_children_pending"  # type: ignore[attr-defined]
    step(api, site, "officer", rid, UNIT, "submit")
    assert step(api, site, "approver", rid, UNIT, "approve").json()["status"] == "approved"  # type: ignore[attr-defined]
    assert step(api, site, "approver", rid, PROVINCE, "approve").status_code == 403  # type: ignore[attr-defined]
    done = step(api, site, "office", rid, PROVINCE, "approve")
    assert done.json()["before"] == "draft" and done.json()["status"] == "locked"  # type: ignore[attr-defined]

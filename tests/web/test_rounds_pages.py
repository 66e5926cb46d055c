"""Kỳ báo cáo in the browser: the reminders list, the unit's form saved row by row (htmx), refusals in Vietnamese."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import Site, client_for, login
from tests.web.test_rounds_api import OTHER, UNIT

HX = {"HX-Request": "true"}


@pytest.fixture
def browser(site: Site) -> Iterator[TestClient]:
    with client_for(site, run_jobs=False) as client:
        yield client


def make_round(client: TestClient, site: Site, deadline: str = "2024-01-15") -> int:
    answer = client.post("/api/v1/rounds", headers=site.headers("office"), json={
        "plan": "LC-XIV", "period": "năm 2023", "deadline": deadline, "units": [UNIT, OTHER],
        "indicators": ["KT01", "KT09"]})
    assert answer.status_code == 201, answer.text
    return int(answer.json()["id"])


def test_the_officer_sees_the_late_unit_and_fills_the_form_row_by_row(browser: TestClient, site: Site) -> None:
    rid = make_round(browser, site)
    csrf = login(browser, "officer")
    listing = browser.get("/rounds")
    assert listing.status_code == 200 and "Quá hạn" in listing.text and "Huyện Than Uyên" in listing.text
    assert "Tam Đường" not in listing.text.split("Các kỳ")[0]  # another unit's lateness is not the officer's
    page = browser.get(f"/rounds/{rid}/units/{UNIT}")
    assert page.status_code == 200 and 'name="text"' in page.text and "Gửi báo cáo" in page.text
    url = f"/rounds/{rid}/units/{UNIT}/values/KT09"
    saved = browser.post(url, headers=HX, data={"csrf_token": csrf, "text": "225,1", "flag": "estimate", "note": "",
                                                "version": "1"})
    assert saved.status_code == 200 and "Đã lưu (phiên bản 2)" in saved.text and 'id="v-KT09"' in saved.text
    assert "<html" not in saved.text  # only the row comes back
    bad = browser.post(url, headers=HX, data={"csrf_token": csrf, "text": "???", "flag": "", "note": "", "version": "2"})
    assert 'role="alert"' in bad.text and "không đọc được" in bad.text.lower() and 'value="???"' in bad.text
    stale = browser.post(url, headers=HX, data={"csrf_token": csrf, "text": "230", "flag": "", "note": "", "version": "1"})
    assert 'role="alert"' in stale.text and "225,1" in stale.text  # the value saved meanwhile
    assert "Lịch sử (1)" in stale.text
    no_csrf = browser.post(url, headers=HX, data={"text": "1", "version": "2"})
    assert no_csrf.status_code == 403
    other = browser.get(f"/rounds/{rid}/units/{OTHER}")
    assert other.status_code == 200 and 'name="text"' not in other.text  # read-only for this officer
    refused = browser.post(f"/rounds/{rid}/units/{OTHER}/values/KT09", headers=HX,
                           data={"csrf_token": csrf, "text": "1", "flag": "", "note": "", "version": "1"})
    assert "không được nhập số liệu" in refused.text
    submitted = browser.post(f"/rounds/{rid}/units/{UNIT}/step", data={"csrf_token": csrf, "action": "submit", "comment": ""})
    assert submitted.status_code == 200 and "Đã gửi" in submitted.text
    approve = browser.post(f"/rounds/{rid}/units/{UNIT}/step", data={"csrf_token": csrf, "action": "approve", "comment": ""})
    assert approve.status_code == 403 and 'role="alert"' in approve.text


def test_anonymous_visitors_are_sent_to_sign_in(browser: TestClient, site: Site) -> None:
    rid = make_round(browser, site)
    assert browser.get("/rounds").status_code == 401
    assert browser.get(f"/rounds/{rid}/units/{UNIT}").status_code == 401


def test_the_office_opens_closes_and_reopens_a_round_in_the_browser(browser: TestClient, site: Site) -> None:
    csrf = login(browser, "office")
    page = browser.get("/rounds")
    assert "Tạo kỳ báo cáo" in page.text and 'value="LC-X-MUONG-KIM"' in page.text  # units valid today
    assert 'value="LC-THAN-UYEN"' not in page.text  # the district ended on 30/06/2025
    bad = browser.post("/rounds", data={"csrf_token": csrf, "plan": "LC-XIV", "period": "quý 9", "deadline": "2025-12-15",
                                        "units": ["LC-X-MUONG-KIM"]})
    assert bad.status_code == 400 and "quý 9" in bad.text and 'value="quý 9"' in bad.text
    made = browser.post("/rounds", data={"csrf_token": csrf, "plan": "LC-XIV", "period": "năm 2025",
                                         "deadline": "15/12/2025", "units": ["LC", "LC-X-MUONG-KIM", "LC-X-KHOEN-ON"]},
                        follow_redirects=False)
    assert made.status_code == 303
    where = made.headers["location"]
    shown = browser.get(where)
    assert "Xã Mường Kim" in shown.text and "Đóng kỳ" in shown.text
    closed = browser.post(f"{where}/state", data={"csrf_token": csrf, "action": "close"}, follow_redirects=True)
    assert "đã đóng" in closed.text and "Mở lại kỳ" in closed.text
    no_reason = browser.post(f"{where}/state", data={"csrf_token": csrf, "action": "reopen", "reason": ""})
    assert no_reason.status_code == 400 and "lý do" in no_reason.text
    browser.post(f"{where}/state", data={"csrf_token": csrf, "action": "reopen", "reason": "Gia hạn"})
    assert "đang mở" in browser.get(where).text


def test_an_officer_cannot_open_rounds_in_the_browser(browser: TestClient, site: Site) -> None:
    csrf = login(browser, "officer")
    assert "Tạo kỳ báo cáo" not in browser.get("/rounds").text
    refused = browser.post("/rounds", data={"csrf_token": csrf, "plan": "LC-XIV", "period": "năm 2025",
                                            "deadline": "2025-12-15", "units": ["LC"]})
    assert refused.status_code == 403

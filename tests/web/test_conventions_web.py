"""The «Quy ước đánh giá» page and API: upload a past table of verdicts, see the fitted profile and the rows
still disagreeing, assess a new table with it, save it for the workspace (office, admin; CSRF checked)."""

from __future__ import annotations

import json
import re

from fastapi.testclient import TestClient
from tests.services.test_convention_uploads import NEW, PAST
from tests.web.conftest import PLAN, Site, login


def test_the_page_learns_shows_and_saves_the_convention(client: TestClient) -> None:
    assert client.get("/conventions").status_code == 401
    csrf = login(client, "office")
    page = client.get("/conventions")
    assert page.status_code == 200 and "Đang dùng: «mac-dinh»" in page.text
    files = {"past": ("bang cu.csv", PAST, "text/csv"), "table": ("moi.csv", NEW, "text/csv")}
    refused = client.post("/conventions/learn", files=files, data={"stage": "final"})
    assert refused.status_code == 403  # no CSRF token
    learned = client.post("/conventions/learn", files=files, data={"stage": "final", "csrf_token": csrf})
    assert learned.status_code == 200, learned.text[:500]
    text = learned.text
    assert "1/5 với quy ước mặc định" in text and "<strong>4/5</strong> với quy ước đã học" in text
    assert "Các dòng còn lệch (1)" in text and "Tỷ lệ lao động qua đào tạo" in text
    assert "«moi.csv» đánh giá theo quy ước đã học (2 dòng)" in text and "Tỷ lệ thôn có điện" in text
    profile = re.search(r'name="profile" value="([^"]+)"', text)
    assert profile is not None
    data = json.loads(profile.group(1).replace("&#34;", '"').replace("&quot;", '"'))
    assert data["floor"] == "achieved"
    saved = client.post("/conventions/save", data={"name": "so-tai-chinh", "profile": json.dumps(data), "use": "1",
                                                   "csrf_token": csrf}, follow_redirects=False)
    assert saved.status_code == 303
    after = client.get("/conventions")
    assert "Đang dùng: «so-tai-chinh»" in after.text and "Đã lưu quy ước «so-tai-chinh»" in client.get(
        saved.headers["location"]).text
    bad = client.post("/conventions/save", data={"name": "Tên Có Dấu", "profile": json.dumps(data), "csrf_token": csrf})
    assert bad.status_code == 400 and "không hợp lệ" in bad.text
    wrong = client.post("/conventions/learn", files={"past": ("a.pdf", b"%PDF-1.4 x", "application/pdf")},
                        data={"csrf_token": csrf})
    assert wrong.status_code == 400 and "không phải bảng .csv hoặc .xlsx" in wrong.text


def test_viewers_and_officers_may_not_use_the_page(client: TestClient) -> None:
    login(client, "officer")
    assert client.get("/conventions").status_code == 403


def test_the_api_learns_and_saves_and_assessments_then_use_it(client: TestClient, site: Site) -> None:
    office = site.headers("office")
    files = {"past": ("bang.csv", PAST, "text/csv"), "table": ("moi.csv", NEW, "text/csv")}
    assert client.post("/api/v1/conventions/learn", files=files, headers=site.headers("viewer")).status_code == 403
    answer = client.post("/api/v1/conventions/learn", files=files, headers=office)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["agreement"] == [4, 5] and body["changed"] == {"floor": ["split", "achieved"]}
    assert body["rows"][0]["status"] == "achieved" and len(body["disagreements"]) == 1
    before = client.get(f"/api/v1/plans/{PLAN}/assessment", params={"as_of": 2023}).json()["summary"]
    saved = client.post("/api/v1/conventions", json={"name": "hoc-tu-bang", "profile": body["profile"]}, headers=office)
    assert saved.status_code == 200 and saved.json()["in_use"] is True
    listed = client.get("/api/v1/conventions", headers=site.headers("viewer")).json()
    assert listed["in_use"] == "hoc-tu-bang" and listed["saved"]["hoc-tu-bang"]["floor"] == "achieved"
    after = client.get(f"/api/v1/plans/{PLAN}/assessment", params={"as_of": 2023}).json()["summary"]
    assert before != after  # the workspace's assessments now judge beaten floors as Đạt
    bad = client.post("/api/v1/conventions", json={"name": "x", "profile": {"floor": "sometimes"}}, headers=office)
    assert bad.status_code == 400 and bad.json()["code"] == "convention_bad_file"

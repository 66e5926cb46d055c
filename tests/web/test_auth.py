"""Authentication and authorisation, checked on the server for every role (401 without login, 403 by role)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import PASSWORD, PLAN, REPORT_TEXT, Site, client_for, login

from chitieu.services.accounts import authenticate

# The services' permissions (domain.actors.ROLE_PERMISSIONS): reporting figures (uploading a report),
# reviewing claims, editing the registry (publishing a plan).
UPLOADERS = {"admin", "office", "approver", "officer"}
REVIEWERS = {"admin", "office", "approver"}
EDITORS = {"admin", "office"}
ROLES = ("admin", "office", "approver", "officer", "viewer")


def _upload(client: TestClient, headers: dict[str, str]) -> int:
    files = {"file": ("bao-cao.txt", REPORT_TEXT.encode(), "text/plain")}
    return client.post("/api/v1/documents", files=files, data={"plan": PLAN}, headers=headers).status_code


@pytest.mark.parametrize("role", [None, *ROLES])
def test_writes_by_role(reader: TestClient, shared_site: Site, role: str | None) -> None:
    headers = shared_site.headers(role)
    assert _upload(reader, headers) == (401 if role is None else 202 if role in UPLOADERS else 403)
    accept = reader.post("/api/v1/claims/999999/accept", json={"indicator_code": "KT01"}, headers=headers)
    assert accept.status_code == (401 if role is None else 404 if role in REVIEWERS else 403)
    assert accept.json()["message"]  # Vietnamese message in every case
    reject = reader.post("/api/v1/claims/999999/reject", headers=headers)
    assert reject.status_code == (401 if role is None else 404 if role in REVIEWERS else 403)
    publish = reader.post(f"/api/v1/plans/{PLAN}/publish", headers=headers)
    assert publish.status_code == (401 if role is None else 200 if role in EDITORS else 403)


@pytest.mark.parametrize("role", [None, *ROLES])
def test_reads_by_role(reader: TestClient, shared_site: Site, role: str | None) -> None:
    headers = shared_site.headers(role)
    assert reader.get("/api/v1/documents", headers=headers).status_code == (401 if role is None else 200)
    assert reader.get(f"/api/v1/plans/{PLAN}/assessment", headers=headers).status_code == 200
    page = reader.get("/documents", headers=headers)
    assert page.status_code == (401 if role is None else 200)
    assert ("Tải lên văn bản mới" in page.text) == (role in UPLOADERS)


def test_bad_tokens(reader: TestClient) -> None:
    for header in ("Bearer ct_khong-dung", "Bearer ", "Basic YWRtaW46eA==", "Bearer " + "x" * 5000):
        answer = reader.get("/api/v1/documents", headers={"Authorization": header})
        assert answer.status_code == 401 and answer.json()["code"] == "auth_bad_token"


def test_password_is_hashed_with_argon2(shared_site: Site) -> None:
    import sqlalchemy as sa

    with shared_site.database.session() as session:
        stored = session.execute(sa.text("SELECT password_hash FROM users WHERE name = 'viewer'")).scalar_one()
        token_hashes = session.execute(sa.text("SELECT token_hash FROM api_tokens")).scalars().all()
        assert stored.startswith("$argon2id$") and PASSWORD not in stored
        assert shared_site.tokens["viewer"] not in token_hashes
        assert authenticate(session, "viewer", PASSWORD) is not None
        assert authenticate(session, "viewer", "sai-mat-khau") is None
        assert authenticate(session, "khong-co-ai", PASSWORD) is None


def test_login_sets_a_secure_session_and_logout_ends_it(site: Site) -> None:
    with client_for(site, run_jobs=False) as client:
        page = client.get("/login")
        assert "httponly" in page.headers["set-cookie"].lower()
        csrf = login(client, "office")
        cookie = client.cookies.get("chitieu_session")
        assert cookie and client.get("/documents").status_code == 200
        # cookie-authenticated JSON writes need the CSRF header too
        assert client.post(f"/api/v1/plans/{PLAN}/publish").status_code == 403
        assert client.post(f"/api/v1/plans/{PLAN}/publish", headers={"X-CSRF-Token": csrf}).status_code == 200
        # a form without the token is refused
        assert client.post("/logout", data={}).status_code == 403
        assert client.post("/logout", data={"csrf_token": csrf}, follow_redirects=False).status_code == 303
    with client_for(site, run_jobs=False) as again:
        again.cookies.set("chitieu_session", cookie)
        assert again.get("/documents").status_code == 401  # the session is gone on the server


def test_session_cookie_is_secure_over_https(site: Site) -> None:
    with client_for(site, run_jobs=False) as client:
        client.base_url = client.base_url.copy_with(scheme="https")  # type: ignore[assignment]
        page = client.get("https://testserver/login")
        token = page.text.split('name="csrf_token" value="')[1].split('"')[0]
        answer = client.post("https://testserver/login", data={"name": "viewer", "password": PASSWORD, "csrf_token": token},
                             follow_redirects=False)
        cookie = answer.headers["set-cookie"].lower()
        assert "secure" in cookie and "httponly" in cookie and "samesite=lax" in cookie


def test_login_is_rate_limited(site: Site) -> None:
    with client_for(site, run_jobs=False, login_attempts=3) as client:
        token = client.get("/login").text.split('name="csrf_token" value="')[1].split('"')[0]
        codes = [client.post("/login", data={"name": "admin", "password": f"sai-{i}", "csrf_token": token}).status_code
                 for i in range(4)]
        assert codes == [401, 401, 401, 429]
        blocked = client.post("/login", data={"name": "admin", "password": PASSWORD, "csrf_token": token})
        assert blocked.status_code == 429 and "thử lại sau" in blocked.text


def test_login_form_without_csrf_is_refused(site: Site) -> None:
    with client_for(site, run_jobs=False) as client:
        answer = client.post("/login", data={"name": "admin", "password": PASSWORD})
        assert answer.status_code == 403 and "CSRF" in answer.text


def test_login_redirect_stays_on_the_site(site: Site) -> None:
    with client_for(site, run_jobs=False) as client:
        token = client.get("/login").text.split('name="csrf_token" value="')[1].split('"')[0]
        answer = client.post("/login", data={"name": "viewer", "password": PASSWORD, "csrf_token": token,
                                             "next": "//evil.example/"}, follow_redirects=False)
        assert answer.headers["location"] == "/"

"""Upload → background extraction → review → the plan changes; and every kind of bad upload refused cleanly."""

from __future__ import annotations

import io
import zipfile

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from tests.web.conftest import PLAN, REPORT_TEXT, Site, client_for, wait_for_document

from chitieu.web.documents_read import CLAIM_KEYS


def _upload(client: TestClient, site: Site, name: str, content: bytes, role: str = "office") -> tuple[int, dict[str, object]]:
    answer = client.post("/api/v1/documents", files={"file": (name, content, "application/octet-stream")},
                         data={"plan": PLAN}, headers=site.headers(role))
    return answer.status_code, answer.json()


def test_upload_extract_accept_changes_the_plan(client: TestClient, site: Site) -> None:
    headers = site.headers("office")
    status, body = _upload(client, site, "bao-cao-2024.txt", REPORT_TEXT.encode())
    assert status == 202 and body["status"] in ("queued", "running", "done") and body["created"] is True
    state = wait_for_document(client, int(body["id"]), headers)
    assert state["status"] == "done", state
    assert state["progress"] == 100 and state["claims"] >= 3
    claims = client.get(f"/api/v1/documents/{body['id']}/claims", headers=headers).json()
    assert all(set(CLAIM_KEYS) | {"id"} <= set(c) for c in claims)
    forest = next(c for c in claims if "che phủ rừng" in c["indicator"].lower())
    assert forest["value"] == 51.2 and forest["quote"] in REPORT_TEXT
    assert REPORT_TEXT[forest["start"]:forest["end"]] == forest["quote"]

    before = client.get(f"/api/v1/plans/{PLAN}/assessment", params={"as_of": 2024}).json()
    old = next(r for r in before["rows"] if r["code"] == "KT15")
    accepted = client.post(f"/api/v1/claims/{forest['id']}/accept", headers=headers,
                           json={"indicator_code": "KT15", "as": "observation", "period": "2024"})
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["created"] == "observation"
    after = client.get(f"/api/v1/plans/{PLAN}/assessment", params={"as_of": 2024}).json()
    new = next(r for r in after["rows"] if r["code"] == "KT15")
    assert new["value"] == 51.2 and new != old
    again = client.post(f"/api/v1/claims/{forest['id']}/accept", headers=headers, json={"indicator_code": "KT15"})
    assert again.status_code == 409  # already decided
    decided = client.get(f"/api/v1/documents/{body['id']}/claims", params={"status": "accepted"}, headers=headers).json()
    assert [c["id"] for c in decided] == [forest["id"]] and decided[0]["decided_by"] == "office"

    other = next(c for c in claims if c["id"] != forest["id"])
    assert client.post(f"/api/v1/claims/{other['id']}/reject", headers=headers).json()["status"] == "rejected"


def test_same_file_twice_is_one_document(client: TestClient, site: Site) -> None:
    _, first = _upload(client, site, "a.txt", REPORT_TEXT.encode())
    wait_for_document(client, int(first["id"]), site.headers("office"))
    status, second = _upload(client, site, "ban-sao.txt", REPORT_TEXT.encode())
    assert status == 202 and second["id"] == first["id"] and second["created"] is False
    with site.database.session() as session:
        assert session.execute(sa.text("SELECT count(*) FROM source_documents")).scalar_one() == 1
        assert session.execute(sa.text("SELECT count(*) FROM jobs")).scalar_one() == 1


def test_accept_with_a_bad_period_writes_nothing(client: TestClient, site: Site) -> None:
    headers = site.headers("office")
    _, body = _upload(client, site, "r.txt", REPORT_TEXT.encode())
    wait_for_document(client, int(body["id"]), headers)
    claim = client.get(f"/api/v1/documents/{body['id']}/claims", headers=headers).json()[0]
    with site.database.session() as session:
        count = session.execute(sa.text("SELECT count(*) FROM observations")).scalar_one()
    answer = client.post(f"/api/v1/claims/{claim['id']}/accept", headers=headers,
                         json={"indicator_code": "KT01", "as": "observation", "period": "năm ngoái"})
    assert answer.status_code == 400 and answer.json()["code"] == "read_review_bad_period"
    wrong_plan = client.post(f"/api/v1/claims/{claim['id']}/accept", headers=headers, json={"indicator_code": "KHONG-CO"})
    assert wrong_plan.status_code in (400, 404)
    with site.database.session() as session:
        assert session.execute(sa.text("SELECT count(*) FROM observations")).scalar_one() == count
    status = client.get(f"/api/v1/documents/{body['id']}/claims", headers=headers).json()[0]["status"]
    assert status == "candidate"


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b" " * (300 * 1024 * 1024) + b"</w:document>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "status", "code"),
    [
        ("rong.txt", b"", 400, "upload_empty"),
        ("anh.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, 415, "upload_bad_type"),
        ("chuong-trinh.exe", b"MZ\x90\x00" + b"\x00" * 100, 415, "upload_bad_type"),
        ("gia.pdf", b"khong phai pdf", 415, "upload_bad_type"),
        ("nhi-phan.txt", b"abc\x00\x01\x02" * 100, 415, "upload_bad_type"),
        ("bang.xlsx", b"PK\x03\x04", 415, "upload_bad_type"),
    ],
)
def test_bad_uploads_are_refused_before_storing(client: TestClient, site: Site, name: str, content: bytes,
                                               status: int, code: str) -> None:
    got, body = _upload(client, site, name, content)
    assert (got, body["code"]) == (status, code) and body["message"]
    with site.database.session() as session:
        assert session.execute(sa.text("SELECT count(*) FROM stored_files")).scalar_one() == 0


def test_oversized_upload(site: Site) -> None:
    with client_for(site, run_jobs=False, upload_limit=1000, request_limit=2000) as client:
        mid = client.post("/api/v1/documents", files={"file": ("lon.txt", b"a" * 1500, "text/plain")},
                          headers=site.headers("office"))
        assert mid.status_code == 413 and mid.json()["code"] == "upload_too_large"
        huge = client.post("/api/v1/documents", files={"file": ("rat-lon.txt", b"a" * 5000, "text/plain")},
                           headers=site.headers("office"))
        assert huge.status_code == 413 and huge.json()["code"] == "request_too_large"


def test_a_zip_bomb_fails_in_the_job_with_a_reason(client: TestClient, site: Site) -> None:
    status, body = _upload(client, site, "bom.docx", _zip_bomb())
    assert status == 202
    state = wait_for_document(client, int(body["id"]), site.headers("office"))
    assert state["status"] == "failed" and "bom.docx" in str(state["reason"]) and "/tmp" not in str(state["reason"])
    assert state["claims"] == 0


def test_missing_file_and_unknown_plan(client: TestClient, site: Site) -> None:
    headers = site.headers("office")
    none = client.post("/api/v1/documents", data={"plan": PLAN}, headers=headers)
    assert none.status_code == 400 and none.json()["code"] == "upload_missing"
    unknown = client.post("/api/v1/documents", files={"file": ("a.txt", REPORT_TEXT.encode(), "text/plain")},
                          data={"plan": "KHONG-CO"}, headers=headers)
    assert unknown.status_code == 404 and unknown.json()["code"] == "plan_not_found"
    assert client.get("/api/v1/documents/424242", headers=headers).status_code == 404


def test_workspaces_do_not_see_each_other(client: TestClient, site: Site) -> None:
    from chitieu.domain.actors import Actor
    from chitieu.services.accounts import add_user, create_token
    from chitieu.services.workspaces import create_workspace

    with site.database.session(write=True) as session:
        create_workspace(session, Actor("test", role="admin"), "dien-bien", "Tỉnh Điện Biên")
        add_user(session, Actor("test", workspace="dien-bien", role="admin"), "db-office", role="office", password=None)
        other = {"Authorization": f"Bearer {create_token(session, 'db-office')}"}
    assert client.get("/api/v1/plans", headers=other).json() == []
    assert client.get(f"/api/v1/plans/{PLAN}/assessment", headers=other).status_code == 404
    _, mine = _upload(client, site, "lc.txt", REPORT_TEXT.encode())
    assert client.get(f"/api/v1/documents/{mine['id']}", headers=other).status_code == 404
    assert client.get("/api/v1/documents", headers=other).json() == []
    assert wait_for_document(client, int(mine["id"]), site.headers("office"))["status"] == "done"
    claims = client.get(f"/api/v1/documents/{mine['id']}/claims", headers=site.headers("office")).json()
    refused = client.post(f"/api/v1/claims/{claims[0]['id']}/reject", headers=other)
    assert refused.status_code == 404
    assert client.get(f"/api/v1/documents/{mine['id']}/claims", headers=site.headers("office")).json()[0]["status"] == "candidate"

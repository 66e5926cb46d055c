"""HTML pages: Vietnamese, no outside URL, security headers, errors as pages (never a traceback)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import PLAN, Site, client_for, login

VIETNAMESE = re.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")
OUTSIDE = re.compile(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", re.IGNORECASE)
PAGES = ["/", f"/plans/{PLAN}", f"/plans/{PLAN}/indicators/KT02", f"/plans/{PLAN}/reports", "/portal/",
         f"/portal/{PLAN}/", f"/portal/{PLAN}/KT02.html", "/login"]


@pytest.mark.parametrize("path", PAGES)
def test_public_pages_are_vietnamese_and_self_contained(reader: TestClient, path: str) -> None:
    answer = reader.get(path)
    assert answer.status_code == 200
    assert '<html lang="vi">' in answer.text and VIETNAMESE.search(answer.text)
    assert not OUTSIDE.search(answer.text), OUTSIDE.search(answer.text)
    assert answer.headers["content-security-policy"].startswith("default-src 'self'")
    assert answer.headers["x-frame-options"] == "DENY"


def test_static_files_hold_no_outside_url(reader: TestClient) -> None:
    for path in ("/static/app.css", "/static/app.js", "/static/vendor/htmx.min.js", "/static/vendor/chart.umd.min.js"):
        answer = reader.get(path)
        assert answer.status_code == 200 and not re.search(r"https?://", answer.text), path


def test_dashboard_states_counts_as_the_report_does(reader: TestClient) -> None:
    page = reader.get(f"/plans/{PLAN}", params={"as_of": 2023}).text
    assert "Đến năm 2023 có 54 chỉ tiêu: 12 chỉ tiêu vượt, 9 chỉ tiêu đạt, 33 chỉ tiêu chưa đạt." in page
    assert "Chỉ tiêu khó đạt" in page and "Tốc độ cần đạt" in page and "Theo nhóm" in page
    assert 'id="chart-data"' in page


def test_indicator_page_shows_versions_provenance_and_chart(reader: TestClient) -> None:
    page = reader.get(f"/plans/{PLAN}/indicators/KT02").text
    assert "GRDP bình quân đầu người" in page and "Các phiên bản mục tiêu" in page
    assert "/sources/BC-002-2023?" in page and 'id="trajectory-data"' in page
    source = reader.get("/sources/BC-002-2023", params={"quote": "GRDP bình quân đầu người", "location": "Phụ lục 3"})
    assert source.status_code == 200 and '<mark id="hl"' in source.text


def test_errors_are_pages(reader: TestClient) -> None:
    missing = reader.get("/plans/KHONG-CO")
    assert missing.status_code == 404 and "Không tìm thấy" in missing.text and "Traceback" not in missing.text
    indicator = reader.get(f"/plans/{PLAN}/indicators/KHONG-CO")
    assert indicator.status_code == 404
    private = reader.get("/documents")
    assert private.status_code == 401 and "Đăng nhập" in private.text
    bad = reader.get(f"/plans/{PLAN}", params={"as_of": "abc"})
    assert bad.status_code == 422 and "<html" in bad.text


def test_signed_in_pages(site: Site) -> None:
    with client_for(site, run_jobs=False) as client:
        login(client, "office")
        for path in ("/plans", "/documents", f"/plans/{PLAN}/reports"):
            answer = client.get(path)
            assert answer.status_code == 200 and "Đăng xuất" in answer.text, path
        assert "Thôi công bố" in client.get(f"/plans/{PLAN}/reports").text


def test_review_page_accept_and_bulk_accept_through_forms(site: Site) -> None:
    from tests.web.conftest import REPORT_TEXT, wait_for_document

    with client_for(site) as client:
        csrf = login(client, "office")
        upload_page = client.get("/documents")
        assert "Tải lên văn bản mới" in upload_page.text
        no_token = client.post("/documents", files={"file": ("r.txt", REPORT_TEXT.encode(), "text/plain")},
                               data={"plan": PLAN}, follow_redirects=False)
        assert no_token.status_code == 403
        answer = client.post("/documents", files={"file": ("r.txt", REPORT_TEXT.encode(), "text/plain")},
                             data={"plan": PLAN, "csrf_token": csrf}, follow_redirects=False)
        assert answer.status_code == 303
        document_id = int(answer.headers["location"].rsplit("/", 1)[1])
        state = wait_for_document(client, document_id, site.headers("office"))
        assert state["status"] == "done"
        page = client.get(f"/documents/{document_id}")
        assert page.status_code == 200 and '<mark id="q-' in page.text and "Chấp nhận các mục đã chọn" in page.text
        claims = client.get(f"/api/v1/documents/{document_id}/claims", headers=site.headers("office")).json()
        forest = next(c for c in claims if "che phủ rừng" in c["indicator"].lower())
        card = client.post(f"/claims/{forest['id']}/accept", headers={"HX-Request": "true"},
                           data={"indicator_code": "KT15", "as": "observation", "period": "2024", "csrf_token": csrf})
        assert card.status_code == 200 and "claim-accepted" in card.text and "bởi office" in card.text
        bad = client.post(f"/claims/{forest['id']}/reject", headers={"HX-Request": "true"}, data={"csrf_token": csrf})
        assert bad.status_code == 200 and 'role="alert"' in bad.text  # already decided: said in the card
        rest = [c["id"] for c in claims if c["id"] != forest["id"]]
        bulk = client.post(f"/documents/{document_id}/accept-bulk", headers={"HX-Request": "true"},
                           data={"claim_ids": [str(i) for i in rest], "csrf_token": csrf})
        assert bulk.status_code == 200 and "Đã chấp nhận" in bulk.text
        after = client.get(f"/api/v1/documents/{document_id}/claims", headers=site.headers("office")).json()
        accepted = [c for c in after if c["status"] == "accepted"]
        failed = bulk.text.count("<li>")
        assert len(accepted) + failed == len(claims)


def test_indicator_page_lists_each_units_values(reader: TestClient, shared_site: Site) -> None:
    """The assessed view keeps only the plan's own area; units' values are read for the indicator page."""
    page = reader.get("/plans/LC-XIV-QT/indicators/QT01", headers=shared_site.headers("viewer"))
    assert page.status_code == 200
    assert "Huyện Than Uyên" in page.text
    csv_text = reader.get("/api/v1/plans/LC-XIV-QT/observations.csv", headers=shared_site.headers("viewer")).text
    assert "LC-THAN-UYEN" in csv_text

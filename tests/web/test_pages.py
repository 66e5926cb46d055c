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
    assert "Đến năm 2023 có 54 chỉ tiêu: 13 chỉ tiêu vượt, 9 chỉ tiêu đạt, 32 chỉ tiêu chưa đạt." in page
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

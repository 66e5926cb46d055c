"""The read API through the real app, on SQLite and PostgreSQL: plans, assessment rows, reports, errors."""

from __future__ import annotations

import io
import json

from fastapi.testclient import TestClient
from openpyxl import load_workbook
from tests.web.conftest import PLAN, Site

from chitieu.assessment import assess_bundle
from chitieu.store.reader import read_bundle


def test_healthz(reader: TestClient) -> None:
    answer = reader.get("/healthz")
    assert answer.status_code == 200 and answer.json()["status"] == "ok"


def test_plans_list_has_code_and_title(reader: TestClient, shared_site: Site) -> None:
    anonymous = reader.get("/api/v1/plans").json()
    assert [p["code"] for p in anonymous] == [PLAN]  # only the published plan
    assert anonymous[0]["title"].startswith("Nghị quyết")
    signed_in = reader.get("/api/v1/plans", headers=shared_site.headers("viewer")).json()
    assert len(signed_in) > 1 and {"code", "title", "indicator_count"} <= set(signed_in[0])


def test_assessment_rows_are_the_cli_rows(reader: TestClient, shared_site: Site) -> None:
    answer = reader.get(f"/api/v1/plans/{PLAN}/assessment", params={"as_of": 2023})
    assert answer.status_code == 200
    body = answer.json()
    with shared_site.database.session() as session:
        bundle = read_bundle(session, 1, PLAN)
    assert bundle is not None
    expected = [r.to_dict() for r in assess_bundle(bundle, as_of=2023)]
    rows = body["rows"]
    assert len(rows) == len(expected) == 54
    for row, cli in zip(rows, expected, strict=True):
        assert set(cli) <= set(row) and row["plan_code"] == PLAN and row["org_unit"] is None
        assert json.loads(json.dumps(cli)) == {k: row[k] for k in cli}
    assert body["summary"].startswith("Đến năm 2023 có 54 chỉ tiêu: 12 chỉ tiêu vượt")


def test_forecast_assessment(reader: TestClient) -> None:
    body = reader.get(f"/api/v1/plans/{PLAN}/assessment", params={"forecast": "true"}).json()
    assert body["forecast"] is True and body["summary"].startswith("Dự báo đến hết thời hạn")


def test_errors_are_vietnamese_json(reader: TestClient, shared_site: Site) -> None:
    missing = reader.get("/api/v1/plans/KHONG-CO/assessment", headers=shared_site.headers("viewer"))
    assert missing.status_code == 404
    assert missing.json() == {"code": "plan_not_found", "message": "Không tìm thấy kế hoạch/nghị quyết có mã «KHONG-CO»."}
    bad_year = reader.get(f"/api/v1/plans/{PLAN}/assessment", params={"as_of": "năm"})
    assert bad_year.status_code == 422 and bad_year.json()["code"] == "request_invalid"
    assert "phải là số" in bad_year.json()["message"]
    far = reader.get(f"/api/v1/plans/{PLAN}/assessment", params={"as_of": 99999})
    assert far.status_code == 422
    unknown = reader.get("/api/v1/khong-co")
    assert unknown.status_code == 404 and unknown.json()["code"] == "request_not_found"


def test_unpublished_plan_needs_login(reader: TestClient, shared_site: Site) -> None:
    other = next(p["code"] for p in reader.get("/api/v1/plans", headers=shared_site.headers("viewer")).json() if p["code"] != PLAN)
    anonymous = reader.get(f"/api/v1/plans/{other}/assessment")
    assert anonymous.status_code == 401 and anonymous.json()["code"] == "plan_not_published"
    assert reader.get(f"/api/v1/plans/{other}", headers=shared_site.headers("viewer")).status_code == 200


def test_appendix_files(reader: TestClient) -> None:
    xlsx = reader.get(f"/api/v1/plans/{PLAN}/appendix.xlsx", params={"as_of": 2023})
    assert xlsx.status_code == 200 and xlsx.headers["content-type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    texts = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert any("Tốc độ tăng trưởng GRDP" in t for t in texts)
    docx = reader.get(f"/api/v1/plans/{PLAN}/appendix.docx")
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    assert "phu-luc-lc-xiv.docx" in docx.headers["content-disposition"]


def test_observations_csv_and_sdmx(reader: TestClient) -> None:
    plain = reader.get(f"/api/v1/plans/{PLAN}/observations.csv")
    assert plain.status_code == 200 and plain.content.startswith("\ufeff".encode())
    lines = plain.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("plan_code,indicator_code") and len(lines) > 100
    sdmx = reader.get(f"/api/v1/plans/{PLAN}/observations.csv", params={"format": "sdmx"}).content.decode("utf-8-sig")
    header, first = sdmx.splitlines()[:2]
    assert header.startswith("DATAFLOW,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE") and first.startswith(f"CHITIEU:{PLAN}(1.0)")
    assert reader.get(f"/api/v1/plans/{PLAN}/observations.csv", params={"format": "xml"}).status_code == 422


def test_summary_and_audit(reader: TestClient) -> None:
    summary = reader.get(f"/api/v1/plans/{PLAN}/summary", params={"as_of": 2023}).json()
    assert "2023" in summary["summary"] and "chỉ tiêu" in summary["summary"]
    audit = reader.get(f"/api/v1/plans/{PLAN}/audit").json()
    assert isinstance(audit["findings"], list) and all({"code", "message", "severity"} <= set(f) for f in audit["findings"])


def test_openapi_names_the_contract_paths(reader: TestClient) -> None:
    paths = reader.get("/openapi.json").json()["paths"]
    for path in ("/healthz", "/api/v1/plans", "/api/v1/plans/{code}/assessment", "/api/v1/documents",
                 "/api/v1/documents/{document_id}", "/api/v1/documents/{document_id}/claims",
                 "/api/v1/claims/{claim_id}/accept", "/api/v1/claims/{claim_id}/reject",
                 "/api/v1/plans/{code}/appendix.xlsx", "/api/v1/plans/{code}/appendix.docx",
                 "/api/v1/plans/{code}/observations.csv"):
        assert path in paths, path

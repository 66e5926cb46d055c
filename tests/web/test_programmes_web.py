"""Programme budgets in the web app: a report imported from Excel through the page shows allocation,
disbursement rate and verdict per programme and unit; the same rows through the API; errors in Vietnamese."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from openpyxl import Workbook
from tests.programmes.test_programme_services import report_workbook
from tests.web.conftest import Site, login


def test_an_excel_report_imported_on_the_page_shows_allocation_rate_and_verdict(client: TestClient, site: Site,
                                                                                tmp_path: Path) -> None:
    assert client.get("/programmes").status_code == 401
    csrf = login(client, "office")
    page = client.get("/programmes")
    assert page.status_code == 200 and "Kế hoạch đầu tư công tỉnh Lai Châu" in page.text
    assert "47,3%" in page.text  # the bundled 2023 public investment figures, judged against ≥ 95%
    path = report_workbook(tmp_path / "bao-cao-dtts.xlsx")
    files = {"file": (path.name, path.read_bytes(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")}
    assert client.post("/programmes/import", files=files, data={"root": "MTQG-DTTS"}).status_code == 403  # CSRF
    done = client.post("/programmes/import", files=files, data={"root": "MTQG-DTTS", "csrf_token": csrf})
    assert done.status_code == 200, done.text[:800]
    text = done.text
    assert "Đã nhập" in text and "bao-cao-dtts.xlsx" in text
    assert "đến ngày 30/09/2023" in text
    table = text.split('id="programme-rows"')[1]
    row = table.split('data-plan="MTQG-DTTS" data-unit="LC-THAN-UYEN" data-source=""')[1].split("</tr>")[0]
    assert "1.200" in row and "600" in row and "50,0%" in row and "Huyện Than Uyên" in row
    whole = table.split('data-plan="MTQG-DTTS" data-unit="" data-source=""')[1].split("</tr>")[0]
    assert "2.000" in whole and "700" in whole and "35,0%" in whole

    api = client.get("/api/v1/programmes/assessment", params={"as_of": "30/9/2023", "root": "MTQG-DTTS"},
                     headers=site.headers("viewer")).json()
    rows = {(r["plan_code"], r["org_unit"]): r for r in api["rows"]}
    assert (rows[("MTQG-DTTS", "LC-TAM-DUONG")]["allocated"], rows[("MTQG-DTTS", "LC-TAM-DUONG")]["rate"]) == (800, 12.5)
    dtc = client.get("/api/v1/programmes/assessment", params={"as_of": "2023-10-31", "period": "2023"},
                     headers=site.headers("viewer")).json()["rows"]
    kh = next(r for r in dtc if r["plan_code"] == "KH-DTC" and r["org_unit"] is None)
    assert (kh["rate"], kh["status_vi"], kh["forecast_status_vi"]) == (47.3, "Chưa đạt", "Khó đạt")


def test_bad_reports_and_parameters_get_vietnamese_errors(client: TestClient, site: Site, tmp_path: Path) -> None:
    csrf = login(client, "office")
    bad = client.post("/programmes/import", files={"file": ("anh.png", b"\x89PNG....", "image/png")},
                      data={"csrf_token": csrf})
    assert bad.status_code == 400 and "không phải báo cáo chương trình" in bad.text
    empty = tmp_path / "trong.csv"
    empty.write_text("Nội dung,Ghi chú\nA,B\n", encoding="utf-8")
    none = client.post("/programmes/import", files={"file": (empty.name, empty.read_bytes(), "text/csv")},
                       data={"csrf_token": csrf})
    assert none.status_code == 400 and "trong.csv" in none.text
    wrong = client.get("/api/v1/programmes/assessment", params={"period": "20x3"}, headers=site.headers("viewer"))
    assert wrong.status_code == 400 and "20x3" in wrong.json()["message"]
    login(client, "viewer")
    assert 'id="import-form"' not in client.get("/programmes").text


def two_sources(path: Path) -> Path:
    """A district report with capital by source: central investment (judged against "≥ 95%") and recurrent."""
    book = Workbook()
    sheet = book.active
    sheet.append(["BÁO CÁO GIẢI NGÂN VỐN CHƯƠNG TRÌNH MTQG PHÁT TRIỂN KT-XH VÙNG ĐỒNG BÀO DTTS VÀ MN NĂM 2023"])
    sheet.append(["(Số liệu tính đến ngày 30/9/2023)"])
    sheet.append(["", "", "", "", "", "", "", "Đơn vị: triệu đồng"])
    sheet.append(["STT", "Đơn vị", "Kế hoạch vốn năm 2023", None, None, "Giải ngân", None, None])
    sheet.append([None, None, "Tổng số", "Vốn đầu tư NSTW", "Vốn sự nghiệp NSTW", "Tổng số", "Vốn đầu tư NSTW",
                  "Vốn sự nghiệp NSTW"])
    for cells in ("A4:A5", "B4:B5", "C4:E4", "F4:H4"):
        sheet.merge_cells(cells)
    sheet.append([None, "Tổng cộng", 2000, 1500, 500, 700, 600, 100])
    sheet.append(["1", "Huyện Than Uyên", 1200, 1000, 200, 600, 550, 50])
    sheet.append(["2", "Huyện Tam Đường", 800, 500, 300, 100, 50, 50])
    book.save(path)
    return path


def test_each_unit_gets_its_verdict_against_the_disbursement_target(client: TestClient, tmp_path: Path) -> None:
    csrf = login(client, "office")
    path = two_sources(tmp_path / "dtts-nguon-von.xlsx")
    done = client.post("/programmes/import", files={"file": (path.name, path.read_bytes(), "application/octet-stream")},
                       data={"root": "MTQG-DTTS", "csrf_token": csrf})
    assert done.status_code == 200 and "Đã nhập" in done.text
    page = client.get("/programmes", params={"root": "MTQG-DTTS", "as_of": "30/9/2023", "sources": "true"}).text
    for unit, rate in (("LC-THAN-UYEN", "55,0%"), ("LC-TAM-DUONG", "10,0%"), ("", "40,0%")):
        row = page.split(f'data-unit="{unit}" data-source="central_investment"')[1].split("</tr>")[0]
        assert rate in row and "≥ 95%" in row and "Chưa đạt" in row and "Khó đạt" in row, (unit, row)

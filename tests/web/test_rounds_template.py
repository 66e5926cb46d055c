"""The Excel template of a unit in a round: pre-filled, locked, validated; uploaded back all or nothing."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from tests.web.conftest import Site, client_for
from tests.web.test_rounds_api import OTHER, UNIT, indicator_codes, new_round, put

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(scope="module")
def api(shared_site: Site) -> Iterator[TestClient]:
    with client_for(shared_site, run_jobs=False) as client:
        yield client


def download(api: TestClient, site: Site, rid: int, unit: str, role: str = "officer") -> bytes:
    answer = api.get(f"/api/v1/rounds/{rid}/units/{unit}/template.xlsx", headers=site.headers(role))
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == XLSX
    return answer.content


def upload(api: TestClient, site: Site, rid: int, unit: str, content: bytes, role: str = "officer") -> object:
    return api.post(f"/api/v1/rounds/{rid}/units/{unit}/template.xlsx", headers=site.headers(role),
                    files={"file": ("bieu-mau.xlsx", content, XLSX)})


def edit(content: bytes, cells: dict[str, object]) -> bytes:
    book = load_workbook(io.BytesIO(content))
    sheet = book.worksheets[0]
    for ref, value in cells.items():
        sheet[ref] = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_the_template_is_prefilled_locked_and_validated(api: TestClient, shared_site: Site) -> None:
    site = shared_site
    rid = new_round(api, site)
    codes = indicator_codes(api, site)
    put(api, site, "officer", rid, UNIT, codes[0], text="47,5", flag="ước", note="ước tính")
    book = load_workbook(io.BytesIO(download(api, site, rid, UNIT)))
    sheet = book.worksheets[0]
    assert sheet.protection.sheet and book["_chitieu"].sheet_state == "hidden"
    assert [sheet.cell(row=7 + k, column=2).value for k in range(3)] == codes
    assert (sheet["G7"].value, sheet["H7"].value, sheet["I7"].value) == ("47,5", "ước", "ước tính")
    assert sheet["C7"].value and sheet["E7"].value  # the indicator's name and its target are filled in
    assert not sheet["G7"].protection.locked and sheet["C7"].protection.locked
    kinds = {v.type for v in sheet.data_validations.dataValidation}
    assert kinds == {"list", "textLength"}
    assert "Thân Uyên".lower() in str(sheet["A2"].value).lower() or UNIT in str(sheet["A2"].value)
    # a viewer may read it; an officer of another unit may read but not upload
    download(api, site, rid, UNIT, role="viewer")
    assert upload(api, site, rid, UNIT, download(api, site, rid, UNIT), role="viewer").status_code == 403  # type: ignore[attr-defined]


def test_an_upload_writes_the_changed_cells_with_their_audit(api: TestClient, shared_site: Site) -> None:
    site = shared_site
    rid = new_round(api, site)
    codes = indicator_codes(api, site)
    content = edit(download(api, site, rid, UNIT), {"G7": "12,5", "H8": "dự ước", "G8": ">5", "I9": "chưa đủ số liệu"})
    answer = upload(api, site, rid, UNIT, content)
    assert answer.status_code == 200, answer.text  # type: ignore[attr-defined]
    assert answer.json()["changed"] == 3  # type: ignore[attr-defined]
    values = {v["indicator"]: v for v in api.get(f"/api/v1/rounds/{rid}/units/{UNIT}/values",
                                                 headers=site.headers("viewer")).json()}
    assert (values[codes[0]]["value"], values[codes[1]]["op"], values[codes[1]]["flag"]) == (12.5, ">", "projection")
    assert values[codes[2]]["note"] == "chưa đủ số liệu"
    trail = api.get(f"/api/v1/audit?round={rid}", headers=site.headers("office")).json()
    assert {(t["indicator"], t["new"], t["source"], t["actor"]) for t in trail} == {
        (codes[0], "12,5", "file", "officer"), (codes[1], ">5", "file", "officer"), (codes[2], "", "file", "officer")}
    same = upload(api, site, rid, UNIT, content)  # the same file again changes nothing
    assert same.json()["changed"] == 0 and same.json()["unchanged"] == 3  # type: ignore[attr-defined]
    stale = upload(api, site, rid, UNIT, edit(content, {"G7": "13"}))  # an edit of the old file: stale version
    assert stale.status_code == 400 and "G7" in stale.json()["message"] and "12,5" in stale.json()["message"]  # type: ignore[attr-defined]


def test_a_bad_cell_writes_nothing_and_is_named_by_its_address(api: TestClient, shared_site: Site) -> None:
    site = shared_site
    rid = new_round(api, site)
    content = edit(download(api, site, rid, UNIT), {"G7": "15", "G8": "???", "H9": "đoán"})
    answer = upload(api, site, rid, UNIT, content)
    assert answer.status_code == 400  # type: ignore[attr-defined]
    body = answer.json()  # type: ignore[attr-defined]
    assert body["code"] == "round_template_problems"
    assert [p["column"] for p in body["problems"]] == ["G8", "H9"]
    assert "ô G8" in body["message"] and "«???»" in body["message"]
    values = api.get(f"/api/v1/rounds/{rid}/units/{UNIT}/values", headers=site.headers("viewer")).json()
    assert all(v["text"] == "" for v in values)  # the good cell G7 was not written either


def test_a_template_of_another_unit_or_not_a_workbook_is_refused(api: TestClient, shared_site: Site) -> None:
    site = shared_site
    rid = new_round(api, site)
    other = download(api, site, rid, OTHER, role="office")
    wrong = upload(api, site, rid, UNIT, other)
    assert wrong.status_code == 400 and wrong.json()["code"] == "round_template_other"  # type: ignore[attr-defined]
    junk = upload(api, site, rid, UNIT, b"not a workbook at all")
    assert junk.status_code == 400 and junk.json()["code"] == "round_template_not_xlsx"  # type: ignore[attr-defined]

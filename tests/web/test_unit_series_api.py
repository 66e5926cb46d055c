"""A merged commune's series across the 2025 reform, through the API, on the bundled dataset's real unit changes.

A 2024 round asks the four former communes that Nghị quyết 1670/NQ-UBTVQH15 (Điều 1, khoản 1) merged into xã
Mường Kim; a 2025 round asks xã Mường Kim itself. Once locked, both are the plan's observations, and the series
of xã Mường Kim shows 2024 as the sum of its four former communes and 2025 as its own figure.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import Site, client_for

PLAN = "LC-XIV"
JOBS = "VX16"  # Giải quyết việc làm cho lao động hằng năm (người/năm): adds up over communes
FOREST = "KT15"  # Tỷ lệ che phủ rừng (%): a rate, never summed
FORMER = {"LC-THAN-UYEN-X-TA-MUNG": "120", "LC-THAN-UYEN-X-TA-HUA": "95", "LC-THAN-UYEN-X-PHA-MU": "80",
          "LC-THAN-UYEN-X-MUONG-KIM": "205"}
NEW = "LC-X-MUONG-KIM"


@pytest.fixture
def api(site: Site) -> Iterator[TestClient]:
    with client_for(site, run_jobs=False) as client:
        yield client


def locked_round(api: TestClient, site: Site, period: str, values: dict[str, dict[str, str]]) -> int:
    """A round over the units of ``values`` ({unit: {indicator: text}}), written and locked by the office."""
    office = site.headers("office")
    made = api.post("/api/v1/rounds", headers=office, json={
        "plan": PLAN, "period": period, "deadline": "2026-01-15", "units": list(values), "indicators": [JOBS, FOREST]})
    assert made.status_code == 201, made.text
    rid = int(made.json()["id"])
    for unit, texts in values.items():
        for indicator, text in texts.items():
            answer = api.put(f"/api/v1/rounds/{rid}/values/{unit}/{indicator}", headers=office, json={"text": text})
            assert answer.status_code == 200, answer.text
        locked = api.post(f"/api/v1/rounds/{rid}/units/{unit}/approve", headers=office, json={})
        assert locked.status_code == 200 and locked.json()["status"] == "locked", locked.text
    return rid


def series(api: TestClient, site: Site, indicator: str, unit: str, role: str = "viewer") -> dict[str, object]:
    answer = api.get(f"/api/v1/plans/{PLAN}/series", params={"indicator": indicator, "unit": unit}, headers=site.headers(role))
    assert answer.status_code == 200, answer.text
    return answer.json()  # type: ignore[no-any-return]


def test_a_merged_commune_is_shown_across_the_reform(api: TestClient, site: Site) -> None:
    # 2024: the former communes exist (valid to 30/6/2025) and xã Mường Kim does not; a round of 2025 the reverse.
    refused = api.post("/api/v1/rounds", headers=site.headers("office"), json={
        "plan": PLAN, "period": "năm 2024", "deadline": "2025-01-15", "units": [NEW]})
    assert refused.status_code == 400 and refused.json()["code"] == "round_units_not_valid"
    locked_round(api, site, "năm 2024", {unit: {JOBS: text, FOREST: "60,5"} for unit, text in FORMER.items()})
    locked_round(api, site, "năm 2025", {NEW: {JOBS: "530", FOREST: "61"}})

    got = series(api, site, JOBS, NEW)
    assert got["unit_name"] == "Xã Mường Kim" and got["additive"] is True
    points = {p["period"]: p for p in got["points"]}  # type: ignore[attr-defined]
    assert set(points) == {"2024", "2025"}
    assert points["2025"]["source"] == "own" and points["2025"]["value"] == 530
    carried = points["2024"]
    assert carried["source"] == "carried" and carried["value"] == 500 and carried["missing"] == []
    assert {(p["name"], p["share"], p["value"]) for p in carried["parts"]} == {
        ("Xã Tà Mung", 1.0, 120), ("Xã Tà Hừa", 1.0, 95), ("Xã Pha Mu", 1.0, 80), ("Xã Mường Kim", 1.0, 205)}

    # a former commune's own series stops at the reform; a rate is not summed for the new commune
    assert [p["period"] for p in series(api, site, JOBS, "LC-THAN-UYEN-X-TA-MUNG")["points"]] == ["2024"]  # type: ignore[index]
    rate = series(api, site, FOREST, NEW)
    assert rate["additive"] is False and [(p["period"], p["source"]) for p in rate["points"]] == [("2025", "own")]  # type: ignore[attr-defined]


def test_a_missing_part_is_named_not_guessed(api: TestClient, site: Site) -> None:
    three = dict(list(FORMER.items())[:3])
    locked_round(api, site, "năm 2024", {unit: {JOBS: text} for unit, text in three.items()})
    [point] = series(api, site, JOBS, NEW)["points"]  # type: ignore[misc]
    assert point["source"] == "incomplete" and point["value"] is None
    assert point["missing"] == [{"unit": "LC-THAN-UYEN-X-MUONG-KIM", "name": "Xã Mường Kim"}]


def test_series_errors_are_vietnamese_and_reading_needs_a_login(api: TestClient, site: Site) -> None:
    viewer = site.headers("viewer")
    assert api.get(f"/api/v1/plans/{PLAN}/series", params={"indicator": JOBS, "unit": NEW}).status_code == 401
    for params, code in (({"indicator": "KHONG", "unit": NEW}, "indicator_not_found"),
                         ({"indicator": JOBS, "unit": "KHONG"}, "org_unit_not_found")):
        answer = api.get(f"/api/v1/plans/{PLAN}/series", params=params, headers=viewer)
        assert answer.status_code == 404 and answer.json()["code"] == code and "Không" in answer.json()["message"]
    assert api.get("/api/v1/plans/NOPE/series", params={"indicator": JOBS, "unit": NEW}, headers=viewer).status_code == 404
    assert api.get(f"/api/v1/plans/{PLAN}/series", params={"unit": NEW}, headers=viewer).status_code in (400, 422)


def test_the_indicator_page_shows_the_series_to_signed_in_readers(api: TestClient, site: Site) -> None:
    locked_round(api, site, "năm 2024", {unit: {JOBS: text} for unit, text in FORMER.items()})
    page = api.get(f"/plans/{PLAN}/indicators/{JOBS}", params={"unit": NEW}, headers=site.headers("viewer"))
    assert page.status_code == 200
    assert "Chuỗi số liệu qua sắp xếp đơn vị hành chính" in page.text and "Cộng từ các đơn vị cũ" in page.text
    assert all(name in page.text for name in ("Xã Tà Mung", "Xã Tà Hừa", "Xã Pha Mu")) and ">500<" in page.text.replace(" ", "")
    anonymous = api.get(f"/plans/{PLAN}/indicators/{JOBS}", params={"unit": NEW})  # the plan is published
    assert anonymous.status_code == 200 and "Chuỗi số liệu qua sắp xếp" not in anonymous.text

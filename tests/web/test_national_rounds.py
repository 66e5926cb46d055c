"""A reporting round's published values reach the dashboard summaries in the same transaction."""

from __future__ import annotations

import sqlalchemy as sa
from tests.web.conftest import ADMIN, client_for

from chitieu.services.summaries import refresh_summaries

PROVINCE = "LC"


def summaries(site) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    with site.database.session() as s:
        targets = s.execute(sa.text(
            "SELECT i.code, t.org_unit_id, t.status, t.value, t.period FROM summary_targets t "
            "JOIN indicators i ON i.id = t.indicator_id ORDER BY i.code, t.org_unit_id")).all()
        counts = s.execute(sa.text(
            "SELECT scope, plan_id, unit_id, exceeded, achieved, not_yet, not_achieved, at_risk, on_track, no_data, "
            "total, latest_year FROM summary_counts ORDER BY scope, plan_id, unit_id")).all()
    return [tuple(r) for r in targets], [tuple(r) for r in counts]


def test_a_locked_round_refreshes_the_summaries_it_touched(site) -> None:
    with site.database.session(write=True) as session:
        refresh_summaries(session, ADMIN, as_of=2024)
    before = summaries(site)
    with client_for(site, run_jobs=False) as api:
        office = site.headers("office")
        code = api.get("/api/v1/plans/LC-XIV/assessment?as_of=2024", headers=office).json()["rows"][0]["code"]
        made = api.post("/api/v1/rounds", headers=office, json={
            "plan": "LC-XIV", "period": "năm 2024", "deadline": "15/12/2024", "units": [PROVINCE], "indicators": [code]})
        assert made.status_code == 201, made.text
        rid = made.json()["id"]
        assert api.put(f"/api/v1/rounds/{rid}/values/{PROVINCE}/{code}", headers=office,
                       json={"text": "0,001"}).status_code == 200
        assert api.post(f"/api/v1/rounds/{rid}/units/{PROVINCE}/submit", headers=office, json={}).status_code == 200
        status = ""
        for _ in range(3):
            status = api.post(f"/api/v1/rounds/{rid}/units/{PROVINCE}/approve", headers=office, json={}).json()["status"]
            if status == "locked":
                break
        assert status == "locked"
    after = summaries(site)
    changed = [row for row in after[0] if row not in before[0]]
    assert [(r[0], r[1]) for r in changed] == [(code, None)]  # the province's row of that indicator only
    old = next(r for r in before[0] if r[:2] == (code, None))
    assert changed[0][3] != old[3] and changed[0][4].endswith("2024")
    with site.database.session(write=True) as session:
        refresh_summaries(session, ADMIN, as_of=2024)
    assert summaries(site) == after  # what the round refreshed equals a full rebuild

"""Toàn quốc: the national dashboard page and its API, read from the summaries, for members only."""

from __future__ import annotations

from tests.web.conftest import ADMIN, client_for, login

from chitieu.services.summaries import refresh_summaries
from chitieu.services.synth import synth_national
from chitieu.synth import national as nat


def test_national_dashboard_pages_and_api(site) -> None:
    with client_for(site, run_jobs=False) as client:
        assert client.get("/api/v1/national").status_code == 401  # no login, no token
        viewer = site.headers("viewer")
        with site.database.session(write=True) as session:
            synth_national(session, ADMIN, scale=0.01, seed=2)
        answer = client.get("/api/v1/national", headers=viewer)
        assert answer.status_code == 409 and answer.json()["code"] == "summaries_not_built"
        assert "chitieu summaries refresh" in answer.json()["message"]
        with site.database.session(write=True) as session:
            refresh_summaries(session, ADMIN)
        nation = client.get("/api/v1/national", headers=viewer).json()
        assert nation["level"] == "nation" and nation["as_of"] == 2024
        shape = nat.Shape.of(0.01)
        provinces = [line for line in nation["lines"] if line["plan_code"].startswith("NQ-")]
        assert [p["code"] for p in provinces] == [nat.province_code(p) for p in range(shape.provinces)]
        assert nation["total"] == sum(line["total"] for line in nation["lines"])
        assert sum(p["units"]["total"] for p in provinces) == shape.communes * nat.INDICATORS_PER_PLAN
        assert sum(nation["counts"].values()) == nation["total"]
        assert any(v["name"] == "Thu ngân sách nhà nước trên địa bàn" and v["value"] for v in nation["values"])
        first = provinces[0]["code"]
        province = client.get(f"/api/v1/national/{first}", headers=viewer).json()
        assert province["level"] == "area" and province["total"] == provinces[0]["total"]
        communes = [line["code"] for line in province["lines"]]
        assert communes and all(c.startswith(first + "-X") for c in communes)
        commune = client.get(f"/api/v1/national/{communes[0]}", headers=viewer).json()
        assert commune["level"] == "unit" and len(commune["targets"]) == nat.INDICATORS_PER_PLAN
        assert commune["path"] == [{"code": first, "name": province["name"]}]
        missing = client.get("/api/v1/national/KHONG-CO", headers=viewer)
        assert missing.status_code == 404 and "KHONG-CO" in missing.json()["message"]
        # the pages: anonymous visitors are sent to sign in; a member sees the drill-down
        assert client.get("/national", follow_redirects=False).status_code in (401, 303)
        login(client, "viewer")
        page = client.get("/national")
        assert page.status_code == 200 and f'href="/national/{first}"' in page.text
        assert 'id="national-values"' in page.text and "Toàn quốc" in page.text
        page = client.get(f"/national/{first}")
        assert page.status_code == 200 and f'href="/national/{communes[0]}"' in page.text
        page = client.get(f"/national/{communes[0]}")
        assert page.status_code == 200 and 'id="national-targets"' in page.text
        assert client.get("/national/KHONG-CO").status_code == 404

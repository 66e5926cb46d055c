"""Tasks in the web app and API: the register with states, overdue tasks on the dashboard, adding and
reporting through the API (token, role, unit scope, version), the page's form with CSRF."""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient
from tests.web.conftest import PLAN, Site, login

URL = f"/api/v1/plans/{PLAN}/tasks"


def test_the_register_is_listed_with_states_on_the_day_asked(reader: TestClient) -> None:
    before = reader.get(URL, params={"as_of": "31/12/2025"}).json()  # a published plan: no login needed
    assert before["as_of"] == "2025-12-31" and len(before["tasks"]) == 18
    assert {t["state"] for t in before["tasks"]} == {"in_progress"}
    after = reader.get(URL, params={"as_of": "2026-03-01", "state": "overdue"}).json()
    assert len(after["tasks"]) == 11 and after["tasks"][0]["days_overdue"] == 60
    assert after["tasks"][0]["evidence"]["document"] == "BC-002-2023"
    bad = reader.get(URL, params={"as_of": "32/13/2025"})
    assert bad.status_code == 400 and "32/13/2025" in bad.json()["message"]
    assert reader.get(URL, params={"state": "late"}).status_code == 422
    assert reader.get("/api/v1/plans/KHONG-CO/tasks").status_code in (401, 404)


def test_dashboard_and_tasks_page_show_overdue_tasks(reader: TestClient) -> None:
    board = reader.get(f"/plans/{PLAN}")
    assert board.status_code == 200 and 'id="overdue-tasks"' in board.text
    overdue_today = date.today() > date(2025, 12, 31)
    assert ("Nhiệm vụ quá hạn (11)" in board.text) is overdue_today
    page = reader.get(f"/plans/{PLAN}/tasks")
    assert page.status_code == 200 and "Nghị quyết của Ban Chấp hành Đảng bộ tỉnh về phát triển rừng" in page.text
    assert 'name="state"' not in page.text  # anonymous visitors read, they do not report
    only = reader.get(f"/plans/{PLAN}/tasks", params={"state": "in_progress"})
    assert only.status_code == 200 and only.text.count('<tr id="task-') == (7 if overdue_today else 18)


def test_api_add_and_report_with_roles_units_and_versions(client: TestClient, site: Site) -> None:
    body = {"code": "TU-1", "title": "Sơ kết đề án của huyện", "owner_unit": "LC-THAN-UYEN", "deadline": "2024",
            "state": "đang thực hiện"}
    assert client.post(URL, json=body).status_code == 401
    assert client.post(URL, json=body, headers=site.headers("officer")).status_code == 403
    created = client.post(URL, json=body, headers=site.headers("office"))
    assert created.status_code == 201, created.text
    assert created.json()["state"] == "overdue" and created.json()["version"] == 1
    assert client.post(URL, json=body, headers=site.headers("office")).status_code == 409
    officer = site.headers("officer")  # scoped to LC-THAN-UYEN
    done = client.patch(f"{URL}/TU-1", json={"state": "hoàn thành", "completed_on": "2025-01-20", "version": 1,
                                              "reason": "Đã sơ kết"}, headers=officer)
    assert done.status_code == 200, done.text
    assert done.json()["state"] == "done_late" and done.json()["version"] == 2
    stale = client.patch(f"{URL}/TU-1", json={"note": "x", "version": 1}, headers=officer)
    assert stale.status_code == 409 and stale.json()["code"] == "conflict_stale"
    other = client.patch(f"{URL}/NQ03-TU", json={"state": "done"}, headers=officer)
    assert other.status_code == 403 and other.json()["code"] == "task_unit_forbidden"
    deadline = client.patch(f"{URL}/TU-1", json={"deadline": "2030"}, headers=officer)
    assert deadline.status_code == 403
    overdue = client.patch(f"{URL}/TU-1", json={"state": "quá hạn"}, headers=officer)
    assert overdue.status_code == 400 and "quá hạn" in overdue.json()["message"]
    assert client.patch(f"{URL}/TU-1", json={"colour": "red"}, headers=officer).status_code == 422
    history = client.get(f"{URL}/TU-1/history", headers=site.headers("viewer")).json()
    assert [h["action"] for h in history] == ["task.add", "task.update"]
    assert history[1]["actor"] == "officer" and history[1]["via"] == "api" and history[1]["reason"] == "Đã sơ kết"


def test_the_page_form_needs_the_csrf_token_and_reports_the_state(client: TestClient) -> None:
    csrf = login(client, "office")
    page = client.get(f"/plans/{PLAN}/tasks")
    assert 'name="state"' in page.text
    form = {"state": "done", "completed_on": "01/06/2025", "version": "1"}
    refused = client.post(f"/plans/{PLAN}/tasks/NQ05-TU", data=form, follow_redirects=False)
    assert refused.status_code == 403
    saved = client.post(f"/plans/{PLAN}/tasks/NQ05-TU", data={**form, "csrf_token": csrf}, follow_redirects=False)
    assert saved.status_code == 303
    task = next(t for t in client.get(URL).json()["tasks"] if t["code"] == "NQ05-TU")
    assert (task["state"], task["completed_on"], task["version"]) == ("done", "2025-06-01", 2)
    again = client.post(f"/plans/{PLAN}/tasks/NQ05-TU", data={**form, "csrf_token": csrf})  # version 1 is stale
    assert again.status_code == 409 and "phiên bản" in again.text
    row = client.get(f"/plans/{PLAN}/tasks").text.split('id="task-NQ05-TU"')[1].split("</tr>")[0]
    assert "Lịch sử (2)" in row and "in_progress → done" in row and "office" in row


def test_the_office_adds_a_task_on_the_page(client: TestClient) -> None:
    csrf = login(client, "office")
    form = {"code": "BC-TK", "title": "Tổng kết 5 năm thực hiện Nghị quyết", "owner_unit": "LC", "deadline": "30/9/2025",
            "state": "in_progress", "csrf_token": csrf}
    added = client.post(f"/plans/{PLAN}/tasks", data=form, follow_redirects=False)
    assert added.status_code == 303
    task = next(t for t in client.get(URL).json()["tasks"] if t["code"] == "BC-TK")
    assert (task["deadline"], task["progress"], task["owner_unit"]) == ("2025-09-30", "in_progress", "LC")
    twice = client.post(f"/plans/{PLAN}/tasks", data=form)
    assert twice.status_code == 409 and "đã có nhiệm vụ" in twice.text
    bad = client.post(f"/plans/{PLAN}/tasks", data={**form, "code": "X2", "deadline": "31/31/2025"})
    assert bad.status_code == 400 and "31/31/2025" in bad.text
    login(client, "officer")
    assert client.post(f"/plans/{PLAN}/tasks", data=form).status_code == 403

"""The document page: the progress line saying its state once."""

from __future__ import annotations

import re

from tests.web.conftest import PLAN, REPORT_TEXT, Site, client_for, login, wait_for_document


def test_the_progress_line_says_done_once(site: Site) -> None:
    with client_for(site) as client:
        csrf = login(client, "office")
        answer = client.post("/documents", files={"file": ("r.txt", REPORT_TEXT.encode(), "text/plain")},
                             data={"plan": PLAN, "csrf_token": csrf}, follow_redirects=False)
        document_id = int(answer.headers["location"].rsplit("/", 1)[1])
        state = wait_for_document(client, document_id, site.headers("office"))
        page = client.get(f"/documents/{document_id}").text
    line = re.search(r'<div class="progress-label">(.*?)</div>', page, re.S)
    assert line is not None
    shown = re.sub(r"<[^>]+>", "", line.group(1)).strip()
    assert shown == f"Đã xong: {state['claims']} đề xuất", shown

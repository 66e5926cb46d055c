"""A person in a real browser (Debian's Chromium through Playwright): log in, read the dashboard and an
indicator, upload a report, accept a figure from it, and see the dashboard change. Screenshots are kept
in ``out/screenshots/`` (desktop and a 390 px phone) for a person to look at."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.web.conftest import PASSWORD, PLAN, Site, prepare
from tests.web.live import live_server

CHROMIUM = os.environ.get("CHITIEU_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(__file__).resolve().parents[2] / "out" / "screenshots"
REPORT = ("BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024\n\n"
          "Năm 2024, tỷ lệ che phủ rừng đạt 60%. Tốc độ tăng trưởng GRDP ước đạt 7,5%.\n"
          "Thu ngân sách nhà nước trên địa bàn đạt 3.200 tỷ đồng.\n")

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Chromium not installed (.ci/install-system-deps)")]


@pytest.fixture
def browser_site(tmp_path: Path) -> Iterator[tuple[Site, str]]:
    site = prepare(f"sqlite:///{tmp_path / 'browser.db'}")
    with live_server(site.database) as url:
        yield site, url
    site.database.close()


def _launch(playwright: object) -> object:
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)  # type: ignore[attr-defined]


def test_office_journey(browser_site: tuple[Site, str], tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    _, base = browser_site
    SHOTS.mkdir(parents=True, exist_ok=True)
    report = tmp_path / "bao-cao-2024.txt"
    report.write_text(REPORT, encoding="utf-8")
    errors: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = _launch(p)
        page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

        page.goto(f"{base}/login")
        page.fill("input[name=name]", "office")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{base}/")
        page.goto(f"{base}/plans/{PLAN}?as_of=2024")
        page.wait_for_selector("canvas[data-drawn]")
        before = page.inner_text("#summary-sentence")
        assert before.startswith("Đến năm 2024 có")
        page.screenshot(path=str(SHOTS / "1-tong-quan.png"), full_page=True)

        page.click("text=Tỷ lệ che phủ rừng")
        page.wait_for_selector("canvas[data-chart=trajectory][data-drawn]")
        assert "Các phiên bản mục tiêu" in page.content()
        page.screenshot(path=str(SHOTS / "2-chi-tieu.png"), full_page=True)
        page.click("a.source >> nth=0")
        page.wait_for_selector("mark#hl")
        page.screenshot(path=str(SHOTS / "3-nguon.png"))

        page.goto(f"{base}/documents?plan={PLAN}")
        page.set_input_files("input[type=file]", str(report))
        page.click("#upload-form button[type=submit]")
        page.wait_for_selector(".claims", timeout=60_000)  # the page reloads itself when the job is done
        page.screenshot(path=str(SHOTS / "4-van-ban.png"), full_page=True)

        card = page.locator("li.claim", has_text="che phủ rừng").first
        card.locator("select[name=indicator_code]").select_option("KT15")
        card.locator("select[name=as]").select_option("observation")
        card.locator("input[name=period]").fill("2024")
        card.locator("button:has-text('Chấp nhận')").click()
        page.wait_for_selector("li.claim.claim-accepted")
        assert "office" in page.locator("li.claim.claim-accepted").first.inner_text()
        page.screenshot(path=str(SHOTS / "5-da-chap-nhan.png"), full_page=True)

        page.goto(f"{base}/plans/{PLAN}?as_of=2024")
        after = page.inner_text("#summary-sentence")
        assert after != before, (before, after)
        row = page.locator("#indicator-table tr", has_text="Tỷ lệ che phủ rừng")
        assert "60" in row.inner_text()
        page.screenshot(path=str(SHOTS / "6-tong-quan-sau.png"), full_page=True)

        phone = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)  # type: ignore[attr-defined]
        phone.goto(f"{base}/plans/{PLAN}")
        phone.wait_for_selector("canvas[data-drawn]")
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"the page is {width} px wide on a 390 px phone"
        phone.screenshot(path=str(SHOTS / "7-dien-thoai.png"), full_page=True)
        phone.goto(f"{base}/plans/{PLAN}/indicators/KT15")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
        phone.screenshot(path=str(SHOTS / "8-dien-thoai-chi-tieu.png"), full_page=True)
        browser.close()  # type: ignore[attr-defined]
    assert not errors, errors



def _login(page: object, base: str) -> None:
    page.goto(f"{base}/login")  # type: ignore[attr-defined]
    page.fill("input[name=name]", "office")  # type: ignore[attr-defined]
    page.fill("input[name=password]", PASSWORD)  # type: ignore[attr-defined]
    page.click("button[type=submit]")  # type: ignore[attr-defined]
    page.wait_for_url(f"{base}/")  # type: ignore[attr-defined]


def test_upload_form_fits_a_phone(browser_site: tuple[Site, str]) -> None:
    """On a 390 px phone the plan list (long plan titles) stays inside the card and the submit button on screen."""
    sync_api = pytest.importorskip("playwright.sync_api")
    _, base = browser_site
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = _launch(p)
        phone = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)  # type: ignore[attr-defined]
        _login(phone, base)
        phone.goto(f"{base}/documents?plan={PLAN}")
        select = phone.locator("#upload-form select[name=plan]")
        assert len(select.locator("option").first.inner_text()) > 40  # a title long enough to overflow a phone
        button = phone.locator("#upload-form button[type=submit]").bounding_box()
        chosen = select.bounding_box()
        phone.screenshot(path=str(SHOTS / "9-tai-len-dien-thoai.png"), full_page=True)
        assert button is not None and chosen is not None
        assert button["x"] >= 0 and button["x"] + button["width"] <= 390, button
        assert chosen["x"] + chosen["width"] <= 390, chosen
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
        browser.close()  # type: ignore[attr-defined]

"""The organisers' dashboard in a real headless Chromium against a real hub and real syncing desks.

Logging in, a desk's check-in appearing live, a silent desk turning red (the hub's clock is
moved on, no sleeping for a minute), the language switch, the export, and screenshots at
1920×1080 and 1280×800 in both languages (kept in $KIOSK_DASHBOARD_SHOTS when it is set).
"""

from __future__ import annotations

import os
import time
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

from hub.store.desks import utc_now
from kiosk.model import Outcome
from kiosk.sync.health import HealthFacts
from tests.browser_support import chromium
from tests.dashboard_demo import demo_day
from tests.hub_support import BACKENDS, Hub, active, make_desk, running_hub, stop_all, wait_until

BOUND = 10_000  # ms: how long a condition may take before the test fails (the machine is shared)


@pytest.fixture(scope="module")
def browser():
    yield from chromium()


@pytest.fixture(params=BACKENDS)
def hub(request: pytest.FixtureRequest, tmp_path: Path):
    with running_hub(request.param, tmp_path, 30) as running:
        yield running


def open_dashboard(browser, hub: Hub, width: int = 1280, height: int = 800, lang: str = "en"):
    context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True,
                                  locale="zh-CN" if lang == "zh" else "en-GB")  # fmt: skip
    page = context.new_page()
    page.errors = []  # type: ignore[attr-defined]
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))  # type: ignore[attr-defined]
    page.goto(hub.url + "/dashboard")
    page.get_by_label(
        "Admin token or one-time login code" if lang == "en" else "管理员令牌或一次性登录码"
    ).fill(hub.token(f"office-{width}-{lang}", admin=True))
    page.keyboard.press("Enter")  # the form works from the keyboard alone
    page.wait_for_selector("#live:has-text('●')", timeout=BOUND)
    return context, page


@pytest.mark.slow
def test_a_desks_check_in_appears_live_and_a_silent_desk_turns_red(browser, hub: Hub, tmp_path: Path):
    desk = make_desk(hub, tmp_path, "entrance-1")
    facts = HealthFacts(
        desk="entrance-1", mode="desk", gate="entrance", printer_state="ok", camera_state="ok"
    )
    desk.start_sync(health=lambda: facts, health_interval=0.2)
    context, page = open_dashboard(browser, hub)
    try:
        wait_until(lambda: desk.store.query("SELECT COUNT(*) FROM delegates")[0][0] > 0)
        row = page.locator("#fleet tr[data-desk='entrance-1']")
        row.wait_for(timeout=BOUND)
        assert row.get_attribute("data-state") == "good"
        assert page.locator("#arrived").inner_text() == "0"

        someone = active(hub.delegates)[0]
        started = time.monotonic()
        assert desk.service.check_in(someone.code).outcome is Outcome.ADMITTED
        expect(page.locator("#arrived")).to_have_text("1", timeout=BOUND)
        print(f"check-in visible on the dashboard after {time.monotonic() - started:.2f} s")
        assert page.locator("#arrivals-table tbody tr").count() >= 1

        stop_all([desk])
        later = utc_now() + timedelta(seconds=hub.store.desks.stale_after + 1)
        hub.store.desks.clock = lambda: later
        page.wait_for_selector("#fleet tr[data-desk='entrance-1'][data-state='bad']", timeout=BOUND)
        assert "✖ silent for" in row.locator("td.state").inner_text()  # said in words, not by colour alone
    finally:
        stop_all([desk])
        context.close()


@pytest.mark.slow
def test_a_desk_out_of_paper_turns_red_and_the_page_switches_language(browser, hub: Hub):
    token = hub.token("door-p1")
    hub.store.desks.report("door-p1", {"desk": "door-p1", "mode": "gate", "gate": "p1", "backlog": 0,
                                       "printer_state": "out_of_paper", "camera_state": "ok"})  # fmt: skip
    assert token
    context, page = open_dashboard(browser, hub)
    try:
        state = page.locator("#fleet tr[data-desk='door-p1'] td.state")
        state.wait_for(timeout=BOUND)
        assert state.inner_text() == "✖ printer out of paper"
        page.get_by_role("button", name="切换到中文").click()
        expect(page.locator("html")).to_have_attribute("lang", "zh-CN", timeout=BOUND)
        assert page.locator("h1").inner_text() == "签到看板"
        assert state.inner_text() == "✖ 打印机缺纸"
        page.reload()  # the choice is remembered
        assert page.locator("h1").inner_text() == "签到看板"
        page.get_by_role("button", name="Switch to English").focus()
        page.keyboard.press("Enter")
        assert page.locator("h1").inner_text() == "Check-in dashboard"
    finally:
        context.close()


@pytest.mark.slow
def test_the_export_downloads_every_check_in(browser, hub: Hub, tmp_path: Path):
    desk = make_desk(hub, tmp_path, "entrance-2")
    desk.start_sync()
    try:
        wait_until(lambda: desk.store.query("SELECT COUNT(*) FROM delegates")[0][0] > 0)
        someone = active(hub.delegates)[1]
        desk.service.check_in(someone.code)
        wait_until(lambda: hub.store.checkins.count() == 1)
    finally:
        stop_all([desk])
    context, page = open_dashboard(browser, hub)
    try:
        for link, suffix in (("Export CSV", ".csv"), ("Export XLSX", ".xlsx")):
            with page.expect_download(timeout=BOUND) as download:
                page.get_by_role("link", name=link).click()
            saved = tmp_path / ("export" + suffix)
            download.value.save_as(saved)
            assert download.value.suggested_filename == "checkins" + suffix
            if suffix == ".csv":
                text = saved.read_text(encoding="utf-8-sig")
                assert someone.name in text and "entrance-2" in text
            else:
                assert saved.read_bytes()[:2] == b"PK"
    finally:
        context.close()


@pytest.mark.slow
def test_screenshots_in_both_languages_at_two_sizes(browser, tmp_path: Path):
    shots = Path(os.environ.get("KIOSK_DASHBOARD_SHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    with running_hub("sqlite", tmp_path, 300) as hub:
        demo_day(hub)
        for lang in ("en", "zh"):
            for width, height in ((1920, 1080), (1280, 800)):
                context, page = open_dashboard(browser, hub, width, height, lang)
                page.wait_for_selector("#fleet tr[data-state='bad']", timeout=BOUND)
                path = shots / f"dashboard-{lang}-{width}x{height}.png"
                page.screenshot(path=str(path), full_page=True)
                assert page.errors == []  # no script error, nothing the page's CSP refused
                context.close()
                assert path.stat().st_size > 20_000

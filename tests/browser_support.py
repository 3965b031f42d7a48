"""Headless Chromium from Debian's ``chromium`` package, driven by Playwright (no browser download).

scripts/setup.d/browser.packages installs it. Without it the browser tests skip, unless
KIOSK_REQUIRE_BROWSER=1 or the machine is set up by scripts/setup.d (where it must be there).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("KIOSK_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


def chromium() -> Iterator[object]:
    """A Playwright Browser on the system Chromium, closed afterwards."""
    if not CHROMIUM.exists():
        reason = f"no Chromium at {CHROMIUM} (apt-get install chromium, see scripts/setup.d/browser.packages)"
        if os.environ.get("KIOSK_REQUIRE_BROWSER") == "1" or Path("/usr/lib/postgresql").is_dir():
            pytest.fail(reason + " (this machine was set up by scripts/setup.d, so it should be there)")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield browser
        finally:
            browser.close()

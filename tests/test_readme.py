"""The README's command blocks, pasted in order on a fresh checkout, work as written.

Each block runs in bash -e in an empty folder (holding only the ./forum-kiosk wrapper and the
shipped resources), with HOME and XDG_DATA_HOME in that folder and no $KIOSK_DB: the default
database is the one the README names.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.hub_support import free_port

pytestmark = pytest.mark.slow


def block(heading: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index(heading) :]
    found = re.search(r"```sh\n(.*?)```", section, re.S)
    assert found, f"no sh block under {heading!r}"
    return found.group(1)


def paste(tmp_path: Path, commands: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "forum-kiosk").symlink_to(ROOT / "forum-kiosk")
    (tmp_path / "resources").symlink_to(ROOT / "resources")
    env = {k: v for k, v in os.environ.items() if k not in ("KIOSK_DB", "KIOSK_HUB_TOKEN", "KIOSK_HUB_DB")}
    env |= {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(["bash", "-e", "-c", commands], cwd=tmp_path, env=env, capture_output=True,
                            text=True, timeout=900)  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result


def test_the_headless_commands_of_the_readme_work_pasted_in_order(tmp_path: Path) -> None:
    result = paste(tmp_path, block("## Headless commands"))
    out = result.stdout
    assert (tmp_path / "data" / "forum-kiosk" / "kiosk.sqlite").exists()  # the default database
    assert "already_checked_in: 张伟" in out and "exit 1" in out
    assert "voided " in out and '"trusted"' in out and "admitted: 赵华" in out
    assert '"outcome": "admitted"' in out and "unknown_badge" in out  # the demo video's scan
    for made in ("checkins.xlsx", "pass.pdf", "keys/public.pem", "shots/selfservice-idle-zh.png"):
        assert (tmp_path / made).exists(), made
    assert list((tmp_path / "passes").glob("pass-*.pdf"))
    assert "Traceback" not in result.stderr and "propagateSizeHints" not in result.stderr


def test_the_hub_quick_start_of_the_readme_shares_a_check_in_between_two_desks(tmp_path: Path) -> None:
    commands = block("### Hub quick start").replace("8787", str(free_port()))
    out = paste(tmp_path, commands).stdout
    assert "admitted: 孙悦" in out
    assert "already_checked_in: 孙悦 — Already checked in at 12-06 09:00 at desk-1" in out and "exit 1" in out


def test_the_hub_over_tls_of_the_readme_syncs_with_the_pin_and_refuses_another_certificate(
    tmp_path: Path,
) -> None:
    commands = block("The same hub over TLS").replace("8787", str(free_port()))
    result = paste(tmp_path, commands)
    assert "event hardtech-demo; roster:" in result.stdout and "exit 8" in result.stdout
    assert "not the one this desk pinned" in result.stderr and "&pin=" in result.stdout

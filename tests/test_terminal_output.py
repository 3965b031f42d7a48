"""Roster text printed by the headless commands cannot drive the terminal: controls are escaped."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DEMO_EVENT, ROOT

HOSTILE = "张\x1b[2J伟\x1b[31m"  # clear the screen, then print in red
ORGANISATION = "西安\u202e交大\x9b0m"  # a right-to-left override and a C1 control sequence introducer
RAW_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]")


def cli(db: Path, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, str(ROOT / "main.py"), *args, "--db", str(db)]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=ROOT)


@pytest.mark.slow
def test_search_and_checkin_print_names_with_their_control_characters_escaped(tmp_path: Path):
    db, roster = tmp_path / "k.sqlite", tmp_path / "r.csv"
    roster.write_text(f"编号,签到码,姓名,单位\nA1,ZW01,{HOSTILE},{ORGANISATION}\n", encoding="utf-8")
    assert cli(db, "event", "import", str(DEMO_EVENT)).returncode == 0
    assert cli(db, "roster", "import", str(roster)).returncode == 0

    found = cli(db, "search", "张").stdout
    checkin = cli(db, "checkin", "ZW01", "--at", "2023-12-06T08:30").stdout
    for out in (found, checkin):
        assert not RAW_CONTROLS.search(out), repr(out)
    assert "张\\u001b[2J伟\\u001b[31m" in found and "西安\\u202e交大\\u009b0m" in found
    assert checkin.startswith("admitted: 张\\u001b[2J伟\\u001b[31m — ")

    as_json = cli(db, "search", "张", "--json").stdout
    assert not RAW_CONTROLS.search(as_json)
    delegate = json.loads(as_json)[0]  # still JSON, and it means the stored text exactly
    assert (delegate["name"], delegate["organization"]) == (HOSTILE, ORGANISATION)

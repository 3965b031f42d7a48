"""The event file is checked whole before anything is installed."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.store import Store
from tests.conftest import DEMO_EVENT, ROOT


@pytest.mark.parametrize("timezone", ["Mars/Olympus_Mons", "../../etc/passwd", "Asia/Shang hai", 8])
def test_an_event_file_with_an_unknown_timezone_is_refused_in_one_line_and_installs_nothing(
    tmp_path: Path, timezone: object
):
    data = json.loads(DEMO_EVENT.read_text(encoding="utf-8"))
    data["event"]["timezone"] = timezone
    path, db = tmp_path / "event.json", tmp_path / "k.sqlite"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    command = [sys.executable, str(ROOT / "main.py"), "event", "import", str(path), "--db", str(db)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert (
        result.stderr.strip()
        == f"error: event: unknown timezone {timezone!r}: use an IANA name such as 'Asia/Shanghai'"
    )
    assert Store(db).roster.event() is None

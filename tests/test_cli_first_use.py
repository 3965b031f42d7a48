"""What a newcomer meets first on the command line: one default database, one-line refusals, exit
codes, options anywhere, help for every option, a camera that is not there."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from kiosk.scan.sources import CameraSource
from tests.conftest import DEMO_EVENT, ROOT, database_copy

SAMPLES = ROOT / "resources" / "samples"


def run(*args: str, env: dict[str, str] | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          timeout=120, cwd=cwd, env=env)  # fmt: skip


def home(tmp_path: Path) -> dict[str, str]:
    """An environment whose user data folder is under tmp_path, with no $KIOSK_DB."""
    env = {k: v for k, v in os.environ.items() if k != "KIOSK_DB"}
    return env | {
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "QT_QPA_PLATFORM": "offscreen",
    }


@pytest.fixture(scope="module")
def cli_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "k.sqlite"
    assert run("event", "import", str(DEMO_EVENT), "--db", str(path)).returncode == 0
    assert run("roster", "import", str(SAMPLES / "roster-gbk.csv"), "--db", str(path)).returncode == 0
    return path


@pytest.fixture
def db(cli_db: Path, tmp_path: Path) -> Path:
    return database_copy(cli_db, tmp_path / "k.sqlite")


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert result.returncode == 2
    return lines[0]


@pytest.mark.parametrize("command", [["stats"], ["search", "zw"], ["checkin", "ZW0001"], ["export", "x.csv"],
                                     ["rehearsal"], ["roster", "import", str(SAMPLES / "roster-gbk.csv")]])  # fmt: skip
def test_a_database_that_does_not_exist_is_refused_in_one_line_and_not_created(
    tmp_path: Path, command
) -> None:
    missing = tmp_path / "typo" / "kiosk.sqlite"
    line = one_line_error(run(*command, "--db", str(missing), cwd=tmp_path))
    assert str(missing) in line and "event import" in line
    assert not missing.parent.exists()


def test_roster_import_before_event_import_says_to_import_the_event_first(tmp_path: Path) -> None:
    empty = tmp_path / "k.sqlite"
    from kiosk.store import Store

    Store(empty).close()  # a database, but no event in it
    line = one_line_error(run("roster", "import", str(SAMPLES / "roster-gbk.csv"), "--db", str(empty)))
    assert "event import" in line


@pytest.mark.parametrize("name", ["checkins.csv", "checkins.xlsx"])
def test_export_into_a_missing_folder_is_one_clean_line(db: Path, tmp_path: Path, name: str) -> None:
    line = one_line_error(run("export", str(tmp_path / "no-such-folder" / name), "--db", str(db)))
    assert "no-such-folder" in line


@pytest.mark.slow
def test_the_cli_and_the_app_use_one_default_database_named_by_the_product(tmp_path: Path) -> None:
    env = home(tmp_path)
    assert run("event", "import", str(DEMO_EVENT), env=env).returncode == 0
    expected = tmp_path / "data" / "forum-kiosk" / "kiosk.sqlite"
    assert expected.exists() and sorted(p.name for p in (tmp_path / "data").iterdir()) == ["forum-kiosk"]
    app = subprocess.run(
        [sys.executable, "-c", "import argparse, sys; from ui.shell.app import build_context, parse_args;"
         "build_context(parse_args([])).close()"],
        capture_output=True, text=True, timeout=120, cwd=ROOT, env=env,
    )  # fmt: skip
    assert app.returncode == 0, app.stderr
    passes = tmp_path / "data" / "forum-kiosk" / "passes"
    assert f"database {expected}; PDF passes go to {passes}" in app.stdout
    assert passes.is_dir()


@pytest.mark.parametrize("where", ["before", "after"])
def test_global_options_work_before_or_after_the_sub_command(db: Path, where: str) -> None:
    options = ["-v", "--db", str(db)]
    args = [*options, "stats", "--json"] if where == "before" else ["stats", "--json", *options]
    result = run(*args)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["by_gate"] == {}


def test_camera_before_the_scan_sub_command_is_its_source(db: Path) -> None:
    result = run("--camera", "9", "scan", "--give-up", "0", "--db", str(db))
    line = one_line_error(
        subprocess.CompletedProcess(result.args, result.returncode, result.stdout,
                                    "\n".join(x for x in result.stderr.splitlines() if x.startswith("error")))
    )  # fmt: skip
    assert "camera 9" in line and "--wait" in line
    assert "camera 9: gave up" in result.stderr


@pytest.mark.slow
def test_checkin_exits_0_when_admitted_1_when_refused_2_on_bad_input(db: Path) -> None:
    at = ["--at", "2023-12-06T08:30", "--db", str(db)]
    assert run("checkin", "ZW0001", *at).returncode == 0
    again = run("checkin", "ZW0001", *at)
    assert again.returncode == 1 and again.stdout.startswith("already_checked_in")
    assert run("checkin", "NO-SUCH-BADGE", *at).returncode == 1
    assert run("checkin", "ZW0001", "--gate", "nowhere", *at).returncode == 2
    assert run("checkin", *at).returncode == 2  # no code: usage


@pytest.mark.slow
def test_void_refuses_an_entry_that_admitted_nobody(db: Path) -> None:
    at = ["--at", "2023-12-06T08:30", "--db", str(db)]
    refused = json.loads(run("checkin", "NO-SUCH-BADGE", "--json", *at).stdout)
    line = one_line_error(run("void", refused["checkin_id"], "--reason", "oops", *at))
    assert "admitted nobody" in line
    admitted = json.loads(run("checkin", "ZW0001", "--json", *at).stdout)
    assert run("void", admitted["checkin_id"], "--reason", "wrong badge", *at).returncode == 0


def _parsers(parser: argparse.ArgumentParser, name: str = "main.py"):  # type: ignore[no-untyped-def]
    yield name, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub_name, sub in action.choices.items():
                yield from _parsers(sub, f"{name} {sub_name}")


def test_every_option_of_every_command_has_help_text_and_main_help_lists_the_app_flags() -> None:
    from main import build_parser

    parser = build_parser()
    missing = [
        f"{name} {action.option_strings or action.dest}"
        for name, sub in _parsers(parser)
        for action in sub._actions
        if not isinstance(action, argparse._SubParsersAction) and not action.help
    ]
    assert missing == []
    text = parser.format_help()
    for flag in ("--demo", "--lang", "--mode", "--fullscreen", "--camera", "--db", "Exit codes"):
        assert flag in text


def test_main_py_with_app_flags_after_verbose_starts_the_app_not_a_usage_error(tmp_path: Path) -> None:
    env = {
        k: v for k, v in home(tmp_path).items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = run("-v", "--demo", env=env)
    assert result.returncode == 3 and "xvfb-run" in result.stderr  # the app's own "no display" answer


def test_scan_of_a_source_that_is_nothing_says_what_was_tried(db: Path) -> None:
    line = one_line_error(run("scan", "demo.mp4", "--db", str(db)))
    assert "camera index" in line and "video file" in line and "scan --demo" in line


def test_a_missing_camera_gives_up_after_its_bound_and_waits_forever_with_none() -> None:
    attempts: list[int] = []

    def nothing(device):  # type: ignore[no-untyped-def]
        attempts.append(device)
        return None

    gave_up = CameraSource(3, opener=nothing, retry_interval=0.001, give_up_after=0)
    assert gave_up.read() is None and gave_up.status == "gave up"

    waiting = CameraSource(3, opener=nothing, retry_interval=0.001, give_up_after=None)
    done = threading.Event()
    reader = threading.Thread(target=lambda: (waiting.read(), done.set()), daemon=True)
    reader.start()
    while len(attempts) < 200:  # far past any bound: still trying
        assert not done.is_set()
        done.wait(0.01)
    waiting.close()
    assert done.wait(60) and waiting.status == "closed"


@pytest.mark.slow
def test_the_apps_camera_flag_before_or_after_other_flags_picks_the_camera(db: Path, tmp_path: Path) -> None:
    video = tmp_path / "desk.avi"
    code = (
        "import sys; from main import build_parser; from ui.shell.app import build_context;"
        "context = build_context(build_parser().parse_args(sys.argv[1:])); print('camera', context.app.camera_spec);"
        "context.close()"
    )
    for args in (["--camera", str(video), "--db", str(db)], ["-v", "--db", str(db), "--camera", "2"]):
        app = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120,
                             cwd=ROOT, env=home(tmp_path))  # fmt: skip
        assert app.returncode == 0, app.stderr
        assert f"camera {args[args.index('--camera') + 1]}" in app.stdout

"""The `hub` and `sync` commands: tokens printed once, import reports and exit codes, one-line errors."""

from __future__ import annotations

import json
import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import main
from hub.store import HubStore
from kiosk.demo.roster import write_roster_csv
from tests.conftest import DEMO_EVENT, ROOT
from tests.hub_support import EVENT_DATA, active, make_hub, roster


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main.run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_token_create_prints_the_token_alone_on_the_last_line_and_stores_only_its_hash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    db = tmp_path / "hub.sqlite"
    monkeypatch.setenv("KIOSK_HUB_DB", str(db))  # every hub command falls back to it
    code, out, _ = run(capsys, "hub", "token", "create", "--desk", "entrance-1")
    token = out.strip().splitlines()[-1]
    assert code == 0 and token.startswith("kh_") and " " not in token
    store = HubStore(db)
    assert store.tokens.check(token).desk == "entrance-1"
    wal = Path(str(db) + "-wal")
    assert token.encode() not in db.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    assert run(capsys, "hub", "token", "revoke", "--desk", "entrance-1")[0] == 0
    assert store.tokens.check(token) is None


def test_hub_roster_import_gives_the_kiosks_report_and_exit_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    hub_db, kiosk_db = tmp_path / "hub.sqlite", tmp_path / "kiosk.sqlite"
    good, mixed, unreadable = tmp_path / "good.csv", tmp_path / "mixed.csv", tmp_path / "bad.csv"
    write_roster_csv(good, roster(10))
    write_roster_csv(mixed, roster(10, seed=99))
    with mixed.open("a", encoding="utf-8") as handle:
        handle.write("Z1,,无码,,,,,,,,,\n")
    unreadable.write_bytes(b"\xff\xfe\x00garbage\x00")
    assert run(capsys, "hub", "event", "import", str(DEMO_EVENT), "--db", str(hub_db))[0] == 0
    assert run(capsys, "event", "import", str(DEMO_EVENT), "--db", str(kiosk_db))[0] == 0
    for path, expected in ((good, 0), (mixed, 1), (unreadable, 2)):
        hub_code, hub_out, _ = run(
            capsys, "hub", "roster", "import", str(path), "--json", "--db", str(hub_db)
        )
        kiosk_code, kiosk_out, _ = run(capsys, "roster", "import", str(path), "--json", "--db", str(kiosk_db))
        assert hub_code == kiosk_code == expected
        hub_report, kiosk_report = json.loads(hub_out), json.loads(kiosk_out)
        if expected == 2:
            assert hub_report["error"] and kiosk_report["error"]
        else:
            assert hub_report == kiosk_report


def test_hub_commands_without_a_database_say_so_in_one_line(capsys: pytest.CaptureFixture[str], monkeypatch):
    monkeypatch.delenv("KIOSK_HUB_DB", raising=False)
    code, _, err = run(capsys, "hub", "token", "list")
    assert (
        code == 2 and err.strip().startswith("error: no hub database") and len(err.strip().splitlines()) == 1
    )


@pytest.mark.slow
def test_sync_once_fills_an_empty_desk_and_exits_3_when_refused_4_when_unreachable(tmp_path: Path):
    hub = make_hub(str(tmp_path / "hub.sqlite"), roster(15)).serve()
    try:
        token = hub.token("desk-1")
        kiosk = tmp_path / "desk.sqlite"

        def sync(url: str, token: str) -> subprocess.CompletedProcess[str]:
            command = [sys.executable, str(ROOT / "main.py"), "sync", "--hub", url, "--token", token, "--once",
                       "--db", str(kiosk), "--json"]  # fmt: skip
            return subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=ROOT)

        done = sync(hub.url, token)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["upserts"] + json.loads(done.stdout)["revocations"] == 15
        refused = sync(hub.url, "kh_not-a-token")
        assert refused.returncode == 3 and refused.stderr.count("\n") == 1 and "refused" in refused.stderr
        away = sync("http://127.0.0.1:9", token)
        assert away.returncode == 4 and away.stderr.count("\n") == 1 and "cannot reach" in away.stderr
    finally:
        hub.stop()
    from kiosk.store import Store

    desk = Store(kiosk)
    assert desk.roster.event().id == EVENT_DATA["event"]["id"]
    assert desk.roster.lookup(active(hub.delegates)[0].code) is not None


def test_hub_stats_counts_each_person_once_and_shows_offline_duplicates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    import uuid
    from datetime import UTC, datetime, timedelta

    from kiosk.model import CheckIn, Outcome

    db = tmp_path / "hub.sqlite"
    store = HubStore(db)
    start = datetime(2023, 12, 6, 2, 0, tzinfo=UTC)

    def admitted(desk: str, who: str, minutes: int) -> CheckIn:
        return CheckIn(
            str(uuid.uuid4()),
            start + timedelta(minutes=minutes),
            desk,
            "entrance",
            "C",
            Outcome.ADMITTED,
            who,
        )

    store.checkins.push([admitted("desk-2", "D1", 5), admitted("desk-2", "D2", 1)], "desk-2")
    store.checkins.push([admitted("desk-1", "D1", 0)], "desk-1")  # earlier, made while cut off
    code, out, _ = run(capsys, "hub", "stats", "--json", "--db", str(db))
    assert code == 0 and json.loads(out) == {
        "entrance": {"admitted": 2, "inside": 2, "offline_duplicates": 1}
    }


def test_a_token_revoked_from_the_command_line_is_refused_by_the_running_hub(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    import httpx

    from tests.hub_support import wait_until

    hub = make_hub(str(tmp_path / "hub.sqlite"), roster(3)).serve()
    try:
        token = hub.token("desk-9")

        def status() -> int:
            return httpx.get(hub.url + "/v1/event", headers={"Authorization": f"Bearer {token}"}).status_code

        assert status() == 200
        assert (
            run(capsys, "hub", "token", "revoke", "--token", token, "--db", str(tmp_path / "hub.sqlite"))[0]
            == 0
        )
        wait_until(lambda: status() == 401, timeout=60)  # the hub checks tokens again every second
    finally:
        hub.stop()


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # as a shell starts a background job


@pytest.mark.slow
@pytest.mark.parametrize(
    "stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c-from-a-background-start", "sigterm"]
)
def test_sync_watch_takes_an_address_without_scheme_says_connecting_until_the_hub_answers_and_stops_on_a_signal(
    tmp_path: Path, stop: signal.Signals
):
    hub = make_hub(str(tmp_path / "hub.sqlite"), roster(5)).serve()
    address = hub.url.removeprefix("http://")
    command = [sys.executable, str(ROOT / "main.py"), "sync", "--watch", "--hub", address,
               "--token", hub.token("desk-w"), "--db", str(tmp_path / "desk.sqlite")]  # fmt: skip
    watch = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, cwd=ROOT, preexec_fn=_ignore_sigint)
    lines: queue.Queue[str] = queue.Queue()
    assert watch.stderr is not None
    threading.Thread(target=lambda: [lines.put(line) for line in watch.stderr], daemon=True).start()  # type: ignore[union-attr]
    seen: list[str] = []
    try:
        while not seen or not seen[-1].startswith("connected"):
            seen.append(lines.get(timeout=120))
        watch.send_signal(stop)
        returncode = watch.wait(120)
    finally:
        watch.kill()  # never leave it running, whatever went wrong
        watch.wait()
        hub.stop()
    assert seen[0].startswith((f"connecting to {address}", "connected")), seen
    assert not any(line.startswith("offline") for line in seen), seen
    assert returncode == 0

"""The app on a broken database: a full-screen notice in Chinese and English with what to do, never a
traceback, and no check-in shown as admitted that was not written.

Real widgets (offscreen), real SQLite files damaged here, a real lock held by a second connection,
and a real read-only mount (a tmpfs in a private mount namespace, as in test_broken_databases).
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from kiosk.app.intake import CodeSource
from kiosk.app.kiosk_app import KioskApp
from kiosk.importers.apply import import_roster
from kiosk.importers.event import import_event
from kiosk.store import Store
from kiosk.store.problems import DatabaseProblem, Problem
from tests.conftest import DEMO_EVENT, ROOT
from ui.bridge import AppContext
from ui.shell.app import parse_args, start_or_notice, try_start
from ui.shell.database_notice import DatabaseNotice, DatabaseWatch

pytestmark = pytest.mark.timeout(600)  # a guard against a hang, not a speed limit
ROSTER = "编号,签到码,姓名,单位,参会身份,参会论坛\nA1,ZW01,张伟,西安交大,scientist,main\nA2,LN02,李娜,X,press,main\n"


@pytest.fixture
def good_db(tmp_path: Path) -> Path:
    path = tmp_path / "good.sqlite"
    store = Store(path)
    import_event(store, DEMO_EVENT)
    (tmp_path / "r.csv").write_text(ROSTER, encoding="utf-8")
    assert import_roster(store, tmp_path / "r.csv").imported == 2
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return path


def damaged(good: Path, target: Path, everywhere: bool) -> Path:
    data = bytearray(good.read_bytes())
    rng = random.Random(7)
    for i in range(len(data)) if everywhere else range(len(data) // 3, 2 * len(data) // 3):
        data[i] = rng.randrange(256)
    target.write_bytes(bytes(data))
    return target


def shown(notice: DatabaseNotice) -> dict[str, list[str]]:
    return {language: [label.text() for label in labels] for language, labels in notice.labels.items()}


@pytest.mark.parametrize("everywhere", [False, True], ids=["middle", "everywhere"])
def test_a_damaged_database_at_start_is_a_full_screen_notice_in_both_languages_and_quit_exits_3(  # type: ignore[no-untyped-def]
    qapp, good_db: Path, tmp_path: Path, everywhere: bool
):
    db = damaged(good_db, tmp_path / "bad.sqlite", everywhere)
    args = parse_args(["--db", str(db)])
    problem = try_start(args)
    assert isinstance(problem, DatabaseProblem) and problem.problem is Problem.DAMAGED
    seen: list[tuple[bool, dict[str, list[str]]]] = []

    def look_then_quit() -> None:
        notice = next(w for w in qapp.topLevelWidgets() if isinstance(w, DatabaseNotice) and w.isVisible())
        seen.append((notice.isFullScreen(), shown(notice)))
        notice.quit_button.click()

    QTimer.singleShot(0, look_then_quit)
    assert start_or_notice(args) == 3
    full_screen, texts = seen[0]
    assert full_screen
    assert texts["zh_CN"] == [
        "数据库已损坏",
        f"数据库 {db} 已损坏：请从备份恢复，或运行 `main.py db check --db {db}` 查看详情",
        "修复之前，本机不会让任何人签到；此前显示成功的签到都已保存。",
    ]
    assert texts["en"] == [
        "The database is damaged",
        f"the database {db} is damaged: restore it from a backup, or run `main.py db check --db {db}` for details",
        "Until this is fixed the kiosk admits nobody; every check-in it showed before was saved.",
    ]


def test_try_again_starts_the_kiosk_once_the_database_is_usable(qapp, good_db: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    db = tmp_path / "k.sqlite"
    db.write_bytes(b"this is not a database, it is a text file put where the database goes\n" * 100)
    args = parse_args(["--db", str(db)])

    def restore_then_retry() -> None:
        notice = next(w for w in qapp.topLevelWidgets() if isinstance(w, DatabaseNotice) and w.isVisible())
        db.write_bytes(good_db.read_bytes())  # the admin restores the backup
        notice.retry_button.click()

    QTimer.singleShot(0, restore_then_retry)
    context = start_or_notice(args)
    try:
        assert isinstance(context, AppContext) and context.app.store.roster.count() == 2
    finally:
        context.close()


@pytest.fixture
def running(qapp, good_db: Path) -> Iterator[tuple[AppContext, DatabaseWatch]]:  # type: ignore[no-untyped-def]
    store = Store(good_db)
    context = AppContext(KioskApp(store))
    context.set_language("en")
    watch = DatabaseWatch(context)
    yield context, watch
    watch.close()
    context.close()
    store.close()


@pytest.mark.slow  # the check-in waits out SQLite's 10 s busy timeout before it gives up
def test_a_check_in_the_database_refuses_covers_the_kiosk_until_try_again_finds_it_usable(  # type: ignore[no-untyped-def]
    qtbot, running: tuple[AppContext, DatabaseWatch], good_db: Path
):
    context, watch = running
    decided: list[object] = []
    context.events.decided.connect(decided.append)
    other = sqlite3.connect(good_db, isolation_level=None)  # another program holds the write lock
    other.execute("BEGIN IMMEDIATE")
    future = context.app.intake.submit("ZW01", CodeSource.SCANNER)
    assert future is not None and future.result(timeout=120) is None  # refused: nothing acknowledged
    qtbot.waitUntil(lambda: watch.notice is not None and watch.notice.isVisible(), timeout=60000)
    assert watch.notice.isFullScreen() and not watch.notice.quit_button.isVisible()
    assert shown(watch.notice)["en"][0] == "The database is in use by another program"
    assert shown(watch.notice)["zh_CN"][0] == "数据库正被另一个程序占用"
    assert decided == [] and context.app.store.journal.count() == 0
    other.execute("ROLLBACK")
    other.close()
    watch.notice.retry_button.click()
    qtbot.waitUntil(lambda: not watch.notice.isVisible(), timeout=60000)
    context.app.service.check_in("ZW01")  # the real clock is past the demo event: a refusal, written
    assert context.app.store.journal.count() == 1


READ_ONLY_START = """
import json, sys
from pathlib import Path
from ui.shell.app import make_application, parse_args, try_start
from ui.shell.database_notice import DatabaseNotice
app = make_application()
problem = try_start(parse_args(["--db", sys.argv[1]]))
notice = DatabaseNotice(problem, can_quit=True)
notice.showFullScreen()
app.processEvents()
print(json.dumps({"problem": str(problem.problem), "exit": problem.exit_code, "full": notice.isFullScreen(),
                  "texts": {k: [l.text() for l in v] for k, v in notice.labels.items()}}, ensure_ascii=False))
"""


@pytest.mark.slow
def test_a_database_on_a_read_only_disk_does_not_start_a_kiosk_that_could_not_write_a_check_in(
    good_db: Path, tmp_path: Path
):
    (tmp_path / "start.py").write_text(READ_ONLY_START, encoding="utf-8")
    report = in_private_mount(f"""
        mount -t tmpfs -o size=4m none "$DISK"
        cp {good_db} "$DISK"/k.sqlite
        mount -o remount,ro "$DISK"
        "$PY" {tmp_path}/start.py "$DISK"/k.sqlite
    """, tmp_path)  # fmt: skip
    db = tmp_path / "disk" / "k.sqlite"
    assert (report["problem"], report["exit"], report["full"]) == ("read_only", 4, True)
    assert report["texts"]["en"][:2] == [
        "The database cannot be written",
        f"cannot write to {db}: check its permissions and that its disk is not read-only (commands that only "
        "read still work)",
    ]
    assert report["texts"]["zh_CN"][0] == "数据库无法写入"


FULL_DISK_RUN = """
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from kiosk.app.intake import CodeSource
from kiosk.app.kiosk_app import KioskApp
from kiosk.store import Store
from ui.bridge import AppContext
from ui.shell.app import make_application
from ui.shell.database_notice import DatabaseWatch
app = make_application()
store = Store(sys.argv[1])
context = AppContext(KioskApp(store))
watch = DatabaseWatch(context)
with Path(sys.argv[1]).with_name("filler").open("wb", buffering=0) as handle:
    try:
        while True:
            handle.write(b"x" * 4096)
    except OSError:
        pass
decision = context.app.intake.submit("ZW01", CodeSource.SCANNER).result(timeout=120)
deadline = time.monotonic() + 120  # a bound against a hang: the loop ends when the notice is up
while not (watch.notice is not None and watch.notice.isVisible()) and time.monotonic() < deadline:
    QCoreApplication.processEvents()
notice = watch.notice
print(json.dumps({"decision": decision, "problem": str(notice.problem.problem), "full": notice.isFullScreen(),
                  "journal": store.journal.count(),
                  "texts": {k: [l.text() for l in v] for k, v in notice.labels.items()}}, ensure_ascii=False))
"""


@pytest.mark.slow
def test_a_check_in_on_a_full_disk_admits_nobody_and_covers_the_kiosk_with_the_notice(
    good_db: Path, tmp_path: Path
):
    (tmp_path / "run.py").write_text(FULL_DISK_RUN, encoding="utf-8")
    report = in_private_mount(f"""
        mount -t tmpfs -o size=600k none "$DISK"
        cp {good_db} "$DISK"/k.sqlite
        "$PY" {tmp_path}/run.py "$DISK"/k.sqlite
    """, tmp_path)  # fmt: skip
    db = tmp_path / "disk" / "k.sqlite"
    assert (report["decision"], report["problem"], report["full"], report["journal"]) == (
        None,
        "disk_full",
        True,
        0,
    )
    assert report["texts"]["en"][:2] == [
        "The disk is full", f"the disk holding {db} is full: free some space and try again; nothing was changed"
    ]  # fmt: skip
    assert report["texts"]["zh_CN"][:2] == [
        "磁盘已满",
        f"{db} 所在的磁盘已满：请清理空间后重试；没有任何改动",
    ]


def in_private_mount(script: str, tmp_path: Path) -> dict:  # type: ignore[type-arg]
    """Run a bash script in a mount namespace of its own with a tmpfs at $DISK; its last line as JSON."""
    unshare = (
        ["unshare", "--mount"] if os.geteuid() == 0 else ["unshare", "--user", "--map-root-user", "--mount"]
    )
    (tmp_path / "disk").mkdir()
    env = {**os.environ, "DISK": str(tmp_path / "disk"), "PY": sys.executable, "PYTHONPATH": str(ROOT),
           "QT_QPA_PLATFORM": "offscreen"}  # fmt: skip
    result = subprocess.run([*unshare, "bash", "-euc", script], capture_output=True, text=True, timeout=300,
                            cwd=ROOT, env=env)  # fmt: skip
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])

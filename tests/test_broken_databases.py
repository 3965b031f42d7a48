"""Broken machines: a damaged file, a read-only disk, a full disk. One translated line, a documented
exit code, nothing half-written, and never a traceback.

The read-only and full disks are real: a size-limited tmpfs mounted in a private mount namespace
(``unshare``), so the test needs no mount left behind and works as root (CI) or, through a user
namespace, as an ordinary user.
"""

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.demo import generate_roster, write_roster_csv
from kiosk.store import Store
from kiosk.store.health import backup, check
from tests.conftest import DEMO_EVENT, ROOT, database_copy

ROSTER = "编号,签到码,姓名,单位,参会身份,参会论坛\nA1,ZW01,张伟,西安交大,scientist,main\nA2,LN02,李娜,X,press,main\n"
PYTHON = sys.executable
UNSHARE = ["unshare", "--mount"] if os.geteuid() == 0 else ["unshare", "--user", "--map-root-user", "--mount"]


def cli(db: Path, *args: str, lang: str = "en") -> subprocess.CompletedProcess:
    command = [PYTHON, str(ROOT / "main.py"), *args, "--db", str(db)]
    env = {**os.environ, "KIOSK_LANG": lang}
    return subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=ROOT, env=env)


def one_line(result: subprocess.CompletedProcess) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture(scope="module")
def cli_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("good")
    db, roster = folder / "good.sqlite", folder / "r.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    assert cli(db, "event", "import", str(DEMO_EVENT)).returncode == 0
    assert cli(db, "roster", "import", str(roster)).returncode == 0
    return db


@pytest.fixture
def good_db(cli_db: Path, tmp_path: Path) -> Path:
    (tmp_path / "r.csv").write_text(ROSTER, encoding="utf-8")
    return database_copy(cli_db, tmp_path / "good.sqlite")


def damaged(good: Path, target: Path, everywhere: bool) -> Path:
    data = bytearray(good.read_bytes())
    rng = random.Random(7)
    span = range(len(data)) if everywhere else range(len(data) // 3, 2 * len(data) // 3)
    for i in span:
        data[i] = rng.randrange(256)
    target.write_bytes(bytes(data))
    return target


@pytest.mark.parametrize("everywhere", [False, True], ids=["middle", "everywhere"])
@pytest.mark.parametrize(
    "command",
    [
        ("checkin", "ZW01", "--at", "2023-12-06T08:30"),
        ("roster", "import", "{roster}"),
        ("search", "zw"),
        ("stats",),
    ],
    ids=["checkin", "roster-import", "search", "stats"],
)
def test_a_damaged_database_is_one_line_saying_restore_or_check_and_exit_3(
    good_db: Path, tmp_path: Path, command: tuple[str, ...], everywhere: bool
):
    db = damaged(good_db, tmp_path / "bad.sqlite", everywhere)
    args = [a.format(roster=tmp_path / "r.csv") for a in command]
    result = cli(db, *args)
    assert result.returncode == 3
    assert one_line(result) == (
        f"error: the database {db} is damaged: restore it from a backup, or run `main.py db check --db {db}` for details"
    )
    assert result.stdout == ""


def test_the_damage_line_is_in_chinese_when_the_desk_speaks_chinese(good_db: Path, tmp_path: Path):
    db = damaged(good_db, tmp_path / "bad.sqlite", everywhere=False)
    result = cli(db, "checkin", "ZW01", lang="zh_CN.UTF-8")
    assert result.returncode == 3 and one_line(result).startswith(f"错误：数据库 {db} 已损坏：请从备份恢复")


@pytest.mark.slow
def test_db_check_finds_the_damage_and_passes_a_good_file(good_db: Path, tmp_path: Path):
    good = cli(good_db, "db", "check")
    assert good.returncode == 0 and "integrity: ok" in good.stdout and "journal: wal" in good.stdout
    assert "free disk space" in good.stdout
    health = check(damaged(good_db, tmp_path / "bad.sqlite", everywhere=False))
    assert not health.intact and health.integrity != ["ok"]
    result = cli(tmp_path / "bad.sqlite", "db", "check")
    assert result.returncode == 3 and "integrity: DAMAGED" in result.stdout


@pytest.mark.slow
def test_db_backup_copies_a_database_in_use_owner_only_and_never_over_a_file(good_db: Path, tmp_path: Path):
    store = Store(good_db)  # a desk holding the file open, mid-event
    store.set_meta("probe", "written before the backup")
    copy = tmp_path / "copy.sqlite"
    result = cli(good_db, "db", "backup", str(copy))
    assert result.returncode == 0 and f"backed up {good_db} to {copy}" in result.stdout
    assert (copy.stat().st_mode & 0o777) == 0o600
    assert Store(copy).get_meta("probe") == "written before the backup"
    assert Store(copy).roster.count() == 2
    again = cli(good_db, "db", "backup", str(copy))
    assert again.returncode == 2 and "already exists" in one_line(again)
    assert backup(good_db, tmp_path / "second.sqlite").intact


def in_private_mount(script: str, tmp_path: Path) -> subprocess.CompletedProcess:
    """Run a bash script in a mount namespace of its own, with a tmpfs at $DISK it may fill."""
    (tmp_path / "disk").mkdir()
    env = {
        **os.environ,
        "DISK": str(tmp_path / "disk"),
        "PY": PYTHON,
        "MAIN": str(ROOT / "main.py"),
        "PYTHONPATH": str(ROOT),
    }
    return subprocess.run(
        [*UNSHARE, "bash", "-euc", script], capture_output=True, text=True, timeout=300, cwd=ROOT, env=env
    )


@pytest.mark.slow
def test_on_a_read_only_disk_reading_commands_work_and_writing_ones_say_cannot_write(
    good_db: Path, tmp_path: Path
):
    shutil.copy(good_db, tmp_path / "ro.sqlite")
    (tmp_path / "more.csv").write_text(ROSTER + "A3,WW03,王五,Y,press,main\n", encoding="utf-8")
    script = f"""
        mount -t tmpfs -o size=4m none "$DISK"
        cp {tmp_path}/ro.sqlite "$DISK"/k.sqlite
        mount -o remount,ro "$DISK"
        run() {{ "$PY" "$MAIN" "$@" --db "$DISK"/k.sqlite 2>&1 && echo "exit 0" || echo "exit $?"; }}
        run search zw; run stats --json; run export {tmp_path}/out.csv
        run checkin ZW01 --at 2023-12-06T08:30; run roster import {tmp_path}/more.csv
    """
    result = in_private_mount(script, tmp_path)
    out = result.stdout.splitlines()
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout
    cannot = f"error: cannot write to {tmp_path}/disk/k.sqlite: check its permissions and that its disk is not read-only (commands that only read still work)"  # noqa: E501
    assert out[0].startswith("A1\t张伟") and out[1] == "exit 0"  # search
    assert out[2].startswith('{"by_gate": {}') and out[3] == "exit 0"  # stats
    assert out[4] == "exported 0 journal entries to " + str(tmp_path / "out.csv") and out[5] == "exit 0"
    assert out[6:] == [cannot, "exit 4", cannot, "exit 4"]


FULL_DISK_SERVICE = """
import sys
from pathlib import Path
from kiosk.clock import StartedClock, parse_time
from kiosk.service import CheckinService
from kiosk.store import Store
from kiosk.store.problems import DatabaseProblem, Problem
store = Store(sys.argv[1])
service = CheckinService(store, StartedClock(parse_time("2023-12-06T08:30")), desk="full")
filler = Path(sys.argv[1]).with_name("filler")
with filler.open("wb", buffering=0) as handle:
    try:
        while True:
            handle.write(b"x" * 4096)
    except OSError:
        pass
try:
    service.check_in("ZW01")
    print("acknowledged on a full disk")
except DatabaseProblem as problem:
    print("refused", problem.problem)
filler.unlink()
decision = service.check_in("ZW01")
print(decision.outcome, Store(sys.argv[1]).journal.count())
"""


@pytest.mark.slow
def test_a_full_disk_refuses_import_and_checkin_in_one_line_and_changes_nothing(
    good_db: Path, tmp_path: Path
):
    shutil.copy(good_db, tmp_path / "full.sqlite")
    events = Store(good_db)
    delegates = generate_roster(3000, events.roster.forums(), events.roster.categories(), seed=5)
    write_roster_csv(tmp_path / "big.csv", delegates)
    (tmp_path / "service.py").write_text(FULL_DISK_SERVICE, encoding="utf-8")
    script = f"""
        mount -t tmpfs -o size=600k none "$DISK"
        cp {tmp_path}/full.sqlite "$DISK"/k.sqlite
        run() {{ "$PY" "$MAIN" "$@" --db "$DISK"/k.sqlite 2>&1 && echo "exit 0" || echo "exit $?"; }}
        count() {{ "$PY" -c "import sys; from kiosk.store import Store; s = Store(sys.argv[1]); print(s.roster.count(), s.journal.count())" "$DISK"/k.sqlite; }}
        run roster import {tmp_path}/big.csv; count
        dd if=/dev/zero of="$DISK"/filler bs=4k 2>/dev/null || true
        run checkin ZW01 --at 2023-12-06T08:30
        rm "$DISK"/filler; count
        "$PY" {tmp_path}/service.py "$DISK"/k.sqlite
    """  # noqa: E501
    result = in_private_mount(script, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    full = f"error: the disk holding {tmp_path}/disk/k.sqlite is full: free some space and try again; nothing was changed"  # noqa: E501
    assert result.stdout.splitlines() == [
        full, "exit 5", "2 0",  # the import: refused, the old roster whole
        full, "exit 5", "2 0",  # the check-in: refused, not journalled
        "refused disk_full",  # the app's service: a check-in it could not write is never acknowledged
        "admitted 1",  # and once there is room the same store commits again
    ]  # fmt: skip

"""Purge after the event: personal data gone from the tables and from the disk; counts stay."""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.model import Outcome
from kiosk.purge import purge
from kiosk.store import Store
from tests.badge_fixtures import PEOPLE, event_store, new_key, service, signed, trusting
from tests.conftest import ROOT

PURGE = [str(ROOT / "main.py")]


def personal_strings() -> list[bytes]:
    values = []
    for d in PEOPLE:
        values += [d.name, d.organization, d.phone, d.title]
        values += [v for v in (d.email, d.name_en) if v]
    return [v.encode() for v in values] + [b"Zhang Wei", b"zhangwei"]


@pytest.fixture
def used(tmp_path: Path) -> Iterator[Path]:
    """A kiosk database after an event day: roster, admissions, an override naming someone."""
    path = tmp_path / "kiosk.sqlite"
    key = new_key()
    store = trusting(event_store(path, PEOPLE), key)
    desk = service(store)
    assert desk.check_in("TOKENB00000001").outcome is Outcome.ADMITTED
    assert desk.check_in(signed(key, store, "D000002")).outcome is Outcome.ADMITTED
    desk.override("TOKENB00000003", "张伟 vouched for 欧阳娜娜")
    yield path  # the kiosk app still has the file open, its pages still in the WAL
    store.close()


def files_of(path: Path) -> list[Path]:
    return [p for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()]


def test_the_names_are_on_disk_before_the_purge(used: Path):
    wal = Path(f"{used}-wal").read_bytes()
    assert all(s in wal for s in personal_strings()[:6])


def test_purge_leaves_no_name_phone_or_email_in_the_file_its_wal_or_its_shm(used: Path):
    result = subprocess.run(
        [sys.executable, *PURGE, "purge", "--db", str(used), "--yes"],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    for file in files_of(used):
        blob = file.read_bytes()
        leaked = [s.decode() for s in personal_strings() if s in blob]
        assert not leaked, (file.name, leaked)
    assert not Path(f"{used}-wal").exists() or Path(f"{used}-wal").stat().st_size == 0


def test_purge_keeps_the_anonymous_counts(used: Path):
    before = Store(used)
    counts = before.query("SELECT gate, category, COUNT(*) FROM admissions GROUP BY 1, 2 ORDER BY 1, 2")
    journal = before.journal.count()
    report = purge(before)
    assert report.delegates == 3 and "delegates.name" in report.columns and report.journal_reasons == 1
    after = [
        tuple(r)
        for r in before.query("SELECT gate, category, COUNT(*) FROM admissions GROUP BY 1, 2 ORDER BY 1, 2")
    ]
    assert after == [tuple(r) for r in counts] and before.journal.count() == journal
    kept = before.query_one(
        "SELECT id, category, forums, status, name, phone FROM delegates WHERE id = 'D000001'"
    )
    assert tuple(kept) == ("D000001", "scientist", "main,p1", "active", "", "")


def test_purge_without_yes_refuses(used: Path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "purge", "--db", str(used)],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 2 and result.stderr.startswith("error: ") and "--yes" in result.stderr
    assert PEOPLE[0].name.encode() in b"".join(p.read_bytes() for p in files_of(used))


def test_no_code_name_or_phone_reaches_the_log_at_info(tmp_path: Path, caplog: pytest.LogCaptureFixture):
    caplog.set_level(logging.INFO)
    key = new_key()
    store = trusting(event_store(tmp_path / "k.sqlite", PEOPLE), key)
    code = signed(key, store, "D000001")
    desk = service(store)
    desk.check_in(code)
    desk.check_in("TOKENB00000002")
    purge(store)
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert text and code not in text and "TOKENB00000002" not in text
    assert all(s.decode() not in text for s in personal_strings())

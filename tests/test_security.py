"""The admin PIN: slow salted hash, lockout after five wrong tries, each failure journalled."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from kiosk import keys, security
from kiosk.clock import FixedClock
from kiosk.model import Action
from kiosk.security import PinError, PinGuard
from kiosk.store import Store
from tests.badge_fixtures import MORNING, event_store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = event_store(tmp_path / "kiosk.sqlite")
    security.set_pin(store, "482916")
    return store


def test_the_pin_is_stored_as_a_salted_scrypt_hash_never_in_plain_text(store: Store, tmp_path: Path):
    stored = store.get_meta("admin_pin") or ""
    assert stored.startswith("scrypt$") and "482916" not in stored
    assert security.hash_pin("482916") != security.hash_pin("482916")  # salted
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert b"482916" not in (tmp_path / "kiosk.sqlite").read_bytes()


def test_the_right_pin_opens_and_a_wrong_one_does_not(store: Store):
    guard = PinGuard(store, FixedClock(MORNING))
    assert guard.check("482916").ok
    wrong = guard.check("000000")
    assert not wrong.ok and not wrong.locked and wrong.tries_left == 4


def test_five_wrong_pins_lock_for_a_minute_even_against_the_right_pin(store: Store):
    clock = FixedClock(MORNING)
    guard = PinGuard(store, clock)
    results = [guard.check("1111") for _ in range(5)]
    assert [r.tries_left for r in results] == [4, 3, 2, 1, 0] and results[-1].locked
    assert not guard.check("482916").ok  # locked: not even the right PIN
    clock.advance(seconds=59)
    assert guard.check("482916").locked
    clock.advance(seconds=2)
    assert guard.check("482916").ok


def test_the_lockout_survives_a_restart(store: Store):
    clock = FixedClock(MORNING)
    for _ in range(5):
        PinGuard(store, clock).check("1111")
    assert PinGuard(Store(store.path), clock).check("482916").locked


def test_every_wrong_pin_is_journalled_without_the_pin(store: Store):
    guard = PinGuard(store, FixedClock(MORNING), desk="desk-3")
    guard.check("7777")
    guard.check("8888")
    rows = store.query("SELECT * FROM journal WHERE action = ?", (str(Action.PIN_FAILURE),))
    assert len(rows) == 2 and {r["desk"] for r in rows} == {"desk-3"}
    assert all("7777" not in r["reason"] and "8888" not in r["reason"] for r in rows)
    assert store.query("SELECT COUNT(*) FROM admissions")[0][0] == 0  # counts nobody in


@pytest.mark.parametrize("pin", ["123", "12345678901234", "12a4", "", "１２３４"])
def test_a_pin_must_be_4_to_12_ascii_digits(pin: str):
    with pytest.raises(PinError):
        security.hash_pin(pin)


def test_checking_before_any_pin_is_set_is_an_error(tmp_path: Path):
    with pytest.raises(PinError):
        PinGuard(event_store(tmp_path / "k.sqlite")).check("1234")


def test_the_database_and_the_private_key_are_owner_only(tmp_path: Path):
    event_store(tmp_path / "k.sqlite")
    private, public = keys.generate(tmp_path / "keys")
    assert stat.S_IMODE(os.stat(tmp_path / "k.sqlite").st_mode) == 0o600
    assert stat.S_IMODE(os.stat(private).st_mode) == 0o600
    assert b"PRIVATE" not in public.read_bytes()
    with pytest.raises(keys.KeyFileError):
        keys.generate(tmp_path / "keys")  # never overwrites a key silently


def test_a_kiosk_whose_security_module_cannot_load_does_not_start(monkeypatch, capsys, tmp_path):
    """No fail-open: without the module that checks the admin PIN the app refuses to start."""
    from ui.shell import app

    monkeypatch.setitem(sys.modules, "kiosk.security", None)  # import kiosk.security now raises ImportError
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert app.run_app(["--db", str(tmp_path / "kiosk.sqlite")]) == 4
    err = capsys.readouterr().err
    assert "security module" in err and "does not start without its admin PIN" in err
    assert not (tmp_path / "kiosk.sqlite").exists()


def _lock_round(guard: PinGuard) -> security.PinCheck:
    results = [guard.check("1111") for _ in range(security.MAX_TRIES)]
    assert results[-1].locked and not any(r.locked for r in results[:-1])
    return results[-1]


@pytest.mark.slow
def test_each_round_of_wrong_pins_locks_longer_and_a_restart_does_not_shorten_it(store: Store):
    clock = FixedClock(MORNING)
    waits = []
    for _ in range(6):
        locked = _lock_round(PinGuard(Store(store.path), clock))  # a restart before every round
        assert locked.locked_until is not None
        waits.append(int((locked.locked_until - clock.now()).total_seconds() // 60))
        clock.advance(seconds=(locked.locked_until - clock.now()).total_seconds() - 1)
        assert PinGuard(Store(store.path), clock).check("482916").locked  # a second before the end
        clock.advance(seconds=1)
    assert waits == [1, 5, 15, 60, 60, 60]


def test_the_right_pin_starts_the_rounds_again_from_a_minute(store: Store):
    clock = FixedClock(MORNING)
    guard = PinGuard(store, clock)
    for _ in range(2):
        clock.advance(seconds=(_lock_round(guard).locked_until - clock.now()).total_seconds())  # type: ignore[operator]
    assert guard.check("482916").ok
    again = _lock_round(guard)
    assert again.locked_until == clock.now() + security.LOCKOUTS[0]


def test_the_locking_pin_failure_tells_the_journal_how_long(store: Store):
    guard = PinGuard(store, FixedClock(MORNING), desk="desk-3")
    _lock_round(guard)
    reasons = [r["reason"] for r in store.query("SELECT reason FROM journal ORDER BY seq")]
    assert "PIN entry locked for 1 min (lockout 1)" in reasons[-1] and "locked" not in reasons[0]

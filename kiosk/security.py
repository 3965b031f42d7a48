"""The admin PIN: a slow salted hash in the store, wrong tries rate-limited and journalled.

The PIN is never stored: ``meta.admin_pin`` holds ``scrypt$n$r$p$salt$hash``. Five wrong
PINs in a row lock the admin screen; each further round of five locks it longer (1 minute, then
5, 15 and 60 minutes, and 60 for every round after that) until the right PIN is entered. The
count, the round and the lock live in the store, so restarting the app resets none of them.
Each wrong PIN is a journal entry, the one that locks says for how long, and the journal
reaches the hub and the other desks.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from kiosk.clock import Clock, SystemClock
from kiosk.errors import KioskError
from kiosk.model import Action, CheckIn, Outcome
from kiosk.store import Store

MAX_TRIES = 5
LOCKOUTS = tuple(timedelta(minutes=m) for m in (1, 5, 15, 60))  # round 1, 2, 3, 4 and after
DEMO_PIN = "2468"  # the demo's documented PIN (docs/badges-and-security.md)
_N, _R, _P = 2**14, 8, 1  # ~16 MB and ~50 ms per try on the kiosk hardware
_KEY, _FAILURES, _LOCKED = "admin_pin", "admin_pin_failures", "admin_pin_locked_until"
_ROUNDS = "admin_pin_lockouts"  # how many times entry was locked since the last right PIN


class PinError(KioskError):
    pass


@dataclass(frozen=True, slots=True)
class PinCheck:
    ok: bool
    locked_until: datetime | None = None  # set while the PIN screen is locked
    tries_left: int = MAX_TRIES
    wait: timedelta = timedelta(0)  # how long the lock still lasts, by the guard's clock

    @property
    def locked(self) -> bool:
        return self.locked_until is not None


def _hash(pin: str, salt: bytes, n: int = _N, r: int = _R, p: int = _P) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, maxmem=64 * 1024 * 1024, dklen=32)


def validate(pin: str) -> str:
    if not (pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 12):
        raise PinError("the PIN must be 4 to 12 digits / PIN 须为 4 至 12 位数字")
    return pin


def hash_pin(pin: str) -> str:
    salt = secrets.token_bytes(16)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${_hash(validate(pin), salt).hex()}"


def matches(stored: str, pin: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        computed = _hash(pin, bytes.fromhex(salt), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(computed, bytes.fromhex(digest))


def has_pin(store: Store) -> bool:
    return bool(store.get_meta(_KEY))


def set_pin(store: Store, pin: str) -> None:
    """Set (or replace) the admin PIN; clears any lockout."""
    with store.transaction() as conn:
        _put(conn, ((_KEY, hash_pin(pin)), (_FAILURES, "0"), (_LOCKED, ""), (_ROUNDS, "0")))


def lockout_for(round_: int) -> timedelta:
    """How long the Nth lockout since the last right PIN lasts (N from 1)."""
    return LOCKOUTS[min(round_, len(LOCKOUTS)) - 1]


def _put(conn: sqlite3.Connection, pairs: tuple[tuple[str, str], ...]) -> None:
    for key, value in pairs:
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )


class PinGuard:
    """Checks PINs for one kiosk: counts wrong tries, locks, journals each failure."""

    def __init__(self, store: Store, clock: Clock | None = None, desk: str = "desk-1") -> None:
        self.store = store
        self.clock: Clock = clock or SystemClock()
        self.desk = desk

    def _locked_until(self, now: datetime) -> datetime | None:
        text = self.store.get_meta(_LOCKED) or ""
        until = datetime.fromisoformat(text) if text else None
        return until if until is not None and now < until else None

    def check(self, pin: str) -> PinCheck:
        now = self.clock.now()
        locked = self._locked_until(now)
        if locked is not None:
            return PinCheck(False, locked, 0, locked - now)  # not even a correct PIN opens a locked screen
        stored = self.store.get_meta(_KEY)
        if stored is None:
            raise PinError("no admin PIN set yet / 尚未设置管理员 PIN")
        if matches(stored, pin):
            with self.store.transaction() as conn:
                _put(conn, ((_FAILURES, "0"), (_ROUNDS, "0")))
            return PinCheck(True)
        failures = int(self.store.get_meta(_FAILURES, "0") or 0) + 1
        rounds = int(self.store.get_meta(_ROUNDS, "0") or 0) + (failures >= MAX_TRIES)
        until = now + lockout_for(rounds) if failures >= MAX_TRIES else None
        self._record_failure(now, failures, rounds, until)
        return PinCheck(False, until, max(0, MAX_TRIES - failures), until - now if until else timedelta(0))

    def _record_failure(self, now: datetime, failures: int, rounds: int, until: datetime | None) -> None:
        reason = f"wrong admin PIN ({failures} of {MAX_TRIES})" + (
            f"; PIN entry locked for {int((until - now).total_seconds()) // 60} min "
            f"(lockout {rounds}), until {until.isoformat()}"
            if until
            else ""
        )
        entry = CheckIn(
            id=str(uuid.uuid4()), at=now, desk=self.desk, gate="admin", code="",
            outcome=Outcome.INVALID_SIGNATURE, action=Action.PIN_FAILURE, reason=reason,
            rehearsal=self.store.rehearsal,
        )  # fmt: skip
        with self.store.transaction() as conn:
            self.store.journal.append_in(conn, entry)
            _put(
                conn,
                (
                    (_FAILURES, "0" if until else str(failures)),
                    (_LOCKED, until.isoformat() if until else ""),
                    (_ROUNDS, str(rounds)),
                ),
            )

"""Clocks: the domain never reads the time itself; it is handed a clock."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class StartedClock:
    """Starts at a given moment and runs on in real time (``--at`` for rehearsals and tests)."""

    def __init__(self, start: datetime) -> None:
        self._start = start
        self._t0 = time.monotonic()

    def now(self) -> datetime:
        return self._start + timedelta(seconds=time.monotonic() - self._t0)


class FixedClock:
    """A clock that moves only when told to (tests)."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def now(self) -> datetime:
        return self.at

    def advance(self, **kwargs: float) -> None:
        self.at += timedelta(**kwargs)


def parse_time(text: str, default_tz: str = "Asia/Shanghai") -> datetime:
    """Parse an ISO 8601 time; a time without an offset is taken in ``default_tz``."""
    from zoneinfo import ZoneInfo

    value = datetime.fromisoformat(text.strip())
    if value.tzinfo is None:
        value = value.replace(tzinfo=ZoneInfo(default_tz))
    return value

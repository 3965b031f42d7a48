"""Does the machine's clock fall inside the event's check-in window? A wrong clock refuses everyone."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo


def clock_problem(context: Any) -> str:
    """ "" when the clock looks right; else "now|event dates" for the banner."""
    try:
        event = context.service.event
    except Exception:  # noqa: BLE001 - no event yet: nothing to compare
        return ""
    now = context.service.clock.now()
    opens = event.starts_at - event.checkin_opens_before
    if opens <= now <= event.ends_at:
        return ""
    tz = ZoneInfo(event.timezone)
    dates = f"{event.starts_at.astimezone(tz):%Y-%m-%d} – {event.ends_at.astimezone(tz):%Y-%m-%d}"
    return f"{now.astimezone(tz):%Y-%m-%d %H:%M}|{dates}"

"""Does the machine's clock fall inside the event's check-in window? A wrong clock refuses everyone."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from kiosk.errors import NoEventError
from kiosk.service import CheckinService


def clock_problem(service: CheckinService) -> str:
    """ "" when the clock looks right; else "now|event dates" for the banner."""
    try:
        event = service.event
    except NoEventError:  # no event yet: nothing to compare
        return ""
    now = service.clock.now()
    opens = event.starts_at - event.checkin_opens_before
    if opens <= now <= event.ends_at:
        return ""
    tz = ZoneInfo(event.timezone)
    dates = f"{event.starts_at.astimezone(tz):%Y-%m-%d} – {event.ends_at.astimezone(tz):%Y-%m-%d}"
    return f"{now.astimezone(tz):%Y-%m-%d %H:%M}|{dates}"

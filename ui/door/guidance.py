"""What the volunteer at a door does with a refusal: one line naming where to send the person.

"Registered for B2 and C5. Send to B2 (Hall B2): on now", "Registration cancelled on 11-20:
send to the registration desk": the guest's own words are on the result panel; this line is
for the volunteer, in the operator's language. The facts (which forums, which to send them
to, since when cancelled) are the desk's (``kiosk.app.desk.guidance``); the words are the
door's, which also knows how full the room is.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from kiosk.app.desk import Guidance
from kiosk.model import Decision, Forum, Outcome

translate = QCoreApplication.translate


def _where(forum: Forum, lang: str) -> str:
    name = forum.name(lang)
    return (
        translate("DoorGuide", "%1 (Hall %2)").replace("%1", name).replace("%2", forum.hall)
        if forum.hall
        else name
    )


def _on_now(forum: Forum, now: datetime) -> bool:
    return (
        forum.starts_at is not None and forum.ends_at is not None and forum.starts_at <= now <= forum.ends_at
    )


def door_guidance(decision: Decision, facts: Guidance | None, timezone: str, now: datetime, lang: str) -> str:
    """The volunteer's next step for a refused decision ("" when admitted)."""
    if facts is None or decision.admitted:
        return ""
    outcome, local = decision.outcome, ZoneInfo(timezone)
    if outcome is Outcome.NOT_REGISTERED and decision.delegate is not None:
        target = facts.send_to
        if not facts.registered or target is None:
            return translate("DoorGuide", "Registered for no forum: send to the help desk.")
        listed = ("、" if lang.startswith("zh") else ", ").join(_where(f, lang) for f in facts.registered)
        send = (
            translate("DoorGuide", "Send to %1: on now.") if _on_now(target, now)
            else translate("DoorGuide", "Send to %1: starts at %2.")
        ).replace("%1", _where(target, lang))  # fmt: skip
        if target.starts_at is not None:
            starts = target.starts_at.astimezone(local)
            same_day = starts.date() == now.astimezone(local).date()
            send = send.replace("%2", starts.strftime("%H:%M" if same_day else "%m-%d %H:%M"))
        space = "" if lang.startswith("zh") else " "
        return translate("DoorGuide", "Registered for %1.").replace("%1", listed) + space + send
    if outcome is Outcome.FORUM_FULL:
        return (
            translate("DoorGuide", "Full: %1 of %2 in the room. Ask them to wait until someone leaves, "
                      "or let in with the hall manager's agreement (F4).")
            .replace("%1", str(decision.occupancy or 0)).replace("%2", str(decision.capacity or 0))
        )  # fmt: skip
    if outcome is Outcome.TOO_EARLY:
        return translate("DoorGuide", "This door is not open yet: ask them to wait nearby.")
    if outcome is Outcome.TOO_LATE:
        return translate(
            "DoorGuide", "Check-in at this door has closed: call the supervisor (F8) if they must go in."
        )
    if outcome is Outcome.REVOKED and facts.cancelled_on is not None:
        return translate("DoorGuide", "Registration cancelled on %1: send to the registration desk.").replace(
            "%1", facts.cancelled_on.astimezone(local).strftime("%m-%d")
        )
    if outcome is Outcome.REVOKED and decision.delegate is not None and not decision.delegate.active:
        return translate("DoorGuide", "Registration cancelled: send to the registration desk.")
    if outcome is Outcome.REVOKED:
        return translate(
            "DoorGuide", "A newer badge replaced this one: send to the help desk for the new badge."
        )
    if outcome is Outcome.ALREADY_CHECKED_IN and decision.first_checkin is not None:
        when = decision.first_checkin.at.astimezone(local).strftime("%H:%M")
        return translate(
            "DoorGuide", "Already came in at %1 and has not gone out: one badge, one person."
        ).replace("%1", when)
    return translate(
        "DoorGuide", "Not a badge of this event's roster: send to the help desk to find the name."
    )

"""The facts a guest's next step needs, in words: "today 08:31", "Desk 1", where the help desk is."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP

from kiosk.app.guest import desk_number, gate_window, when
from kiosk.errors import KioskError
from ui.bridge import AppContext

CONTEXT = "Facts"
DAYS = {
    "today": str(QT_TRANSLATE_NOOP("Facts", "today %1")),
    "tomorrow": str(QT_TRANSLATE_NOOP("Facts", "tomorrow %1")),
    "yesterday": str(QT_TRANSLATE_NOOP("Facts", "yesterday %1")),
}
DESK = str(QT_TRANSLATE_NOOP("Facts", "Desk %1"))
HELP_DESK_AT = str(QT_TRANSLATE_NOOP("Facts", "The help desk: %1."))
OPENS = str(QT_TRANSLATE_NOOP("Facts", "Check-in opens %1."))
CLOSED = str(QT_TRANSLATE_NOOP("Facts", "Check-in closed %1."))


def _t(context: AppContext, language: str, source: str) -> str:
    return context.guest_text(language, CONTEXT, source)


def time_text(context: AppContext, language: str, at: datetime) -> str:
    """today 08:31, 明天 09:00, 12-08 14:00 (in the event's time zone)."""
    service = context.app.service
    try:
        timezone = service.event.timezone
    except KioskError:
        timezone = "Asia/Shanghai"
    found = when(at, service.clock.now(), timezone)
    if found.day:
        return _t(context, language, DAYS[found.day]).replace("%1", found.time)
    return f"{found.date} {found.time}"


def desk_text(context: AppContext, language: str, desk: str) -> str:
    number = desk_number(desk)
    return _t(context, language, DESK).replace("%1", number) if number else desk


def help_desk_text(context: AppContext, language: str) -> str:
    """Where the help desk is, from the event file ("" when the file does not say)."""
    try:
        place = context.app.service.event.help_desk(language)
    except KioskError:
        return ""
    return _t(context, language, HELP_DESK_AT).replace("%1", place) if place else ""


def opening_text(context: AppContext, language: str, closed: bool) -> str:
    """When this gate opens (or closed), from the event's and forum's times."""
    span = gate_window(context.app.service)
    if span is None:
        return ""
    source, at = (CLOSED, span[1]) if closed else (OPENS, span[0])
    return _t(context, language, source).replace("%1", time_text(context, language, at))

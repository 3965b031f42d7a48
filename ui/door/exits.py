"""What the door shows for someone going out: slate, their name, the room count after them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.model import Decision
from kiosk.rules import NOT_INSIDE
from ui.bridge import AppContext
from ui.widgets.outcome_text import ResultText, display_name

SLATE = "#37474F"  # white text on it: contrast 9.9:1; apart from green, red and amber to every eye


def exit_text(decision: Decision, context: AppContext) -> ResultText:
    """The words for a recorded exit, in the operator's language."""
    lang, translate = context.language, QCoreApplication.translate
    name = display_name(decision.delegate, lang)
    title = (
        translate("DoorExit", "Goodbye, %1").replace("%1", name)
        if name
        else translate("DoorExit", "Exit recorded")
    )
    if lang.startswith("zh"):
        title = title.replace(", ", " ").replace("，", " ")
    if NOT_INSIDE in decision.flags:
        advice = translate(
            "DoorExit", "Exit recorded. This person was not counted in the room, so the count stays."
        )
    else:
        count = str(decision.occupancy or 0)
        advice = translate("DoorExit", "Left the room: %1 in the room now.").replace("%1", count)
    return ResultText(title, advice, (), SLATE, lang)

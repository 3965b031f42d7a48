"""What a save in Admin → Settings did, or why it did not, in one translated line."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.errors import ErrorCode, KioskError
from kiosk.printing.queue import PrintQueue

translate = QCoreApplication.translate


def problem_words(exc: KioskError) -> str:
    """Nothing was saved: why."""
    if exc.code is ErrorCode.BAD_PHONE:
        return translate(
            "AdminSettings", "Not saved: “%1” is not a phone number. Use digits, spaces and + - ( ) only."
        ).replace("%1", str(exc.data.get("phone", "")))
    return translate("AdminSettings", "Not saved: %1").replace("%1", str(exc))


def saved_words(queue_before: PrintQueue | None, queue_now: PrintQueue | None) -> str:
    """Saved: printing turned off says how many passes still wait for a printer."""
    if queue_before is None or queue_now is not None:
        return translate("AdminSettings", "Saved and in use.")
    waiting = queue_before.state().waiting
    return (
        translate("AdminSettings", "Saved. Printing is off: %1 pass(es) waiting will print when a printer "
                  "is chosen again.").replace("%1", str(waiting)) if waiting
        else translate("AdminSettings", "Saved. Printing is off at this kiosk.")
    )  # fmt: skip

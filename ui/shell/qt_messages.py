"""Qt's own messages go to Python logging, so a normal start prints nothing of Qt's on stderr.

Qt Multimedia's start-up chatter (``qt.multimedia.*``, PulseAudio on a machine without sound) and
platform plugin notes (``propagateSizeHints``) are logged at DEBUG (``-v`` shows them); Qt's real
warnings and errors keep their level. ``QT_LOGGING_RULES`` silences the multimedia categories at
source unless the user set rules of their own.
"""

from __future__ import annotations

import logging
import os

log = logging.getLogger("qt")
CHATTER = (
    "qt.multimedia",
    "qt.qpa",
    "PulseAudioService",
    "propagateSizeHints",
    "This plugin does not support",
    "pa_context_connect",
)


def quiet_qt() -> object:
    """Installs the handler; returns the one it replaced."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false;qt.qpa.*=false")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.DEBUG,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(kind: QtMsgType, context: object, message: str) -> None:
        category = getattr(context, "category", "") or ""
        noise = any(mark in category or mark in message for mark in CHATTER)
        log.log(logging.DEBUG if noise else levels.get(kind, logging.WARNING), "%s", message)

    return qInstallMessageHandler(handler)

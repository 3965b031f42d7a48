"""A normal start prints none of Qt's multimedia or platform chatter: it goes to logging at DEBUG."""

from __future__ import annotations

import logging
import os
from typing import Any

import pytest

from ui.shell.qt_messages import quiet_qt


@pytest.mark.no_qt_log
def test_qt_chatter_is_logged_at_debug_and_real_warnings_keep_their_level(caplog: Any, capfd: Any) -> None:
    from PySide6.QtCore import qInstallMessageHandler, qWarning

    previous = quiet_qt()
    try:
        with caplog.at_level(logging.DEBUG, logger="qt"):
            qWarning("qt.multimedia.symbolsresolver: Couldn't load pulseaudio library")
            qWarning("PulseAudioService: pa_context_connect() failed")
            qWarning("This plugin does not support propagateSizeHints()")
            qWarning("QPainter::begin: Paint device returned engine == 0")
    finally:
        qInstallMessageHandler(previous)  # type: ignore[arg-type]
    levels = [(r.levelno, r.getMessage()[:20]) for r in caplog.records if r.name == "qt"]
    assert [level for level, _ in levels] == [logging.DEBUG] * 3 + [logging.WARNING]
    assert capfd.readouterr().err == ""  # none of it written by Qt itself
    assert "qt.multimedia" in os.environ["QT_LOGGING_RULES"]

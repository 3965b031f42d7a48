"""A full-screen notice for a database the kiosk cannot use: damaged, read-only, on a full disk, held.

It speaks Chinese and English at once: the operator's language is a setting kept in the very
database that failed. It says what is wrong with which file and what to do (the same words as the
CLI's one line, ``kiosk.store.problems``), and that nobody is shown as admitted meanwhile. At
start-up it replaces the window (Try again, Quit); while the kiosk runs it covers the window when
a check-in could not be written, until Try again finds the database usable again.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEventLoop, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.store.problems import DatabaseProblem, Problem
from ui import i18n
from ui.bridge import AppContext

log = logging.getLogger(__name__)
LANGUAGES = ("zh_CN", "en")
STYLE = """
#databaseNotice { background: #B71C1C; }
#databaseNotice QLabel { color: white; }
#databaseNotice QLabel#noticeTitle { font-size: 34pt; font-weight: bold; }
#databaseNotice QLabel#noticeBody { font-size: 17pt; }
#databaseNotice QLabel#noticeSafe { font-size: 15pt; font-style: italic; }
#databaseNotice QPushButton { font-size: 18pt; min-height: 64px; padding: 6px 28px; background: white;
                              color: #B71C1C; border-radius: 8px; font-weight: bold; }
"""


HEADLINES: dict[Problem, str] = {
    Problem.DAMAGED: str(QT_TRANSLATE_NOOP("DatabaseNotice", "The database is damaged")),
    Problem.READ_ONLY: str(QT_TRANSLATE_NOOP("DatabaseNotice", "The database cannot be written")),
    Problem.DISK_FULL: str(QT_TRANSLATE_NOOP("DatabaseNotice", "The disk is full")),
    Problem.BUSY: str(QT_TRANSLATE_NOOP("DatabaseNotice", "The database is in use by another program")),
    Problem.IO_ERROR: str(QT_TRANSLATE_NOOP("DatabaseNotice", "The disk cannot be read")),
}
SAFE = str(QT_TRANSLATE_NOOP("DatabaseNotice", "Until this is fixed the kiosk admits nobody; every check-in it showed before was saved."))  # fmt: skip


def texts(problem: DatabaseProblem, language: str) -> tuple[str, str, str]:
    """(headline, what is wrong and what to do, what the kiosk does meanwhile) in ``language``."""
    headline = i18n.translate_in(language, "DatabaseNotice", HEADLINES[problem.problem])
    safe = i18n.translate_in(language, "DatabaseNotice", SAFE)
    return headline, problem.text("zh" if language.startswith("zh") else "en"), safe


class DatabaseNotice(QWidget):
    """The notice; ``retried`` when Try again is pressed, ``quit`` when Quit is (start-up only)."""

    retried = Signal()
    quit = Signal()

    def __init__(self, problem: DatabaseProblem, can_quit: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("databaseNotice")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self.setWindowFlags(Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint
                            | Qt.WindowType.WindowStaysOnTopHint)  # fmt: skip
        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 48, 64, 48)
        layout.setSpacing(14)
        layout.addStretch(1)
        self.labels: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        for language in LANGUAGES:
            title, body, safe = QLabel(), QLabel(), QLabel()
            for label, name in ((title, "noticeTitle"), (body, "noticeBody"), (safe, "noticeSafe")):
                label.setObjectName(name)
                label.setWordWrap(True)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                layout.addWidget(label)
            layout.addSpacing(24)
            self.labels[language] = (title, body, safe)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.retry_button = QPushButton("重试 / Try again")
        self.retry_button.setObjectName("noticeRetry")
        self.retry_button.clicked.connect(self.retried.emit)
        buttons.addWidget(self.retry_button)
        self.quit_button = QPushButton("退出 / Quit")
        self.quit_button.setObjectName("noticeQuit")
        self.quit_button.clicked.connect(self.quit.emit)
        self.quit_button.setVisible(can_quit)
        buttons.addWidget(self.quit_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.problem = problem
        self.show_problem(problem)

    def show_problem(self, problem: DatabaseProblem) -> None:
        self.problem = problem
        for language, labels in self.labels.items():
            for label, text in zip(labels, texts(problem, language), strict=True):
                label.setText(text)
        log.error("database notice shown: %s (%s)", problem.problem, problem.detail)

    def wait(self) -> bool:
        """Show the notice full screen until Try again (True) or Quit (False) is pressed."""
        loop = QEventLoop()
        answer: list[bool] = []

        def answered(retry: bool) -> None:
            answer.append(retry)
            loop.quit()

        self.retried.connect(lambda: answered(True))
        self.quit.connect(lambda: answered(False))
        self.showFullScreen()
        self.raise_()
        loop.exec()
        self.hide()
        return answer[0]


class DatabaseWatch:
    """While the kiosk runs: a check-in the database refused covers the window with the notice;
    Try again probes the database in the background and lifts the notice once it is usable."""

    def __init__(self, context: AppContext) -> None:
        self.context = context
        self.notice: DatabaseNotice | None = None
        context.events.database_problem.connect(self._on_problem)

    def _on_problem(self, problem: DatabaseProblem) -> None:
        if self.notice is None:
            self.notice = DatabaseNotice(problem, can_quit=False)
            self.notice.retried.connect(self._on_retry)
        else:
            self.notice.show_problem(problem)
        self.notice.retry_button.setEnabled(True)
        self.notice.showFullScreen()
        self.notice.raise_()
        self.notice.activateWindow()

    def _on_retry(self) -> None:
        if self.notice is not None:
            self.notice.retry_button.setEnabled(False)
        self.context.run_in_background(
            self.context.app.store.probe, on_done=lambda _: self._lift(), on_error=self._still_broken
        )

    def _lift(self) -> None:
        if self.notice is not None:
            log.info("database usable again: notice lifted")
            self.notice.hide()

    def _still_broken(self, exc: BaseException) -> None:
        if isinstance(exc, DatabaseProblem):
            self._on_problem(exc)
        elif self.notice is not None:
            log.error("database probe failed: %s", exc)
            self.notice.retry_button.setEnabled(True)

    def close(self) -> None:
        self.context.events.database_problem.disconnect(self._on_problem)
        if self.notice is not None:
            self.notice.close()
            self.notice.deleteLater()
            self.notice = None

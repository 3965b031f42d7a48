"""A small window that shows what the app is preparing when a start takes more than a moment
(the demo's first start of the day builds its roster and badge video: several seconds).

Nothing is set up yet when it shows (no settings, no operator language), so it says everything
in both languages, Chinese first, English beneath.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QApplication, QLabel, QProgressBar, QVBoxLayout, QWidget

from ui.i18n import translate_in

CONTEXT = "StartupProgress"
TITLE = str(QT_TRANSLATE_NOOP("StartupProgress", "Preparing the demo"))
STEPS: dict[str, str] = {
    "roster": str(QT_TRANSLATE_NOOP("StartupProgress", "Making the demo roster…")),
    "video": str(QT_TRANSLATE_NOOP("StartupProgress", "Recording the demo badge video…")),
    "ready": str(QT_TRANSLATE_NOOP("StartupProgress", "Starting…")),
}


def in_both(source: str) -> str:
    return "\n".join(translate_in(language, CONTEXT, source) for language in ("zh_CN", "en"))


class StartupProgress(QWidget):
    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.SplashScreen | Qt.WindowType.WindowStaysOnTopHint)
        self.setFixedSize(560, 190)
        self.title = QLabel(in_both(TITLE))
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.step = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.step, self.bar):
            layout.addWidget(widget)

    def report(self, percent: int, step: str) -> None:
        """Show a step; called on the UI thread between blocking steps, so it paints at once."""
        if not self.isVisible():
            self.show()
        self.bar.setValue(percent)
        self.step.setText(in_both(STEPS[step]) if step in STEPS else step)
        QApplication.processEvents()

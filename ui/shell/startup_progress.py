"""A small window that shows what the app is preparing when a start takes more than a moment
(the demo's first start of the day builds its roster and badge video: several seconds)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QLabel, QProgressBar, QVBoxLayout, QWidget

STEPS: dict[str, object] = {
    "roster": QT_TRANSLATE_NOOP("StartupProgress", "Making the demo roster…"),
    "video": QT_TRANSLATE_NOOP("StartupProgress", "Recording the demo badge video…"),
    "ready": QT_TRANSLATE_NOOP("StartupProgress", "Starting…"),
}


class StartupProgress(QWidget):
    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.SplashScreen | Qt.WindowType.WindowStaysOnTopHint)
        self.setFixedSize(560, 150)
        self.title = QLabel(self.tr("Preparing the demo"))
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
        self.step.setText(QCoreApplication.translate("StartupProgress", str(STEPS.get(step, step))))
        QApplication.processEvents()

"""A small dot in the corner of every screen: how the desk's sync with the hub is doing.

Green: in touch with the hub and nothing waiting. Amber: check-ins waiting to go up, or no
exchange for a while. Red: the hub is out of reach (the desk keeps deciding on its own).
Hidden when this desk does not sync. The tooltip says it in words.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from ui.bridge import AppContext

STALE_SECONDS = 30
COLOURS = {"ok": "#2E7D32", "behind": "#C25E00", "away": "#C62828"}


def sync_health(state: Any, now: datetime) -> str:
    """ok | behind | away, from a kiosk.sync SyncState."""
    if not state.connected:
        return "away"
    stale = state.last_sync is None or (now - state.last_sync).total_seconds() > STALE_SECONDS
    return "behind" if state.backlog or stale else "ok"


class SyncDot(QLabel):
    SIZE = 18

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.health: str | None = None
        self.setFixedSize(self.SIZE, self.SIZE)
        self.hide()
        self._timer = QTimer(self, interval=2000)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()

    def place(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.move(parent.width() - self.SIZE - 10, 10)
            self.raise_()

    def refresh(self) -> None:
        worker = self.context.app.sync_worker
        if worker is None:
            self.health = None
            self.hide()
            return
        self.context.run_in_background(worker.state, on_done=self.show_state)

    def show_state(self, state: Any) -> None:
        self.health = sync_health(state, datetime.now(UTC))
        self.setStyleSheet(
            f"background: {COLOURS[self.health]}; border: 2px solid white; border-radius: {self.SIZE // 2}px;"
        )
        since = (
            self.tr("never")
            if state.last_sync is None
            else self.tr("%1 s ago").replace(
                "%1", str(int((datetime.now(UTC) - state.last_sync).total_seconds()))
            )
        )
        words = {
            "ok": self.tr("Hub: connected"),
            "behind": self.tr("Hub: catching up"),
            "away": self.tr("Hub: out of reach — this desk decides on its own"),
        }[self.health]
        self.setToolTip(
            self.tr("%1 · last sync %2 · %3 check-ins waiting")
            .replace("%1", words).replace("%2", since).replace("%3", str(state.backlog))
        )  # fmt: skip
        self.place()
        self.show()

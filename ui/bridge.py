"""The Qt edge of the screen flow: re-emits flow changes, decisions and device states as signals.

Decisions may come from any thread (the scan pipeline calls the service on its own
thread); signals emitted here are delivered to widgets on the UI thread by Qt's
queued connections, so no widget is ever touched from another thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kiosk.app.flow import FlowChange, Mode, ScreenFlow
from kiosk.model import Decision


class FlowEvents(QObject):
    """Signals named as events. Connect widgets here; never to the flow or service directly."""

    decided = Signal(object)  # kiosk.model.Decision
    flow_changed = Signal(object)  # ui.flow.FlowChange
    mode_changed = Signal(str)  # a Mode value
    language_changed = Signal(str)  # zh_CN | en
    printer_state = Signal(object)  # the print queue's state snapshot (or a PrinterStatus)
    camera_state = Signal(str)  # live | failed | stopped | none, plus ": detail"
    roster_changed = Signal()
    scanned = Signal(str)  # a code from a USB scanner or the camera, before the decision
    frame = Signal(object)  # latest camera frame (numpy array), for previews

    def __init__(self, flow: ScreenFlow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        flow.listeners.append(self._on_flow_change)

    def _on_flow_change(self, change: FlowChange) -> None:
        self.flow_changed.emit(change)
        if change.mode_changed:
            self.mode_changed.emit(str(change.mode))

    def on_decision(self, decision: Decision) -> None:
        """A CheckinService listener: safe to call from any thread."""
        self.decided.emit(decision)

    @property
    def mode(self) -> Mode:
        return self.flow.mode

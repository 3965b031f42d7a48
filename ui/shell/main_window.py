"""The main window: one page per mode, banners on every screen, self-service lockdown, admin PIN.

Self-service is locked: full screen and frameless (when ``lockdown`` is on), close/Alt+F4/Esc
do nothing; the admin PIN (a hidden corner tapped five times, or Ctrl+Alt+A) is the only way out.
"""

from __future__ import annotations

import functools
import importlib
import logging
import time
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from kiosk.app.flow import FlowChange, Mode
from ui.bridge import AppContext
from ui.door.screen import DoorScreen
from ui.selfservice.screen import SelfServiceScreen
from ui.shell.pin_dialog import PinDialog
from ui.shell.scanner_input import ScannerInput
from ui.shell.sync_dot import SyncDot

log = logging.getLogger(__name__)
BLOCKED_KEYS = {Qt.Key.Key_Escape, Qt.Key.Key_F4, Qt.Key.Key_Tab, Qt.Key.Key_Meta, Qt.Key.Key_Super_L,
                Qt.Key.Key_Super_R, Qt.Key.Key_Menu}  # fmt: skip
CORNER_TAPS = 5
LOCK_HINTS = Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
REHEARSAL = str(QT_TRANSLATE_NOOP("MainWindow", "REHEARSAL MODE — check-ins are not counted"))
CLOCK = str(QT_TRANSLATE_NOOP("MainWindow", "Check the clock: this computer says %1, outside the event's dates (%2). Every badge would be refused."))  # fmt: skip # noqa: E501
LAZY_SCREENS = {Mode.DESK: ("ui.desk.screen", "DeskScreen"), Mode.ADMIN: ("ui.admin.screen", "AdminScreen")}


def lazy_screen(module: str, cls: str, context: AppContext) -> QWidget:
    """A screen built the first time its mode is entered (the desk and admin import more)."""
    screen: QWidget = getattr(importlib.import_module(module), cls)(context)
    return screen


class KeyLock(QObject):
    """App-wide filter: in self-service, escape keys and Alt/Ctrl combinations do nothing."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and self.window.locked:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            mods = key_event.modifiers()
            if key_event.key() == Qt.Key.Key_A and mods == (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            ):
                return False  # the admin shortcut
            if key_event.key() in BLOCKED_KEYS or mods & (
                Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
            ):
                log.debug("key %s blocked in self-service", key_event.key())
                return True
        return False


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, lockdown: bool = False) -> None:
        super().__init__()
        self.context = context
        self.lockdown = lockdown
        self.allow_close = False
        self._normal_geometry: QRect | None = None
        self.setWindowTitle(self.tr("Forum check-in"))
        self.resize(1280, 800)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.rehearsal_banner = self._banner("#C25E00")
        self.clock_banner = self._banner("#B71C1C")
        layout.addWidget(self.rehearsal_banner)
        layout.addWidget(self.clock_banner)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.sync_dot = SyncDot(context, central)
        self.screens: dict[Mode, QWidget] = {
            Mode.SELFSERVICE: SelfServiceScreen(context),
            Mode.DOOR: DoorScreen(context),
        }
        for screen in self.screens.values():
            self.pages.addWidget(screen)
        self._taps: list[float] = []
        self.key_lock = KeyLock(self)
        self.scanner = ScannerInput(context, self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.key_lock)
            app.installEventFilter(self.scanner)
        QShortcut(QKeySequence("Ctrl+Alt+A"), self, self.ask_pin)
        context.events.flow_changed.connect(self._on_flow_changed)
        context.events.language_changed.connect(lambda _: self.retranslate())
        self._status_timer = QTimer(self, interval=5000)
        self._status_timer.timeout.connect(self.refresh_banners)
        self._status_timer.start()
        if context.app.flow.mode is Mode.ADMIN:  # started in admin (--mode admin): the PIN first
            context.app.flow.enter_mode(Mode.SELFSERVICE, "admin needs the PIN")
            QTimer.singleShot(0, self.ask_pin)
        self.show_mode(context.app.flow.mode)
        self.retranslate()
        self.refresh_banners()
        if context.app.camera is None and context.app.camera_spec is not None:
            context.app.start_camera(context.app.camera_spec)  # now every screen hears its decisions

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.sync_dot.place()

    def _banner(self, color: str) -> QLabel:
        banner = QLabel()
        banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        banner.setWordWrap(True)
        banner.setStyleSheet(
            f"background: {color}; color: white; font-size: 16pt; font-weight: bold; padding: 6px;"
        )
        banner.hide()
        return banner

    # -- modes --------------------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        return self.context.app.flow.mode is Mode.SELFSERVICE

    def screen_for(self, mode: Mode) -> QWidget | None:
        """The screen of a mode; desk and admin are built the first time they are needed."""
        if mode not in self.screens and mode in LAZY_SCREENS:
            screen = lazy_screen(*LAZY_SCREENS[mode], self.context)
            if screen is not None:
                self.screens[mode] = screen
                self.pages.addWidget(screen)
        return self.screens.get(mode)

    def show_mode(self, mode: Mode) -> None:
        screen = self.screen_for(mode) or self.screens[Mode.SELFSERVICE]
        self.pages.setCurrentWidget(screen)
        if self.lockdown:
            self._apply_lockdown(mode is Mode.SELFSERVICE)
        if self.isVisible():
            screen.setFocus(Qt.FocusReason.OtherFocusReason)  # the desk hands it to its search field

    def _apply_lockdown(self, on: bool) -> None:
        """Frameless, on top and full screen in self-service; a normal window elsewhere.

        Only the two lockdown hints are compared and changed: Qt adds hint flags of its own
        once a window is shown, so comparing all flags would call ``setWindowFlags`` on every
        mode change, and ``setWindowFlags`` hides the window. A window that was visible is
        shown again after the flags change, restored to its size before the lockdown, raised
        and activated, so a mode change never leaves a blank screen.
        """
        visible = self.isVisible()
        if not self.isFullScreen() and not (self.windowFlags() & LOCK_HINTS):
            self._normal_geometry = self.geometry()
        if bool(self.windowFlags() & LOCK_HINTS) != on:
            flags = self.windowFlags()
            self.setWindowFlags(flags | LOCK_HINTS if on else flags & ~LOCK_HINTS)
        if on:
            self.showFullScreen()
        elif self.isFullScreen() or (visible and not self.isVisible()):
            self.showNormal()
            if self._normal_geometry is not None:
                self.setGeometry(self._normal_geometry)
        if self.isVisible():
            self.raise_()
            self.activateWindow()

    def _on_flow_changed(self, change: FlowChange) -> None:
        if change.mode_changed:
            if self.context.app.camera is not None and hasattr(self.context.app.camera, "pause"):
                self.context.app.camera.pause(change.mode is Mode.ADMIN)  # no check-ins from the admin screen
            if change.mode is not Mode.ADMIN:  # remembered so a restart comes back in this mode
                self.context.run_in_background(
                    functools.partial(self.context.app.update_settings, mode=str(change.mode))
                )
            self.show_mode(change.mode)

    # -- the way out --------------------------------------------------------------------------

    def ask_pin(self) -> None:
        if self.context.app.flow.mode is Mode.ADMIN:
            return
        dialog = PinDialog(self.context, self)
        dialog.accepted.connect(lambda: self.context.app.flow.enter_mode(Mode.ADMIN, "admin PIN accepted"))
        dialog.open()
        self.pin_dialog = dialog

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        pos = event.position()
        if pos.x() > self.width() - 80 and pos.y() < 80:
            now = time.monotonic()
            self._taps = [t for t in self._taps if now - t < 3.0] + [now]
            if len(self._taps) >= CORNER_TAPS:
                self._taps.clear()
                self.ask_pin()
        super().mousePressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.locked and not self.allow_close:
            log.info("close refused in self-service")
            event.ignore()
            return
        self._status_timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.key_lock)
            app.removeEventFilter(self.scanner)
        event.accept()

    # -- banners ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Forum check-in"))
        self.rehearsal_banner.setText(self._both(REHEARSAL))
        self.refresh_banners()

    def _both(self, source: str) -> str:
        """A banner every screen shows, guests' too: the kiosk's language first, then the other."""
        first = self.context.language
        second = "en" if first.startswith("zh") else "zh_CN"
        return "  ·  ".join(self.context.guest_text(lang, "MainWindow", source) for lang in (first, second))

    def refresh_banners(self) -> None:
        self.context.run_in_background(self._read_status, on_done=self._show_status)

    def _read_status(self) -> tuple[bool, str]:
        from kiosk.app.clock_check import clock_problem

        return self.context.app.store.rehearsal, clock_problem(self.context.app.service)

    def _show_status(self, status: tuple[bool, str]) -> None:
        rehearsal, clock = status
        self.rehearsal_banner.setVisible(rehearsal)
        self.clock_banner.setVisible(bool(clock))
        if clock:
            now, dates = clock.split("|")[:2]
            self.clock_banner.setText(self._both(CLOCK).replace("%1", now).replace("%2", dates))

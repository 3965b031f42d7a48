"""Admin tab: join the hub, sync with it now or automatically, and what the sync is doing.

A desk joins by pasting (or scanning with a USB scanner into the field) the one-time
enrolment code that ``hub enrol DESK --url URL`` shows: the hub's address, the desk's name
and a code, redeemed once for this desk's token (``kiosk.sync.enrol``). Nobody types a token.
"Scan enrolment code" reads the QR with the kiosk's own camera: the next code the camera sees
is handed over by the app's intake (``KioskApp.capture_code``) instead of being checked in,
then redeemed the same way; pressing the button again, or leaving the tab, stops waiting.
The address and the token are kept in the store's meta — an owner-only file — so sync
resumes after a restart (``KIOSK_HUB_TOKEN``, when set, stands in for the stored token); the
token is never shown or logged. The automatic sync is a ``kiosk.sync.SyncWorker`` (two background
threads) held by the context, so it outlives this tab.
"""

from __future__ import annotations

import logging
import os
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.app.kiosk_app import HUB_PIN_KEY, HUB_TOKEN_KEY, HUB_URL_KEY
from kiosk.errors import ErrorCode, KioskError
from kiosk.sync.enrol import EnrolError, EnrolProblem, parse, redeem
from ui.bridge import AppContext

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


def sync_now(store: Any, url: str, token: str, pin: str = "", insecure: bool = False) -> Any:
    from kiosk.sync.client import HubClient
    from kiosk.sync.engine import sync_once

    client = HubClient(url, token, pin=pin, insecure=insecure)
    try:
        return sync_once(store, client)
    finally:
        client.close()


class SyncTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.code = QLineEdit()
        self.code.returnPressed.connect(lambda: self.join())
        self.join_button = QPushButton()
        self.join_button.clicked.connect(lambda: self.join())
        self.scan_button = QPushButton()
        self.scan_button.clicked.connect(self.scan)
        self.capture: Future[str] | None = None  # waiting for the camera to read a code
        self.joined = QLabel()
        self.joined.setWordWrap(True)
        self.now = QPushButton()
        self.now.setObjectName("primaryAction")
        self.now.clicked.connect(self.sync_now)
        self.auto = QCheckBox()
        self.auto.setChecked(self.worker is not None)
        self.auto.toggled.connect(self.set_auto)
        self.plain = QCheckBox()  # plain HTTP to a hub on another machine: the admin's explicit choice
        self.plain.setChecked(self.context.app.settings.hub_insecure)
        self.plain.toggled.connect(self.set_plain)
        self.state = QLabel()
        self.state.setObjectName("syncState")
        self.state.setWordWrap(True)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.code_label = QLabel()
        code_row = QHBoxLayout()
        code_row.addWidget(self.code, 1)
        code_row.addWidget(self.join_button)
        code_row.addWidget(self.scan_button)
        form = QFormLayout()
        form.addRow(self.code_label, code_row)
        form.addRow("", self.joined)
        row = QHBoxLayout()
        row.addWidget(self.now)
        row.addWidget(self.auto, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.plain)
        layout.addWidget(self.result)
        layout.addWidget(self.state)
        layout.addStretch(1)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.show_state)
        self.retranslate()

    @property
    def worker(self) -> Any:
        return self.context.app.sync_worker

    def retranslate(self) -> None:
        self.code_label.setText(translate("AdminSync", "Enrolment code"))
        self.code.setPlaceholderText(translate("AdminSync", "Paste or scan the code that `hub enrol` shows"))
        self.join_button.setText(translate("AdminSync", "Join the hub"))
        self._name_scan_button()
        self._show_joined()
        self.now.setText(translate("AdminSync", "Sync now"))
        self.auto.setText(translate("AdminSync", "Sync automatically in the background"))
        self.plain.setText(translate("AdminSync", "Allow plain HTTP to a hub on another machine (unencrypted: tokens and names cross the network readable)"))  # fmt: skip
        self.show_state()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.timer.start()
        self.show_state()

    def hideEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        self.timer.stop()
        if self.capture is not None:
            self.capture.cancel()  # the camera goes back to check-in (paused on the admin screen)
        super().hideEvent(event)

    def _credentials(self) -> tuple[str, str]:
        store = self.context.app.store
        return store.get_meta(HUB_URL_KEY) or "", os.environ.get("KIOSK_HUB_TOKEN") or store.get_meta(
            HUB_TOKEN_KEY
        ) or ""

    def _show_joined(self) -> None:
        url, token = self._credentials()
        self.joined.setText(
            translate("AdminSync", "Joined the hub at %1 as desk %2.").replace("%1", url)
            .replace("%2", self.context.app.settings.desk) if url and token
            else translate("AdminSync", "Not joined to a hub yet: on the hub, run `hub enrol DESK --url ADDRESS`.")
        )  # fmt: skip

    def _target(self) -> tuple[str, str, str] | None:
        url, token = self._credentials()
        if not url or not token:
            self.result.setText(translate("AdminSync", "Join the hub first: paste the enrolment code above."))
            return None
        return url, token, self.context.app.store.get_meta(HUB_PIN_KEY) or ""

    # -- joining ----------------------------------------------------------------------------

    def _name_scan_button(self) -> None:
        self.scan_button.setText(
            translate("AdminSync", "Stop scanning") if self.capture is not None
            else translate("AdminSync", "Scan enrolment code")
        )  # fmt: skip

    def scan(self) -> None:
        """Read the next code from the camera and join with it; pressed again, stop waiting."""
        if self.capture is not None:
            self.capture.cancel()
            return
        if self.context.app.camera is None:
            self.result.setText(translate("AdminSync", "No camera at this kiosk: choose one in Settings, or paste the code."))  # fmt: skip
            return
        self.capture = capture = self.context.app.capture_code()
        capture.add_done_callback(lambda done: self.context.on_ui_thread(lambda: self._scanned(done)))
        self._name_scan_button()
        self.result.setText(
            translate("AdminSync", "Hold the QR code that `hub enrol` shows up to the camera…")
        )

    def _scanned(self, done: Future[str]) -> None:
        if done is not self.capture:
            return  # an earlier wait, replaced
        self.capture = None
        self._name_scan_button()
        if done.cancelled():
            self.result.setText(translate("AdminSync", "Stopped scanning: no code was read."))
            return
        self.join(done.result(), scanned=True)

    def join(self, text: str | None = None, scanned: bool = False) -> None:
        """Redeem the pasted (or scanned) enrolment code for this desk's token (on a worker: the
        hub may be slow)."""
        try:
            enrolment = parse(self.code.text() if text is None else text)
        except EnrolError as exc:
            if scanned and exc.problem is EnrolProblem.NOT_A_CODE:
                self.result.setText(translate("AdminSync", "The camera read a code that is not an enrolment code: show the QR that `hub enrol` printed."))  # fmt: skip
                return
            self._join_failed(exc)
            return
        self.join_button.setEnabled(False)
        self.result.setText(translate("AdminSync", "Joining the hub…"))
        self.context.run_in_background(redeem, enrolment, 10.0, self.context.app.settings.hub_insecure,
                                       on_done=lambda got: self._joined(enrolment, *got),
                                       on_error=self._join_failed)  # fmt: skip

    def _joined(self, enrolment: Any, desk: str, token: str) -> None:
        self.join_button.setEnabled(True)
        self.code.clear()
        store = self.context.app.store
        store.set_meta(HUB_URL_KEY, enrolment.hub)
        store.set_meta(HUB_TOKEN_KEY, token)  # the database file is owner-only (0600)
        store.set_meta(HUB_PIN_KEY, enrolment.pin)  # the hub's certificate, from the code
        self.context.app.update_settings(desk=desk)
        if self.worker is not None:
            self.context.app.start_sync(enrolment.hub, token, enrolment.pin)
        log.info("joined the hub as desk %s", desk)
        self.result.setText(translate("AdminSync", "Joined. Press Sync now, or turn on the automatic sync."))
        self._show_joined()

    def _join_failed(self, exc: BaseException) -> None:
        self.join_button.setEnabled(True)
        problem = exc.problem if isinstance(exc, EnrolError) else EnrolProblem.UNUSABLE
        self.result.setText({
            EnrolProblem.NOT_A_CODE: translate("AdminSync", "That is not an enrolment code: paste the whole line `hub enrol` printed."),
            EnrolProblem.REFUSED: translate("AdminSync", "The hub refused this code: it was used already or has expired. Make a new one with `hub enrol`."),
            EnrolProblem.UNREACHABLE: translate("AdminSync", "The hub cannot be reached at the code's address: check the network and the address."),
            EnrolProblem.UNUSABLE: translate("AdminSync", "The hub answered something this desk cannot use: check the address is the hub's."),
            EnrolProblem.UNTRUSTED: translate("AdminSync", "The hub's certificate is not the one the code names: nothing was sent. Check the address, or make a new code."),
            EnrolProblem.INSECURE: translate("AdminSync", "The code's hub is on another machine over plain HTTP: serve the hub with TLS, or allow plain HTTP below."),
        }[problem])  # fmt: skip

    def sync_now(self) -> None:
        target = self._target()
        if target is None:
            return
        self.now.setEnabled(False)
        self.result.setText(translate("AdminSync", "Syncing…"))
        self.context.run_in_background(sync_now, self.context.app.store, *target,
                                       self.context.app.settings.hub_insecure,
                                       on_done=self._synced, on_error=self._failed)  # fmt: skip

    def _synced(self, report: Any) -> None:
        self.now.setEnabled(True)
        self.result.setText(
            translate("AdminSync", "Done: %1 roster changes, %2 check-ins sent, %3 received from other desks.")
            .replace("%1", str(report.upserts + report.revocations)).replace("%2", str(report.pushed))
            .replace("%3", str(report.pulled))
        )  # fmt: skip
        if report.upserts or report.revocations or report.event:
            self.context.events.roster_changed.emit()

    def _failed(self, exc: BaseException) -> None:
        self.now.setEnabled(True)
        code = exc.code if isinstance(exc, KioskError) else None
        if code is ErrorCode.HUB_UNTRUSTED:
            why = translate(
                "AdminSync", "the hub's certificate is not the one this desk pinned, so nothing was sent"
            )
        elif code is ErrorCode.HUB_INSECURE:
            why = translate("AdminSync", "plain HTTP to a hub on another machine is not allowed here")
        else:
            why = str(exc)
        self.result.setText(translate("AdminSync", "Sync failed: %1. This desk keeps working on its own.")
                            .replace("%1", why))  # fmt: skip

    def set_auto(self, on: bool) -> None:
        if on and self.worker is None:
            target = self._target()
            if target is None:
                self.auto.setChecked(False)
                return
            self.context.app.start_sync(*target)
        elif not on and self.worker is not None:
            self.context.stop_sync()
        self.context.app.update_settings(auto_sync=on)
        self.show_state()

    def set_plain(self, on: bool) -> None:
        """Allow (or no longer allow) plain HTTP to a hub off loopback; a running sync restarts with it."""
        self.context.app.update_settings(hub_insecure=on)
        target = self._target() if self.worker is not None else None
        if target is not None:
            self.context.app.start_sync(*target)

    def show_state(self) -> None:
        worker = self.worker
        if worker is None:
            from kiosk.sync.engine import backlog

            self.state.setText(translate("AdminSync", "Automatic sync is off. %1 check-ins not yet sent.")
                               .replace("%1", str(backlog(self.context.app.store))))  # fmt: skip
            return
        state = worker.state()
        status = (
            translate("AdminSync", "connected")
            if state.connected
            else translate("AdminSync", "not connected")
        )
        last = state.last_sync.astimezone().strftime("%H:%M:%S") if state.last_sync else "—"
        text = (translate("AdminSync", "Hub: %1 · last sync %2 · %3 check-ins waiting to be sent")
                .replace("%1", status).replace("%2", last).replace("%3", str(state.backlog)))  # fmt: skip
        if state.last_error:
            text += "\n" + translate("AdminSync", "Last problem: %1").replace("%1", state.last_error)
        self.state.setText(text)

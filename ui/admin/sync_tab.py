"""Admin tab: sync with the hub now or automatically, and what the sync is doing.

The hub address and the desk's token (typed here, or from ``KIOSK_HUB_TOKEN``) are kept in
the store's meta — an owner-only file — so an automatic sync resumes after a restart; the
token is never logged. The automatic sync is a ``kiosk.sync.SyncWorker`` (two background
threads) held by the context, so it outlives this tab.
"""

from __future__ import annotations

import logging
import os
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

from kiosk.app.kiosk_app import HUB_TOKEN_KEY, HUB_URL_KEY
from ui.bridge import AppContext

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


def sync_now(store: Any, url: str, token: str) -> Any:
    from kiosk.sync.client import HubClient
    from kiosk.sync.engine import sync_once

    client = HubClient(url, token)
    try:
        return sync_once(store, client)
    finally:
        client.close()


class SyncTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.url = QLineEdit(context.app.store.get_meta(HUB_URL_KEY) or "")
        self.url.setPlaceholderText("http://hub.local:8080")
        self.token = QLineEdit(
            os.environ.get("KIOSK_HUB_TOKEN") or context.app.store.get_meta(HUB_TOKEN_KEY) or ""
        )
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.now = QPushButton()
        self.now.setObjectName("primaryAction")
        self.now.clicked.connect(self.sync_now)
        self.auto = QCheckBox()
        self.auto.setChecked(self.worker is not None)
        self.auto.toggled.connect(self.set_auto)
        self.state = QLabel()
        self.state.setObjectName("syncState")
        self.state.setWordWrap(True)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.url_label, self.token_label = QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.url_label, self.url)
        form.addRow(self.token_label, self.token)
        row = QHBoxLayout()
        row.addWidget(self.now)
        row.addWidget(self.auto, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)
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
        self.url_label.setText(translate("AdminSync", "Hub address"))
        self.token_label.setText(translate("AdminSync", "Desk token"))
        self.token.setPlaceholderText(translate("AdminSync", "From the hub admin"))
        self.now.setText(translate("AdminSync", "Sync now"))
        self.auto.setText(translate("AdminSync", "Sync automatically in the background"))
        self.show_state()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.timer.start()
        self.show_state()

    def hideEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        self.timer.stop()
        super().hideEvent(event)

    def _target(self) -> tuple[str, str] | None:
        url, token = self.url.text().strip(), self.token.text().strip()
        if not url or not token:
            self.result.setText(translate("AdminSync", "Enter the hub address and this desk's token first."))
            return None
        self.context.app.store.set_meta(HUB_URL_KEY, url)
        return url, token

    def sync_now(self) -> None:
        target = self._target()
        if target is None:
            return
        self.now.setEnabled(False)
        self.result.setText(translate("AdminSync", "Syncing…"))
        self.context.run_in_background(sync_now, self.context.app.store, *target,
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
        self.result.setText(translate("AdminSync", "Sync failed: %1. This desk keeps working on its own.")
                            .replace("%1", str(exc)))  # fmt: skip

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

"""Admin tab for the event's data: export the journal, rehearsal on/off, purge after the event.

Purging personal data cannot be undone, so it asks for the admin PIN again (checked like
the PIN screen checks it: a wrong one is journalled and counts towards the lockout).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.export import export_journal
from kiosk.security import PinCheck, PinGuard
from ui.bridge import AppContext

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


def check_then_purge(store: Any, desk: str, pin: str) -> Any:
    """The purge report when ``pin`` is the admin PIN, else the failed PinCheck (blocking)."""
    from kiosk.purge import purge

    check = PinGuard(store, desk=desk).check(pin)
    return purge(store) if check.ok else check


class DataTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.export_box = QGroupBox()
        self.format = QComboBox()
        self.format.addItems(["CSV", "XLSX"])
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self._on_export)
        self.export_result = QLabel()
        self.export_result.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.format)
        row.addWidget(self.export_button, 1)
        box = QVBoxLayout(self.export_box)
        box.addLayout(row)
        box.addWidget(self.export_result)

        self.rehearsal_box = QGroupBox()
        self.rehearsal = QCheckBox()
        self.rehearsal.setObjectName("rehearsalSwitch")
        self.rehearsal.setChecked(context.app.store.rehearsal)
        self.rehearsal.toggled.connect(self.set_rehearsal)
        self.rehearsal_note = QLabel()
        self.rehearsal_note.setWordWrap(True)
        box = QVBoxLayout(self.rehearsal_box)
        box.addWidget(self.rehearsal)
        box.addWidget(self.rehearsal_note)

        self.purge_box = QGroupBox()
        self.purge_box.setObjectName("dangerBox")
        self.purge_note = QLabel()
        self.purge_note.setWordWrap(True)
        self.confirm = QLineEdit()  # the admin PIN, again
        self.confirm.setObjectName("purgeConfirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.returnPressed.connect(self.purge)
        self.confirm.textChanged.connect(self._on_confirm_text)
        self.purge_button = QPushButton()
        self.purge_button.setObjectName("dangerAction")
        self.purge_button.setEnabled(False)
        self.purge_button.clicked.connect(self.purge)
        self.purge_result = QLabel()
        self.purge_result.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.confirm, 1)
        row.addWidget(self.purge_button)
        box = QVBoxLayout(self.purge_box)
        box.addWidget(self.purge_note)
        box.addLayout(row)
        box.addWidget(self.purge_result)

        layout = QVBoxLayout(self)
        layout.addWidget(self.export_box)
        layout.addWidget(self.rehearsal_box)
        layout.addWidget(self.purge_box)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.export_box.setTitle(translate("AdminData", "Export the journal"))
        self.export_button.setText(translate("AdminData", "Export all check-ins…"))
        self.rehearsal_box.setTitle(translate("AdminData", "Rehearsal"))
        self.rehearsal.setText(
            translate("AdminData", "Rehearsal mode (check-ins are kept apart and not counted)")
        )
        self.rehearsal_note.setText(
            translate(
                "AdminData", "While it is on, every screen shows a banner. Turn it off before the doors open."
            )
        )
        self.purge_box.setTitle(translate("AdminData", "Purge personal data after the event"))
        self.purge_note.setText(
            translate("AdminData", "Removes names, phones, e-mails, organisations and notes from this kiosk for good. "
                      "The statistics stay. Export the journal first.")
        )  # fmt: skip
        self.confirm.setPlaceholderText(translate("AdminData", "The admin PIN again, to confirm"))
        self.purge_button.setText(translate("AdminData", "Purge personal data"))

    # -- export -----------------------------------------------------------------------------

    def _on_export(self) -> None:
        suffix = self.format.currentText().lower()
        name, _ = QFileDialog.getSaveFileName(
            self, translate("AdminData", "Export the journal"), f"checkins.{suffix}", f"*.{suffix}"
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        self.export_button.setEnabled(False)
        self.export_result.setText(translate("AdminData", "Exporting…"))
        self.context.run_in_background(
            export_journal, self.context.app.store, path,
            on_done=lambda count: self._exported(path, count), on_error=self._export_failed,
        )  # fmt: skip

    def _exported(self, path: Path, count: int) -> None:
        self.export_button.setEnabled(True)
        self.export_result.setText(
            translate("AdminData", "%1 check-ins written to %2")
            .replace("%1", str(count))
            .replace("%2", str(path))
        )

    def _export_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.export_result.setText(translate("AdminData", "Export failed: %1").replace("%1", str(exc)))

    # -- rehearsal --------------------------------------------------------------------------

    def set_rehearsal(self, on: bool) -> None:
        self.context.app.store.set_rehearsal(on)
        log.info("rehearsal mode %s", "on" if on else "off")

    # -- purge ------------------------------------------------------------------------------

    def _on_confirm_text(self, text: str) -> None:
        self.purge_button.setEnabled(bool(text.strip()))

    def purge(self) -> None:
        """Check the PIN off the UI thread (a slow hash), then purge only if it is the admin's."""
        pin = self.confirm.text().strip()
        if not pin:
            return
        self.purge_button.setEnabled(False)
        self.confirm.clear()
        self.purge_result.setText(translate("AdminData", "Checking the PIN…"))
        self.context.run_in_background(check_then_purge, self.context.app.store, self.context.app.settings.desk, pin,
                                       on_done=self._purged, on_error=self._purge_failed)  # fmt: skip

    def _purged(self, report: Any) -> None:
        if isinstance(report, PinCheck):
            self.purge_result.setText(
                translate("AdminData", "Wrong PIN: nothing was purged. The PIN screen locks for a while after too many tries.")
                if report.locked else
                translate("AdminData", "Wrong PIN: nothing was purged (%1 tries left).").replace("%1", str(report.tries_left))
            )  # fmt: skip
            return
        self.purge_result.setText(
            translate("AdminData", "Personal data of %1 delegates removed.").replace(
                "%1", str(report.delegates)
            )
        )
        self.context.events.roster_changed.emit()

    def _purge_failed(self, exc: BaseException) -> None:
        self.purge_result.setText(translate("AdminData", "Purge failed: %1").replace("%1", str(exc)))

"""A real install asks for the admin PIN on its first start (the demo uses the documented one)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from kiosk import security
from ui.bridge import AppContext


def ensure_pin(context: AppContext) -> bool:
    """True when an admin PIN is set (asking for one if not); False if the operator gave up."""
    if security.has_pin(context.app.store):
        return True
    title = QCoreApplication.translate("FirstStart", "Set the admin PIN")
    while True:
        pin, ok = QInputDialog.getText(None, title, QCoreApplication.translate("FirstStart", "Choose an admin PIN (4 to 12 digits):"),
                                       QLineEdit.EchoMode.Password)  # fmt: skip
        if not ok:
            return False
        again, ok = QInputDialog.getText(None, title, QCoreApplication.translate("FirstStart", "Enter the same PIN again:"),
                                         QLineEdit.EchoMode.Password)  # fmt: skip
        if not ok:
            return False
        try:
            if pin != again:
                raise security.PinError(QCoreApplication.translate("FirstStart", "The two PINs differ."))
            security.set_pin(context.app.store, pin)
            return True
        except security.PinError as exc:
            QMessageBox.warning(None, title, str(exc))

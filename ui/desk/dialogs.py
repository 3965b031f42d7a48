"""The desk's forms, shown in place of the card (never a separate window): a reason, a walk-in.

Reprint, override, void and new badge all ask one thing — why — and journal it (the walk-in
form is in ``ui.desk.walkin``). Enter confirms, Esc cancels, and a form refuses to confirm
without what it needs, saying so in plain words.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

translate = QCoreApplication.translate


def preset_reasons(kind: str) -> list[str]:
    """The reasons volunteers give most, per action, ready to pick with the arrow keys."""
    return {
        "reprint": [
            translate("DeskDialogs", "Pass lost"),
            translate("DeskDialogs", "Pass damaged"),
            translate("DeskDialogs", "Printer jammed"),
        ],
        "override": [
            translate("DeskDialogs", "Organiser approved"),
            translate("DeskDialogs", "Badge damaged"),
            translate("DeskDialogs", "Registered by phone"),
        ],
        "void": [
            translate("DeskDialogs", "Checked in by mistake"),
            translate("DeskDialogs", "Wrong person selected"),
        ],
        "reissue": [
            translate("DeskDialogs", "Badge lost"),
            translate("DeskDialogs", "Badge damaged"),
            translate("DeskDialogs", "Badge given to someone else"),
        ],
    }.get(kind, [])


class DeskForm(QFrame):
    """Common frame of a desk form: a title, an explanation, an error line, confirm/cancel.

    Esc is the desk's own shortcut (it cancels the form), so the form does not bind it.
    """

    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskForm")
        self.title = QLabel()
        self.title.setObjectName("formTitle")
        self.title.setWordWrap(True)
        self.explanation = QLabel()
        self.explanation.setObjectName("formExplanation")
        self.explanation.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.confirm = QPushButton()
        self.confirm.setObjectName("formConfirm")
        self.confirm.setDefault(True)
        self.cancel = QPushButton()
        self.cancel.clicked.connect(self.cancelled.emit)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.cancel)
        self.buttons.addWidget(self.confirm)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(24, 16, 24, 16)
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(self.explanation)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self, self.confirm.click,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)  # fmt: skip

    def finish_layout(self, stretch: bool = True) -> None:
        if stretch:
            self.layout_.addStretch(1)
        self.layout_.addWidget(self.error)
        self.layout_.addLayout(self.buttons)

    def retranslate_buttons(self, confirm: str) -> None:
        self.confirm.setText(confirm + "  [Enter]")
        self.cancel.setText(translate("DeskDialogs", "Cancel") + "  [Esc]")


class ReasonForm(DeskForm):
    """Asks why (reprint, override, void, new badge); emits ``confirmed(kind, reason)``."""

    confirmed = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = ""
        self.who = QLabel()
        self.who.setObjectName("formWho")
        self.who.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("reasonBox")
        self.reason_label = QLabel()
        self.reason_label.setBuddy(self.reason)
        self.presets = QListWidget()
        self.presets.setObjectName("reasonPresets")
        self.presets.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.presets.currentTextChanged.connect(self.reason.setText)
        self.layout_.insertWidget(1, self.who)
        self.layout_.addSpacing(12)
        self.layout_.addWidget(self.reason_label)
        self.layout_.addWidget(self.reason)
        self.layout_.addWidget(self.presets, 1)
        self.finish_layout()
        self.confirm.clicked.connect(self._on_confirm)
        for key, step in ((Qt.Key.Key_Up, -1), (Qt.Key.Key_Down, 1)):
            QShortcut(QKeySequence(key), self.reason, lambda s=step: self.step_preset(s),
                      context=Qt.ShortcutContext.WidgetShortcut)  # fmt: skip

    def ask(self, kind: str, title: str, who: str, explanation: str, confirm_text: str) -> None:
        self.kind = kind
        self.title.setText(title)
        self.who.setText(who)
        self.explanation.setText(explanation)
        self.explanation.setVisible(bool(explanation))
        self.reason_label.setText(translate("DeskDialogs", "Reason (type it, or pick one with ↑↓):"))
        self.presets.clear()
        self.presets.addItems(preset_reasons(kind))
        rows = max(1, self.presets.count())
        self.presets.setMinimumHeight(
            self.presets.sizeHintForRow(0) * rows + 2 * self.presets.frameWidth() + 4
        )
        self.reason.clear()
        self.reason.setPlaceholderText(translate("DeskDialogs", "Why? This goes into the journal"))
        self.error.setText("")
        self.retranslate_buttons(confirm_text)
        self.reason.setFocus()

    def step_preset(self, step: int) -> None:
        count = self.presets.count()
        if count:
            row = self.presets.currentRow()
            self.presets.setCurrentRow(max(0, min(count - 1, row + step if row >= 0 else 0)))

    def _on_confirm(self) -> None:
        reason = self.reason.text().strip()
        if not reason:
            self.error.setText(translate("DeskDialogs", "Please give a reason: it is kept in the journal."))
            self.reason.setFocus()
            return
        self.confirmed.emit(self.kind, reason)

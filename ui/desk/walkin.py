"""Registering a walk-in at the desk, and the check that they are not already on the roster.

The form starts with no category (no one becomes a VIP by default) unless the event declares a
guest category; required fields are marked with *. Before anyone is registered, the roster is
asked for the same name, phone or email (``kiosk.app.desk.likely_same_person``, off the UI
thread): "This is probably 王芳 (D00123) — check in 王芳 instead?".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (  # fmt: skip
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.app.desk import Likely, walkin_category
from kiosk.model import Category, Delegate, Forum
from kiosk.names import latin_name
from ui.desk.dialogs import DeskForm

translate = QCoreApplication.translate


class WalkinForm(DeskForm):
    """Asks who the walk-in is; emits ``submitted(Delegate)`` (id and code left for the service)."""

    submitted = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setObjectName("walkinName")
        self.name_en = QLineEdit()
        self.organization = QLineEdit()
        self.title_edit = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.category = QComboBox()
        self.category.setObjectName("walkinCategory")
        self.forums = QListWidget()
        self.forums.setObjectName("walkinForums")
        self.forums.setWordWrap(True)
        self.forums.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.forums_label = QLabel()
        forums_column = QVBoxLayout()
        forums_column.addWidget(self.forums_label)
        forums_column.addWidget(self.forums, 1)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        grid = QGridLayout()
        grid.addLayout(self.form, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(forums_column, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.layout_.addLayout(grid, 1)
        self.finish_layout(stretch=False)
        self.language = "zh"
        self.confirm.clicked.connect(self._on_confirm)
        self.labels: list[QLabel] = []
        fields = (
            self.name,
            self.name_en,
            self.organization,
            self.title_edit,
            self.phone,
            self.email,
            self.category,
        )
        for field in fields:
            label = QLabel()
            self.labels.append(label)
            self.form.addRow(label, field)

    def start(self, categories: list[Category], forums: list[Forum], language: str) -> None:
        self.title.setText(translate("DeskDialogs", "Register a walk-in"))
        self.explanation.setText(
            translate("DeskDialogs", "They get a new badge code, are admitted here and their pass is printed. "
                      "* is required; the phone or email finds them if they are on the roster already.")
        )  # fmt: skip
        texts = [
            translate("DeskDialogs", "Name *"),
            translate("DeskDialogs", "English name"),
            translate("DeskDialogs", "Organisation *"),
            translate("DeskDialogs", "Title"),
            translate("DeskDialogs", "Phone"),
            translate("DeskDialogs", "Email"),
            translate("DeskDialogs", "Category *"),
        ]
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        for edit in (self.name, self.name_en, self.organization, self.title_edit, self.phone, self.email):
            edit.clear()
        self.category.clear()
        self.category.addItem(translate("DeskDialogs", "— choose —"), "")
        for category in categories:
            star = " ★" if category.vip else ""
            self.category.addItem(category.name(language) + star, category.id)
        self.category.setCurrentIndex(max(0, self.category.findData(walkin_category(categories))))
        self.language = language
        self.forums_label.setText(translate("DeskDialogs", "Forums (Space ticks one)"))
        self.forums.clear()
        for forum in forums:
            item = QListWidgetItem(forum.name(language))
            item.setData(Qt.ItemDataRole.UserRole, forum.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if forum.kind == "main" else Qt.CheckState.Unchecked)
            self.forums.addItem(item)
        self.error.setText("")
        self.retranslate_buttons(translate("DeskDialogs", "Register and admit"))
        self.name.setFocus()

    def chosen_forums(self) -> tuple[str, ...]:
        items = [self.forums.item(i) for i in range(self.forums.count())]
        return tuple(
            i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked
        )

    def delegate(self) -> Delegate:
        return Delegate(
            id="",
            code="",
            name=self.name.text().strip(),
            name_en=self.name_en.text().strip(),
            organization=self.organization.text().strip(),
            title=self.title_edit.text().strip(),
            phone=self.phone.text().strip(),
            email=self.email.text().strip(),
            category=self.category.currentData() or "",
            forums=self.chosen_forums(),
        )

    def _on_confirm(self) -> None:
        delegate = self.delegate()
        missing = [
            text
            for ok, text in (
                (delegate.name, translate("DeskDialogs", "name")),
                (delegate.organization, translate("DeskDialogs", "organisation")),
                (delegate.category, translate("DeskDialogs", "category")),
            )
            if not ok
        ]
        if missing:
            separator = "、" if self.language == "zh" else ", "
            self.error.setText(
                translate("DeskDialogs", "Please fill in: %1").replace("%1", separator.join(missing))
            )
            return
        self.submitted.emit(delegate)


def same_text(likely: Likely) -> str:
    words = {
        "name": translate("DeskDialogs", "same name"),
        "phone": translate("DeskDialogs", "same phone"),
        "email": translate("DeskDialogs", "same email"),
    }
    return ", ".join(words[w] for w in likely.same)


class DuplicatePrompt(DeskForm):
    """ "This is probably …": check the roster's person in instead (Enter), or register anyway (F9)."""

    check_in_instead = Signal(object)  # the Delegate on the roster
    register_anyway = Signal(object)  # the walk-in as typed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskForm")
        self.people = QListWidget()
        self.people.setObjectName("duplicatePeople")
        self.people.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.layout_.addWidget(self.people, 1)
        self.anyway = QLabel()
        self.anyway.setObjectName("formWho")
        self.layout_.addWidget(self.anyway)
        self.finish_layout(stretch=False)
        self.confirm.clicked.connect(self._on_instead)
        QShortcut(
            QKeySequence("F9"), self, self._on_anyway, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        for key, step in ((Qt.Key.Key_Up, -1), (Qt.Key.Key_Down, 1)):
            QShortcut(QKeySequence(key), self, lambda s=step: self._step(s),
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)  # fmt: skip
        self.walkin: Delegate | None = None
        self.found: list[Likely] = []

    def ask(self, walkin: Delegate, found: list[Likely], language: str) -> None:
        self.walkin, self.found = walkin, found
        best = found[0].delegate
        self.title.setText(
            translate("DeskDialogs", "This is probably %1 (%2) — check in %1 instead?")
            .replace("%1", best.name).replace("%2", best.id)
        )  # fmt: skip
        self.explanation.setText(
            translate(
                "DeskDialogs", "Already on the roster with the same name, phone or email as the walk-in."
            )
        )
        self.people.clear()
        for likely in found:
            d = likely.delegate
            latin = latin_name(d.name, d.name_en)
            who = d.name if latin == d.name else f"{d.name}  {latin}"
            status = "" if d.active else " · " + translate("DeskDialogs", "registration cancelled")
            self.people.addItem(f"{who} ({d.id}) · {d.organization} — {same_text(likely)}{status}")
        self.people.setCurrentRow(0)
        self.anyway.setText(
            translate("DeskDialogs", "Not them? Register %1 as a new walk-in  [F9]").replace(
                "%1", walkin.name
            )
        )
        self.error.setText("")
        self.retranslate_buttons(translate("DeskDialogs", "Check in the one chosen"))
        self.setFocus()

    def chosen(self) -> Delegate:
        return self.found[max(0, self.people.currentRow())].delegate

    def _step(self, step: int) -> None:
        self.people.setCurrentRow(max(0, min(len(self.found) - 1, self.people.currentRow() + step)))

    def _on_instead(self) -> None:
        if self.found:
            self.check_in_instead.emit(self.chosen())

    def _on_anyway(self) -> None:
        if self.walkin is not None:
            self.register_anyway.emit(self.walkin)

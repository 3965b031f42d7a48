"""The desk's left column: the search field, its results, the keys, and the last action's line.

Results follow the typing (coalesced, so a fast typist or a scanner costs one search). Enter is
decided by ``kiosk.app.desk.on_enter``: a badge code, the one person found, or the row the
volunteer moved to — never the first of many. After each action the field's text is selected,
so the next name replaces it, and the result shrinks to a "Last: …" line under the list.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from kiosk.app.desk import EnterAction, on_enter
from kiosk.model import Delegate
from kiosk.names import latin_name
from kiosk.service import clean_code
from ui.bridge import AppContext

SEARCH_DELAY_MS = 40  # below what a volunteer notices; a 100,000 roster searches in ≤ 25 ms
translate = QCoreApplication.translate


def result_text(delegate: Delegate) -> str:
    """One search result: both scripts, organisation, phone tail."""
    latin = latin_name(delegate.name, delegate.name_en)
    first = delegate.name if latin == delegate.name else f"{delegate.name}   {latin}"
    digits = "".join(c for c in delegate.phone if c.isdigit())
    second = " · ".join(
        p for p in (delegate.organization, f"…{digits[-4:]}" if len(digits) >= 4 else "") if p
    )
    return f"{first}\n{second}" if second else first


class SearchPanel(QWidget):
    chosen = Signal(object)  # a Delegate the volunteer (or a unique match) put on the card
    entered = Signal(object)  # an EnterAction: what Enter asked for

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.found: list[Delegate] = []
        self.moved = False  # the volunteer moved into the list since the last search
        self._quiet = False  # the panel itself is setting the current row
        self.search = QLineEdit()
        self.search.setObjectName("deskSearch")
        self.search.setClearButtonEnabled(True)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _text: self.timer.start())
        self.search.returnPressed.connect(self._on_return)
        self.results = QListWidget()
        self.results.setObjectName("deskResults")
        self.results.currentRowChanged.connect(self._on_row)
        self.count = QLabel()
        self.count.setObjectName("deskCount")
        self.last = QLabel()
        self.last.setObjectName("deskLast")
        self.last.setWordWrap(True)
        self.last.hide()
        self.hint = QLabel()
        self.hint.setObjectName("deskHint")
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.count)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.last)
        layout.addWidget(self.hint)
        self.setFocusProxy(self.search)
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(translate("DeskScreen", "Scan or search  [F1]"))
        self.hint.setText(translate(
            "DeskScreen", "Search by name, pinyin, initials, organisation or the last 4 digits of the phone. "
            "Enter: check in the one found · ↑↓: choose · Esc: clear"))  # fmt: skip
        self._show_count()

    # -- searching ----------------------------------------------------------------------------

    def run_search(self) -> None:
        self.timer.stop()
        text = self.search.text()
        self.found = list(self.context.app.search.search(text, 20)) if text.strip() else []
        self.moved = False
        self._quiet = True
        self.results.clear()
        for delegate in self.found:
            item = QListWidgetItem(result_text(delegate))
            item.setData(Qt.ItemDataRole.UserRole, delegate.id)
            self.results.addItem(item)
        if len(self.found) == 1:  # one match: its card is shown, and Enter checks it in
            self.results.setCurrentRow(0)
        self._quiet = False
        if len(self.found) == 1:
            self.chosen.emit(self.found[0])
        self._show_count()

    def _show_count(self) -> None:
        many = len(self.found) > 1
        self.count.setVisible(many)
        if many:
            self.count.setText(
                translate("DeskScreen", "%1 people match: choose one with ↓, then Enter").replace(
                    "%1", str(len(self.found))
                )
            )

    def result_ids(self) -> list[str]:
        return [d.id for d in self.found]

    def step(self, step: int) -> None:
        """↑/↓ from the search field: move the highlight (the volunteer's choice)."""
        if not self.found:
            return
        row = self.results.currentRow()
        row = 0 if row < 0 else max(0, min(len(self.found) - 1, row + step))
        self.results.setCurrentRow(row)

    def _on_row(self, row: int) -> None:
        if self._quiet or not 0 <= row < len(self.found):
            return
        self.moved = True
        self.chosen.emit(self.found[row])

    def _on_return(self) -> None:
        if self.timer.isActive():
            self.run_search()
        roster = self.context.app.store.roster
        action: EnterAction = on_enter(
            clean_code(self.search.text()), self.found, self.results.currentRow(), self.moved,
            lambda code: roster.lookup(code) is not None,
        )  # fmt: skip
        self.entered.emit(action)

    # -- after an action ----------------------------------------------------------------------

    def ready_for_next(self, last: str = "") -> None:
        """Select the field's text (the next name replaces it) and keep one line of what was done."""
        if last:
            self.last.setText(translate("DeskScreen", "Last: %1").replace("%1", last))
            self.last.show()
        self.search.setFocus()
        self.search.selectAll()

    def clear(self) -> None:
        self.search.clear()
        self.run_search()

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.step(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)

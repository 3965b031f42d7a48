"""The delegate card at the desk: who this is, what they may enter, what happened so far.

Photo-free: the name in both scripts, organisation and title, the category colour band, a
VIP mark, the forums with time and hall, the notes that matter at the desk (wheelchair,
interpreter, diet) and the check-in history from the journal. It shows values; it holds none.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.model import Action, Category, CheckIn, Delegate, Forum, How
from kiosk.names import latin_name
from ui.desk.banner import outcome_text

translate = QCoreApplication.translate
_KIOSK_WRITTEN = (Action.PHONE_FAILURE, Action.HELP_CALL)  # entries whose reason a kiosk wrote for the log


def action_text(action: Action) -> str:
    """What a journal entry was, in the operator's language."""
    return {
        Action.SCAN: translate("DelegateCard", "scan"),
        Action.OVERRIDE: translate("DelegateCard", "override"),
        Action.VOID: translate("DelegateCard", "void"),
        Action.REPRINT: translate("DelegateCard", "reprint"),
        Action.REISSUE: translate("DelegateCard", "new badge"),
        Action.WALKIN: translate("DelegateCard", "walk-in"),
        Action.PIN_FAILURE: translate("DelegateCard", "wrong PIN"),
        Action.PHONE_FAILURE: translate("DelegateCard", "wrong phone digits"),
        Action.HELP_CALL: translate("DelegateCard", "help call"),
    }.get(action, str(action))


def how_text(how: str) -> str:
    """How the person was presented, in the operator's language ("" when not recorded)."""
    return {
        How.CAMERA: translate("DelegateCard", "camera"),
        How.SCANNER: translate("DelegateCard", "scanner"),
        How.TYPED: translate("DelegateCard", "code typed"),
        How.DESK_SEARCH: translate("DelegateCard", "desk search"),
        How.SELF_SEARCH: translate("DelegateCard", "self-service search"),
    }.get(How(how) if how in How._value2member_map_ else How.UNKNOWN, "")


def when_text(at: datetime | None, tz: ZoneInfo, with_day: bool = True) -> str:
    if at is None:
        return ""
    return at.astimezone(tz).strftime("%m-%d %H:%M" if with_day else "%H:%M")


def forum_line(forum: Forum, language: str, tz: ZoneInfo) -> str:
    parts = [forum.name(language)]
    if forum.starts_at:
        span = when_text(forum.starts_at, tz)
        if forum.ends_at:
            span += "–" + when_text(forum.ends_at, tz, with_day=False)
        parts.append(span)
    if forum.hall:
        parts.append(translate("DelegateCard", "hall %1").replace("%1", forum.hall))
    return "  ·  ".join(parts)


def notes_lines(delegate: Delegate) -> list[str]:
    """The desk notes (wheelchair access, interpreter, diet …) as one line each."""
    return [f"{key}: {value}" if key else value for key, value in delegate.notes.items() if value]


class DelegateCard(QFrame):
    """Shows one delegate, or a quiet hint when none is chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("delegateCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.band = QLabel()
        self.band.setObjectName("categoryBand")
        self.band.setMinimumHeight(44)
        self.band.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        self.vip = QLabel()
        self.vip.setObjectName("vipMark")
        self.name = QLabel()
        self.name.setObjectName("cardName")
        self.latin = QLabel()
        self.latin.setObjectName("cardLatin")
        self.organization = QLabel()
        self.organization.setWordWrap(True)
        self.organization.setObjectName("cardOrganization")
        self.status = QLabel()
        self.status.setObjectName("cardStatus")
        self.notes = QLabel()
        self.notes.setObjectName("cardNotes")
        self.notes.setWordWrap(True)
        self.forums_title = QLabel()
        self.forums_title.setObjectName("cardHeading")
        self.forums = QLabel()
        self.forums.setObjectName("cardForums")
        self.forums.setWordWrap(True)
        self.history_title = QLabel()
        self.history_title.setObjectName("cardHeading")
        self.history = QTableWidget(0, 5)
        self.history.setObjectName("cardHistory")
        self.history.verticalHeader().setVisible(False)
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.history.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 4):  # the gate's name and the reason take what is left, elided
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.history.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.placeholder = QLabel()
        self.placeholder.setObjectName("cardPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.name)
        top.addStretch(1)
        top.addWidget(self.vip)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(16, 8, 16, 8)
        body.addLayout(top)
        body.addWidget(self.latin)
        body.addWidget(self.organization)
        body.addWidget(self.status)
        body.addWidget(self.notes)
        body.addWidget(self.forums_title)
        body.addWidget(self.forums)
        body.addWidget(self.history_title)
        body.addWidget(self.history, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.band)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.placeholder, 1)
        self.delegate: Delegate | None = None
        self.clear()

    def retranslate(self) -> None:
        self.placeholder.setText(
            translate(
                "DelegateCard",
                "Scan a badge or type a name, pinyin, initials, organisation or the last 4 digits of a phone",
            )
        )
        self.forums_title.setText(translate("DelegateCard", "Forums"))
        self.history_title.setText(translate("DelegateCard", "Check-in history"))
        self.history.setHorizontalHeaderLabels(
            [
                translate("DelegateCard", "Time"),
                translate("DelegateCard", "Gate"),
                translate("DelegateCard", "What"),
                translate("DelegateCard", "Desk"),
                translate("DelegateCard", "Reason"),
            ]
        )

    def clear(self) -> None:
        self.delegate = None
        self.retranslate()
        self.band.hide()
        self.body.hide()
        self.placeholder.show()

    def show_delegate(
        self,
        delegate: Delegate,
        category: Category | None,
        forums: dict[str, Forum],
        history: list[CheckIn],
        language: str,
        tz: ZoneInfo,
    ) -> None:
        self.delegate = delegate
        self.retranslate()
        colour = category.color if category else "#455A64"
        self.band.setText(
            "   " + (category.name(language) if category else translate("DelegateCard", "No category"))
        )
        self.band.setStyleSheet(
            f"background:{colour}; color:white; font-size:22px; font-weight:bold; padding-left:8px;"
        )
        self.vip.setText(translate("DelegateCard", "★ VIP") if category and category.vip else "")
        self.vip.setVisible(bool(category and category.vip))
        self.name.setText(delegate.name)
        latin = latin_name(delegate.name, delegate.name_en)
        self.latin.setText(latin if latin != delegate.name else "")
        self.latin.setVisible(latin != delegate.name)
        self.organization.setText(" · ".join(p for p in (delegate.organization, delegate.title) if p))
        if delegate.active:
            self.status.hide()
        else:
            self.status.setText(
                translate("DelegateCard", "Registration cancelled: this person may not enter")
            )
            self.status.show()
        notes = notes_lines(delegate)
        self.notes.setText("⚑ " + "\n⚑ ".join(notes) if notes else "")
        self.notes.setVisible(bool(notes))
        lines = [forum_line(forums[f], language, tz) for f in delegate.forums if f in forums]
        self.forums.setText("\n".join(lines) if lines else translate("DelegateCard", "No forum registered"))
        self._fill_history(history, forums, language, tz)
        self.placeholder.hide()
        self.band.show()
        self.body.show()

    def _fill_history(
        self, history: list[CheckIn], forums: dict[str, Forum], language: str, tz: ZoneInfo
    ) -> None:
        voided = {entry.voids for entry in history if entry.voids}
        self.history.setRowCount(0)
        if not history:
            self.history.setRowCount(1)
            self.history.setItem(0, 0, QTableWidgetItem(translate("DelegateCard", "Not checked in yet")))
            self.history.setSpan(0, 0, 1, 5)
            return
        self.history.clearSpans()
        self.history.setRowCount(len(history))
        for row, entry in enumerate(reversed(history)):
            gate = (
                forums[entry.gate].name(language)
                if entry.gate in forums
                else translate("DelegateCard", "Entrance")
            )
            what = action_text(entry.action)
            if how := how_text(entry.how):
                what += f" ({how})"
            if entry.action is Action.SCAN:
                what += ": " + outcome_text(entry.outcome)
            if entry.id in voided:
                what += " " + translate("DelegateCard", "(voided)")
            desk = f"{entry.desk} · {entry.operator}" if entry.operator else entry.desk
            reason = "" if entry.action in _KIOSK_WRITTEN else entry.reason
            cells = [when_text(entry.at, tz), gate, what, desk, reason]
            for column, text in enumerate(cells):
                self.history.setItem(row, column, QTableWidgetItem(text))

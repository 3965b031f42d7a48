"""What the desk's keys do: each action calls the kiosk service on a worker thread.

Check in, reprint (journal note + a reprint job in the print queue), override, void,
new badge and walk-in. Results come back on the UI thread; decisions come back through
``events.decided`` like every other decision. Errors are said in plain words, never raised.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication

from kiosk.app.desk import Likely, likely_same_person
from kiosk.app.flow import Mode
from kiosk.app.intake import CodeSource
from kiosk.changes import Changes
from kiosk.errors import ErrorCode, KioskError
from kiosk.model import Category, CheckIn, Delegate, Forum
from kiosk.names import latin_name
from ui.bridge import AppContext
from ui.desk.banner import AMBER, GREEN, RED


class DeskView(Protocol):
    """What the actions need of the desk screen (``ui.desk.screen.DeskScreen``)."""

    def selected(self) -> Delegate | None: ...

    def say(self, text: str, colour: str = ...) -> None: ...

    def show_card_page(self) -> None: ...

    def show_delegate(self, delegate: Delegate) -> None: ...

    def refresh_card(self) -> None: ...

    def refusal_text(self) -> str: ...

    def open_walkin(self, categories: list[Category], forums: list[Forum], language: str) -> None: ...

    def open_reason(self, kind: str, title: str, summary: str, explanation: str, confirm: str) -> None: ...

    def open_duplicates(self, walkin: Delegate, found: list[Likely]) -> None: ...

    def card_source(self) -> CodeSource: ...


log = logging.getLogger(__name__)

translate = QCoreApplication.translate


class DeskActions:
    KEYS = {"checkin": "F2", "reprint": "F3", "override": "F4", "void": "F5", "reissue": "F6", "walkin": "F7",
            "supervisor": "F8"}  # fmt: skip

    def __init__(self, context: AppContext, screen: DeskView) -> None:
        self.context = context
        self.screen = screen
        self.pending_void: str | None = None

    @staticmethod
    def label(name: str) -> str:
        return {
            "checkin": translate("DeskActions", "Check in"),
            "reprint": translate("DeskActions", "Reprint pass"),
            "override": translate("DeskActions", "Override refusal"),
            "void": translate("DeskActions", "Void check-in"),
            "reissue": translate("DeskActions", "New badge"),
            "walkin": translate("DeskActions", "Walk-in"),
            "supervisor": translate("DeskActions", "Call supervisor"),
        }[name]

    # -- plumbing ---------------------------------------------------------------------------

    def fire(self, name: str, reason: str) -> None:
        flow = self.context.app.flow
        if flow.mode is Mode.DESK and flow.can(name):
            flow.fire(name, reason)

    def categories(self) -> dict[str, Category]:
        return self.context.app.categories()

    def language(self) -> str:
        return "zh" if self.context.language.startswith("zh") else "en"

    def run(self, fn: Any, *args: Any, on_done: Any = None) -> Any:
        return self.context.run_in_background(fn, *args, on_done=on_done, on_error=self._on_error)

    def _on_error(self, exc: BaseException) -> None:
        code = exc.code if isinstance(exc, KioskError) else None
        if code is ErrorCode.UNKNOWN_CODE:
            text = translate(
                "DeskActions",
                "This code is not in the roster, so it cannot be overridden: register a walk-in [F7].",
            )
        elif code in (ErrorCode.ALREADY_VOID, ErrorCode.NO_CHECKIN):
            text = translate("DeskActions", "That check-in was already voided.")
        elif isinstance(exc, KioskError):
            text = translate("DeskActions", "Could not do that: %1").replace("%1", str(exc))
        else:
            log.error("desk action failed: %s", type(exc).__name__)
            text = translate(
                "DeskActions", "Could not do that because of an internal error; the journal is unchanged."
            )
        self.screen.say(text, RED)

    # -- starting an action -----------------------------------------------------------------

    def start(self, name: str) -> None:
        screen = self.screen
        if name == "walkin":
            screen.open_walkin(
                list(self.categories().values()),
                list(self.context.app.service.forums.values()),
                self.language(),
            )
            return
        if name == "supervisor":
            self.call_supervisor()
            return
        delegate = screen.selected()
        if delegate is None:
            screen.say(translate("DeskActions", "Choose a person first: scan a badge or search a name."))
            return
        if name == "checkin":
            self.check_in_code(delegate.code, screen.card_source())
            return
        if name == "void":
            standing = self.standing_admission(delegate)
            if standing is None:
                screen.say(
                    translate("DeskActions", "Nothing to void: %1 has no check-in at this gate.").replace(
                        "%1", delegate.name
                    )
                )
                return
            self.pending_void = standing.id
        title, explanation, confirm = self._texts(name, delegate)
        screen.open_reason(name, title, self.summary(delegate), explanation, confirm)
        if name == "override":
            self.fire("override", "override asked at the desk")

    def _texts(self, name: str, delegate: Delegate) -> tuple[str, str, str]:
        who = delegate.name
        if name == "reprint":
            return (translate("DeskActions", "Reprint the pass of %1").replace("%1", who),
                    translate("DeskActions", "The reprint is journalled with your reason and desk."), translate("DeskActions", "Reprint"))  # fmt: skip
        if name == "override":
            refusal = self.screen.refusal_text() or translate(
                "DeskActions", "The rules did not admit this person here."
            )
            return (
                translate("DeskActions", "Override the refusal for %1").replace("%1", who),
                refusal,
                translate("DeskActions", "Admit anyway"),
            )
        if name == "void":
            return (translate("DeskActions", "Void the check-in of %1").replace("%1", who),
                    translate("DeskActions", "Use this when someone was checked in by mistake; they can then check in again."),
                    translate("DeskActions", "Void"))  # fmt: skip
        return (translate("DeskActions", "Issue a new badge for %1").replace("%1", who),
                translate("DeskActions", "The old badge code stops working at once; a new pass is printed."), translate("DeskActions", "Issue new badge"))  # fmt: skip

    def summary(self, delegate: Delegate) -> str:
        """Who the form is about, in one line: both scripts, organisation, category."""
        category = self.categories().get(delegate.category)
        latin = latin_name(delegate.name, delegate.name_en)
        parts = [delegate.name + (f"  {latin}" if latin != delegate.name else ""), delegate.organization,
                 category.name(self.language()) if category else ""]  # fmt: skip
        return " · ".join(p for p in parts if p)

    def standing_admission(self, delegate: Delegate) -> CheckIn | None:
        service, store = self.context.app.service, self.context.app.store
        return store.journal.history(delegate.id, service.gate.id, store.rehearsal).first_admission

    # -- doing it ---------------------------------------------------------------------------

    def check_in_code(self, code: str, source: CodeSource = CodeSource.TYPED) -> None:
        self.context.app.intake.submit(code, source)

    def call_supervisor(self) -> None:
        """F8: who to call and on which number, as the admin set them."""
        settings = self.context.app.settings
        if settings.supervisor_phone:
            text = translate("DeskActions", "Call the supervisor: %1").replace(
                "%1", settings.supervisor_contact
            )
        elif settings.supervisor:
            text = translate("DeskActions", "Call the supervisor: %1 (no phone number is set for this desk).")
            text = text.replace("%1", settings.supervisor)
        else:
            text = translate(
                "DeskActions", "Call the desk supervisor (no phone number is set for this desk)."
            )
        self.screen.say(text, AMBER)

    def on_reason(self, kind: str, reason: str) -> None:
        screen = self.screen
        delegate = screen.selected()
        screen.show_card_page()
        if delegate is None:
            return
        service = self.context.app.service
        if kind == "override":
            self.run(service.override, delegate.code, reason)
        elif kind == "reprint":
            self.run(self._reprint, delegate, reason, on_done=self._on_reprinted)
        elif kind == "void" and self.pending_void:
            checkin_id, self.pending_void = self.pending_void, None
            self.run(service.void, checkin_id, reason, on_done=self._on_voided)
        elif kind == "reissue":
            self.run(self._reissue, delegate.id, reason, on_done=self._on_reissued)

    def on_walkin(self, delegate: Delegate) -> None:
        """Before registering anyone, look for them on the roster (same name, phone or email)."""
        store = self.context.app.store
        self.run(likely_same_person, store, delegate, on_done=lambda found: self._on_checked(delegate, found))

    def _on_checked(self, walkin: Delegate, found: list[Likely]) -> None:
        if found:
            self.screen.open_duplicates(walkin, found)
        else:
            self.register_walkin(walkin)

    def register_walkin(self, delegate: Delegate) -> None:
        self.screen.show_card_page()
        self.run(self.context.app.service.register_walkin, delegate)

    def check_in_instead(self, delegate: Delegate) -> None:
        """The walk-in is someone on the roster: check them in as found by the desk."""
        self.screen.show_card_page()
        self.check_in_code(delegate.code, CodeSource.DESK_SEARCH)

    def _reprint(self, delegate: Delegate, reason: str) -> tuple[Delegate, bool]:
        _changes, printed = self.context.app.passes.reprint(delegate, reason)
        return delegate, printed

    def _reissue(self, delegate_id: str, reason: str) -> tuple[Delegate, bool]:
        changes, printed = self.context.app.passes.reissue(delegate_id, reason)
        assert changes.delegate is not None
        return changes.delegate, printed

    # -- answers ----------------------------------------------------------------------------

    def _on_reprinted(self, result: tuple[Delegate, bool]) -> None:
        delegate, printed = result
        text = (
            translate("DeskActions", "Pass of %1 sent to the printer again.")
            if printed
            else translate("DeskActions", "Reprint of %1 journalled; no printer is set up at this desk.")
        )
        self.screen.say(text.replace("%1", delegate.name), GREEN if printed else AMBER)
        self.screen.refresh_card()

    def _on_voided(self, _changes: Changes) -> None:
        delegate = self.screen.selected()
        who = delegate.name if delegate else ""
        self.screen.say(
            translate("DeskActions", "Check-in voided: %1 can check in again.").replace("%1", who), GREEN
        )
        self.screen.refresh_card()

    def _on_reissued(self, result: tuple[Delegate, bool]) -> None:
        fresh, _printed = result
        self.screen.show_delegate(fresh)
        self.screen.say(
            translate("DeskActions", "New badge issued for %1; the old badge no longer works.").replace(
                "%1", fresh.name
            ),
            GREEN,
        )

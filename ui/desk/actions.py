"""What the desk's keys do: each action calls the kiosk service on a worker thread.

Check in, reprint (journal note + a reprint job in the print queue), override, void,
new badge and walk-in. Results come back on the UI thread; decisions come back through
``events.decided`` like every other decision. Errors are said in plain words, never raised.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from kiosk.app.flow import Mode
from kiosk.errors import KioskError, NotFoundError
from kiosk.model import Action, Category, CheckIn, Delegate
from kiosk.names import latin_name
from ui.desk.banner import AMBER, GREEN, RED

if TYPE_CHECKING:
    from ui.desk.screen import DeskScreen

log = logging.getLogger(__name__)

translate = QCoreApplication.translate


class DeskActions:
    KEYS = {"checkin": "F2", "reprint": "F3", "override": "F4", "void": "F5", "reissue": "F6", "walkin": "F7"}

    def __init__(self, context: Any, screen: DeskScreen) -> None:
        self.context = context
        self.screen = screen
        self._categories: dict[str, Category] = {}
        self._categories_version = -1
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
        }[name]

    # -- plumbing ---------------------------------------------------------------------------

    def fire(self, name: str, reason: str) -> None:
        flow = self.context.flow
        if flow.mode is Mode.DESK and flow.can(name):
            flow.fire(name, reason)

    def categories(self) -> dict[str, Category]:
        roster = self.context.store.roster
        if self._categories_version != roster.version:
            self._categories = {c.id: c for c in roster.categories()}
            self._categories_version = roster.version
        return self._categories

    def forget_roster(self) -> None:
        self._categories_version = -1

    def language(self) -> str:
        return "zh" if self.context.language.startswith("zh") else "en"

    def run(self, fn: Any, *args: Any, on_done: Any = None) -> Any:
        return self.context.run_in_background(fn, *args, on_done=on_done, on_error=self._on_error)

    def _on_error(self, exc: BaseException) -> None:
        if isinstance(exc, NotFoundError) and "override" in str(exc):
            text = translate(
                "DeskActions",
                "This code is not in the roster, so it cannot be overridden: register a walk-in [F7].",
            )
        elif isinstance(exc, NotFoundError) and "void" in str(exc):
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
            screen.walkin_form.start(list(self.categories().values()), list(self.context.service.forums.values()),
                                     self.language())  # fmt: skip
            screen.pages.setCurrentWidget(screen.walkin_form)
            screen.walkin_form.name.setFocus()
            return
        delegate = screen.card.delegate
        if delegate is None:
            screen.say(translate("DeskActions", "Choose a person first: scan a badge or search a name."))
            return
        if name == "checkin":
            self.check_in_code(delegate.code)
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
        screen.reason_form.ask(name, title, self.summary(delegate), explanation, confirm)
        screen.pages.setCurrentWidget(screen.reason_form)
        screen.reason_form.reason.setFocus()
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
        service, store = self.context.service, self.context.store
        return store.journal.history(delegate.id, service.gate.id, store.rehearsal).first_admission

    # -- doing it ---------------------------------------------------------------------------

    def check_in_code(self, code: str) -> None:
        self.run(self.context.service.check_in, code)

    def on_reason(self, kind: str, reason: str) -> None:
        screen = self.screen
        delegate = screen.card.delegate
        screen.show_card_page()
        if delegate is None:
            return
        service = self.context.service
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
        self.screen.show_card_page()
        self.run(self.context.service.register_walkin, delegate)

    def _reprint(self, delegate: Delegate, reason: str) -> tuple[Delegate, bool]:
        entry = self.context.service.note(delegate, Action.REPRINT, reason)
        return delegate, self._enqueue(delegate, entry.id, reason)

    def _reissue(self, delegate_id: str, reason: str) -> tuple[Delegate, bool]:
        fresh = self.context.service.reissue(delegate_id, reason)
        entries = [e for e in self.context.store.journal.for_delegate(fresh.id) if e.action is Action.REISSUE]
        printed = self._enqueue(fresh, entries[-1].id, reason) if entries else False
        return fresh, printed

    def _enqueue(self, delegate: Delegate, checkin_id: str, reason: str | None) -> bool:
        """Queue a pass (a reprint when ``reason`` is given); False when there is no printer."""
        queue = self.context.print_queue
        if queue is None:
            return False
        from kiosk.printing.content import build_content

        service = self.context.service
        content = build_content(delegate, service.event, service.forums, list(self.categories().values()),
                                service.clock.now(), service.desk, self.language(), delegate.code)  # fmt: skip
        queue.enqueue(checkin_id, content, reason)
        return True

    def print_pass(self, delegate: Delegate, checkin_id: str, reason: str | None) -> None:
        if self.context.print_queue is not None and checkin_id:
            self.run(self._enqueue, delegate, checkin_id, reason)

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

    def _on_voided(self, entry: CheckIn) -> None:
        delegate = self.screen.card.delegate
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

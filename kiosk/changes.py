"""What one operation changed, so that each screen knows what to refresh (as Anki's ``OpChanges``).

Every desk operation of the check-in service (override, void, reissue, walk-in, reprint
note) returns one; the app layer returns one for a check-in, an import and a sync too.
Screens look at the flags, never search the journal for what was just written.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.model import CheckIn, Decision, Delegate


@dataclass(frozen=True, slots=True)
class Changes:
    entry: CheckIn | None = None  # the journal entry the operation wrote
    decision: Decision | None = None  # the decision it made, when it made one
    delegate: Delegate | None = None  # who it was about (the new version after a reissue or walk-in)
    roster: bool = False  # delegates, badges or the event changed: search, cards, categories
    journal: bool = False  # the journal grew: history, counters, statistics, sync backlog

    def merged(self, other: Changes) -> Changes:
        """Both operations' changes: the later one's values where it has them."""
        return Changes(
            entry=other.entry or self.entry,
            decision=other.decision or self.decision,
            delegate=other.delegate or self.delegate,
            roster=self.roster or other.roster,
            journal=self.journal or other.journal,
        )

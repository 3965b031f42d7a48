"""Who is in the room: the one way the desks and the hub count a gate, from its journal.

A person's movements at one gate are their standing admissions (scan, override, walk-in,
not voided) and their exits, in time order (then by entry id, so every reader orders a tie
the same way whatever order the entries arrived in). From them:

- *admitted*: the person has at least one standing admission here (counted once, ever);
- *inside*: their last movement is an admission (the room count is entries − exits);
- *duplicates*: admissions made while the person was already inside, by another desk than
  the admission that let them in, at a gate that refuses re-entry (the entrance): two desks
  that admitted one person while they could not see each other. At a forum door a second
  admission is a re-entry (the rules allow it) and an admission after an exit is a re-entry
  everywhere, never a duplicate.

``origin`` tells desks apart: on the hub the desk's token name, at a desk ``local`` for its
own entries and the other desk's name for what sync brought.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Movement:
    at: datetime
    id: str
    entry: bool  # True: a standing admission; False: an exit
    origin: str = "local"


@dataclass(frozen=True, slots=True)
class Presence:
    """One person at one gate, after all their movements."""

    first: Movement | None = None  # the earliest standing admission (what the rules call first)
    inside: bool = False
    duplicates: int = 0

    @property
    def admitted(self) -> bool:
        return self.first is not None


def presence(movements: Iterable[Movement], refuses_reentry: bool) -> Presence:
    """Where one person stands at one gate, from their movements there (in any order)."""
    first: Movement | None = None
    let_in: Movement | None = None  # the admission that put them in the room, while they are in
    duplicates = 0
    for move in sorted(movements, key=lambda m: (m.at, m.id)):
        if not move.entry:
            let_in = None
            continue
        if first is None:
            first = move
        if let_in is None:
            let_in = move
        elif refuses_reentry and move.origin != let_in.origin:
            duplicates += 1
    return Presence(first, let_in is not None, duplicates)


@dataclass(slots=True)
class GateCount:
    admitted: int = 0
    inside: int = 0
    duplicates: int = 0

    def add(self, person: Presence) -> None:
        if person.admitted:
            self.admitted += 1
            self.inside += int(person.inside)
            self.duplicates += person.duplicates

    def to_json(self) -> dict[str, int]:
        return {"admitted": self.admitted, "inside": self.inside, "offline_duplicates": self.duplicates}

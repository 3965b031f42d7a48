"""One decision per presentation: the same code across consecutive frames is decided once.

A code counts as presented again only after it has been out of view for ``gap`` seconds,
measured on the source's own clock (frame timestamps), never the wall clock, so a video file
gives the same answer however fast it is processed.
"""

from __future__ import annotations

DEFAULT_GAP = 3.0


class Presentations:
    """Remembers when each code was last seen; ``is_new(code, t)`` says whether to decide on it."""

    def __init__(self, gap: float = DEFAULT_GAP) -> None:
        self.gap = gap
        self._last_seen: dict[str, float] = {}

    def is_new(self, code: str, t: float) -> bool:
        """Record a sighting of ``code`` in the frame stamped ``t``; True if it starts a presentation."""
        last = self._last_seen.get(code)
        self._last_seen[code] = t if last is None else max(last, t)
        if len(self._last_seen) > 256:
            self._forget(t)
        return last is None or t - last >= self.gap

    def _forget(self, now: float) -> None:
        self._last_seen = {c: t for c, t in self._last_seen.items() if now - t < self.gap}

    def reset(self) -> None:
        self._last_seen.clear()

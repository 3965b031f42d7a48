"""USB / HID barcode scanners (keyboard wedge): tell a scanner's burst from a human typing.

A scanner "types" a whole code in a few milliseconds per key and ends it with Enter; people
type at 80 ms a key and more, and never keep up scanner speed for a whole code. The reader is
fed ``(key, timestamp)`` events (a one-character string, or "\\n"/"\\r"/"Enter") from anywhere, so the
UI can listen in every scan mode without focusing a text field.

A scanner set to QWERTY typing into an AZERTY host sends the digit keys unshifted, which that
host shows as ``&é"'(-è_çà``. The project's codes contain no such characters and no letters that
move between QWERTY, AZERTY and QWERTZ (see kiosk.codes.ALPHABET), so a burst with none of the
real digits 0-9 and some of those characters is mapped back to digits.
"""

from __future__ import annotations

from dataclasses import dataclass, field

AZERTY_DIGITS = {
    "&": "1",
    "é": "2",
    '"': "3",
    "'": "4",
    "(": "5",
    "-": "6",
    "è": "7",
    "_": "8",
    "ç": "9",
    "à": "0",
}
ENTER = {"\n", "\r", "Enter", "Return", "KP_Enter"}


def unazerty(text: str) -> str:
    """Map AZERTY's unshifted digit-row characters back to digits, unless the text has real digits."""
    if any(c.isdigit() for c in text) or not any(c in AZERTY_DIGITS for c in text):
        return text
    return "".join(AZERTY_DIGITS.get(c, c) for c in text)


@dataclass
class BurstReader:
    """Collects keys; ``feed`` returns a scanned code when Enter closes a scanner-speed burst.

    ``max_interval``: the longest pause between two keys of one burst (seconds).
    ``min_length``: the shortest code a scanner sends.
    """

    max_interval: float = 0.035
    min_length: int = 4
    _keys: list[str] = field(default_factory=list)
    _last: float | None = None

    def feed(self, key: str, t: float) -> str | None:
        fast = self._last is not None and t - self._last <= self.max_interval
        self._last = t
        if key in ENTER:
            burst, self._keys = self._keys, []
            if fast and len(burst) >= self.min_length:
                return unazerty("".join(burst))
            return None
        if len(key) != 1:  # Shift, arrows, function keys: not part of a code
            return None
        if not fast:
            self._keys = []
        self._keys.append(key)
        return None

    @property
    def pending(self) -> str:
        """The keys of the burst in progress (for a UI that wants to hide them from a text field)."""
        return "".join(self._keys)

    def reset(self) -> None:
        self._keys, self._last = [], None

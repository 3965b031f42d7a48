"""Typing a Chinese name on a Latin keyboard: pinyin in, characters out, decided without Qt.

The guest types one syllable in pinyin without tones (``zhang``); the picker offers the
characters read that way that occur in the roster's names (张 章 彰), the commonest first; a
tap puts the character in place of the syllable, and the search then matches the name in
characters (张伟). Only single characters (or a compound surname, 欧阳) are offered, never a
name, so the public screen shows nothing about anyone; a character in nobody's name would find
nobody, so it is not offered.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from kiosk.names import has_han, split_name, syllables

SHOWN = 10  # candidates offered at once; "more" turns to the next ten
_TRAILING_LATIN = re.compile(r"[a-zü]+$")


class HanCandidates:
    """Characters by their toneless pinyin, from the names in the roster."""

    def __init__(self, names: Iterable[str]) -> None:
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        for name in names:
            if not has_han(name):
                continue
            surname, given = split_name(name)
            for unit, reading in zip([surname, *given], syllables(name), strict=False):
                counts[reading][unit] += 1
        self._by_reading = {reading: [u for u, _ in found.most_common()] for reading, found in counts.items()}

    def candidates(self, syllable: str, page: int = 0) -> list[str]:
        """The characters read ``syllable`` (e.g. "wei"), commonest in the roster first, ``SHOWN``
        at a time; the pages wrap round."""
        found = self._by_reading.get(syllable.lower().replace("ü", "v"), [])
        start = (page % self.pages(syllable)) * SHOWN if found else 0
        return found[start : start + SHOWN]

    def pages(self, syllable: str) -> int:
        found = self._by_reading.get(syllable.lower().replace("ü", "v"), [])
        return -(-len(found) // SHOWN)


def pending_syllable(text: str) -> str:
    """The pinyin typed after the characters already picked ("张wei" -> "wei"; "" when none)."""
    found = _TRAILING_LATIN.search(text.lower())
    return found.group(0) if found else ""


def pick(text: str, unit: str) -> str:
    """``text`` with its pending syllable replaced by the picked character(s)."""
    return text[: len(text) - len(pending_syllable(text))] + unit

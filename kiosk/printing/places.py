"""Halls and desks as people read them: "A1厅" / "Hall A1", "3号服务台" / "Desk 3".

The event file and the settings hold short identifiers (a hall ``A1`` or ``Expo``, a desk
``desk-3``). A number-like hall gets the word for hall in the reader's language; a hall that
is already a name (``Expo``, ``展览中心``, ``Expo Centre``) is shown as written, never as
"Hall Expo" or "Expo厅". A desk named ``desk-N`` (any case, ``-``, ``_``, a space or
nothing between) becomes "N号服务台" / "Desk N"; any other desk name is the operator's own
display name and is shown as written.
"""

from __future__ import annotations

import re

_HALL_NUMBER = re.compile(r"[A-Za-z]{0,2}\d{1,4}[A-Za-z]?")
_DESK_NUMBER = re.compile(r"(?i)desk[-_ ]?(\d{1,4})")


def _zh(language: str) -> bool:
    return language.lower().startswith("zh")


def hall_name(hall: str, language: str) -> str:
    """A hall as a door sign names it; "" for no hall."""
    hall = hall.strip()
    if not _HALL_NUMBER.fullmatch(hall):
        return hall
    return f"{hall}厅" if _zh(language) else f"Hall {hall}"


def desk_name(desk: str, language: str) -> str:
    """A desk as the guest reads it; "" for no desk."""
    desk = desk.strip()
    number = _DESK_NUMBER.fullmatch(desk)
    if number is None:
        return desk
    return f"{int(number.group(1))}号服务台" if _zh(language) else f"Desk {int(number.group(1))}"

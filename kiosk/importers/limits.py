"""Why a roster row is refused or flagged (closed codes, for screens to translate) and how long its
fields may be.

A 100,000-character name was once accepted and took a minute of CPU to lay out on a pass; every
field a registration system sends is bounded here, and a row past a limit is refused with its line.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum


class RejectReason(StrEnum):
    """The closed set of reasons a row is refused or kept with a warning; ``Rejection.reason``
    holds one, ``Rejection.data`` the values a screen needs to say it in its own language."""

    MISSING_NAME = "missing_name"
    MISSING_CODE = "missing_code"
    DUPLICATE_CODE = "duplicate_code"
    DUPLICATE_ID = "duplicate_id"
    UNKNOWN_FORUM = "unknown_forum"
    UNKNOWN_STATUS = "unknown_status"
    CODE_TAKEN = "code_taken"
    FIELD_TOO_LONG = "field_too_long"
    NUMBER_LOST_DIGITS = "number_lost_digits"  # a code or phone stored as a number past 15 digits
    DATE_IN_FIELD = "date_in_field"  # a code, id or phone that the spreadsheet turned into a date
    # Warnings: the row is kept.
    CATEGORY_DEFAULTED = "category_defaulted"  # an unknown category: the event's default is used
    TYPED_AS_NUMBER = "typed_as_number"  # a phone that was a number cell: a leading zero may be gone
    DATE_AS_TEXT = "date_as_text"  # a date in a text field (name, organisation …), kept as its date
    MERGED_CELL = "merged_cell"  # a cell inside a merged range took the range's value
    SHEET_NOT_READ = "sheet_not_read"  # another sheet with rows (line 0: the whole file)


# Characters, after trimming. Generous for real names and titles, far below what hurts.
FIELD_LIMITS: dict[str, int] = {
    "name": 100, "name_en": 100, "organization": 200, "title": 200, "phone": 32, "email": 254,
    "category": 100, "forums": 2000, "status": 32, "language": 32, "id": 128, "code": 512,  # the scan path reads 512 (kiosk.service)
}  # fmt: skip
NOTE_LIMIT = 1000  # each column kept as a note
SHORTEST_LIMIT = min(*FIELD_LIMITS.values(), NOTE_LIMIT)  # a row of shorter cells is within every limit


def field_too_long(
    values: Mapping[str, str], cells: list[str], note_columns: Mapping[int, str]
) -> tuple[str, dict[str, str | int]] | None:
    """The message and data (field or column, length, limit) for the first field past its limit."""
    for field, text in values.items():
        limit = FIELD_LIMITS.get(field)
        if limit is not None and len(text) > limit:
            return _too_long(field, len(text), limit)
    width = len(cells)
    for index, header in note_columns.items():
        if index < width and len(cells[index].strip()) > NOTE_LIMIT:
            return _too_long(header, len(cells[index].strip()), NOTE_LIMIT, note=True)
    return None


def _too_long(field: str, length: int, limit: int, note: bool = False) -> tuple[str, dict[str, str | int]]:
    name = repr(field) if note else field
    message = f"{name} has {length:,} characters; at most {limit:,}: shorten it in the file"
    return message, {("column" if note else "field"): field, "length": length, "limit": limit}

"""Why a roster row is refused (closed codes, for screens to translate) and how long its fields may be.

A 100,000-character name was once accepted and took a minute of CPU to lay out on a pass; every
field a registration system sends is bounded here, and a row past a limit is refused with its line.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum


class RejectReason(StrEnum):
    """The closed set of reasons a row is refused; ``Rejection.reason`` holds one."""

    MISSING_NAME = "missing_name"
    MISSING_CODE = "missing_code"
    DUPLICATE_CODE = "duplicate_code"
    DUPLICATE_ID = "duplicate_id"
    UNKNOWN_CATEGORY = "unknown_category"
    UNKNOWN_FORUM = "unknown_forum"
    UNKNOWN_STATUS = "unknown_status"
    CODE_TAKEN = "code_taken"
    FIELD_TOO_LONG = "field_too_long"


# Characters, after trimming. Generous for real names and titles, far below what hurts.
FIELD_LIMITS: dict[str, int] = {
    "name": 100, "name_en": 100, "organization": 200, "title": 200, "phone": 32, "email": 254,
    "category": 100, "forums": 2000, "status": 32, "language": 32, "id": 128, "code": 512,  # the scan path reads 512 (kiosk.service)
}  # fmt: skip
NOTE_LIMIT = 1000  # each column kept as a note


def field_too_long(
    values: Mapping[str, str], cells: list[str], note_columns: Mapping[int, str]
) -> str | None:
    """The message for the first field past its limit, or None."""
    for field, text in values.items():
        limit = FIELD_LIMITS.get(field)
        if limit is not None and len(text) > limit:
            return f"{field} has {len(text):,} characters; at most {limit:,}"
    width = len(cells)
    for index, header in note_columns.items():
        if index < width and len(cells[index].strip()) > NOTE_LIMIT:
            return f"{header!r} has {len(cells[index].strip()):,} characters; at most {NOTE_LIMIT:,}"
    return None

"""What a rejected or flagged roster row says in the operator's language: from its code and data.

The importer's ``Rejection`` carries a closed ``RejectReason`` and the values of the problem
(the offending value, the line it was first used on, a field and its limit, a sheet); the
English message is for the CLI and the log. Each reason here has a short name for the Problem
column and a detail that says what is wrong *and how to fix the file*.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication

from kiosk.importers.limits import RejectReason as R
from kiosk.importers.rows import Rejection

translate = QCoreApplication.translate
Data = Mapping[str, str | int]


def field_name(field: str) -> str:
    return {
        "code": translate("ImportProblem", "badge code"),
        "id": translate("ImportProblem", "id"),
        "name": translate("ImportProblem", "name"),
        "name_en": translate("ImportProblem", "English name"),
        "organization": translate("ImportProblem", "organisation"),
        "title": translate("ImportProblem", "title"),
        "phone": translate("ImportProblem", "phone"),
        "email": translate("ImportProblem", "email"),
        "category": translate("ImportProblem", "category"),
        "forums": translate("ImportProblem", "forums"),
        "status": translate("ImportProblem", "status"),
        "language": translate("ImportProblem", "language"),
    }.get(field, field)


def reason_text(reason: str) -> str:
    """The Problem column: a few words."""
    names: dict[str, str] = {
        R.MISSING_NAME: translate("ImportProblem", "no name"),
        R.MISSING_CODE: translate("ImportProblem", "no badge code"),
        R.DUPLICATE_CODE: translate("ImportProblem", "badge code used twice in the file"),
        R.DUPLICATE_ID: translate("ImportProblem", "id used twice in the file"),
        R.UNKNOWN_FORUM: translate("ImportProblem", "unknown forum"),
        R.UNKNOWN_STATUS: translate("ImportProblem", "unknown status"),
        R.CODE_TAKEN: translate("ImportProblem", "badge code belongs to someone else"),
        R.FIELD_TOO_LONG: translate("ImportProblem", "text too long"),
        R.NUMBER_LOST_DIGITS: translate("ImportProblem", "number lost its digits"),
        R.DATE_IN_FIELD: translate("ImportProblem", "a date instead of a number"),
        R.CATEGORY_DEFAULTED: translate("ImportProblem", "unknown category (kept)"),
        R.TYPED_AS_NUMBER: translate("ImportProblem", "phone typed as a number (kept)"),
        R.DATE_AS_TEXT: translate("ImportProblem", "a date in a text column (kept)"),
        R.MERGED_CELL: translate("ImportProblem", "merged cell (kept)"),
        R.SHEET_NOT_READ: translate("ImportProblem", "sheet not read"),
    }
    return names.get(reason, reason)


def _fill(text: str, *values: object) -> str:
    for number, value in enumerate(values, start=1):
        text = text.replace(f"%{number}", str(value))
    return text


def _too_long(d: Data) -> str:
    what = field_name(str(d["field"])) if "field" in d else f"“{d.get('column', '')}”"
    return _fill(translate("ImportProblem", "%1 has %2 characters, at most %3 are allowed: shorten it in the file."),
                 what, d.get("length", ""), d.get("limit", ""))  # fmt: skip


def _defaulted(d: Data) -> str:
    if d.get("default"):
        text = translate("ImportProblem", "“%1” is not a category of this event; imported as “%2”. Correct the "
                         "cell, or add the category to the event file.")  # fmt: skip
        return _fill(text, d.get("value", ""), d["default"])
    text = translate("ImportProblem", "“%1” is not a category of this event; imported without a category. "
                     "Correct the cell, or add the category to the event file.")  # fmt: skip
    return _fill(text, d.get("value", ""))


def _sheet(d: Data) -> str:
    text = (translate("ImportProblem", "Hidden sheet “%1” has %2 rows that were not read: only the first "
                      "visible sheet is. Move its rows there.") if d.get("hidden") else
            translate("ImportProblem", "Sheet “%1” has %2 rows that were not read: only the first visible "
                      "sheet is. Move its rows there."))  # fmt: skip
    return _fill(text, d.get("sheet", ""), d.get("rows", ""))


_DETAILS: dict[str, Callable[[Data], str]] = {
    R.MISSING_NAME: lambda d: translate("ImportProblem", "The name cell is empty: fill it in."),
    R.MISSING_CODE: lambda d: translate("ImportProblem", "The badge code cell is empty: fill it in."),
    R.DUPLICATE_CODE: lambda d: _fill(
        translate("ImportProblem", "Line %1 already has this badge code: give each person their own code."),
        d.get("first_line", ""),
    ),  # fmt: skip
    R.DUPLICATE_ID: lambda d: _fill(
        translate("ImportProblem", "Line %1 already has this id: give each person their own id."),
        d.get("first_line", ""),
    ),  # fmt: skip
    R.UNKNOWN_FORUM: lambda d: _fill(
        translate(
            "ImportProblem", "“%1” is not a forum of this event: use a forum id or name from the event file."
        ),
        d.get("value", ""),
    ),  # fmt: skip
    R.UNKNOWN_STATUS: lambda d: _fill(
        translate("ImportProblem", "“%1” is not a status: write active or cancelled (正常 or 已取消)."),
        d.get("value", ""),
    ),  # fmt: skip
    R.CODE_TAKEN: lambda d: _fill(
        translate(
            "ImportProblem",
            "The roster already gives this code to %1: correct the code, or the id if this is "
            "the same person.",
        ),
        d.get("owner", ""),
    ),  # fmt: skip
    R.FIELD_TOO_LONG: _too_long,
    R.NUMBER_LOST_DIGITS: lambda d: _fill(
        translate(
            "ImportProblem",
            "The %1 was stored as a number and lost its last digits (%2): format the column as "
            "text and type it again.",
        ),
        field_name(str(d.get("field", ""))),
        d.get("value", ""),
    ),  # fmt: skip
    R.DATE_IN_FIELD: lambda d: _fill(
        translate(
            "ImportProblem", "The %1 cell holds a date (%2): format the column as text and type it again."
        ),
        field_name(str(d.get("field", ""))),
        d.get("value", ""),
    ),  # fmt: skip
    R.CATEGORY_DEFAULTED: _defaulted,
    R.TYPED_AS_NUMBER: lambda d: _fill(
        translate(
            "ImportProblem",
            "Phone %1 was typed as a number, so a leading zero may be lost: format the column as text.",
        ),
        d.get("value", ""),
    ),  # fmt: skip
    R.DATE_AS_TEXT: lambda d: _fill(
        translate("ImportProblem", "The %1 cell holds a date, imported as %2: check the cell."),
        field_name(str(d.get("field", ""))),
        d.get("value", ""),
    ),  # fmt: skip
    R.MERGED_CELL: lambda d: _fill(
        translate(
            "ImportProblem", "The %1 was taken from the merged cell %2: check that it belongs to this row."
        ),
        field_name(str(d.get("field", ""))),
        d.get("cell", ""),
    ),  # fmt: skip
    R.SHEET_NOT_READ: _sheet,
}


def detail_text(row: Rejection) -> str:
    """The Detail column: what is wrong and how to fix the file, never empty."""
    detail = _DETAILS.get(row.reason)
    return detail(row.data) if detail is not None else row.message

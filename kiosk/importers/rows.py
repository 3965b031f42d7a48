"""Turning a roster file's rows into Delegates, or into rejections with line numbers.

Each row is checked on its own; codes and ids used twice in a file are found a batch at a time
(``kiosk.importers.duplicates``). A soft problem keeps the row and adds a warning: an unknown
category becomes the event's default category (``"default": true`` in the event file, else
none), a phone typed as a number, a date in a text field, a cell filled from a merged range.
Every message says what is wrong and how to fix the file; ``data`` holds its values for screens
that say it in their own language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from kiosk.importers.headers import map_headers
from kiosk.importers.limits import SHORTEST_LIMIT, RejectReason, field_too_long
from kiosk.importers.xlsx import CellText, SheetNote, TypedRow
from kiosk.model import Category, Delegate, Forum

FORUM_SEPARATORS = re.compile(r"[;,；，、|]")
STATUSES = {
    "active": "active", "正常": "active", "有效": "active", "": "active",
    "cancelled": "cancelled", "canceled": "cancelled", "已取消": "cancelled", "取消": "cancelled",
}  # fmt: skip
LANGUAGES = {"zh": "zh", "zh_cn": "zh", "zh-cn": "zh", "cn": "zh", "中文": "zh", "chinese": "zh",
             "en": "en", "english": "en", "英文": "en", "英语": "en"}  # fmt: skip


IDENTIFIERS = ("code", "id", "phone")  # a number or a date in these is not what was typed
MOBILE_DIGITS = 11  # a mainland mobile number: no leading zero to lose


@dataclass(frozen=True, slots=True)
class Rejection:
    """A row refused (in ``ImportReport.rejected``) or kept with a warning (``warnings``)."""

    line: int  # 0: the whole file
    reason: str  # a RejectReason (a StrEnum: the plain codes compare equal)
    message: str  # English: what is wrong and how to fix the file
    data: dict[str, str | int] = field(default_factory=dict, compare=False)

    def to_json(self) -> dict[str, object]:
        return {"line": self.line, "reason": self.reason, "message": self.message}


def sheet_warnings(notes: Iterable[SheetNote]) -> list[Rejection]:
    """A warning for each sheet of a workbook that has rows and was not read."""
    return [
        Rejection(
            0,
            RejectReason.SHEET_NOT_READ,
            f"{'hidden ' * note.hidden}sheet {note.sheet!r} has {note.rows:,} rows that were not read: "
            "only the first visible sheet is; move its rows there",
            {"sheet": note.sheet, "rows": note.rows, "hidden": int(note.hidden)},
        )  # fmt: skip
        for note in notes
    ]


def typed_cell_problem(line: int, field: str, text: str) -> Rejection | None:
    """A rejection or warning for a cell that was a number or a date in the workbook, or None."""
    if not isinstance(text, CellText):
        return None
    kind = text.kind
    data: dict[str, str | int] = {"field": field, "value": str(text)}
    if kind == "lost_digits" and field in IDENTIFIERS:
        return Rejection(line, RejectReason.NUMBER_LOST_DIGITS,
                         f"{field} {text} was stored as a number and lost its last digits: format the column "
                         "as text and type it again", data)  # fmt: skip
    if kind == "date" and field in IDENTIFIERS:
        return Rejection(
            line,
            RejectReason.DATE_IN_FIELD,
            f"{field} holds a date ({text}): format the column as text and type it again",
            data,
        )
    if kind == "date":
        return Rejection(line, RejectReason.DATE_AS_TEXT,
                         f"{field} holds a date, kept as {text}: check the cell", data)  # fmt: skip
    if kind == "merged":
        data["cell"] = text.source
        return Rejection(
            line, RejectReason.MERGED_CELL, f"{field} taken from the merged cell {text.source}", data
        )
    if kind == "number" and field == "phone" and not (len(text) == MOBILE_DIGITS and text.startswith("1")):
        return Rejection(line, RejectReason.TYPED_AS_NUMBER,
                         f"phone {text} was typed as a number: a leading zero may be lost; format the column "
                         "as text", data)  # fmt: skip
    return None


class _Names:
    """Look up ids by id, Chinese name or English name, case- and space-insensitively."""

    def __init__(self, items: Iterable[Forum | Category]) -> None:
        self._ids: dict[str, str] = {}
        self._memo: dict[str, str | None] = {}
        for item in items:
            for key in (item.id, item.name_zh, item.name_en):
                self._ids.setdefault(self.key(key), item.id)

    @staticmethod
    def key(text: str) -> str:
        return "".join(text.split()).lower()

    def get(self, text: str) -> str | None:
        if text not in self._memo:
            self._memo[text] = self._ids.get(self.key(text))
        return self._memo[text]


class RowParser:
    def __init__(
        self, headers: list[str], forums: list[Forum], categories: list[Category], default_category: str = ""
    ) -> None:
        self.fields, self.note_columns = map_headers(list(headers))
        self.forums = _Names(forums)
        self.categories = _Names(categories)
        self.default_category = default_category
        self.warnings: list[Rejection] = []  # rows kept with a soft problem
        self._forum_lists: dict[str, tuple[str, ...] | str] = {}

    def _forum_list(self, text: str) -> tuple[str, ...] | str:
        """The forum ids a cell lists, or the first value that names no forum (memoised)."""
        if text not in self._forum_lists:
            ids: list[str] = []
            result: tuple[str, ...] | str = ()
            for value in FORUM_SEPARATORS.split(text) if text else ():
                if not value.strip():
                    continue
                forum = self.forums.get(value)
                if forum is None:
                    result = value.strip()
                    break
                if forum not in ids:
                    ids.append(forum)
            self._forum_lists[text] = result if isinstance(result, str) else tuple(ids)
        return self._forum_lists[text]

    def missing_columns(self) -> list[str]:
        return [f for f in ("name", "code") if f not in self.fields]

    def parse(self, line: int, cells: list[str]) -> Delegate | Rejection:
        width = len(cells)
        values = {f: cells[i].strip() for f, i in self.fields.items() if i < width}
        get = values.get
        if max(map(len, cells), default=0) > SHORTEST_LIMIT:  # else every cell is within its limit
            too_long = field_too_long(values, cells, self.note_columns)
            if too_long is not None:
                return Rejection(line, RejectReason.FIELD_TOO_LONG, *too_long)
        if isinstance(cells, TypedRow):
            problems = [typed_cell_problem(line, f, cells[i]) for f, i in self.fields.items() if i < width]
            rejection = next((p for p in problems if p is not None and p.reason in _REFUSING), None)
            if rejection is not None:
                return rejection
            self.warnings += [p for p in problems if p is not None]

        name, code = get("name", ""), get("code", "")
        if not name:
            return Rejection(line, RejectReason.MISSING_NAME, "no name: fill in the name column")
        if not code:
            return Rejection(line, RejectReason.MISSING_CODE, "no badge code: fill in the code column")
        delegate_id = get("id") or code

        category = get("category", "")
        if category:
            found = self.categories.get(category)
            if found is None:
                self.warnings.append(self._defaulted(line, category))
                found = self.default_category
            category = found
        forum_ids = self._forum_list(get("forums", ""))
        if isinstance(forum_ids, str):
            return Rejection(line, RejectReason.UNKNOWN_FORUM,
                             f"unknown forum {forum_ids!r}: use a forum id or name from the event file",
                             {"value": forum_ids})  # fmt: skip
        status = STATUSES.get(get("status", "").lower())
        if status is None:
            return Rejection(line, RejectReason.UNKNOWN_STATUS,
                             f"unknown status {get('status')!r}: write active or cancelled (正常 or 已取消)",
                             {"value": get("status", "")})  # fmt: skip

        notes = {
            header: text
            for i, header in self.note_columns.items()
            if i < width and (text := cells[i].strip())
        }
        return Delegate(
            id=delegate_id,
            code=code,
            name=name,
            name_en=get("name_en", ""),
            organization=get("organization", ""),
            title=get("title", ""),
            phone=get("phone", ""),
            email=get("email", ""),
            category=category,
            forums=forum_ids,
            status=status,
            language=LANGUAGES.get(get("language", "").lower(), ""),
            notes=notes,
        )

    def _defaulted(self, line: int, category: str) -> Rejection:
        kept = self.default_category
        instead = f"kept as {kept!r}" if kept else "kept without a category"
        return Rejection(line, RejectReason.CATEGORY_DEFAULTED,
                         f"unknown category {category!r}, {instead}: correct the cell or add the category "
                         "to the event file", {"value": category, "default": kept})  # fmt: skip


_REFUSING = (RejectReason.NUMBER_LOST_DIGITS, RejectReason.DATE_IN_FIELD)

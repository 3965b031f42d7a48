"""Turning a roster file's rows into Delegates, or into rejections with line numbers.

Each row is checked on its own; codes and ids used twice in a file are found a batch at a time
(``kiosk.importers.duplicates``)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from kiosk.importers.headers import map_headers
from kiosk.importers.limits import RejectReason, field_too_long
from kiosk.model import Category, Delegate, Forum

FORUM_SEPARATORS = re.compile(r"[;,；，、|]")
STATUSES = {
    "active": "active", "正常": "active", "有效": "active", "": "active",
    "cancelled": "cancelled", "canceled": "cancelled", "已取消": "cancelled", "取消": "cancelled",
}  # fmt: skip
LANGUAGES = {"zh": "zh", "zh_cn": "zh", "zh-cn": "zh", "cn": "zh", "中文": "zh", "chinese": "zh",
             "en": "en", "english": "en", "英文": "en", "英语": "en"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Rejection:
    line: int
    reason: str  # a RejectReason (a StrEnum: the plain codes compare equal)
    message: str

    def to_json(self) -> dict[str, object]:
        return {"line": self.line, "reason": self.reason, "message": self.message}


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
    def __init__(self, headers: list[str], forums: list[Forum], categories: list[Category]) -> None:
        self.fields, self.note_columns = map_headers(list(headers))
        self.forums = _Names(forums)
        self.categories = _Names(categories)
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
        too_long = field_too_long(values, cells, self.note_columns)
        if too_long is not None:
            return Rejection(line, RejectReason.FIELD_TOO_LONG, too_long)

        name, code = get("name", ""), get("code", "")
        if not name:
            return Rejection(line, "missing_name", "no name")
        if not code:
            return Rejection(line, "missing_code", "no badge code")
        delegate_id = get("id") or code

        category = get("category", "")
        if category:
            found = self.categories.get(category)
            if found is None:
                return Rejection(line, "unknown_category", f"unknown category {category!r}")
            category = found
        forum_ids = self._forum_list(get("forums", ""))
        if isinstance(forum_ids, str):
            return Rejection(line, "unknown_forum", f"unknown forum {forum_ids!r}")
        status = STATUSES.get(get("status", "").lower())
        if status is None:
            return Rejection(line, "unknown_status", f"unknown status {get('status')!r}")

        notes = {
            header: cells[i].strip()
            for i, header in self.note_columns.items()
            if i < width and cells[i].strip()
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

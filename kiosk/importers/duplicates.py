"""Codes and ids used twice in one roster file: the first use stands, the later rows are
rejected with the line of the first.

Checked a batch at a time against a ``UsedKeys``: two dicts for the hub and small files, a
temporary SQLite table for the kiosk's import (``kiosk.store.import_keys``), so that a file of
a million rows holds none of its codes in Python's memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Protocol

from kiosk.importers.limits import RejectReason
from kiosk.importers.rows import Rejection
from kiosk.model import Delegate

BATCH_ROWS = 2000  # rows checked against the store and written at a time


class UsedKeys(Protocol):
    """Keys (``c`` + code, ``i`` + id) a file has used so far, with the line of the first use."""

    def first_lines(self, keys: list[str]) -> dict[str, int]: ...

    def use(self, keys: list[tuple[str, int]]) -> None: ...


class KeysInMemory:
    def __init__(self) -> None:
        self._lines: dict[str, int] = {}

    def first_lines(self, keys: list[str]) -> dict[str, int]:
        return {k: self._lines[k] for k in keys if k in self._lines}

    def use(self, keys: list[tuple[str, int]]) -> None:
        self._lines.update(keys)


def first_uses(
    parsed: Iterable[tuple[int, Delegate]], used: UsedKeys, rejected: list[Rejection]
) -> Iterator[tuple[int, Delegate]]:
    """The rows whose code and id the file has not used before; the others go to ``rejected``."""
    rows = iter(parsed)
    while batch := list(islice(rows, BATCH_ROWS)):
        earlier = used.first_lines([k for _, d in batch for k in ("c" + d.code, "i" + d.id)])
        fresh: list[tuple[str, int]] = []
        for line, delegate in batch:
            code, delegate_id = "c" + delegate.code, "i" + delegate.id
            if code in earlier:
                rejected.append(_twice(line, RejectReason.DUPLICATE_CODE, "code", earlier[code]))
            elif delegate_id in earlier:
                rejected.append(_twice(line, RejectReason.DUPLICATE_ID, "id", earlier[delegate_id]))
            else:
                earlier[code] = earlier[delegate_id] = line
                fresh += [(code, line), (delegate_id, line)]
                yield line, delegate
        used.use(fresh)


def _twice(line: int, reason: RejectReason, what: str, first: int) -> Rejection:
    return Rejection(line, reason, f"{what} already used on line {first}: give each person their own {what}",
                     {"first_line": first})  # fmt: skip

"""Applying parsed roster rows to the store: streamed in batches, one transaction, idempotent,
with a report."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path

from kiosk.importers.duplicates import BATCH_ROWS, KeysInMemory, UsedKeys, first_uses
from kiosk.importers.event import default_category
from kiosk.importers.limits import RejectReason
from kiosk.importers.readers import RosterFileError, read_table
from kiosk.importers.rows import Rejection, RowParser, sheet_warnings
from kiosk.model import DELEGATE_FIELDS, Badge, Delegate
from kiosk.names import search_text
from kiosk.store import Store
from kiosk.store.import_keys import KeysInTempTable, NamedIds
from kiosk.store.roster import delegate_to_row
from kiosk.store.search_index import Pairs

Progress = Callable[[int, str], None]  # (rows read so far, phase)

_COMPARED = ", ".join(DELEGATE_FIELDS[1:])  # every column of the delegate but its id


def delegate_row(delegate: Delegate, updated_at: str | None = None) -> tuple:
    """The store row for a delegate, search text included."""
    search = search_text(delegate.name, delegate.name_en, delegate.organization, delegate.phone)
    return delegate_to_row(delegate, search, updated_at)


def _compared(delegate: Delegate) -> tuple:
    return delegate_to_row(delegate, "")[1 : len(DELEGATE_FIELDS)]


@dataclass
class ImportReport:
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    revoked: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    warnings: list[Rejection] = field(default_factory=list)  # rows kept with a soft problem
    error: str | None = None
    dry_run: bool = False  # a preview: counted, nothing written

    @property
    def applied(self) -> int:
        return self.imported + self.updated + self.unchanged + self.revoked

    @property
    def exit_code(self) -> int:
        if self.error is not None or (self.rejected and not self.applied):
            return 2
        return 1 if self.rejected else 0

    def to_json(self) -> dict[str, object]:
        result: dict[str, object] = {
            "imported": self.imported,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": [r.to_json() for r in self.rejected],
        }
        if self.revoked:
            result["revoked"] = self.revoked
        if self.warnings:
            result["warnings"] = [w.to_json() for w in self.warnings]
        if self.dry_run:
            result["dry_run"] = True
        if self.error:
            result["error"] = self.error
        return result


def check_rows(
    parser: RowParser,
    rows: Iterable[tuple[int, list[str]]],
    report: ImportReport,
    progress: Progress | None = None,
    source: str = "",
    used: UsedKeys | None = None,
) -> Iterator[tuple[int, Delegate]]:
    """The valid rows as Delegates (with their lines), as a stream; the others go to the report
    as rejected, and the parser's warnings about rows it kept to its warnings, while the stream
    is read. A code or id used earlier in the file (by ``used``, two dicts unless given) is rejected.

    Raises RosterFileError at once when the file (named ``source`` in the message) lacks a name
    or code column."""
    missing = parser.missing_columns()
    if missing:
        raise RosterFileError(f"{source}: " * bool(source) + f"no column for {' and '.join(missing)}")
    parser.warnings = report.warnings
    return first_uses(_valid(parser, rows, report, progress), used or KeysInMemory(), report.rejected)


def _valid(
    parser: RowParser, rows: Iterable[tuple[int, list[str]]], report: ImportReport, progress: Progress | None
) -> Iterator[tuple[int, Delegate]]:
    for count, (line, cells) in enumerate(rows, start=1):
        result = parser.parse(line, cells)
        if isinstance(result, Rejection):
            report.rejected.append(result)
        else:
            yield line, result
        if progress and count % 5000 == 0:
            progress(count, "read")


def sort_out(
    parsed: Iterable[tuple[int, Delegate]],
    existing: Mapping[str, tuple[str, object]],
    owners: dict[str, str],
    comparable: Callable[[Delegate], object],
    report: ImportReport,
) -> tuple[list[Delegate], set[str]]:
    """Which valid rows change the roster: the kiosk's and the hub's store share this.

    ``existing`` maps a delegate id to (its current code, its ``comparable`` value); ``owners``
    maps every code in the store to its delegate (kept up to date as codes move within the
    file). A code held by someone else is rejected; a row equal to the store is unchanged.
    Returns the delegates to write and the ids the file names (for ``--replace``)."""
    changes: list[Delegate] = []
    seen: set[str] = set()
    for line, delegate in parsed:
        owner = owners.get(delegate.code)
        if owner is not None and owner != delegate.id:
            report.rejected.append(
                Rejection(
                    line,
                    RejectReason.CODE_TAKEN,
                    f"code belongs to {owner} in the roster: correct the "
                    "code, or the id if this is the same person",
                    {"owner": owner},
                )  # fmt: skip
            )
            continue
        seen.add(delegate.id)
        before = existing.get(delegate.id)
        if before is not None and before[1] == comparable(delegate):
            report.unchanged += 1
            continue
        if before is None:
            report.imported += 1
        else:
            report.updated += 1
            if before[0] != delegate.code:
                owners.pop(before[0], None)
        owners[delegate.code] = delegate.id
        changes.append(delegate)
    return changes, seen


class _Preview(Exception):
    """Raised at the end of a dry run so its transaction rolls back."""


def import_roster(
    store: Store, path: Path, replace: bool = False, progress: Progress | None = None, dry_run: bool = False
) -> ImportReport:
    """Import a roster file as a stream, in one transaction. A file that cannot be read, even
    at its last line, applies nothing and says why. A ``dry_run`` does the same work and rolls
    it back: its report is exactly what the import would do."""
    report = ImportReport(dry_run=dry_run)
    try:
        table = read_table(Path(path))
        report.warnings += sheet_warnings(table.unread_sheets)
        with contextlib.suppress(_Preview), store.transaction() as conn:
            roster = store.roster
            parser = RowParser(table.headers, roster.forums(), roster.categories(), default_category(store))
            valid = check_rows(parser, table.rows, report, progress, Path(path).name, KeysInTempTable(conn))
            apply_delegates(store, valid, report, replace)
            if dry_run:
                raise _Preview
    except RosterFileError as exc:
        return ImportReport(error=str(exc), dry_run=dry_run)
    if progress:
        progress(report.imported + report.updated + report.unchanged, "applied")
    return report


def apply_delegates(
    store: Store, parsed: Iterable[tuple[int, Delegate]], report: ImportReport, replace: bool
) -> None:
    """Write the valid rows in one transaction, ``BATCH_ROWS`` at a time, so memory does not
    grow with the file; codes owned by someone else are rejected."""
    now = datetime.now(UTC).isoformat()
    released: dict[str, str] = {}  # old code -> the delegate who moved off it in this file
    changed = False
    with store.transaction() as conn:
        named = NamedIds(conn) if replace else None
        pairs = Pairs(conn)
        rows = iter(parsed)
        while batch := list(islice(rows, BATCH_ROWS)):
            seen, wrote = _apply_batch(conn, store, batch, report, released, now, pairs)
            changed |= wrote
            if named is not None:
                named.add(seen)
        if named is not None:
            report.revoked = named.revoke_the_others(now)
    report.rejected.sort(key=lambda r: r.line)
    report.warnings.sort(key=lambda r: r.line)
    if changed or report.revoked:
        store.roster.changed()


def _apply_batch(
    conn: sqlite3.Connection,
    store: Store,
    batch: list[tuple[int, Delegate]],
    report: ImportReport,
    released: dict[str, str],
    now: str,
    pairs: Pairs,
) -> tuple[set[str], bool]:
    marks = ", ".join("?" * len(batch))
    existing: dict[str, tuple[str, tuple]] = {
        r[0]: (r[1], tuple(r[1:]))
        for r in conn.execute(f"SELECT id, {_COMPARED} FROM delegates WHERE id IN ({marks})", [d.id for _, d in batch])
    }  # fmt: skip
    owners = {
        r[0]: r[1]
        for r in conn.execute(f"SELECT code, delegate_id FROM badges WHERE code IN ({marks})", [d.code for _, d in batch])
        if released.get(r[0]) != r[1]
    }  # fmt: skip
    changes, seen = sort_out(batch, existing, owners, _compared, report)
    roster = store.roster
    roster.write_delegates(conn, [delegate_row(d, now) for d in changes], pairs)
    moved = [d for d in changes if d.id in existing and existing[d.id][0] != d.code]
    released.update((existing[d.id][0], d.id) for d in moved)
    roster.write_badges(
        conn, [Badge(d.code, d.id) for d in changes if d.id not in existing], new_delegates=True
    )
    roster.write_badges(conn, [Badge(d.code, d.id) for d in moved])
    return seen, bool(changes)

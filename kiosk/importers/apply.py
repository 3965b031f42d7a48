"""Applying parsed roster rows to the store: one transaction, idempotent, with a report."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from kiosk.importers.readers import RosterFileError, read_table
from kiosk.importers.rows import Rejection, RowParser
from kiosk.model import Badge, Delegate
from kiosk.names import search_text
from kiosk.store import Store
from kiosk.store.roster import delegate_to_row

Progress = Callable[[int, str], None]  # (rows read so far, phase)

_COMPARED = (
    "code, name, name_en, organization, title, phone, email, category, forums, status, language, notes"
)


def delegate_row(delegate: Delegate, updated_at: str | None = None) -> tuple:
    """The store row for a delegate, search text included."""
    search = search_text(delegate.name, delegate.name_en, delegate.organization, delegate.phone)
    return delegate_to_row(delegate, search, updated_at)


def _compared(delegate: Delegate) -> tuple:
    row = delegate_to_row(delegate, "")
    return row[1:13]


@dataclass
class ImportReport:
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    revoked: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    error: str | None = None

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
        if self.error:
            result["error"] = self.error
        return result


def check_rows(
    parser: RowParser,
    rows: Iterable[tuple[int, list[str]]],
    report: ImportReport,
    progress: Progress | None = None,
    source: str = "",
) -> list[tuple[int, Delegate]]:
    """The valid rows as Delegates (with their lines); the others go to the report as rejected.

    Raises RosterFileError when the file (named ``source`` in the message) lacks a name or
    code column."""
    missing = parser.missing_columns()
    if missing:
        raise RosterFileError(f"{source}: " * bool(source) + f"no column for {' and '.join(missing)}")
    parsed: list[tuple[int, Delegate]] = []
    for count, (line, cells) in enumerate(rows, start=1):
        result = parser.parse(line, cells)
        if isinstance(result, Rejection):
            report.rejected.append(result)
        else:
            parsed.append((line, result))
        if progress and count % 5000 == 0:
            progress(count, "read")
    return parsed


def sort_out(
    parsed: list[tuple[int, Delegate]],
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
                Rejection(line, "code_taken", "code belongs to another delegate in the roster")
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
    report.rejected.sort(key=lambda r: r.line)
    return changes, seen


def import_roster(
    store: Store, path: Path, replace: bool = False, progress: Progress | None = None
) -> ImportReport:
    """Import a roster file. A file that cannot be read applies nothing and says why."""
    report = ImportReport()
    try:
        headers, rows = read_table(Path(path))
        parser = RowParser(headers, store.roster.forums(), store.roster.categories())
        parsed = check_rows(parser, rows, report, progress, source=Path(path).name)
    except RosterFileError as exc:
        report.rejected.clear()
        report.error = str(exc)
        return report
    apply_delegates(store, parsed, report, replace)
    if progress:
        progress(len(parsed), "applied")
    return report


def apply_delegates(
    store: Store, parsed: list[tuple[int, Delegate]], report: ImportReport, replace: bool
) -> None:
    """Write the valid rows in one transaction; codes owned by someone else are rejected."""
    roster = store.roster
    with store.transaction() as conn:
        existing: dict[str, tuple[str, tuple]] = {
            r[0]: (r[1], tuple(r[1:])) for r in conn.execute(f"SELECT id, {_COMPARED} FROM delegates")
        }
        owners = {r[0]: r[1] for r in conn.execute("SELECT code, delegate_id FROM badges")}
        changes, seen = sort_out(parsed, existing, owners, _compared, report)
        now = datetime.now(UTC).isoformat()
        roster.write_delegates(conn, [delegate_row(d, now) for d in changes])
        fresh = [Badge(d.code, d.id) for d in changes if d.id not in existing]
        moved = [Badge(d.code, d.id) for d in changes if d.id in existing and existing[d.id][0] != d.code]
        roster.write_badges(conn, fresh, new_delegates=True)
        roster.write_badges(conn, moved)
        if replace:
            gone = [i for i, (_, row) in existing.items() if i not in seen and row[9] == "active"]
            roster.set_status(conn, gone, "cancelled")
            report.revoked = len(gone)
    if changes or report.revoked:
        roster.changed()

"""Applying parsed roster rows to the store: one transaction, idempotent, with a report."""

from __future__ import annotations

from collections.abc import Callable
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


def import_roster(
    store: Store, path: Path, replace: bool = False, progress: Progress | None = None
) -> ImportReport:
    """Import a roster file. A file that cannot be read applies nothing and says why."""
    report = ImportReport()
    try:
        headers, rows = read_table(Path(path))
        parser = RowParser(headers, store.roster.forums(), store.roster.categories())
        missing = parser.missing_columns()
        if missing:
            raise RosterFileError(f"{Path(path).name}: no column for {' and '.join(missing)}")
        parsed: list[tuple[int, Delegate]] = []
        for count, (line, cells) in enumerate(rows, start=1):
            result = parser.parse(line, cells)
            if isinstance(result, Rejection):
                report.rejected.append(result)
            else:
                parsed.append((line, result))
            if progress and count % 5000 == 0:
                progress(count, "read")
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
        existing = {r[0]: tuple(r[1:]) for r in conn.execute(f"SELECT id, {_COMPARED} FROM delegates")}
        owners = {r[0]: r[1] for r in conn.execute("SELECT code, delegate_id FROM badges")}
        rows, seen = [], set()
        new_badges: list[Badge] = []
        changed_badges: list[Badge] = []
        now = datetime.now(UTC).isoformat()
        for line, delegate in parsed:
            owner = owners.get(delegate.code)
            if owner is not None and owner != delegate.id:
                report.rejected.append(
                    Rejection(line, "code_taken", "code belongs to another delegate in the roster")
                )
                continue
            seen.add(delegate.id)
            before = existing.get(delegate.id)
            if before is not None and before == _compared(delegate):
                report.unchanged += 1
                continue
            if before is None:
                report.imported += 1
            else:
                report.updated += 1
            rows.append(delegate_row(delegate, now))
            if owner is None:
                (new_badges if before is None else changed_badges).append(Badge(delegate.code, delegate.id))
        roster.write_delegates(conn, rows)
        roster.write_badges(conn, new_badges, new_delegates=True)
        roster.write_badges(conn, changed_badges)
        if replace:
            gone = [i for i, row in existing.items() if i not in seen and row[9] == "active"]
            roster.set_status(conn, gone, "cancelled")
            report.revoked = len(gone)
    report.rejected.sort(key=lambda r: r.line)
    if rows or report.revoked:
        roster.changed()

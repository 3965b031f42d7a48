"""Exporting the journal with delegate details, to CSV or XLSX.

Every cell a spreadsheet could read as a formula (text starting with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return, as a roster may hold) is written inert: with a leading ``'`` in CSV,
as a text cell in XLSX. The files are created owner-only (0600): they hold names and badge
codes. Each export the kiosk writes is remembered in the store so the purge can remove it.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import sqlite3
from collections.abc import Mapping
from pathlib import Path

from kiosk.errors import KioskError
from kiosk.model import PUBLIC_FIELDS
from kiosk.store import Store, StoreError

JOURNAL_COLUMNS = ("checkin_id", "at", "desk", "gate", "action", "outcome", "reason", "voids", "origin", "code",
                   "delegate_id")  # fmt: skip
DELEGATE_COLUMNS = tuple(name for name in PUBLIC_FIELDS if name not in ("id", "code"))  # the entry has both
HEADERS = [*JOURNAL_COLUMNS, *DELEGATE_COLUMNS, "how", "operator"]
log = logging.getLogger(__name__)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
EXPORTS_KEY = "exports_written"  # meta: a JSON list of the paths of the exports this kiosk wrote


def delegate_cells(delegate: Mapping[str, object]) -> list[object]:
    """A delegate's export cells (under DELEGATE_COLUMNS) from its wire JSON; forums comma-joined."""
    forums = delegate.get("forums") or []
    return [",".join(forums) if name == "forums" and isinstance(forums, list) else delegate.get(name, "")
            for name in DELEGATE_COLUMNS]  # fmt: skip


def journal_rows(store: Store, rehearsal: bool = False) -> list[list[object]]:
    rows = store.query(
        "SELECT j.id, j.at, j.desk, j.gate, j.action, j.outcome, j.reason, j.voids, j.origin, j.code, j.delegate_id, "
        + ", ".join(f"d.{name}" for name in DELEGATE_COLUMNS)
        + ", j.how, j.operator FROM journal j LEFT JOIN delegates d ON d.id = j.delegate_id WHERE j.rehearsal = ? ORDER BY j.seq",
        (int(rehearsal),),
    )
    return [["" if v is None else v for v in row] for row in rows]


def export_journal(store: Store, path: Path) -> int:
    """Write the real event's journal; returns the number of entries written."""
    path = Path(path)
    if path.suffix.lower() not in (".csv", ".xlsx"):
        raise KioskError(f"{path.name}: export to .csv or .xlsx")
    if not path.parent.is_dir():
        raise KioskError(f"cannot write {path}: there is no folder {path.parent}")
    rows = journal_rows(store)
    write_rows(path, rows)
    remember_export(store, path)
    return len(rows)


def exports_written(store: Store) -> list[Path]:
    try:
        return [Path(p) for p in json.loads(store.get_meta(EXPORTS_KEY) or "[]")]
    except ValueError:
        return []


def remember_export(store: Store, path: Path) -> None:
    """Note the export for the purge; a read-only database cannot, and the log says so."""
    known = [str(p) for p in exports_written(store)]
    if str(path.resolve()) in known:
        return
    try:
        store.set_meta(EXPORTS_KEY, json.dumps([*known, str(path.resolve())]))
    except (KioskError, StoreError, sqlite3.Error):
        log.info("the database is read-only: the purge will not know of this export, delete it by hand")


def inert(value: object) -> object:
    """A CSV cell that no spreadsheet evaluates: formula-like text gets a leading '."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value


def write_owner_only(path: Path, data: bytes) -> None:
    """Write DATA to PATH through a temporary file created 0600, then rename it into place."""
    temp = path.with_name(f".{path.name}.part")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)  # also when the temporary file was already there
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temp, path)


def write_rows(path: Path, rows: list[list[object]]) -> None:
    """Check-in rows under HEADERS, as CSV (UTF-8 with BOM) or XLSX (any other suffix)."""
    try:
        write_owner_only(path, _csv(rows) if path.suffix.lower() == ".csv" else _xlsx(rows))
    except OSError as exc:
        raise KioskError(f"cannot write {path}: {exc.strerror}") from exc


def _csv(rows: list[list[object]]) -> bytes:
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow(HEADERS)
    writer.writerows([inert(v) for v in row] for row in rows)
    return text.getvalue().encode("utf-8-sig")  # with BOM, so Excel on Chinese Windows reads it


def _xlsx(rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("check-ins")
    sheet.append(HEADERS)
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # text, never a formula, whatever it starts with
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

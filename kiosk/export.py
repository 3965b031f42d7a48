"""Exporting the journal with delegate details, to CSV or XLSX."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from kiosk.errors import KioskError
from kiosk.store import Store

HEADERS = [
    "checkin_id", "at", "desk", "gate", "action", "outcome", "reason", "voids", "origin",
    "code", "delegate_id", "name", "name_en", "organization", "title", "category", "forums",
    "how", "operator",
]  # fmt: skip


def journal_rows(store: Store, rehearsal: bool = False) -> list[list[object]]:
    rows = store.query(
        "SELECT j.id, j.at, j.desk, j.gate, j.action, j.outcome, j.reason, j.voids, j.origin, j.code, "
        "j.delegate_id, d.name, d.name_en, d.organization, d.title, d.category, d.forums, j.how, j.operator "
        "FROM journal j LEFT JOIN delegates d ON d.id = j.delegate_id WHERE j.rehearsal = ? ORDER BY j.seq",
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
    return len(rows)


def write_rows(path: Path, rows: list[list[object]]) -> None:
    """Check-in rows under HEADERS, as CSV (UTF-8 with BOM) or XLSX (any other suffix)."""
    try:
        if path.suffix.lower() == ".csv":
            # UTF-8 with BOM, so that Excel on Chinese Windows opens it correctly.
            with path.open("w", newline="", encoding="utf-8-sig") as handle:
                writer = csv.writer(handle)
                writer.writerow(HEADERS)
                writer.writerows(rows)
        else:
            from openpyxl import Workbook

            workbook = Workbook(write_only=True)
            sheet = workbook.create_sheet("check-ins")
            sheet.append(HEADERS)
            for row in rows:
                sheet.append(row)
            buffer = io.BytesIO()  # a failed write then leaves no half-closed workbook behind
            workbook.save(buffer)
            path.write_bytes(buffer.getvalue())
    except OSError as exc:
        raise KioskError(f"cannot write {path}: {exc.strerror}") from exc

"""Reading a roster workbook: cells as the text a person typed, merged ranges filled, other sheets named.

A spreadsheet keeps numbers and dates, not text, and a roster's identifiers suffer for it:
13800138000 came back as ``1.3800138e10`` or ``13800138000.0``, a 20-digit code as a double that
had lost its last digits, a phone formatted ``00000000000`` without its leading zero, a date in
the phone column as ``2023-12-06T00:00:00``. Here a cell that was not text becomes a
``CellText``: the text (an integer without ``.0``, a zero-padded format applied, a date without
a midnight time) plus what it was, so the row parser, which knows each column's field, can
reject what lost digits and flag what may have. The first visible sheet is read; merged ranges
(found by ``xlsx_guard``, which openpyxl's streaming mode does not parse) give every cell they
cover the range's value; other sheets with rows are reported, not silently skipped.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kiosk.errors import RosterFileError
from kiosk.importers.headers import column_name
from kiosk.importers.xlsx_guard import MAX_COLUMNS, SheetScan, check_workbook

EXACT_DIGITS = 15  # a spreadsheet number keeps 15 significant digits; past them digits are lost
_PADDED = re.compile(r"0{2,}")  # a number format of zeros only ("00000000000"): shown zero-padded


class CellText(str):
    """A cell's text that was not text in the workbook: ``kind`` is ``number``, ``padded`` (a
    number shown zero-padded by its format), ``lost_digits`` (a number past 15 significant
    digits), ``date`` or ``merged`` (``source`` names the cell the value came from)."""

    kind: str
    source: str

    def __new__(cls, text: str, kind: str, source: str = "") -> CellText:
        cell = super().__new__(cls, text)
        cell.kind, cell.source = kind, source
        return cell


class TypedRow(list[str]):
    """A row with at least one ``CellText``: the row parser checks those cells against their fields."""


def cell_text(value: object, number_format: str = "General") -> str:
    """A cell as text, the same whether it came from CSV, XLSX or JSON (13800138000.0 -> 13800138000)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, int | float):
        return _number_text(value, number_format)
    if isinstance(value, dt.datetime):
        text = value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ", "minutes")
        return CellText(text, "date")
    if isinstance(value, dt.date | dt.time):
        return CellText(value.isoformat(), "date")
    return str(value).strip()


def _number_text(value: int | float, number_format: str) -> str:
    if isinstance(value, float) and not value.is_integer():
        return CellText(repr(value), "number")
    whole = int(value)
    if isinstance(value, float) and abs(whole) >= 10**EXACT_DIGITS:
        return CellText(str(whole), "lost_digits")
    text = str(whole)
    if _PADDED.fullmatch(number_format) and whole >= 0:
        return CellText(text.zfill(len(number_format)), "padded")  # shown with its zeros: as typed
    return CellText(text, "number")


@dataclass(frozen=True, slots=True)
class SheetNote:
    """A sheet of the workbook that was not read although it has rows."""

    sheet: str
    rows: int
    hidden: bool


class _Merges:
    """Fills the cells a merged range covers with its first cell's value, as rows stream past."""

    def __init__(self, merges: list[tuple[int, int, int, int]], header_row: int) -> None:
        self._waiting = sorted(m for m in merges if m[0] > header_row and (m[2] > m[0] or m[3] > m[1]))
        self._active: list[tuple[tuple[int, int, int, int], str]] = []

    def fill(self, number: int, cells: list[str]) -> list[str]:
        self._active = [(m, v) for m, v in self._active if m[2] >= number]
        while self._waiting and self._waiting[0][0] <= number:
            merge = self._waiting.pop(0)
            first = merge[1] - 1
            self._active.append((merge, cells[first] if first < len(cells) else ""))
        for (top, left, _, right), value in self._active:
            if not value:
                continue
            right = min(right, left + MAX_COLUMNS)
            if len(cells) < right:
                cells.extend([""] * (right - len(cells)))
            source = f"{column_name(left - 1)}{top}"
            for column in range(left, right + 1):
                if (number, column) != (top, left):
                    cells[column - 1] = CellText(value, "merged", source)
        return cells


def _unreadable() -> tuple[type[BaseException], ...]:
    from openpyxl.utils.exceptions import InvalidFileException

    # ElementTree's ParseError is a SyntaxError; defusedxml's refusals of entities are ValueErrors
    return (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError, SyntaxError)


def read_xlsx(path: Path) -> tuple[list[str], Iterator[tuple[int, list[str]]], list[SheetNote]]:
    """The header and rows of the first visible sheet, and the other sheets that have rows."""
    from openpyxl import load_workbook

    scans = check_workbook(path)
    unreadable = _unreadable()
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
        visible = [ws for ws in workbook.worksheets if ws.sheet_state == "visible"] or workbook.worksheets
        sheet = visible[0]
        scan = _scan_of(scans, sheet)
        notes = [
            SheetNote(ws.title, _scan_of(scans, ws).rows, ws.sheet_state != "visible")
            for ws in workbook.worksheets
            if ws is not sheet and _scan_of(scans, ws).rows
        ]
        if scan.uncomputed:
            raise RosterFileError(
                f"{path.name}: {scan.uncomputed:,} formulas in sheet {sheet.title!r} have no saved result "
                "(the program that wrote the file does not calculate): open it in Excel or WPS and save it again"
            )
        all_rows = sheet.iter_rows()
        header_row, headers = 0, []
        for number, row in enumerate(all_rows, start=1):
            values = [cell_text(c.value) for c in row]
            if any(values):
                header_row, headers = number, values
                break
    except unreadable as exc:
        raise RosterFileError(f"{path.name}: not a readable XLSX workbook ({_first_line(exc)})") from exc
    if not headers:
        raise RosterFileError(f"{path.name}: sheet {sheet.title!r} is empty")
    merges = _Merges(scan.merges, header_row)

    def rows() -> Iterator[tuple[int, list[str]]]:
        number = header_row
        try:
            for number, row in enumerate(all_rows, start=header_row + 1):
                cells = merges.fill(number, [_typed(c) for c in row])
                if any(cells):
                    yield number, TypedRow(cells) if any(isinstance(c, CellText) for c in cells) else cells
        except unreadable as exc:
            raise RosterFileError(
                f"{path.name}, after row {number}: not a readable sheet ({_first_line(exc)})"
            ) from exc
        workbook.close()

    return headers, rows(), notes


def _scan_of(scans: dict[str, SheetScan], sheet: object) -> SheetScan:
    """What the guard found in a sheet's part (openpyxl keeps the part's name in the zip)."""
    return scans.get(str(getattr(sheet, "_worksheet_path", "")).lstrip("/"), SheetScan())


def _typed(cell: object) -> str:
    value = getattr(cell, "value", None)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return cell_text(value, str(getattr(cell, "number_format", "General")))
    return cell_text(value)


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]

"""An XLSX workbook is checked from its zip directory before openpyxl parses a byte of it.

A workbook is a zip of XML parts, and a small file can stand for a huge one: 1.6 MB of shared
strings expanding to 680 MB, 3 million empty rows in 15 MB, a 1 KB sheet declaring
``A1:XFD1048576`` (16,384 columns on every row). Each was refused only after minutes and
gigabytes. Here the zip's central directory (sizes the decompressor enforces) and a streaming
count of each sheet's rows decide in well under a second, with little memory; openpyxl itself
parses through defusedxml (installed with the project), so entity expansion is refused too.
The same pass finds what the reader needs and openpyxl's streaming mode does not give: merged
ranges, and formulas whose result was never saved (a file written by a program that does not
calculate: openpyxl would read them as empty cells).
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.errors import RosterFileError

MAX_FILE_BYTES = 100 * 1024 * 1024  # the .xlsx file itself
MAX_PART_BYTES = 500 * 1024 * 1024  # one part (a sheet), uncompressed
MAX_SHARED_STRINGS_BYTES = 100 * 1024 * 1024  # openpyxl holds the shared strings in memory
MAX_TOTAL_BYTES = 1024 * 1024 * 1024  # all parts, uncompressed
MAX_RATIO = 200  # uncompressed / compressed, per part larger than 1 MB (real sheets: 5-40)
MAX_PARTS = 10_000
MAX_ROWS = 1_048_576  # Excel's own limit
MAX_COLUMNS = 200  # a roster has a dozen columns; the declared dimension may not exceed this
MAX_MERGES = 10_000  # merged ranges in one sheet

_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]+)?(\d+)?(?::([A-Z]+)(\d+))?\"")
_ROW = re.compile(rb"<(?:\w+:)?row[\s>/]")
# A formula whose result was never saved: <f>…</f> (or <f/>) closing the cell with no or an empty <v>.
_UNCOMPUTED = re.compile(
    rb"(?:</(?:\w+:)?f>|<(?:\w+:)?f\b[^<>]*/>)\s*(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>"
)
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s+ref=\"([A-Z]+)(\d+):([A-Z]+)(\d+)\"")
_TAIL = 96  # bytes kept between chunks: longer than any pattern above


@dataclass
class SheetScan:
    """What streaming one worksheet part found: its rows, formulas without a saved result and
    merged ranges as (first row, first column, last row, last column), 1-based."""

    rows: int = 0
    uncomputed: int = 0
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - ord("A") + 1
    return number


def _sheet_parts(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    return [i for i in archive.infolist() if re.fullmatch(r"xl/worksheets/[^/]+\.xml", i.filename)]


def _count(pattern: re.Pattern[bytes], window: bytes, tail: bytes) -> int:
    return len(pattern.findall(window)) - len(pattern.findall(tail))


def _scan_sheet(archive: zipfile.ZipFile, sheet: zipfile.ZipInfo, name: str) -> SheetScan:
    """Stream the sheet's XML: its declared dimension, its rows, uncomputed formulas, merges."""
    scan, tail, head = SheetScan(), b"", b""
    with archive.open(sheet) as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            window = tail + chunk
            if len(head) < 4096:
                head = (head + chunk)[:4096]
                _check_dimension(head, name)
            scan.rows += _count(_ROW, window, tail)
            if scan.rows > MAX_ROWS:
                raise RosterFileError(f"{name}: more than {MAX_ROWS:,} rows (Excel's limit)")
            scan.uncomputed += _count(_UNCOMPUTED, window, tail)
            merges = _MERGE.findall(window)[len(_MERGE.findall(tail)) :]
            scan.merges += [
                (int(r1), _column_number(c1), int(r2), _column_number(c2)) for c1, r1, c2, r2 in merges
            ]
            if len(scan.merges) > MAX_MERGES:
                raise RosterFileError(f"{name}: more than {MAX_MERGES:,} merged cells in one sheet")
            tail = window[-_TAIL:]
    return scan


def _check_dimension(head: bytes, name: str) -> None:
    match = _DIMENSION.search(head)
    if match is None:
        return
    first, _, last, rows = match.groups()
    columns = _column_number(last or first or b"A")
    if columns > MAX_COLUMNS:
        raise RosterFileError(
            f"{name}: the sheet declares {columns:,} columns; a roster may have {MAX_COLUMNS}"
        )
    if rows is not None and int(rows) > MAX_ROWS:
        raise RosterFileError(f"{name}: the sheet declares {int(rows):,} rows; at most {MAX_ROWS:,}")


def check_workbook(path: Path) -> dict[str, SheetScan]:
    """Refuse a workbook past the documented limits before it is parsed (RosterFileError);
    return what streaming each worksheet part found, by the part's name in the zip."""
    name = path.name
    if path.stat().st_size > MAX_FILE_BYTES:
        raise RosterFileError(f"{name}: larger than {MAX_FILE_BYTES // 2**20} MB; save the roster as CSV")
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            if len(parts) > MAX_PARTS:
                raise RosterFileError(f"{name}: {len(parts):,} parts in the workbook; at most {MAX_PARTS:,}")
            total = 0
            for part in parts:
                total += part.file_size
                limit = (
                    MAX_SHARED_STRINGS_BYTES
                    if part.filename.endswith("sharedStrings.xml")
                    else MAX_PART_BYTES
                )
                if part.file_size > limit:
                    raise RosterFileError(
                        f"{name}: {part.filename} expands to {part.file_size / 2**20:,.0f} MB; "
                        f"at most {limit // 2**20} MB"
                    )
                if part.file_size > 2**20 and part.file_size > MAX_RATIO * max(part.compress_size, 1):
                    raise RosterFileError(
                        f"{name}: {part.filename} is compressed {part.file_size // max(part.compress_size, 1):,} "
                        f"to 1, as zip bombs are; at most {MAX_RATIO} to 1"
                    )
            if total > MAX_TOTAL_BYTES:
                raise RosterFileError(
                    f"{name}: expands to {total / 2**20:,.0f} MB; at most {MAX_TOTAL_BYTES // 2**20} MB"
                )
            return {sheet.filename: _scan_sheet(archive, sheet, name) for sheet in _sheet_parts(archive)}
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        raise RosterFileError(f"{name}: not a readable XLSX workbook ({exc})") from exc

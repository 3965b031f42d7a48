"""Reading roster files: CSV (UTF-8, UTF-8 with BOM, GBK/GB18030) and XLSX.

Each reader yields (line number, cells): the physical line of a CSV record
(header = line 1) or the row number of a sheet.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

from kiosk.errors import KioskError


class RosterFileError(KioskError):
    """The file cannot be read at all; nothing is applied."""


def cell_text(value: object) -> str:
    """A cell as text, the same whether it came from CSV or XLSX (13800138000.0 -> 13800138000)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value).strip()


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else GB18030 (a superset of GBK): what Excel writes."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise RosterFileError("the file is neither UTF-8 nor GBK/GB18030 text") from exc


def read_csv(path: Path) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    text = decode(path.read_bytes())
    if "\x00" in text:
        raise RosterFileError(f"{path.name}: binary data, not a CSV file")
    sample = text[:4096]
    delimiter = max(",\t;", key=sample.split("\n", 1)[0].count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        headers = next(reader)
    except StopIteration:
        raise RosterFileError(f"{path.name}: the file is empty") from None

    def rows() -> Iterator[tuple[int, list[str]]]:
        line = reader.line_num + 1
        try:
            for record in reader:
                if "".join(record).strip():
                    yield line, record
                line = reader.line_num + 1
        except csv.Error as exc:
            raise RosterFileError(f"{path.name}, line {line}: {exc}") from exc

    return headers, rows()


def read_xlsx(path: Path) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(io.BytesIO(path.read_bytes()), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise RosterFileError(f"{path.name}: not a readable XLSX workbook ({exc})") from exc
    sheet = workbook.worksheets[0]
    all_rows = sheet.iter_rows(values_only=True)
    header_row = 0
    headers: list[str] = []
    for number, values in enumerate(all_rows, start=1):
        if any(cell_text(v) for v in values):
            header_row, headers = number, [cell_text(v) for v in values]
            break
    if not headers:
        raise RosterFileError(f"{path.name}: the first sheet is empty")

    def rows() -> Iterator[tuple[int, list[str]]]:
        for number, values in enumerate(all_rows, start=header_row + 1):
            cells = [cell_text(v) for v in values]
            if any(cells):
                yield number, cells
        workbook.close()

    return headers, rows()


def read_table(path: Path) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    if not path.is_file():
        raise RosterFileError(f"{path}: no such file")
    with path.open("rb") as handle:
        magic = handle.read(4)
    if path.suffix.lower() in (".xlsx", ".xlsm") or magic == b"PK\x03\x04":
        return read_xlsx(path)
    if path.suffix.lower() == ".xls":
        raise RosterFileError(f"{path.name}: old .xls workbooks are not supported; save as .xlsx or CSV")
    return read_csv(path)

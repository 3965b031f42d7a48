"""Reading roster files: CSV (UTF-8, UTF-8 with BOM, GBK/GB18030) and XLSX.

Each reader returns the header and a stream of (line number, cells): the physical line of a
CSV record (header = line 1) or the row number of a sheet. Neither holds the file in memory:
a CSV is checked for its encoding in one pass of 1 MB chunks, then parsed as it is consumed;
a workbook is read with openpyxl's read-only (streaming) sheets.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from kiosk.errors import RosterFileError

__all__ = ["RosterFileError", "cell_text", "read_table"]


def cell_text(value: object) -> str:
    """A cell as text, the same whether it came from CSV or XLSX (13800138000.0 -> 13800138000)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value).strip()


_BOM = b"\xef\xbb\xbf"


def _decodes(path: Path, encoding: str) -> bool:
    """Whether the whole file decodes, read in chunks; binary data is an error of its own."""
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                if "\x00" in decoder.decode(chunk):
                    raise RosterFileError(f"{path.name}: binary data, not a CSV file")
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def csv_encoding(path: Path) -> str:
    """UTF-8 (with or without BOM), else GB18030 (a superset of GBK): what Excel writes."""
    with path.open("rb") as handle:
        bom = handle.read(3) == _BOM
    if _decodes(path, "utf-8-sig"):
        return "utf-8-sig"
    from kiosk.importers.encoding import refuse_damaged_utf8

    refuse_damaged_utf8(path, declared=bom)  # UTF-8 with bad bytes is not GBK
    if not bom and _decodes(path, "gb18030"):
        return "gb18030"
    raise RosterFileError("the file is neither UTF-8 nor GBK/GB18030 text")


def read_csv(path: Path) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The header and a stream of records: the file is read as the records are consumed."""
    handle = path.open(encoding=csv_encoding(path), newline="")
    sample = handle.read(4096)
    handle.seek(0)
    delimiter = max(",\t;", key=sample.split("\n", 1)[0].count)
    reader = csv.reader(handle, delimiter=delimiter)
    try:
        headers = next(reader)
    except StopIteration:
        handle.close()
        raise RosterFileError(f"{path.name}: the file is empty") from None
    except csv.Error as exc:
        handle.close()
        raise RosterFileError(f"{path.name}, line 1: {exc}") from exc

    def rows() -> Iterator[tuple[int, list[str]]]:
        line = reader.line_num + 1
        with handle:
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

    unreadable = (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError, SyntaxError)
    # ElementTree's ParseError is a SyntaxError; defusedxml's refusals of entities are ValueErrors
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        all_rows = sheet.iter_rows(values_only=True)
        header_row = 0
        headers: list[str] = []
        for number, values in enumerate(all_rows, start=1):
            if any(cell_text(v) for v in values):
                header_row, headers = number, [cell_text(v) for v in values]
                break
    except unreadable as exc:
        raise RosterFileError(f"{path.name}: not a readable XLSX workbook ({_first_line(exc)})") from exc
    if not headers:
        raise RosterFileError(f"{path.name}: the first sheet is empty")

    def rows() -> Iterator[tuple[int, list[str]]]:
        number = header_row
        try:
            for number, values in enumerate(all_rows, start=header_row + 1):
                cells = [cell_text(v) for v in values]
                if any(cells):
                    yield number, cells
        except unreadable as exc:
            raise RosterFileError(
                f"{path.name}, after row {number}: not a readable sheet ({_first_line(exc)})"
            ) from exc
        workbook.close()

    return headers, rows()


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def read_table(path: Path) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    if not path.is_file():
        raise RosterFileError(f"{path}: no such file")
    with path.open("rb") as handle:
        magic = handle.read(4)
    if path.suffix.lower() in (".xlsx", ".xlsm") or magic == b"PK\x03\x04":
        from kiosk.importers.xlsx_guard import check_workbook

        check_workbook(path)
        return read_xlsx(path)
    if path.suffix.lower() == ".xls":
        raise RosterFileError(f"{path.name}: old .xls workbooks are not supported; save as .xlsx or CSV")
    return read_csv(path)

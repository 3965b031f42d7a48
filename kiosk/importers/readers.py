"""Reading roster files: CSV (UTF-8, UTF-8 with BOM, GBK/GB18030) and XLSX.

Each reader returns the header and a stream of (line number, cells): the physical line of a
CSV record (header = line 1) or the row number of a sheet. Neither holds the file in memory:
a CSV is checked for its encoding in one pass of 1 MB chunks, then parsed as it is consumed;
a workbook is checked, then read with openpyxl's read-only (streaming) sheets
(``kiosk.importers.xlsx``, which also keeps numbers and dates from becoming wrong text).
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from kiosk.errors import RosterFileError
from kiosk.importers.xlsx import SheetNote, cell_text, read_xlsx

__all__ = ["RosterFileError", "Table", "cell_text", "read_table"]


class Table(NamedTuple):
    """A roster file as read: its header, its rows as they stream, and the sheets not read."""

    headers: list[str]
    rows: Iterator[tuple[int, list[str]]]
    unread_sheets: list[SheetNote]


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


def read_table(path: Path) -> Table:
    if not path.is_file():
        raise RosterFileError(f"{path}: no such file")
    with path.open("rb") as handle:
        magic = handle.read(4)
    if path.suffix.lower() in (".xlsx", ".xlsm") or magic == b"PK\x03\x04":
        return Table(*read_xlsx(path))
    if path.suffix.lower() == ".xls":
        raise RosterFileError(f"{path.name}: old .xls workbooks are not supported; save as .xlsx or CSV")
    return Table(*read_csv(path), [])

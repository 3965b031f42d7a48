"""Hostile roster files: each is refused or its bad rows rejected in one clear line, fast and small.

The files are made here: zip bombs of shared strings, a sheet declaring ``A1:XFD1048576``,
millions of empty rows, malformed and entity-expanding XML, duplicate headers, huge fields.
"""

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from kiosk.importers.limits import FIELD_LIMITS, RejectReason
from tests.conftest import DEMO_EVENT, ROOT

HEADER = ["编号", "签到码", "姓名", "单位"]


def cli(db: Path, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, str(ROOT / "main.py"), *args, "--db", str(db)]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=ROOT)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "k.sqlite"
    assert cli(path, "event", "import", str(DEMO_EVENT)).returncode == 0
    return path


def refused(db: Path, path: Path) -> str:
    result = cli(db, "roster", "import", str(path))
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and result.stdout == ""
    return lines[0]


def workbook(path: Path, parts: dict[str, bytes | None] | None = None) -> Path:
    """A real two-row workbook from openpyxl, with some of its parts replaced."""
    book = Workbook()
    book.active.append(HEADER)
    book.active.append(["A1", "ZW01", "张伟", "西安交大"])
    plain = path.with_suffix(".plain.xlsx")
    book.save(plain)
    parts = parts or {}
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = parts.get(info.filename, source.read(info))
            if data is not None:
                target.writestr(info.filename, data)
    return path


def test_duplicate_header_columns_are_refused_naming_both(db: Path, tmp_path: Path):
    path = tmp_path / "dup.csv"
    path.write_text("编号,签到码,姓名,手机,name,手机\nA1,ZW01,张伟,1380,Zhang,1390\n", encoding="utf-8")
    line = refused(db, path)
    assert line == "error: columns C ('姓名') and E ('name') are the same column: rename or remove one"


def test_a_field_past_its_limit_rejects_the_row_with_its_line_and_keeps_the_others(db: Path, tmp_path: Path):
    path = tmp_path / "long.csv"
    name = "张" * 100_000
    path.write_text(",".join(HEADER + ["备注"]) + f"\nA1,ZW01,{name},X,ok\nA2,LN02,李娜,{'机' * 201},ok\n"
                    f"A3,WW03,王五,Y,{'n' * 1001}\nA4,ZL04,赵六,Z,ok\n", encoding="utf-8")  # fmt: skip
    report = json.loads(cli(db, "roster", "import", str(path), "--json").stdout)
    assert report["imported"] == 1
    assert [(r["line"], r["reason"]) for r in report["rejected"]] == [
        (2, RejectReason.FIELD_TOO_LONG), (3, RejectReason.FIELD_TOO_LONG), (4, RejectReason.FIELD_TOO_LONG)
    ]  # fmt: skip
    assert report["rejected"][0]["message"] == (
        f"name has 100,000 characters; at most {FIELD_LIMITS['name']}: shorten it in the file"
    )
    assert (
        report["rejected"][2]["message"]
        == "'备注' has 1,001 characters; at most 1,000: shorten it in the file"
    )


def peak_of(db: Path, path: Path) -> tuple[subprocess.CompletedProcess, int]:
    """The import's one line, and the peak resident memory (KiB) of the process that read the file."""
    probe = (
        "import resource, subprocess, sys; "
        "r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
        "sys.stdout.write(f'{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\\n{r.returncode}\\n{r.stderr}')"
    )
    command = [sys.executable, "-c", probe, sys.executable, str(ROOT / "main.py"), "roster", "import", str(path),
               "--db", str(db)]  # fmt: skip
    out = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=ROOT).stdout
    peak, code, stderr = out.split("\n", 2)
    return subprocess.CompletedProcess(command, int(code), "", stderr), int(peak)


def write_bomb(path: Path, part: str, head: bytes, repeat: bytes, count: int, end: bytes) -> Path:
    """A workbook whose ``part`` is ``head``, ``count`` times ``repeat`` (``%d``: the count so far), ``end``."""
    workbook(path.with_suffix(".base.xlsx"))
    with zipfile.ZipFile(path.with_suffix(".base.xlsx")) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            if info.filename == part:
                continue
            target.writestr(info, source.read(info), zipfile.ZIP_DEFLATED)
        info = zipfile.ZipInfo(part)
        info.compress_type = zipfile.ZIP_DEFLATED
        with target.open(info, "w") as handle:
            handle.write(head)
            numbered = b"%d" in repeat
            for i in range(count):
                handle.write(repeat % i if numbered else repeat)
            handle.write(end)
    return path


@pytest.mark.slow
@pytest.mark.parametrize(
    ("part", "head", "repeat", "count", "end", "words"),
    [
        (
            "xl/sharedStrings.xml",
            b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
            b"<si><t>" + b"A" * 1000 + b"</t></si>",
            150_000,
            b"</sst>",
            "xl/sharedStrings.xml expands to 145 MB; at most 100 MB",
        ),
        (
            "xl/worksheets/sheet1.xml",
            b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
            b'<row r="%d"/>',
            1_100_000,
            b"</sheetData></worksheet>",
            "more than 1,048,576 rows",
        ),
    ],
    ids=["shared-strings-bomb", "more-rows-than-excel"],
)
def test_a_workbook_that_expands_past_the_limits_is_refused_before_it_is_parsed_in_little_memory(
    db: Path, tmp_path: Path, part: str, head: bytes, repeat: bytes, count: int, end: bytes, words: str
):
    bomb = write_bomb(tmp_path / "bomb.xlsx", part, head, repeat, count, end)
    assert bomb.stat().st_size < 16 * 2**20  # small files that stand for huge ones
    result, peak_kib = peak_of(db, bomb)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert words in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert peak_kib < 100 * 1024


def test_a_sheet_declaring_every_column_of_excel_is_refused(db: Path, tmp_path: Path):
    sheet = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             b'<dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c>'
             b"</row></sheetData></worksheet>")  # fmt: skip
    line = refused(db, workbook(tmp_path / "wide.xlsx", {"xl/worksheets/sheet1.xml": sheet}))
    assert line == "error: wide.xlsx: the sheet declares 16,384 columns; a roster may have 200"


@pytest.mark.parametrize(
    ("part", "data"),
    [
        (
            "xl/worksheets/sheet1.xml",
            b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row><row r="2"><c',
        ),
        (
            "xl/worksheets/sheet1.xml",
            b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
            b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
            b'<c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>',
        ),
        ("xl/workbook.xml", b"<workbook><sheets><sheet"),
    ],
    ids=["truncated-sheet", "entity-expansion", "truncated-workbook"],
)
def test_a_workbook_with_malformed_or_entity_laden_xml_is_one_line_and_exit_2(
    db: Path, tmp_path: Path, part: str, data: bytes
):
    line = refused(db, workbook(tmp_path / "bad.xlsx", {part: data}))
    assert line.startswith("error: bad.xlsx") and ("not a readable" in line)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (
            b"\xef\xbb\xbf" + "编号,签到码,姓名\n".encode() + "A1,ZW01,张伟\n".encode("gbk"),
            "r.csv starts as UTF-8 (a byte-order mark) but has bytes that are not UTF-8 on line 2",
        ),
        (
            "编号,签到码,姓名\nA1,ZW01,张伟\n".encode()
            + b"\xb0A2,LN02,"
            + "李娜\nA3,WW03,王\n".encode()
            + b"A4,ZL04,\xff\n",
            "r.csv is UTF-8 but has bytes that are not UTF-8 on lines 3, 5",
        ),
    ],
    ids=["bom-then-gbk", "utf8-with-stray-bytes"],
)
def test_utf8_with_bytes_that_are_not_is_refused_with_their_lines_never_read_as_gbk(
    db: Path, tmp_path: Path, data: bytes, words: str
):
    (tmp_path / "r.csv").write_bytes(data)
    assert refused(db, tmp_path / "r.csv") == f"error: {words}: fix them, or save the file again as UTF-8"


def test_a_gbk_file_is_still_read_as_gbk(db: Path, tmp_path: Path):
    (tmp_path / "g.csv").write_bytes("编号,签到码,姓名,单位\nA1,ZW01,张伟,西安交通大学\n".encode("gbk"))
    assert cli(db, "roster", "import", str(tmp_path / "g.csv")).returncode == 0
    assert json.loads(cli(db, "search", "张伟", "--json").stdout)[0]["organization"] == "西安交通大学"

"""The headless commands: JSON shapes, one-line errors, no Qt on their path."""

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import DEMO_EVENT, ROOT, database_copy

ROSTER = "编号,签到码,姓名,单位,职务,手机,参会身份,参会论坛,语言\nA1,ZW01,张伟,西安交大,教授,13800001234,scientist,main;p1,zh\n"


def cli(db: Path, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, str(ROOT / "main.py"), *args]
    if args and args[0] not in ("-h",):
        command += ["--db", str(db)]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=ROOT)


@pytest.fixture(scope="module")
def cli_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli")
    path = folder / "k.sqlite"
    roster = folder / "r.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    assert cli(path, "event", "import", str(DEMO_EVENT)).returncode == 0
    assert cli(path, "roster", "import", str(roster)).returncode == 0
    return path


@pytest.fixture
def db(cli_db: Path, tmp_path: Path) -> Path:
    return database_copy(cli_db, tmp_path / "k.sqlite")


@pytest.mark.slow
def test_checkin_json_has_the_documented_shape(db: Path):
    result = cli(db, "checkin", " ZW01 ", "--at", "2023-12-06T08:30", "--json")
    out = json.loads(result.stdout)
    assert out["outcome"] == "admitted" and out["first_checkin"] is None and out["checkin_id"]
    assert set(out["delegate"]) >= {"id", "code", "name", "name_en", "organization", "title", "category",
                                    "forums", "status", "language"}  # fmt: skip
    assert out["delegate"]["forums"] == ["main", "p1"]
    again = json.loads(cli(db, "checkin", "ZW01", "--at", "2023-12-06T09:00", "--json").stdout)
    assert again["outcome"] == "already_checked_in"
    assert again["first_checkin"]["id"] == out["checkin_id"] and again["first_checkin"]["desk"] == "cli"


@pytest.mark.slow
def test_void_then_checkin_again(db: Path):
    first = json.loads(cli(db, "checkin", "ZW01", "--at", "2023-12-06T08:30", "--json").stdout)
    assert cli(db, "void", first["checkin_id"], "--reason", "wrong person").returncode == 0
    again = json.loads(cli(db, "checkin", "ZW01", "--at", "2023-12-06T08:40", "--json").stdout)
    assert again["outcome"] == "admitted"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("checkin", "ZW01", "--gate", "nowhere"), "unknown gate"),
        (("checkin", "ZW01", "--at", "yesterday"), "not an ISO 8601 time"),
        (("event", "import", "/nonexistent.json"), "no such file"),
        (("export", "out.pdf"), "export to .csv or .xlsx"),
        (("void", "no-such-id", "--reason", "x"), "no check-in"),
    ],
)
def test_bad_input_is_one_line_error_and_nonzero_exit(db: Path, args: tuple[str, ...], words: str):
    result = cli(db, *args)
    assert result.returncode != 0
    assert words in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.slow
def test_search_and_stats_json(db: Path):
    found = json.loads(cli(db, "search", "zw", "--json").stdout)
    assert [d["id"] for d in found] == ["A1"]
    cli(db, "checkin", "ZW01", "--at", "2023-12-06T08:31")
    stats = json.loads(cli(db, "stats", "--json").stdout)
    assert stats["by_gate"] == {"entrance": 1} and stats["by_category"] == {"scientist": 1}
    assert stats["per_10_min"] == [{"start": "2023-12-06T08:30:00+08:00", "admitted": 1}]


@pytest.mark.slow
def test_export_csv_and_xlsx_hold_the_journal_with_delegate_details(db: Path, tmp_path: Path):
    cli(db, "checkin", "ZW01", "--at", "2023-12-06T08:31")
    cli(db, "checkin", "nonsense", "--at", "2023-12-06T08:32")
    assert cli(db, "export", str(tmp_path / "j.csv")).returncode == 0
    with (tmp_path / "j.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["outcome"], r["name"]) for r in rows] == [("admitted", "张伟"), ("unknown_badge", "")]
    assert cli(db, "export", str(tmp_path / "j.xlsx")).returncode == 0
    sheet = load_workbook(tmp_path / "j.xlsx").active
    assert sheet.max_row == 3 and "张伟" in [c.value for c in sheet[2]]


@pytest.mark.slow
def test_rehearsal_entries_stay_out_of_stats_and_exports(db: Path, tmp_path: Path):
    assert "rehearsal on" in cli(db, "rehearsal", "on").stdout
    cli(db, "checkin", "ZW01", "--at", "2023-12-06T08:31")
    cli(db, "rehearsal", "off")
    assert json.loads(cli(db, "stats", "--json").stdout)["by_gate"] == {}
    cli(db, "export", str(tmp_path / "j.csv"))
    assert len((tmp_path / "j.csv").read_text(encoding="utf-8-sig").splitlines()) == 1


def test_headless_commands_do_not_import_qt(db: Path):
    probe = (
        "import sys, main; main.run(['checkin', 'ZW01', '--db', sys.argv[1], '--at', '2023-12-06T08:30']);"
        "print('QT' if any(m.startswith('PySide6') for m in sys.modules) else 'NOQT')"
    )
    result = subprocess.run([sys.executable, "-c", probe, str(db)], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip().endswith("NOQT")

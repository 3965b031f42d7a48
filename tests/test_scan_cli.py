"""``python main.py scan SOURCE``: JSON lines, end of a file source, print hooks, bad sources."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import main
from kiosk.demo.badgevideo import write_badge_video
from kiosk.model import How
from kiosk.store import Store
from tests.test_scan_support import CODES, START, code_picture, make_store, write_pictures

AT = (START.replace(tzinfo=None)).isoformat()  # parse_time reads it in the event's zone: inside the window


@pytest.fixture
def db(tmp_path: Path) -> Path:
    make_store(tmp_path / "k.sqlite").close()
    return tmp_path / "k.sqlite"


def scan(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict]]:
    code = main.run(["scan", *argv])
    out = capsys.readouterr().out
    return code, [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.mark.slow
def test_scan_of_a_video_prints_one_json_line_per_decision(tmp_path: Path, db: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    video = tmp_path / "desk.avi"
    truth = write_badge_video(video, [(CODES["D1"], 0.5, 0.3), (CODES["D1"], 0.5, 3.2), (CODES["D1"], 0.5, 0.1)],
                              size=(640, 360), variants=("still",))  # fmt: skip
    code, lines = scan(capsys, str(video), "--db", str(db), "--at", AT, "--every-frame", "--json")
    assert code == 0
    assert [(x["code"], x["outcome"]) for x in lines] == [
        (CODES["D1"], "admitted"),
        (CODES["D1"], "already_checked_in"),
    ]
    assert set(lines[0]) == {"code", "outcome", "frame", "t", "delegate"}
    assert lines[0]["delegate"]["id"] == "D1"
    assert truth[0].first_frame <= lines[0]["frame"] <= truth[0].last_frame
    assert truth[2].first_frame <= lines[1]["frame"] <= truth[2].last_frame
    assert lines[1]["t"] == pytest.approx(lines[1]["frame"] / 30, abs=1e-3)


def test_unknown_code_in_an_image_folder_has_a_null_delegate(tmp_path: Path, db: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = write_pictures(tmp_path / "pics", [code_picture(["NOBODY-42"])])
    code, lines = scan(capsys, str(folder), "--db", str(db), "--at", AT, "--json")
    assert code == 0
    assert lines == [
        {"code": "NOBODY-42", "outcome": "unknown_badge", "frame": 0, "t": 0.0, "delegate": None}
    ]


def test_print_to_prints_a_pass_for_the_admitted_delegate_only(tmp_path: Path, db: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = write_pictures(tmp_path / "pics", [code_picture([CODES["D2"], "NOBODY"])])
    out = tmp_path / "passes"
    code, lines = scan(capsys, str(folder), "--db", str(db), "--at", AT, "--json", "--print-to", f"pdf:{out}")
    assert code == 0 and len(lines) == 2
    jobs = Store(db).query("SELECT state, content FROM print_jobs")
    assert [job["state"] for job in jobs] == ["done"] and json.loads(jobs[0]["content"])["qr"] == CODES["D2"]
    assert len(list(out.glob("*.pdf"))) == 1


def test_print_to_without_a_printer_and_a_missing_source_are_clear_errors(
    tmp_path: Path, db: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    folder = write_pictures(tmp_path / "pics", [])
    assert main.run(["scan", str(folder), "--db", str(db), "--print-to", "x"]) != 0
    assert "--print-to" in capsys.readouterr().err
    assert main.run(["scan", str(tmp_path / "nothing.avi"), "--db", str(db)]) != 0
    assert "cannot scan" in capsys.readouterr().err


def journalled_how(db: Path) -> list[tuple[str, str]]:
    store = Store(db)
    try:
        return [(entry.code, entry.how) for _, entry in store.journal.since(0, limit=100)]
    finally:
        store.close()


def test_codes_read_from_pictures_are_journalled_as_camera(tmp_path: Path, db: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = write_pictures(tmp_path / "pics", [code_picture([CODES["D1"]])])
    code, lines = scan(capsys, str(folder), "--db", str(db), "--at", AT, "--json")
    assert code == 0 and [x["outcome"] for x in lines] == ["admitted"]
    assert journalled_how(db) == [(CODES["D1"], How.CAMERA)]


def test_codes_piped_in_one_a_line_are_decided_and_journalled_as_typed(
    db: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{CODES['D1']}\n\n  {CODES['D2']}  \n{CODES['D1']}\n"))
    code, lines = scan(capsys, "-", "--db", str(db), "--at", AT, "--json")
    assert code == 0
    assert [(x["code"], x["outcome"], x["frame"]) for x in lines] == [
        (CODES["D1"], "admitted", 0),
        (CODES["D2"], "admitted", 2),
        (CODES["D1"], "already_checked_in", 3),
    ]
    assert journalled_how(db) == [
        (CODES["D1"], How.TYPED),
        (CODES["D2"], How.TYPED),
        (CODES["D1"], How.TYPED),
    ]

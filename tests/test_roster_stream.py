"""Roster files read as a stream in batches, still all or nothing: a bad last line, a file
bigger than a batch, and an import of a million rows killed halfway."""

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.demo import generate_roster, write_roster_csv
from kiosk.importers.apply import import_roster
from kiosk.importers.duplicates import BATCH_ROWS
from kiosk.search import SearchIndex
from kiosk.store import Store
from tests.conftest import ROOT

OLD = "id,code,name\nX1,OLD1,张伟\nX2,OLD2,李娜\n"


def roster(store: Store) -> dict[str, tuple[str, str, str]]:
    return {d.id: (d.code, d.name, d.status) for d in store.roster.iter_delegates()}


def many_rows(count: int) -> str:
    return "".join(f"N{i},CODE{i},王{i}\n" for i in range(count))


@pytest.mark.parametrize(
    ("tail", "message"),
    [
        (b'N9,"unclosed,\xe7\x8e\x8b\n' + b"x" * 200_000, "line"),
        (b"N9,C9,\xff\xfe\n", "bytes that are not UTF-8 on line 4002"),
    ],
)
def test_a_file_broken_at_its_last_line_applies_nothing(
    event_store: Store, tmp_path: Path, tail: bytes, message: str
):
    (tmp_path / "old.csv").write_text(OLD, encoding="utf-8")
    import_roster(event_store, tmp_path / "old.csv")
    before = roster(event_store)
    path = tmp_path / "new.csv"
    path.write_bytes(("id,code,name\n" + many_rows(BATCH_ROWS * 2)).encode() + tail)
    report = import_roster(event_store, path)
    assert report.error is not None and message in report.error
    assert report.imported == 0 and report.rejected == [] and report.exit_code == 2
    assert roster(event_store) == before
    assert SearchIndex(event_store).ids("wang") == []


def test_duplicates_and_replace_reach_across_batches(event_store: Store, tmp_path: Path):
    (tmp_path / "old.csv").write_text(OLD, encoding="utf-8")
    import_roster(event_store, tmp_path / "old.csv")
    rows = many_rows(BATCH_ROWS * 2) + "X1,OLD1,张伟\nN0,ELSE,王二\nN7,CODE3,王七\n"
    path = tmp_path / "new.csv"
    path.write_text("id,code,name\n" + rows, encoding="utf-8")
    report = import_roster(event_store, path, replace=True)
    last = BATCH_ROWS * 2 + 2  # the line of X1
    assert [(r.line, r.reason, r.message) for r in report.rejected] == [
        (last + 1, "duplicate_id", "id already used on line 2: give each person their own id"),
        (last + 2, "duplicate_code", "code already used on line 5: give each person their own code"),
    ]
    assert report.imported == BATCH_ROWS * 2 and report.unchanged == 1 and report.revoked == 1
    assert roster(event_store)["X2"] == ("OLD2", "李娜", "cancelled")


IMPORT = """
import sys
from pathlib import Path
from kiosk.importers.apply import import_roster
from kiosk.store import Store
store = Store(sys.argv[1])
import_roster(store, Path(sys.argv[2]), progress=lambda n, phase: print(n, phase, flush=True))
print("finished", flush=True)
"""


@pytest.mark.slow
def test_an_import_of_a_million_rows_killed_halfway_leaves_the_old_roster(event_store: Store, tmp_path: Path):
    (tmp_path / "old.csv").write_text(OLD, encoding="utf-8")
    import_roster(event_store, tmp_path / "old.csv")
    before = roster(event_store)
    forums, categories = event_store.roster.forums(), event_store.roster.categories()
    event_store.close()
    big = tmp_path / "big.csv"
    write_roster_csv(big, generate_roster(1_000_000, forums, categories, seed=9))
    process = subprocess.Popen(
        [sys.executable, "-c", IMPORT, str(tmp_path / "kiosk.sqlite"), str(big)],
        cwd=ROOT, text=True, stdout=subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout is not None
    for line in process.stdout:  # wait until half the file has been read and written
        assert line != "finished\n"
        if line == "500000 read\n":
            break
    process.send_signal(signal.SIGKILL)
    process.wait()
    store = Store(tmp_path / "kiosk.sqlite")
    assert store.query_one("PRAGMA integrity_check")[0] == "ok"
    store.conn.execute("INSERT INTO search_index (search_index) VALUES ('integrity-check')")
    assert roster(store) == before
    assert SearchIndex(store).ids("zw") == ["X1"]

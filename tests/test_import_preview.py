"""An import's preview counts exactly what the import then does, and writes nothing."""

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.importers.apply import import_roster
from kiosk.store import Store
from tests.conftest import DEMO_EVENT, ROOT

FIRST = "code,name,category,forums\nK1,Ann,press,main\nK2,Bob,press,main\nK3,Carl,press,main\n"
SECOND = (
    "code,name,category,forums\n"
    "K1,Ann,press,main\n"  # unchanged
    "K2,Bob Changed,press,main\n"  # changed
    "K4,Dora,press,main\n"  # new
    "K5,,press,main\n"  # rejected: no name
    "K6,Emil,宇航员,main\n"  # new, with a warning: an unknown category
)  # K3 is not in the file: cancelled by a full-roster import


def counts(report) -> tuple[int, int, int, int, int, int]:  # type: ignore[no-untyped-def]
    return (report.imported, report.updated, report.unchanged, report.revoked, len(report.rejected),
            len(report.warnings))  # fmt: skip


def roster_state(store: Store) -> list[tuple[str, str, str]]:
    return sorted((d.id, d.name, d.status) for d in store.roster.iter_delegates())


def test_a_dry_run_counts_new_changed_unchanged_cancelled_rejected_and_changes_nothing(
    event_store: Store, tmp_path: Path
):
    (tmp_path / "first.csv").write_text(FIRST, encoding="utf-8")
    (tmp_path / "second.csv").write_text(SECOND, encoding="utf-8")
    import_roster(event_store, tmp_path / "first.csv")
    before, version = roster_state(event_store), event_store.roster.version
    preview = import_roster(event_store, tmp_path / "second.csv", replace=True, dry_run=True)
    assert counts(preview) == (2, 1, 1, 1, 1, 1) and preview.dry_run
    assert [(r.line, r.reason) for r in preview.rejected] == [(5, "missing_name")]
    assert [(w.line, w.reason) for w in preview.warnings] == [(6, "category_defaulted")]
    assert roster_state(event_store) == before and event_store.roster.version == version
    applied = import_roster(event_store, tmp_path / "second.csv", replace=True)
    assert counts(applied) == counts(preview) and not applied.dry_run
    assert roster_state(event_store) != before


@pytest.mark.slow
def test_roster_import_dry_run_prints_the_preview_and_leaves_the_database_file_as_it_was(tmp_path: Path):
    db, roster = tmp_path / "k.sqlite", tmp_path / "second.csv"
    roster.write_text(SECOND, encoding="utf-8")

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, str(ROOT / "main.py"), *args, "--db", str(db)],
                              capture_output=True, text=True, timeout=120, cwd=ROOT)  # fmt: skip

    assert cli("event", "import", str(DEMO_EVENT)).returncode == 0
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    result = cli("roster", "import", str(roster), "--dry-run")
    assert result.returncode == 1, result.stderr  # the exit code the import would have: rows rejected
    assert result.stdout.splitlines() == [
        "preview, nothing was written: would import 4, update 0, unchanged 0, cancel 0, rejected 1, warnings 1",
        "  line 5: no name: fill in the name column (missing_name)",
        "  line 6: warning: unknown category '宇航员', kept without a category: correct the cell or add the "
        "category to the event file (category_defaulted)",
    ]
    report = json.loads(cli("roster", "import", str(roster), "--dry-run", "--json").stdout)
    assert (report["imported"], report["dry_run"], len(report["warnings"])) == (4, True, 1)
    assert json.loads(cli("search", "Dora", "--json").stdout) == []
    assert hashlib.sha256(db.read_bytes()).hexdigest() == digest

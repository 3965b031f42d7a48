"""A purge that leaves nothing: every text column classified, and after the kiosk's and the
hub's purge no file either of them wrote holds a delegate's name or phone. Real SQLite files,
a real hub on loopback (uvicorn), real PDF and export files."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from hub.store import HubStore
from hub.store import purge as hub_purge
from kiosk import keys
from kiosk.export import export_journal
from kiosk.model import Outcome
from kiosk.pretix import store as pretix_store
from kiosk.printing.backends import PdfFolderPrinter
from kiosk.printing.issue import pass_content
from kiosk.printing.queue import PrintQueue
from kiosk.purge import PurgeError, purge, text_columns, unclassified
from kiosk.store import Store
from kiosk.sync.client import HubClient
from kiosk.sync.engine import sync_once
from tests.conftest import ROOT
from tests.hub_support import BACKENDS, make_desk, roster, running_hub

NAME, NAME_EN, PHONE = "司马相如", "Sima Xiangru", "13912345678"


class _TextRenderer:
    """A pass 'PDF' with the name in plain bytes, so the grep below would see any left behind."""

    def pdf(self, content: object, layout: object) -> bytes:
        return f"%PDF-1.4 {content}".encode()


def every_migration(store: Store) -> Store:
    keys.trusted(store)  # creates the trusted keys' table
    pretix_store.ensure(store)
    PrintQueue(store, PdfFolderPrinter(Path("/nonexistent"), _TextRenderer()))  # type: ignore[arg-type]
    return store


def test_every_text_column_of_the_kiosk_and_the_hub_is_classified(tmp_path: Path) -> None:
    store = every_migration(Store(tmp_path / "kiosk.sqlite"))
    tables = {t for t, _ in text_columns(store)}
    assert {"delegates", "journal", "print_jobs", "pretix_positions", "trusted_keys"} <= tables
    assert unclassified(text_columns(store)) == []
    hub = HubStore(tmp_path / "hub.sqlite")
    assert {t for t, _ in hub_purge.text_columns(hub)} >= {"hub_delegates", "hub_checkins", "hub_sessions"}
    assert hub_purge.unclassified(hub) == []


def test_a_column_the_purge_does_not_know_stops_it_before_anything_changes(tmp_path: Path) -> None:
    store = Store(tmp_path / "kiosk.sqlite")
    store.conn.execute("CREATE TABLE lanyards (id INTEGER PRIMARY KEY, holder TEXT)")
    store.conn.execute("INSERT INTO lanyards (holder) VALUES (?)", (NAME,))
    with pytest.raises(PurgeError, match="lanyards.holder"):
        purge(store)
    assert [tuple(r) for r in store.query("SELECT holder FROM lanyards")] == [(NAME,)]


def leaks(root: Path, needles: list[str]) -> list[str]:
    """Every file under ROOT (and every member of a zip, such as an XLSX) holding a needle."""
    found = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        blobs = {str(path.relative_to(root)): path.read_bytes()}
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                blobs |= {f"{path.name}:{n}": archive.read(n) for n in archive.namelist()}
        found += [
            f"{where} holds {n}" for where, blob in blobs.items() for n in needles if n.encode() in blob
        ]
    return found


@pytest.mark.slow
@pytest.mark.parametrize("backend", BACKENDS)
def test_after_the_purges_no_file_the_kiosk_or_the_hub_wrote_holds_a_name_or_phone(
    backend: str, tmp_path: Path
) -> None:
    with running_hub(backend, tmp_path / "hub") as hub:
        person = dataclasses.replace(roster(1)[0], name=NAME, name_en=NAME_EN, phone=PHONE, status="active")
        hub.store.roster.put([person])
        (tmp_path / "kiosk").mkdir()
        desk = make_desk(hub, tmp_path / "kiosk", "desk-1")
        sync_once(desk.store, HubClient(hub.url, desk.token))
        service = desk.service
        decision = service.check_in(person.code)
        assert decision.outcome is Outcome.ADMITTED and decision.checkin_id is not None
        service.override(person.code, f"{NAME} lost the badge, phone {PHONE}")
        queue = PrintQueue(desk.store, PdfFolderPrinter(tmp_path / "kiosk" / "passes", _TextRenderer()))  # type: ignore[arg-type]
        queue.enqueue(decision.checkin_id, pass_content(service, person, "zh"))
        assert queue.pump() == 1
        export_journal(desk.store, tmp_path / "kiosk" / "journal.csv")
        export_journal(desk.store, tmp_path / "kiosk" / "journal.xlsx")
        sync_once(desk.store, HubClient(hub.url, desk.token))
        needles = [NAME, NAME_EN, PHONE]
        assert leaks(tmp_path, needles)  # before: the kiosk's files (and the hub's, on SQLite) hold them

        assert hub_purge.text_columns(hub.store) and hub_purge.unclassified(hub.store) == []
        report = purge(desk.store)
        assert len(report.files_removed) == 3  # the pass and the two exports
        desk.store.close()
        hub.stop()  # the operator stops the hub, then purges its store
        flag = "--database-url" if backend == "postgres" else "--db"
        result = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "hub", "purge", flag, hub.target, "--yes"],
            capture_output=True, text=True, timeout=120, cwd=ROOT,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert leaks(tmp_path, needles) == []
        if backend == "postgres":  # its files are the server's: ask it instead
            with hub.store.read() as conn:
                rows = conn.execute("SELECT body FROM hub_delegates").fetchall()
                rows += conn.execute("SELECT reason, operator FROM hub_checkins").fetchall()
            assert [n for n in needles if n in str(rows)] == []

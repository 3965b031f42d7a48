"""The supervisor's phone: an admin field stored with the other settings, checked before anything
is saved (one translated line for a bad number), shown by the desk's F8 in both languages.
The app layer without Qt; the admin tab and the desk with real widgets (offscreen)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.app import settings as settings_module
from kiosk.app.flow import Mode
from kiosk.app.kiosk_app import KioskApp
from kiosk.app.settings import check_phone
from kiosk.errors import ErrorCode, KioskError
from kiosk.store import Store
from tests.ui_support import close, demo_store, make_context, show_desk
from ui.admin.screen import AdminScreen
from ui.bridge import AppContext

pytestmark = pytest.mark.timeout(600)  # a guard against a hang, not a speed limit
WORDS = {  # what each language must show (the translation is checked, not only the English)
    "en": {"bad": "Not saved: “138-CALL-ME” is not a phone number.", "call": "Call the supervisor: Li Na · 138 0000 1234",
           "no phone": "Call the supervisor: Li Na (no phone number is set for this desk)."},
    "zh_CN": {"bad": "未保存：“138-CALL-ME”不是电话号码。", "call": "请呼叫主管：Li Na · 138 0000 1234",
              "no phone": "请呼叫主管：Li Na（本服务台未设置联系电话）。"},
}  # fmt: skip


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("138 0000 1234", "138 0000 1234"), ("  +86 (10)  6552-8888 ", "+86 (10) 6552-8888"),
     ("１３８ ００００ １２３４", "138 0000 1234"), ("8012", "8012"), ("", ""), ("   ", "")],
)  # fmt: skip
def test_a_phone_number_is_kept_as_typed_with_its_spaces_tidied(typed: str, stored: str) -> None:
    assert check_phone(typed) == stored


@pytest.mark.parametrize(
    "typed", ["138-CALL-ME", "12", "1" * 21, "138 0000 1234 ext 5", "++86 138", "86+138"]
)
def test_what_is_not_a_phone_number_is_refused_with_its_code(typed: str) -> None:
    with pytest.raises(KioskError) as refused:
        check_phone(typed)
    assert refused.value.code is ErrorCode.BAD_PHONE and refused.value.data["phone"] == " ".join(
        typed.split()
    )


def test_a_bad_number_saves_nothing_and_a_good_one_is_stored_with_the_settings(tmp_path: Path) -> None:
    store, _ = demo_store(tmp_path, 10)
    app = KioskApp(store)
    try:
        with pytest.raises(KioskError):
            app.update_settings(supervisor="Li Na", supervisor_phone="138-CALL-ME", desk="desk-9")
        assert (app.settings.supervisor, app.settings.desk) == ("", "desk-1")
        assert store.get_meta("settings.supervisor") is None  # nothing of that save was written
        app.update_settings(supervisor="Li Na", supervisor_phone=" 138  0000 1234")
        assert settings_module.load(store).supervisor_phone == "138 0000 1234"
        assert app.settings.supervisor_contact == "Li Na · 138 0000 1234"
    finally:
        app.close()
        store.close()


@pytest.mark.parametrize(
    ("line", "name", "phone"),
    [("Li Na 138 0000 1234", "Li Na", "138 0000 1234"), ("李娜：13800001234", "李娜", "13800001234"),
     ("Li Na", "Li Na", ""), ("Team B 12", "Team B 12", "")],
)  # fmt: skip
def test_a_store_with_name_and_phone_in_one_line_is_upgraded_to_the_two_fields(
    tmp_path: Path, line: str, name: str, phone: str
) -> None:
    store = Store(tmp_path / "old.sqlite")
    store.set_meta("settings.version", "1")  # a store from before the phone had its own field
    store.set_meta("settings.supervisor", line)
    try:
        loaded = settings_module.load(store)
        assert (loaded.supervisor, loaded.supervisor_phone) == (name, phone)
        assert store.get_meta("settings.version") == str(len(settings_module.UPGRADES))
    finally:
        store.close()


def activate(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    """Make ``widget`` the active window, so its keys and focus are real (the last one shown is not
    always the active one offscreen)."""
    widget.raise_()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=10000)


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def context(qapp, tmp_path: Path, language: str) -> Iterator[AppContext]:  # type: ignore[no-untyped-def]
    store, _ = demo_store(tmp_path, 30)
    ctx = make_context(store, tmp_path, language=language, mode="admin")
    yield ctx
    ctx.set_language("en")  # the app-wide translator is global: leave it as other tests expect
    close(None, ctx)
    store.close()


def test_the_admin_field_refuses_a_bad_number_in_one_line_and_keeps_a_good_one(qtbot, context, language):  # type: ignore[no-untyped-def]
    screen = AdminScreen(context)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitExposed(screen)
    activate(qtbot, screen)
    tab = screen.settings_tab
    screen.tabs.setCurrentWidget(tab)
    tab.supervisor.setText("Li Na")
    tab.supervisor_phone.setText("138-CALL-ME")
    qtbot.mouseClick(tab.apply, Qt.MouseButton.LeftButton)
    assert tab.status.text().startswith(WORDS[language]["bad"]) and "\n" not in tab.status.text()
    assert context.app.settings.supervisor == "" and tab.supervisor_phone.hasFocus()
    tab.supervisor_phone.setText("138  0000 1234")
    qtbot.mouseClick(tab.apply, Qt.MouseButton.LeftButton)
    assert context.app.settings.supervisor_contact == "Li Na · 138 0000 1234"
    assert tab.supervisor_phone.text() == "138 0000 1234" and tab.supervisor_phone.height() >= 48
    assert context.app.store.get_meta("settings.supervisor_phone") == "138 0000 1234"


def test_f8_at_the_desk_shows_the_supervisor_and_their_phone(qtbot, context, language):  # type: ignore[no-untyped-def]
    context.app.flow.enter_mode(Mode.DESK, "test")
    desk = show_desk(qtbot, context)
    activate(qtbot, desk)
    desk.search.setFocus()
    context.app.update_settings(supervisor="Li Na", supervisor_phone="138 0000 1234")
    qtbot.keyClick(desk.search, Qt.Key.Key_F8)
    assert desk.banner.text() == WORDS[language]["call"]
    context.app.update_settings(supervisor_phone="")
    qtbot.keyClick(desk.search, Qt.Key.Key_F8)
    assert desk.banner.text() == WORDS[language]["no phone"]

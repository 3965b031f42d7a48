"""The admin screen with real widgets (offscreen), a real SQLite demo store and the real importer."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.app.flow import Mode
from kiosk.app.kiosk_app import KioskApp
from kiosk.demo.roster import generate_roster, write_roster_csv
from kiosk.model import ENTRANCE
from tests.ui_support import demo_template, store_copy
from ui.admin.screen import AdminScreen
from ui.bridge import AppContext
from ui.screenshots.admin_states import stage

pytestmark = pytest.mark.timeout(600)  # a guard against a hang, not a speed limit


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_template(tmp_path_factory, "admin", 300)


@pytest.fixture
def context(qapp, demo_db: Path, tmp_path: Path) -> Iterator[AppContext]:  # type: ignore[no-untyped-def]
    store = store_copy(demo_db, tmp_path)
    ctx = AppContext(KioskApp(store))
    ctx.set_language("en")  # the app-wide translator is global: every test starts from English
    ctx.app.flow.enter_mode(Mode.ADMIN, "test")
    yield ctx
    ctx.set_language("en")  # leave the app as other tests expect it
    ctx.close()
    store.close()


@pytest.fixture
def admin(qtbot, context: AppContext) -> AdminScreen:  # type: ignore[no-untyped-def]
    screen = AdminScreen(context)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def admitted_codes(context: AppContext, count: int) -> list[str]:
    codes = [d.code for d in context.app.store.roster.iter_delegates() if d.active][:count]
    for code in codes:
        assert context.app.service.check_in(code).admitted
    return codes


@pytest.mark.slow
def test_roster_import_shows_progress_and_lists_rejected_lines(qtbot, admin, context, tmp_path):  # type: ignore[no-untyped-def]
    store = context.app.store
    people = generate_roster(5200, store.roster.forums(), store.roster.categories(), seed=5)
    people = [replace(p, id=f"N{i}", code=f"NEW{i:09d}") for i, p in enumerate(people)]
    path = tmp_path / "roster.csv"
    write_roster_csv(path, people)
    with path.open("a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["X1", "XCODE0001", "", "", "西北大学", "", "", "", "scientist", "main", "", "zh"])
        writer.writerow(
            ["X2", "XCODE0002", "周明", "", "西北大学", "", "", "", "scientist", "nowhere", "", "zh"]
        )
    tab = admin.roster_tab
    admin.tabs.setCurrentWidget(tab)
    seen: list[int] = []
    tab.progress.valueChanged.connect(seen.append)
    tab.path.setText(str(path))
    assert not tab.start.isEnabled()  # the file is checked before it is imported
    qtbot.mouseClick(tab.check, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.report is not None and tab.start.isEnabled(), timeout=60000)
    assert tab.report.dry_run and tab.report.imported == 5200 and store.roster.lookup("NEW000000007") is None
    seen.clear()
    with qtbot.waitSignal(context.events.roster_changed, timeout=60000):
        qtbot.mouseClick(tab.start, Qt.MouseButton.LeftButton)
    assert tab.report is not None and tab.report.imported == 5200 and not tab.report.dry_run
    assert 5000 in seen, "the bar moved with the rows read"
    assert tab.progress.value() == tab.progress.maximum()
    lines = [tab.rejected.item(r, 0).text() for r in range(tab.rejected.rowCount())]
    assert lines == ["5202", "5203"]
    assert "“nowhere” is not a forum of this event" in tab.rejected.item(1, 2).text()
    assert "5200" in tab.summary.text() and "2" in tab.summary.text()
    assert store.roster.lookup("NEW000000007") is not None


def test_a_file_that_cannot_be_read_changes_nothing_and_says_why(qtbot, admin, context, tmp_path):  # type: ignore[no-untyped-def]
    before = context.app.store.roster.count()
    path = tmp_path / "notes.csv"
    path.write_text("colour,size\nred,3\n", encoding="utf-8")
    tab = admin.roster_tab
    tab.path.setText(str(path))
    tab.start_preview()
    qtbot.waitUntil(lambda: tab.report is not None, timeout=60000)
    assert not tab.start.isEnabled()  # nothing to import
    assert tab.report.error and "nothing was changed" in tab.summary.text()
    assert context.app.store.roster.count() == before


def test_stats_charts_get_data_and_follow_new_arrivals(qtbot, admin, context):  # type: ignore[no-untyped-def]
    codes = admitted_codes(context, 25)
    stats = admin.stats_tab
    admin.tabs.setCurrentWidget(stats)
    qtbot.waitUntil(lambda: stats.refreshes >= 1 and sum(stats.arrivals.values) == 25, timeout=60000)
    assert sum(stats.categories.values) == 25
    assert stats.arrivals.chart_.series() and stats.forums.chart_.series()
    assert len(stats.forums.values) == len(context.app.store.roster.forums())
    assert "25" in stats.summary.text() and "300" in stats.summary.text()
    more = next(d.code for d in context.app.store.roster.iter_delegates() if d.active and d.code not in codes)
    context.app.service.check_in(more)
    qtbot.waitUntil(lambda: sum(stats.arrivals.values) == 26, timeout=60000)


def test_vips_arrived_and_not_yet(qtbot, admin, context):  # type: ignore[no-untyped-def]
    vips = {c.id for c in context.app.store.roster.categories() if c.vip}
    vip = next(d for d in context.app.store.roster.iter_delegates() if d.category in vips and d.active)
    context.app.service.check_in(vip.code)
    tab = admin.vip_tab
    admin.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.arrived.count() == 1, timeout=60000)
    assert vip.name in tab.arrived.item(0).text()
    waiting = [tab.waiting.item(i).text() for i in range(tab.waiting.count())]
    assert waiting and not any(text.startswith(vip.name + " ·") for text in waiting)


def test_purge_asks_for_the_admin_pin_again_and_a_wrong_one_purges_nothing(qtbot, admin, context):  # type: ignore[no-untyped-def]
    from kiosk import security

    security.set_pin(context.app.store, "2468")
    tab = admin.data_tab
    admin.tabs.setCurrentWidget(tab)
    assert not tab.purge_button.isEnabled() and tab.confirm.echoMode() == tab.confirm.EchoMode.Password
    assert "PURGE" not in tab.purge_note.text() + tab.confirm.placeholderText()
    first = next(context.app.store.roster.iter_delegates())
    qtbot.keyClicks(tab.confirm, "1357")
    qtbot.mouseClick(tab.purge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Wrong PIN" in tab.purge_result.text(), timeout=60000)
    assert "tries left" in tab.purge_result.text() and tab.confirm.text() == ""
    assert context.app.store.roster.delegate(first.id).name == first.name
    assert context.app.store.journal.since(0)[-1][1].action == "pin_failure"  # journalled like the PIN screen
    qtbot.keyClicks(tab.confirm, "2468")
    with qtbot.waitSignal(context.events.roster_changed, timeout=60000):
        qtbot.keyClick(tab.confirm, Qt.Key.Key_Return)
    assert context.app.store.roster.delegate(first.id).name == ""
    assert "300" in tab.purge_result.text()


def test_export_writes_every_check_in(qtbot, admin, context, tmp_path):  # type: ignore[no-untyped-def]
    admitted_codes(context, 3)
    target = tmp_path / "journal.csv"
    admin.data_tab.export_to(target)
    qtbot.waitUntil(lambda: "3" in admin.data_tab.export_result.text() and target.exists(), timeout=60000)
    rows = list(csv.reader(target.open(encoding="utf-8-sig")))
    assert len(rows) == 4 and rows[0][0] == "checkin_id"


def test_rehearsal_switch_sets_the_store(qtbot, admin, context):  # type: ignore[no-untyped-def]
    admin.data_tab.rehearsal.setChecked(True)
    assert context.app.store.rehearsal
    admin.data_tab.rehearsal.setChecked(False)
    assert not context.app.store.rehearsal


def test_settings_choose_the_gate_mode_and_language(qtbot, admin, context):  # type: ignore[no-untyped-def]
    tab = admin.settings_tab
    forum = context.app.store.roster.forums()[1]
    tab.gate.setCurrentIndex(tab.gate.findData(forum.id))
    tab.mode.setCurrentIndex(tab.mode.findData("door"))
    tab.language.setCurrentIndex(tab.language.findData("en"))
    tab.save()
    assert context.app.service.gate.id == forum.id
    assert context.app.settings.mode == "door" and context.language == "en"
    admin.leave_admin()
    assert context.app.flow.mode is Mode.DOOR


def test_staged_states_for_the_screenshots(qtbot, admin, context):  # type: ignore[no-untyped-def]
    stage(admin, "preview")
    assert admin.roster_tab.rejected.rowCount() == 4 and admin.roster_tab.start.isEnabled()
    stage(admin, "import")
    assert admin.roster_tab.rejected.rowCount() == 4  # three rejected, one kept with a warning
    stage(admin, "stats")
    assert sum(admin.stats_tab.arrivals.values) > 100
    assert context.app.store.query_one("SELECT COUNT(*) FROM admissions WHERE gate != ?", (ENTRANCE,))[0] > 0


def small_video(tmp_path: Path) -> Path:
    import cv2
    import numpy as np

    video = tmp_path / "door-camera.avi"
    writer = cv2.VideoWriter(str(video), cv2.VideoWriter.fourcc(*"MJPG"), 10, (320, 240))
    for shade in range(5):
        writer.write(np.full((240, 320, 3), 40 * shade, dtype=np.uint8))
    writer.release()
    return video


def test_camera_preview_shows_a_frame_of_the_chosen_source(qtbot, admin, context, tmp_path):  # type: ignore[no-untyped-def]
    video = small_video(tmp_path)
    context.app.update_settings(camera=str(video))  # as `--camera FILE` leaves it
    tab = admin.settings_tab
    tab.load()
    assert tab.camera.currentData() == str(video) and str(video) in tab.camera.currentText()
    tab.preview()
    qtbot.waitUntil(lambda: not tab.preview_label.pixmap().isNull(), timeout=60000)
    tab.camera.setCurrentIndex(tab.camera.findData("none"))
    tab.preview()
    assert tab.preview_label.pixmap().isNull() and tab.preview_label.text()


def test_cameras_are_picked_from_the_devices_qt_lists_never_typed(qtbot, admin, context, monkeypatch):  # type: ignore[no-untyped-def]
    import ui.admin.settings_tab as admin_settings
    from ui.admin.devices import video_inputs

    assert all(value and name for value, name in video_inputs())  # the real list (empty on this machine)
    cameras = [("/dev/video0", "USB Camera"), ("/dev/video2", "Document Camera")]  # a desk with two
    monkeypatch.setattr(admin_settings, "video_inputs", lambda: cameras)
    tab = admin.settings_tab
    assert not tab.camera.isEditable()
    tab.look_for_cameras()
    assert [tab.camera.itemData(i) for i in range(tab.camera.count())][:4] == [
        "demo",
        "none",
        "/dev/video0",
        "/dev/video2",
    ]
    assert (
        tab.camera.itemText(3) == "Document Camera (/dev/video2)" and "2 camera(s) found" in tab.status.text()
    )


def test_a_new_camera_is_used_at_once_without_a_restart(qtbot, admin, context, monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    import ui.admin.settings_tab as admin_settings

    video = small_video(tmp_path)
    monkeypatch.setattr(admin_settings, "video_inputs", lambda: [(str(video), "Door camera")])
    tab = admin.settings_tab
    tab.look_for_cameras()
    tab.camera.setCurrentIndex(tab.camera.findData(str(video)))
    tab.save()
    assert context.app.camera is not None and context.app.camera.source == str(video)
    assert "Saved and in use" in tab.status.text()
    tab.camera.setCurrentIndex(tab.camera.findData("none"))
    tab.save()
    assert context.app.camera is None


def test_a_new_printer_is_used_at_once_and_a_test_pass_comes_out(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    from tests.ui_support import close, demo_store, make_context

    store, _ = demo_store(tmp_path, 50)
    context = make_context(store, tmp_path, mode="admin", printer_dir=tmp_path / "passes")
    screen = AdminScreen(context)
    qtbot.addWidget(screen)
    try:
        tab = screen.settings_tab
        queues = [tab.printer.itemData(i) for i in range(tab.printer.count())]
        assert "cups:kiosk-pdf" in queues  # the CUPS queue scripts/setup.d makes, listed by QPrinterInfo
        tab.printer.setCurrentIndex(tab.printer.findData("cups:kiosk-pdf"))
        tab.save()
        assert (
            context.app.print_queue.printer.name.endswith("kiosk-pdf")
            and "Saved and in use" in tab.status.text()
        )
        tab.printer.setCurrentIndex(tab.printer.findData("pdf"))
        tab.save()
        assert context.app.print_queue.printer.name == f"pdf:{tmp_path / 'passes'}"
        qtbot.mouseClick(tab.test_print, Qt.MouseButton.LeftButton)
        assert "Test pass sent to pdf:" in tab.status.text()
        qtbot.waitUntil(lambda: any((tmp_path / "passes").glob("pass-*.pdf")), timeout=60000)
    finally:
        close(screen, context)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_dropdown_rows_table_rows_and_buttons_are_at_least_48_px(qtbot, admin, context, language):  # type: ignore[no-untyped-def]
    context.set_language(language)
    tab = admin.settings_tab
    for box in (tab.mode, tab.gate, tab.camera, tab.printer, tab.layout_box):
        assert box.height() >= 48 and box.view().sizeHintForRow(0) >= 48, box.currentText()
    assert admin.roster_tab.rejected.verticalHeader().defaultSectionSize() >= 48
    assert tab.apply.height() >= 48 and admin.leave.height() >= 48


@pytest.mark.parametrize(("language", "door", "desk"), [("en", "Back to forum door", "Back to help desk"),
                                                        ("zh_CN", "返回论坛入口", "返回服务台")])  # fmt: skip
def test_the_way_out_names_the_mode_just_saved(qtbot, admin, context, language, door, desk):  # type: ignore[no-untyped-def]
    context.set_language(language)
    tab = admin.settings_tab
    tab.mode.setCurrentIndex(tab.mode.findData("door"))
    tab.save()
    assert admin.leave.text().startswith(door)
    tab.mode.setCurrentIndex(tab.mode.findData("desk"))
    tab.save()
    assert admin.leave.text().startswith(desk)


@pytest.mark.slow
def test_a_desk_joins_the_hub_with_a_pasted_enrolment_code_then_syncs_now_and_in_the_background(
    qtbot, event_store, tmp_path
):  # type: ignore[no-untyped-def]
    from kiosk.sync.enrol import Enrolment
    from tests.hub_support import make_hub, roster

    hub = make_hub(str(tmp_path / "hub.sqlite"), roster(60)).serve()
    context = AppContext(KioskApp(event_store))
    context.set_language("en")
    context.app.flow.enter_mode(Mode.ADMIN, "test")
    screen = AdminScreen(context)
    qtbot.addWidget(screen)
    screen.show()
    tab = screen.sync_tab
    try:
        screen.tabs.setCurrentWidget(tab)
        qtbot.mouseClick(tab.now, Qt.MouseButton.LeftButton)
        assert "Join the hub first" in tab.result.text()  # no typed token: nothing to sync with yet
        code = Enrolment(hub.url, "door-b1", hub.store.enrolments.create("door-b1")).text()
        qtbot.keyClicks(tab.code, "not a code")
        qtbot.mouseClick(tab.join_button, Qt.MouseButton.LeftButton)
        assert "not an enrolment code" in tab.result.text()
        tab.code.setText(code)  # pasted
        qtbot.mouseClick(tab.join_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Joined the hub at" in tab.joined.text(), timeout=60000)
        assert context.app.settings.desk == "door-b1" and tab.code.text() == ""
        token = event_store.get_meta("sync.token")
        assert token and token not in tab.joined.text() + tab.result.text()  # kept, never shown
        with qtbot.waitSignal(context.events.roster_changed, timeout=60000):
            qtbot.mouseClick(tab.now, Qt.MouseButton.LeftButton)
        assert event_store.roster.count() == 60
        assert "60 roster changes" in tab.result.text()
        assert event_store.get_meta("sync.hub_url") == hub.url
        tab.code.setText(code)  # the same code again: used once already
        qtbot.mouseClick(tab.join_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "used already or has expired" in tab.result.text(), timeout=60000)
        tab.auto.setChecked(True)
        worker = context.app.sync_worker  # held by the context, so it outlives the tab
        assert worker is not None and context.app.settings.auto_sync
        assert event_store.get_meta("sync.token") == token  # kept so the sync resumes after a restart
        context.app.service.check_in(hub.delegates[0].code)  # journalled (refused or not), so it is pushed
        qtbot.waitUntil(lambda: worker.state().backlog == 0 and worker.state().connected, timeout=60000)
        tab.show_state()
        assert "connected" in tab.state.text() and " 0 check-ins waiting" in tab.state.text()
    finally:
        tab.auto.setChecked(False)
        context.close()
        hub.stop()
        hub.store.close()


def test_automatic_sync_resumes_after_a_restart_and_the_dot_shows_its_health(qtbot, event_store, tmp_path):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    from kiosk.app import settings as settings_module
    from tests.hub_support import make_hub, roster
    from ui.shell.sync_dot import SyncDot

    hub = make_hub(str(tmp_path / "hub.sqlite"), roster(20)).serve()
    first = AppContext(KioskApp(event_store))
    first.app.update_settings(auto_sync=True)
    first.app.start_sync(hub.url, hub.token("desk-1"))
    first.close()  # the app stops; what it saved lets the next start resume on its own
    context = AppContext(KioskApp(event_store, settings=settings_module.load(event_store)))
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(400, 300)
    dot = SyncDot(context, host)
    try:
        assert context.app.resume_sync()
        qtbot.waitUntil(lambda: (dot.refresh(), dot.health == "ok")[1], timeout=60000)
        assert event_store.roster.count() == 20
        assert "connected" in dot.toolTip()
        hub.stop()
        qtbot.waitUntil(lambda: (dot.refresh(), dot.health == "away")[1], timeout=60000)
        assert "out of reach" in dot.toolTip()
    finally:
        context.close()
        hub.store.close()
    assert dot.refresh() is None and dot.health is None  # no worker after close: the dot hides

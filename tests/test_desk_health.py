"""A running kiosk reports its printer and camera to a real hub: a real ESC/POS printer on
loopback whose paper sensor says empty, a camera that cannot be opened, the app's own sync."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.app.health import camera_health, printer_health
from kiosk.app.kiosk_app import KioskApp
from kiosk.clock import FixedClock
from kiosk.demo.samples import sample_passes
from kiosk.printing.escpos import EscposPrinter
from kiosk.printing.queue import PrinterState, PrintQueue
from kiosk.store import Store
from tests.conftest import at
from tests.hub_support import Hub, running_hub, wait_until
from tests.test_print_escpos import PAPER_END, PAPER_OK, FakeEscposPrinter
from ui.passes import QtPassRenderer


def desk_row(hub: Hub, desk: str) -> dict[str, object] | None:
    return next((d for d in hub.store.desks.fleet() if d["desk"] == desk), None)


def reported(hub: Hub, desk: str, **expected: object) -> bool:
    row = desk_row(hub, desk)
    return row is not None and all(row["report"][k] == v for k, v in expected.items())  # type: ignore[index]


@pytest.mark.slow
def test_a_kiosk_reports_its_printer_out_of_paper_and_its_camera_offline_then_back(
    tmp_path: Path, event_store: Store
):
    printer = FakeEscposPrinter(paper=PAPER_END)
    clock = FixedClock(at("2023-12-06T10:00"))
    store = event_store
    queue = PrintQueue(store, EscposPrinter(f"127.0.0.1:{printer.port}", QtPassRenderer()), clock)
    app = KioskApp(store, print_queue=queue)
    app.update_settings(desk="entrance-3")
    with running_hub("sqlite", tmp_path) as hub:
        try:
            job = queue.enqueue("checkin-1", sample_passes()["d-en"])
            assert queue.pump() == 0  # the sensor said no paper: the pass waits
            app.start_camera(str(tmp_path / "no-such-camera.mp4"))
            wait_until(lambda: app.camera is not None and app.camera.state == "failed:open")
            app.start_sync(hub.url, hub.token("entrance-3"))
            wait_until(lambda: reported(hub, "entrance-3", printer_state="out_of_paper", printer_queue=1,
                                        camera_state="offline", mode="selfservice", gate="entrance"))  # fmt: skip
            assert desk_row(hub, "entrance-3")["problems"] == ["out_of_paper"]  # type: ignore[index]

            printer.paper = PAPER_OK  # paper loaded; the retry is due after the back-off
            clock.advance(seconds=60)
            assert queue.pump() == 1 and queue.jobs.job(job).state == "done"
            wait_until(lambda: reported(hub, "entrance-3", printer_state="ok", printer_queue=0))
            assert desk_row(hub, "entrance-3")["problems"] == []  # type: ignore[index]
            history = [c["state"]["printer_state"] for c in hub.store.desks.changes("entrance-3")]
            assert history[:2] == ["ok", "out_of_paper"]
        finally:
            app.close()
            printer.close()


def state(status: str, waiting: int = 0, paper_out: bool = False) -> PrinterState:
    return PrinterState("p", status, waiting, 0, "", 0.0, paper_out)


@pytest.mark.parametrize(
    ("printer", "expected"),
    [(None, ("none", 0)), (state("ready"), ("ok", 0)), (state("printing", 2), ("ok", 2)),
     (state("offline", 3), ("offline", 3)), (state("offline", 1, paper_out=True), ("out_of_paper", 1)),
     (state("stuck", 4), ("error", 4))],
)  # fmt: skip
def test_the_print_queue_state_is_reported_in_the_hubs_words(printer, expected):
    assert printer_health(printer) == expected


@pytest.mark.parametrize(
    ("camera", "expected"),
    [(None, "none"), ("live", "ok"), ("paused", "paused"), ("failed:lost", "no_signal"),
     ("failed:open", "offline"), ("stopped", "offline"), ("", "offline")],
)  # fmt: skip
def test_the_camera_state_is_reported_in_the_hubs_words(camera, expected):
    assert camera_health(camera) == expected

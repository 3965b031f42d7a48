"""The durable print queue with the PDF-folder printer: once per check-in, reprints, restarts."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from kiosk.clock import FixedClock
from kiosk.demo.samples import install_samples, sample_passes
from kiosk.printing.backends import PdfFolderPrinter
from kiosk.printing.queue import PrintQueue
from kiosk.printing.wiring import attach_printing
from kiosk.service import CheckinService
from kiosk.store import Store
from ui.passes import QtPassRenderer
from ui.passes.printers import qt_printers

PRINTERS = qt_printers()  # what main.py hands to the commands that print


@pytest.fixture()
def clock():
    return FixedClock(datetime(2023, 12, 6, 1, 0, tzinfo=UTC))


@pytest.fixture()
def queue(tmp_path, clock):
    return PrintQueue(
        Store(tmp_path / "k.sqlite"), PdfFolderPrinter(tmp_path / "out", QtPassRenderer()), clock
    )


def pdfs(folder) -> list:
    return sorted(folder.glob("*.pdf")) if folder.exists() else []


def test_a_check_in_is_printed_once_however_often_it_is_queued(queue, tmp_path):
    content = sample_passes()["d-zh"]
    first = queue.enqueue("checkin-1", content)
    assert queue.enqueue("checkin-1", content) == first
    assert queue.pump() == 1 and queue.pump() == 0
    assert queue.enqueue("checkin-1", content) == first and queue.pump() == 0
    assert [p.name for p in pdfs(tmp_path / "out")] == [f"pass-{first}.pdf"]
    assert pdfs(tmp_path / "out")[0].read_bytes().startswith(b"%PDF")


def test_reprint_is_a_new_job_with_its_reason_in_the_print_log(queue, tmp_path):
    content = sample_passes()["d-vip"]
    first = queue.enqueue("checkin-1", content)
    queue.pump()
    again = queue.enqueue("checkin-1", content, reason="lost pass")
    assert again != first and queue.pump() == 1
    assert len(pdfs(tmp_path / "out")) == 2
    assert [(j.reason, j.state) for j in queue.jobs.jobs("checkin-1")] == [
        (None, "done"),
        ("lost pass", "done"),
    ]
    assert ("reprint", "lost pass") in [(e[2], e[3]) for e in queue.jobs.print_log(again)]


def test_restart_resumes_queued_jobs(tmp_path, clock):
    db, out = tmp_path / "k.sqlite", tmp_path / "out"
    before = PrintQueue(Store(db), PdfFolderPrinter(out, QtPassRenderer()), clock)
    jobs = [before.enqueue(f"checkin-{i}", p) for i, p in enumerate(sample_passes().values())]
    after = PrintQueue(Store(db), PdfFolderPrinter(out, QtPassRenderer()), clock)  # the kiosk restarted
    assert after.pump() == len(jobs)
    assert {p.name for p in pdfs(out)} == {f"pass-{j}.pdf" for j in jobs}


def test_job_left_sent_by_a_crash_is_not_printed_again_when_the_folder_has_it(tmp_path, clock):
    db, out = tmp_path / "k.sqlite", tmp_path / "out"
    store = Store(db)
    first = PrintQueue(store, PdfFolderPrinter(out, QtPassRenderer()), clock)
    delivered = first.enqueue("checkin-1", sample_passes()["d-zh"])
    lost = first.enqueue("checkin-2", sample_passes()["d-en"])
    first.pump()
    # A crash after the file landed but before "done", and one before the file was written:
    store.conn.execute("UPDATE print_jobs SET state = 'sent'")
    pdfs(out)[[p.name for p in pdfs(out)].index(f"pass-{lost}.pdf")].unlink()
    written = (out / f"pass-{delivered}.pdf").stat().st_mtime_ns
    restarted = PrintQueue(Store(db), PdfFolderPrinter(out, QtPassRenderer()), clock)
    assert restarted.pump() == 1  # only the one whose file is missing
    assert (out / f"pass-{delivered}.pdf").stat().st_mtime_ns == written
    assert (out / f"pass-{lost}.pdf").exists()
    assert restarted.jobs.job(delivered).state == restarted.jobs.job(lost).state == "done"
    assert restarted.jobs.print_log(delivered)[-1][2] == "recovered"


def test_a_job_that_cannot_be_printed_fails_without_blocking_the_next(queue, tmp_path):
    bad = queue.enqueue("checkin-1", sample_passes()["d-zh"], layout="no-such-stock")
    good = queue.enqueue("checkin-2", sample_passes()["d-en"])
    assert queue.pump() == 2
    assert queue.jobs.job(bad).state == "failed" and "no pass layout" in queue.jobs.job(bad).last_error
    assert queue.jobs.job(good).state == "done"
    assert queue.state().failed == 1 and queue.state().status == "ready"


def test_unwritable_folder_keeps_the_job_and_reports_the_printer_offline(tmp_path, clock):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    queue = PrintQueue(
        Store(tmp_path / "k.sqlite"), PdfFolderPrinter(blocker / "out", QtPassRenderer()), clock
    )
    job = queue.enqueue("checkin-1", sample_passes()["d-zh"])
    assert queue.pump() == 0
    assert queue.jobs.job(job).state == "queued" and queue.state().status == "offline"
    clock.advance(minutes=5)
    assert queue.state().status == "offline" and queue.state().oldest_wait >= 300


def test_worker_thread_prints_and_reports_state_to_listeners(tmp_path):
    queue = PrintQueue(Store(tmp_path / "k.sqlite"), PdfFolderPrinter(tmp_path / "out", QtPassRenderer()))
    seen = []
    queue.state_changed.connect(lambda state: seen.append(state.status))
    queue.start()
    try:
        queue.enqueue("checkin-1", sample_passes()["d-zh"])
        deadline = time.monotonic() + 20
        while queue.state().waiting and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        queue.stop()
    assert len(pdfs(tmp_path / "out")) == 1
    assert "printing" in seen and seen[-1] == "ready"


def test_admission_at_the_entrance_prints_a_pass_and_nothing_else_does(tmp_path, clock):
    store = Store(tmp_path / "k.sqlite")
    install_samples(store)
    service = CheckinService(store, clock, desk="desk-1")
    queue = attach_printing(service, PRINTERS, f"pdf:{tmp_path / 'out'}", layout="a6-card")
    try:
        admitted = service.check_in("K7QM2XWD9PRT4HNA")
        again = service.check_in("K7QM2XWD9PRT4HNA")  # already checked in: no second pass
        unknown = service.check_in("NOT-A-BADGE")
    finally:
        queue.stop()
    assert admitted.admitted and not again.admitted and not unknown.admitted
    jobs = queue.jobs.jobs()
    assert [j.checkin_id for j in jobs] == [admitted.checkin_id] and jobs[0].state == "done"
    assert jobs[0].content.qr == "K7QM2XWD9PRT4HNA" and jobs[0].layout == "a6-card"
    assert len(pdfs(tmp_path / "out")) == 1


def test_print_to_spec_errors_are_one_line(tmp_path):
    import main
    from kiosk.errors import KioskError
    from kiosk.printing.wiring import Printers

    assert isinstance(main.build_parser().parse_args(["scan", "0"]).printers, Printers)
    for spec in ("lpt1", "fax:123", "pdf:"):
        with pytest.raises(KioskError, match="expected pdf:DIR"):
            PRINTERS.printer_for(spec)
    assert PRINTERS.printer_for(f"pdf:{tmp_path}").name.startswith("pdf:")
    assert PRINTERS.printer_for("escpos:10.0.0.9:9100").name == "escpos:10.0.0.9:9100"
    assert PRINTERS.printer_for("cups:kiosk-pdf").name == "cups:kiosk-pdf"


def test_choosing_a_printer_tries_the_passes_backing_off_from_the_last_one_at_once(tmp_path, clock):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    queue = PrintQueue(
        Store(tmp_path / "k.sqlite"), PdfFolderPrinter(blocker / "out", QtPassRenderer()), clock,
        backoff=(30.0,),
    )  # fmt: skip
    job = queue.enqueue("checkin-1", sample_passes()["d-zh"])
    assert queue.pump() == 0 and queue.jobs.next_due_in() == 30.0
    queue.use(PdfFolderPrinter(tmp_path / "out", QtPassRenderer()))
    assert queue.jobs.next_due_in() == 0.0
    assert queue.pump() == 1 and queue.jobs.job(job).state == "done"


def test_a_queue_started_again_tries_its_waiting_passes_at_once(tmp_path, clock):
    store = Store(tmp_path / "k.sqlite")
    failing = PrintQueue(store, PdfFolderPrinter(tmp_path / "file" / "out", QtPassRenderer()), clock,
                         backoff=(30.0,))  # fmt: skip
    (tmp_path / "file").write_text("a file where the folder should be")
    failing.enqueue("checkin-1", sample_passes()["d-zh"])
    assert failing.pump() == 0 and failing.jobs.next_due_in() == 30.0
    again = PrintQueue(store, PdfFolderPrinter(tmp_path / "out", QtPassRenderer()), clock)
    again.start()
    try:
        deadline = time.monotonic() + 120
        while again.jobs.in_state("done") == [] and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [j.checkin_id for j in again.jobs.in_state("done")] == ["checkin-1"]
    finally:
        again.stop()

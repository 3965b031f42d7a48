"""The durable print queue: sends jobs to one printer, retries with back-off, survives restarts.

Delivery is at least once and, wherever the back end can tell, exactly once:

* a job is marked ``sent`` (committed) before the printer is handed it, and ``done`` after;
* a printer that is off, unreachable or out of paper puts the job back in ``queued`` with a
  growing back-off; the queue stops there (later passes wait behind it, in order);
* after a crash, jobs left ``sent`` are asked about (``Printer.delivered``): the PDF folder
  knows; CUPS and raw ESC/POS cannot tell, so those jobs are sent again (docs/printing.md);
* a ``done`` job is never sent again; a reprint is a new job with a reason.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from kiosk.clock import Clock, SystemClock
from kiosk.events import Listeners
from kiosk.printing.backends import Printer, PrinterUnavailable, PrintRejected
from kiosk.printing.content import PassContent
from kiosk.printing.jobs import PrintJob, PrintJobs
from kiosk.printing.layout import DEFAULT_LAYOUT, LayoutError, PassLayout, load_layout
from kiosk.store import Store

log = logging.getLogger(__name__)

BACKOFF = (1.0, 2.0, 5.0, 10.0, 20.0, 30.0)  # seconds before try n+1, by tries so far
STUCK_AFTER = 60.0  # a pass waiting longer than this shows the printer as stuck


@dataclass(frozen=True, slots=True)
class PrinterState:
    """What the UI shows: ``ready``, ``printing``, ``offline`` or ``stuck``, and the counts."""

    printer: str
    status: str
    waiting: int
    failed: int
    last_error: str
    oldest_wait: float  # seconds the oldest waiting pass has waited (0 when none)
    paper_out: bool = False  # offline because the printer said it has no paper


class PrintQueue:
    def __init__(
        self,
        store: Store,
        printer: Printer,
        clock: Clock | None = None,
        layout: str = DEFAULT_LAYOUT,
        backoff: tuple[float, ...] = BACKOFF,
    ) -> None:
        self.printer = printer
        self.clock: Clock = clock or SystemClock()
        self.jobs = PrintJobs(store, self.clock, printer.name, layout)
        self.backoff = backoff
        self.state_changed: Listeners[PrinterState] = Listeners()
        self._layouts: dict[str, PassLayout] = {}
        self._recovered = False
        self._busy = False
        self._offline = ""
        self._paper_out = False
        self._pump_lock = threading.Lock()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()

    def enqueue(
        self, checkin_id: str, content: PassContent, reason: str | None = None, layout: str | None = None
    ) -> str:
        """Queue the pass of a check-in (once per check-in), or a reprint when ``reason`` is given."""
        job_id = self.jobs.enqueue(checkin_id, content, reason, layout)
        self._wake.set()
        self._changed()
        return job_id

    def use(self, printer: Printer) -> None:
        """Send from now on to ``printer`` (the admin chose another): waiting passes go there too."""
        with self._pump_lock:  # never while a pass is on its way to the old one
            self.printer = printer
            self.jobs.printer_name = printer.name
            self._offline = ""
            self.jobs.due_now()
        log.info("passes now go to %s", printer.name)
        self._wake.set()
        self._changed()

    # -- sending ---------------------------------------------------------------------------

    def recover(self) -> None:
        """Settle jobs a crash left ``sent``: done if the printer has them, else send again."""
        for job in self.jobs.in_state("sent"):
            if self.printer.delivered(job.id):
                self.jobs.move(job.id, "done", "recovered", "delivered before the restart")
            else:
                self.jobs.move(job.id, "queued", "resend", "interrupted while sending; sent again")
        self._recovered = True

    def pump(self) -> int:
        """Send every job that is due, in order; stop at the first printer failure. Returns jobs done."""
        with self._pump_lock:
            if not self._recovered:
                self.recover()
            done = 0
            while not self._stop.is_set() and (job := self.jobs.due()) is not None:
                if not self._send(job):
                    break
                done += 1
            return done

    def _send(self, job: PrintJob) -> bool:
        try:
            layout = self._layout(job.layout)
        except LayoutError as exc:
            self.jobs.move(job.id, "failed", "failed", str(exc), attempt=True)
            return True
        self.jobs.move(job.id, "sent", "sent", self.printer.name)
        self._busy = True
        self._changed()
        try:
            self.printer.send(job.id, job.content, layout)
        except PrinterUnavailable as exc:
            wait = self.backoff[min(job.attempts, len(self.backoff) - 1)]
            self.jobs.move(job.id, "queued", "retry", str(exc), retry_in=wait, attempt=True)
            self._offline, self._paper_out = str(exc), exc.paper_out
            log.warning("printer unavailable, retrying in %.0f s: %s", wait, exc)
            return False
        except (PrintRejected, Exception) as exc:  # a bad job must not block the others
            self.jobs.move(job.id, "failed", "failed", str(exc) or type(exc).__name__, attempt=True)
            log.error("pass could not be printed: %s", exc)
            return True
        finally:
            self._busy = False
        self.jobs.move(job.id, "done", "done")
        self._offline, self._paper_out = "", False
        self._changed()
        return True

    def _layout(self, name: str) -> PassLayout:
        if name not in self._layouts:
            self._layouts[name] = load_layout(name)
        return self._layouts[name]

    # -- the worker thread -----------------------------------------------------------------

    def start(self) -> None:
        """Print in a background thread until ``stop()``; passes waiting out a back-off from before
        are tried at once."""
        if self._thread is not None:
            return
        self.jobs.due_now()
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="print-queue", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.pump()
            except Exception:  # the store went away; keep the thread alive and say so
                log.exception("print queue pump failed")
            due = self.jobs.next_due_in()
            self._wake.wait(timeout=min(due if due is not None else 5.0, 5.0) or 0.05)
            self._wake.clear()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    # -- state for the UI ------------------------------------------------------------------

    def state(self) -> PrinterState:
        waiting, failed, since, error = self.jobs.summary()
        age = max(0.0, self.clock.now().timestamp() - since) if since is not None else 0.0
        if self._busy:
            status = "printing"
        elif self._offline or (waiting and error):
            status = "offline"  # the printer said no (unreachable, out of paper): it is retried
        elif waiting and age > STUCK_AFTER:
            status = "stuck"  # nothing failed, yet nothing moves (no worker, a hung spooler)
        else:
            status = "ready"
        paper_out = self._paper_out and status == "offline"
        return PrinterState(
            self.printer.name, status, waiting, failed, self._offline or error, age, paper_out
        )

    def _changed(self) -> None:
        if len(self.state_changed):
            self.state_changed.emit(self.state())

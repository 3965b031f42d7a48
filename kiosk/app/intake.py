"""One path for every presented code: camera, USB scanner, or a guest's confirmed search.

``submit(code, source)`` may be called from any thread. Decisions are taken one at a
time on a dedicated worker (the journal commit is a disk write the UI thread must not
wait on); the service's listeners then reach the screens as ``context.events.decided``.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor

from kiosk.app.flow import Mode, State
from kiosk.errors import KioskError
from kiosk.model import Decision

log = logging.getLogger(__name__)


class CodeRouter:
    def __init__(self, context) -> None:  # type: ignore[no-untyped-def]  # ui.context.AppContext
        self.context = context
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="decide")
        self.paused = False

    def accepting(self) -> bool:
        """Codes are ignored in admin mode, while the PIN is asked, or when paused."""
        flow = self.context.flow
        return not self.paused and flow.mode is not Mode.ADMIN and flow.state is not State.PIN

    def submit(self, code: str, source: str) -> Future[Decision | None] | None:
        if not self.accepting():
            log.debug(
                "code from %s ignored in %s/%s", source, self.context.flow.mode, self.context.flow.state
            )
            return None
        self.context.events.scanned.emit(source)
        return self._worker.submit(self._decide, code, source)

    def _decide(self, code: str, source: str) -> Decision | None:
        try:
            return self.context.service.check_in(code)
        except KioskError as exc:
            log.error("code from %s could not be decided: %s", source, exc)
        except Exception:
            log.exception("code from %s could not be decided", source)
        return None

    def close(self) -> None:
        self._worker.shutdown(wait=True, cancel_futures=True)

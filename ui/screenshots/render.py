"""Render the real main window in named states to PNG, in zh and en: every screen at 1280x800,
the self-service screen also at 1920x1080 and portrait 1080x1920, and the colour-blind check.

A fixed clock (inside the demo event's first forum) and a fixed camera frame make the zh and
en shots of a screen differ only in their text. Desk and admin states come from UI-B's
``stage(screen, state)`` functions when those modules are present.
"""

from __future__ import annotations

import importlib
import logging
import sqlite3
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from kiosk.app.flow import Mode
from kiosk.app.intake import CodeSource
from kiosk.clock import FixedClock
from kiosk.importers.apply import delegate_row
from kiosk.model import Delegate
from kiosk.store import Store
from ui.screenshots.desk_states import DESK_STATES
from ui.screenshots.guest_states import GUEST_SHOTS, LOOK_SHOTS

log = logging.getLogger(__name__)
SIZE = (1280, 800)
GUEST_SIZES = ((1920, 1080), (1080, 1920))  # the self-service screen, as well as at SIZE
LANGUAGES = (("zh_CN", "zh"), ("en", "en"))
SHOTS = (*GUEST_SHOTS, *(f"desk-{state}" for state in DESK_STATES), "door", "door-leaving", "door-leaving-idle",
         "door-refused", "admin-preview", "admin-import", "admin-stats", "admin-settings", "admin-sync")  # fmt: skip
COLOUR_CHECK = "selfservice-colour-blind-check"
ADMIN_STATES = ("preview", "import", "stats", "settings", "sync")


def wait_until(app: Any, done: Callable[[], bool], timeout: float = 10.0) -> bool:
    end = time.monotonic() + timeout
    while not done():
        if time.monotonic() > end:
            return False
        app.processEvents()
        time.sleep(0.005)
    app.processEvents()
    return True


def demo_frame() -> Any:
    """One fixed frame of the badge video (a badge held up), the same for every shot."""
    from kiosk.demo.badgevideo import render_frames

    frames = render_frames(
        [("DEMO-FRAME-0001", 0.4, 0.0)], size=(960, 540), fps=10, variants=("still",), seed=3
    )
    return [frame for frame, _ in frames][2]


def _template(folder: Path) -> Path:
    from kiosk.demo.roster import setup_demo

    path = folder / "template.sqlite"
    store = Store(path)
    setup_demo(store, 1200)
    store.close()
    return path


def _guest(store: Store, test: Callable[[Delegate], bool]) -> Delegate:
    """A delegate passing ``test``, with no known language (so the result follows the kiosk's)."""
    for delegate in store.roster.iter_delegates():
        if test(delegate):
            fresh = replace(delegate, language="")
            with store.transaction() as conn:
                store.roster.write_delegates(conn, [delegate_row(fresh)])
            store.roster.changed()
            return fresh
    raise LookupError("no suitable delegate in the roster")


class Shooter:
    def __init__(self, app: Any, out: Path, store_path: Path, language: str, suffix: str, frame: Any,
                 size: tuple[int, int] = SIZE) -> None:  # fmt: skip
        from kiosk.app.kiosk_app import KioskApp
        from kiosk.app.settings import Settings
        from ui.bridge import AppContext
        from ui.passes.printers import make_print_queue
        from ui.shell.main_window import MainWindow

        self.app, self.out, self.suffix, self.size = app, out, suffix, size
        self.store = Store(store_path)
        forum = next(f for f in self.store.roster.forums() if f.capacity and f.starts_at)
        self.forum = forum
        assert forum.starts_at is not None
        self.clock = FixedClock(forum.starts_at + timedelta(minutes=10))
        settings = Settings(language=language, mode=Mode.SELFSERVICE, reset_seconds=3600, sounds=False)
        queue = make_print_queue(self.store, "pdf", store_path.parent / f"passes-{suffix}", settings.layout,
                                 clock=self.clock)  # fmt: skip
        from kiosk.service import CheckinService

        service = CheckinService(self.store, self.clock, desk="desk-1")
        self.context = AppContext(KioskApp(self.store, service=service, settings=settings, print_queue=queue))
        self.context.set_language(language)
        self.window = MainWindow(self.context, lockdown=False)
        self.window.resize(*size)
        self.window.show()
        for screen in self.window.screens.values():
            for view in screen.findChildren(_camera_view_class()):
                view.set_still(frame)
        wait_until(app, lambda: False, 0.2)

    def save(self, name: str) -> Path:
        wait_until(self.app, lambda: False, 0.15)
        self.window.repaint()
        size = "" if self.size == SIZE else f"-{self.size[0]}x{self.size[1]}"
        path = self.out / f"{name}{size}-{self.suffix}.png"
        image = self.window.grab().toImage()
        if (image.width(), image.height()) != self.size:
            from PySide6.QtCore import Qt

            image = image.scaled(
                *self.size, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        image.save(str(path))
        return path

    def pick(self, test: Callable[[Delegate], bool]) -> Delegate:
        return _guest(self.store, test)

    def wait(self, done: Callable[[], bool]) -> bool:
        return wait_until(self.app, done)

    def decide(self, code: str) -> None:
        from kiosk.app.flow import State

        self.context.app.flow.fire("reset", "screenshot")
        self.context.app.intake.submit(code, CodeSource.SCANNER)
        wait_until(self.app, lambda: self.context.app.flow.state in (State.RESULT, State.PRINTING))

    def selfservice(self) -> list[Path]:
        from ui.screenshots.guest_states import shoot

        return shoot(self)

    def staged(self, mode: str, module: str, states: tuple[str, ...]) -> list[Path]:
        screen = self.window.screen_for(_mode(mode))
        if screen is None:
            log.warning("%s screen not available: skipping %s shots", mode, mode)
            return []
        stage = importlib.import_module(module).stage
        self.context.app.flow.enter_mode(_mode(mode), "screenshot")
        shots = []
        for state in states:
            try:
                stage(screen, state)
            except Exception as exc:  # noqa: BLE001 - another screen's staging must not stop the rest
                log.warning("cannot stage %s %s: %s", mode, state, exc)
                continue
            shots.append(self.save(f"{mode}-{state}"))
        return shots

    def door(self) -> list[Path]:
        self.context.app.update_settings(gate=self.forum.id)
        self.context.app.flow.enter_mode(_mode("door"), "screenshot")
        one = _guest(self.store, lambda d: d.active and self.forum.id in d.forums and d.name_en == "")
        two = _guest(self.store, lambda d: d.active and self.forum.id in d.forums and d.id != one.id)
        guests = [one, two]
        for guest in guests:
            self.clock.advance(seconds=30)
            self.decide(guest.code)
        screen = self.window.screens[_mode("door")]
        wait_until(self.app, lambda: getattr(screen, "occupancy", None) is not None)
        shots = [self.save("door")]
        screen.set_leaving(True)  # type: ignore[attr-defined]
        self.clock.advance(seconds=30)
        self.decide(guests[0].code)
        shots.append(self.save("door-leaving"))
        self.context.app.flow.fire("reset", "screenshot")
        shots.append(self.save("door-leaving-idle"))
        screen.set_leaving(False)  # type: ignore[attr-defined]
        other = _guest(
            self.store, lambda d: d.active and self.forum.id not in d.forums and len(d.forums) >= 2
        )
        self.clock.advance(seconds=30)
        self.decide(other.code)
        shots.append(self.save("door-refused"))
        self.context.app.flow.fire("reset", "screenshot")
        self.context.app.update_settings(gate="entrance")
        return shots

    def close(self) -> None:
        self.window.allow_close = True
        self.window.close()
        self.context.close()
        self.store.close()


def _mode(name: str) -> Any:

    return Mode(name)


def _camera_view_class() -> Any:
    from ui.widgets.camera_view import CameraView

    return CameraView


def _copy_store(source: Path, target: Path) -> None:
    """A consistent copy of a live SQLite store (its WAL included)."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


def render_all(out: Path, db: Path | None = None) -> list[Path]:
    """Render every shot in both languages into ``out``; returns the files written."""
    from ui.shell.app import make_application

    app = make_application()
    out.mkdir(parents=True, exist_ok=True)
    frame = demo_frame()
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="shots-") as tmp:
        work = Path(tmp)
        template = db if db is not None else _template(work)
        for language, suffix in LANGUAGES:
            for size in (SIZE, *GUEST_SIZES):
                copy = work / f"{suffix}-{size[0]}x{size[1]}" / "kiosk.sqlite"
                copy.parent.mkdir(parents=True)
                _copy_store(template, copy)
                shooter = Shooter(app, out, copy, language, suffix, frame, size)
                try:
                    written += shooter.selfservice()
                    if size == SIZE:
                        written += shooter.staged("desk", "ui.screenshots.desk_states", DESK_STATES)
                        written += shooter.door()
                        written += shooter.staged("admin", "ui.screenshots.admin_states", ADMIN_STATES)
                finally:
                    shooter.close()
    written.append(colour_check(out))
    return written


def colour_check(out: Path) -> Path:
    """The three outcome screens under each colour vision, and their distances (a PNG and a .md)."""
    from ui.screenshots.colour_blind import write_check

    shots = {look: out / f"{name}-zh.png" for look, name in LOOK_SHOTS.items()}
    sheet, found = write_check(shots, out / f"{COLOUR_CHECK}.png")
    lines = ["| vision | " + " | ".join(f"{a} – {b}" for a, b in next(iter(found.values()))) + " |",
             "|---|" + "---|" * len(next(iter(found.values())))]  # fmt: skip
    for kind, pairs in found.items():
        lines.append(f"| {kind} | " + " | ".join(f"{d:.1f}" for d in pairs.values()) + " |")
    (out / f"{COLOUR_CHECK}.md").write_text("ΔE*ab between the outcome screens' backgrounds (Machado 2009)\n\n"
                                            + "\n".join(lines) + "\n", encoding="utf-8")  # fmt: skip
    return sheet

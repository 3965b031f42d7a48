"""Starting the kiosk app: ``python main.py [--demo] [--lang zh_CN|en] [--db FILE] [--mode MODE]``."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.store import Store

log = logging.getLogger(__name__)
FONT = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "wqy-microhei.ttc"
NO_DISPLAY = (
    "error: no display to show the kiosk on.\n"
    "  Run it under a virtual display:   xvfb-run -a python main.py --demo\n"
    "  or without any screen at all:     QT_QPA_PLATFORM=offscreen python main.py --demo\n"
    "  (screenshots of every screen:     python main.py screenshots DIR --demo)\n"
)


def add_app_arguments(parser: Any) -> None:
    """The app's flags, on its own parser and on main.py's (so ``main.py -h`` lists them)."""
    parser.add_argument("--demo", action="store_true", help="demo event, badge video as camera, PDF printer")
    parser.add_argument("--lang", choices=("zh_CN", "en", "zh"), help="operator language")
    parser.add_argument("--db", type=Path, help="the kiosk database (default: $KIOSK_DB, then "
                        "~/.local/share/forum-kiosk/kiosk.sqlite; the demo keeps its own)")  # fmt: skip
    parser.add_argument("--mode", choices=("selfservice", "desk", "door", "admin"), help="start in this mode")
    parser.add_argument("--fullscreen", action="store_true", help="lock the self-service screen (default off in "
                        "the demo, on otherwise)")  # fmt: skip
    parser.add_argument("--camera", metavar="N|PATH",
                        help="camera index, /dev/videoN or a video file (overrides the setting)")  # fmt: skip
    parser.add_argument("-v", "--verbose", action="store_true", help="log at DEBUG level")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="main.py", description="The forum check-in kiosk app.")
    add_app_arguments(parser)
    return parser.parse_args(argv)


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def make_application(argv: list[str] | None = None) -> Any:
    """The QApplication (reused if one exists), with the bundled CJK font as the default family."""
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or ["forum-kiosk"])
    font_id = QFontDatabase.addApplicationFont(str(FONT))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if families:
        font = QFont(families[0])
        font.setPointSize(12)
        app.setFont(font)
    else:
        log.warning("bundled font %s could not be loaded; Chinese may not render", FONT.name)
    app.setStyleSheet(STYLE)
    return app


STYLE = """
QWidget { color: #1B1B1B; }
QMainWindow, QStackedWidget > QWidget { background: #FAFAFA; }
QPushButton { background: #1565C0; color: white; border: none; border-radius: 8px; padding: 8px 16px; }
QPushButton:pressed { background: #0D47A1; }
QPushButton:disabled { background: #9E9E9E; }
QPushButton#secondary { background: #ECEFF1; color: #0D47A1; border: 2px solid #1565C0; }
QPushButton#key { background: #ECEFF1; color: #1B1B1B; border: 1px solid #B0BEC5; }
QPushButton#key:pressed { background: #90CAF9; }
QLineEdit { background: white; border: 2px solid #90A4AE; border-radius: 6px; padding: 4px 10px; }
QListWidget { background: white; border: 1px solid #B0BEC5; }
QListWidget::item { padding: 10px; border-bottom: 1px solid #ECEFF1; }
"""


def build_context(args: argparse.Namespace) -> Any:
    """Store, services, printer and camera for the app (the demo's when ``--demo``)."""
    from kiosk import paths
    from kiosk.app import settings as settings_module
    from kiosk.app.kiosk_app import KioskApp
    from kiosk.store import open_store
    from ui.bridge import AppContext
    from ui.passes.printers import make_print_queue
    from ui.shell.sounds import Sounds

    camera: str | int | None
    if args.demo:  # the demo keeps its own database, video and passes (beside --db when given)
        folder = args.db.parent if args.db else paths.demo_folder()
        from kiosk.demo.workspace import DEMO_DELEGATES, DEMO_VIDEO, prepare_demo
        from ui.shell.startup_progress import StartupProgress

        splash = StartupProgress()  # shown only if something slow has to be built
        try:
            demo = prepare_demo(folder, getattr(args, "demo_delegates", DEMO_DELEGATES),
                                getattr(args, "demo_video", DEMO_VIDEO), progress=splash.report)  # fmt: skip
        finally:
            splash.close()
            splash.deleteLater()
        store, camera, passes = demo.store, str(demo.video), folder / "passes"
        _ensure_demo_pin(store)
    else:
        store = open_store(args.db or paths.default_db_path())
        passes, camera = (args.db.parent / "passes" if args.db else paths.passes_folder()), None
    settings = settings_module.load(store)
    overrides: dict[str, Any] = {}
    if args.lang:
        overrides["language"] = "zh_CN" if args.lang.startswith("zh") else "en"
    if args.mode:
        overrides["mode"] = args.mode
    if args.demo and not args.mode:
        overrides["mode"] = "selfservice"
    if overrides:
        settings = settings_module.save(store, settings, **overrides)
    if args.camera:
        camera = args.camera
    elif not args.demo and settings.camera not in ("demo", "none", ""):
        camera = settings.camera
    pdf_folder = Path(settings.pdf_folder) if settings.pdf_folder else passes
    pdf_folder.mkdir(parents=True, exist_ok=True)
    print(f"forum-kiosk: database {store.path}; PDF passes go to {pdf_folder}", flush=True)
    queue = make_print_queue(store, settings.printer, pdf_folder, settings.layout)
    context = AppContext(KioskApp(store, settings=settings, print_queue=queue))
    context.app.passes.pdf_home = passes  # where PDF passes go if the admin turns printing on later
    context.sounds = Sounds(context)
    if queue is not None:
        queue.start()
    context.app.camera_spec = camera  # started by the main window once its screens listen
    if not args.demo:
        context.app.resume_sync()
    return context


def try_start(args: argparse.Namespace) -> Any:
    """The app's context, or the DatabaseProblem that keeps the kiosk from starting: a file that is
    damaged, read-only, on a full disk or held by another program (checked by a probe, so a kiosk
    never starts on a database it could not write a check-in to)."""
    import sqlite3

    from kiosk import paths
    from kiosk.store.problems import DatabaseProblem, problem_from

    context = None
    try:
        context = build_context(args)
        context.app.store.probe()
        return context
    except (sqlite3.Error, OSError, DatabaseProblem) as exc:
        if context is not None:
            context.close()
        path = context.app.store.path if context is not None else args.db or paths.default_db_path()
        problem = problem_from(exc, path)
        if problem is None:
            raise
        return problem


def start_or_notice(args: argparse.Namespace) -> Any:
    """The app's context; while the database cannot be used, the full-screen notice instead (never a
    traceback), tried again on Try again; Quit gives the problem's exit code (3-7) instead."""
    from kiosk.store.problems import DatabaseProblem
    from ui.shell.database_notice import DatabaseNotice

    started = try_start(args)
    while isinstance(started, DatabaseProblem):
        if not DatabaseNotice(started, can_quit=True).wait():
            return started.exit_code
        started = try_start(args)
    return started


def _ensure_demo_pin(store: Store) -> None:
    from kiosk import security

    if not security.has_pin(store):
        security.set_pin(store, security.DEMO_PIN)


def security_problem() -> str | None:
    """Why the admin PIN cannot be enforced, or None. A kiosk that cannot lock its screen behind
    the PIN does not start: without it anyone at a self-service kiosk could leave the kiosk."""
    try:
        importlib.import_module("kiosk.security")
    except ImportError as exc:
        return f"error: the kiosk's security module cannot be loaded ({exc}); the kiosk does not start without its admin PIN. Reinstall: bash scripts/install\n"
    return None


def run_app(argv: list[str] | argparse.Namespace) -> int:
    args = argv if isinstance(argv, argparse.Namespace) else parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")  # fmt: skip
    if not has_display():
        sys.stderr.write(NO_DISPLAY)
        return 3
    if (problem := security_problem()) is not None:
        sys.stderr.write(problem)
        return 4
    from ui.shell.qt_messages import quiet_qt

    quiet_qt()
    app = make_application(sys.argv[:1])
    from kiosk.errors import KioskError
    from kiosk.store import StoreError
    from ui import i18n
    from ui.shell.main_window import MainWindow

    i18n.install(args.lang or "zh_CN")  # until the store's language setting is read
    try:
        context = start_or_notice(args)
    except (KioskError, StoreError) as exc:
        sys.stderr.write(f"error: {exc} (or try the demo: python main.py --demo)\n")
        return int(getattr(exc, "exit_code", 2))
    if isinstance(context, int):
        return context
    i18n.install(context.language)
    if not args.demo:
        from ui.shell.first_start import ensure_pin

        if not ensure_pin(context):
            context.close()
            return 1
    window = MainWindow(context, lockdown=args.fullscreen or not args.demo)
    from ui.shell.database_notice import DatabaseWatch

    watch = DatabaseWatch(context)  # a check-in the database refuses: the notice
    window.show()
    log.info("kiosk started in %s mode", context.app.flow.mode)
    try:
        return int(app.exec())
    finally:
        watch.close()
        context.close()

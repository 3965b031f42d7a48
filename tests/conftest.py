import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import datetime  # noqa: E402
from pathlib import Path  # noqa: E402
from zoneinfo import ZoneInfo  # noqa: E402

import pytest  # noqa: E402

from kiosk.importers.event import import_event  # noqa: E402
from kiosk.store import Store  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEMO_EVENT = ROOT / "resources" / "demo_event.json"
SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(text: str) -> datetime:
    """A time on the demo event's own dates (2023-12-06/07, Shanghai)."""
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)


def database_copy(template: Path, target: Path) -> Path:
    """A test's own copy of a database file made once per module (by the CLI, which closed it)."""
    shutil.copyfile(template, target)
    return target


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the xdist_group marks
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Spreads the suite over pytest-xdist workers (``scripts/test``: ``-n auto --dist loadgroup``).

    A test that takes a module-scoped fixture runs on one worker with the rest of its module, so
    the module's demo database, hub or window is built once; the pretix tests share one worker and
    so one pretix server; tests with only function-scoped fixtures spread one by one. On a worker,
    the modules holding slow tests go first (each kept whole): a long test started last would keep
    one worker busy alone at the end."""
    for item in items:
        fixtures = getattr(item, "_fixtureinfo", None)
        scopes = {d.scope for defs in fixtures.name2fixturedefs.values() for d in defs} if fixtures else set()
        if item.get_closest_marker("xdist_group"):
            continue
        if "pretix_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group("pretix"))
        elif "module" in scopes:
            item.add_marker(pytest.mark.xdist_group(_module(item) or item.nodeid))
    if os.environ.get("PYTEST_XDIST_WORKER"):
        slow = {_module(item) for item in items if item.get_closest_marker("slow")} - {None}
        items.sort(key=lambda item: _module(item) not in slow)


def _module(item: pytest.Item) -> str | None:
    """The name of the test module an item was collected from (None for a non-Python item)."""
    module = getattr(item, "module", None)
    return module.__name__ if module is not None else None


@pytest.fixture
def event_store(tmp_path: Path) -> Store:
    """A real SQLite store with the demo event (its file dates) and no delegates."""
    store = Store(tmp_path / "kiosk.sqlite")
    import_event(store, DEMO_EVENT)
    return store


@pytest.fixture(scope="session")
def pretix_server(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A real pretix on loopback (tests/pretix_server.py): built once per machine, never skipped."""
    from tests.pretix_server import PretixServer

    server = PretixServer(tmp_path_factory.mktemp("pretix"))
    server.start()
    yield server
    server.stop()

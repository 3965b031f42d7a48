import os

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

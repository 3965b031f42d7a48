"""Shared parts of the hub and sync tests: real hub stores, real servers, real desks.

The PostgreSQL store is tested against $KIOSK_TEST_PG_URL (default
postgresql://kiosk:kiosk@127.0.0.1:5432/kiosk_test, which scripts/setup.d/postgres.sh
creates); each test gets its own schema. Without a reachable server those
tests skip, unless PostgreSQL is installed here (CI installs it and starts it with
scripts/setup.d/postgres.sh) or KIOSK_REQUIRE_POSTGRES=1: then they fail.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from hub.api.server import ServerThread
from hub.store import HubStore
from kiosk.clock import FixedClock
from kiosk.demo.roster import generate_roster
from kiosk.importers.event import load_event_file, parse_event
from kiosk.model import Delegate
from kiosk.service import CheckinService
from kiosk.store import Store
from kiosk.sync.worker import SyncWorker
from tests.conftest import DEMO_EVENT, ROOT, at
from tests.waiting import wait_until  # noqa: F401 - the hub and sync tests take it from here

PG_URL = os.environ.get("KIOSK_TEST_PG_URL", "postgresql://kiosk:kiosk@127.0.0.1:5432/kiosk_test")
BACKENDS = ["sqlite", "postgres"]
DESK_CAN = frozenset({"walkin", "reissue"})
EVENT_DATA = load_event_file(DEMO_EVENT)
_, FORUMS, CATEGORIES = parse_event(EVENT_DATA)
DURING_EVENT = "2023-12-06T10:00"


def postgres_reason() -> str | None:
    import psycopg

    try:
        psycopg.connect(PG_URL, connect_timeout=3).close()
    except psycopg.Error as exc:
        return f"PostgreSQL not reachable at {PG_URL} (run scripts/setup.d/postgres.sh): {str(exc).strip()[:120]}"
    return None


@contextlib.contextmanager
def hub_target(backend: str, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty hub database: a SQLite file, or a PostgreSQL schema of its own."""
    if backend == "sqlite":
        yield str(tmp_path / "hub.sqlite")
        return
    reason = postgres_reason()
    if reason:
        if os.environ.get("KIOSK_REQUIRE_POSTGRES") == "1" or Path("/usr/lib/postgresql").is_dir():
            pytest.fail(reason + " (PostgreSQL is installed, so it should be running)")
        pytest.skip(reason)
    with pg_schema("hubtest") as url:
        yield url


@contextlib.contextmanager
def pg_schema(prefix: str) -> Iterator[str]:
    """A PostgreSQL URL whose search path is a fresh schema, dropped afterwards."""
    import psycopg

    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def roster(count: int = 50, seed: int = 7) -> list[Delegate]:
    return [d for d in generate_roster(count, FORUMS, CATEGORIES, seed=seed)]


def active(delegates: list[Delegate]) -> list[Delegate]:
    return [d for d in delegates if d.active]


@dataclass
class Hub:
    """A hub store with the demo event and a roster, served by a real uvicorn on loopback."""

    store: HubStore
    target: str
    delegates: list[Delegate]
    server: ServerThread | None = None
    url: str = ""

    def token(self, desk: str, admin: bool = False, can: frozenset[str] = frozenset()) -> str:
        return self.store.tokens.create(desk, admin, can)[1]

    def serve(self) -> Hub:
        self.server = ServerThread(self.store).start()
        self.url = self.server.url
        return self

    def stop(self) -> None:
        if self.server:
            self.server.stop()


@dataclass
class Desk:
    """A kiosk with its own SQLite file, its check-in service and (when started) a sync worker."""

    name: str
    store: Store
    token: str
    hub_url: str
    clock: FixedClock = field(default_factory=lambda: FixedClock(at(DURING_EVENT)))
    worker: SyncWorker | None = None

    @property
    def service(self) -> CheckinService:
        service = CheckinService(self.store, self.clock, desk=self.name)
        if self.worker:
            service.decided.connect(self.worker.notify)
        return service

    def start_sync(self, **kwargs: Any) -> SyncWorker:
        self.worker = SyncWorker(self.store, self.hub_url, self.token, **kwargs)
        self.worker.start()
        return self.worker

    def ids(self) -> set[str]:
        return {r[0] for r in self.store.query("SELECT id FROM journal")}


def stop_all(desks: list[Desk]) -> None:
    workers = [d.worker for d in desks if d.worker]
    for worker in workers:
        worker.stop(timeout=0)
    for worker in workers:
        worker.stop()


def make_hub(target: str, delegates: list[Delegate]) -> Hub:
    store = HubStore(target)
    store.roster.set_event(EVENT_DATA)
    store.roster.put(delegates)
    return Hub(store, target, delegates)


@contextlib.contextmanager
def running_hub(backend: str, tmp_path: Path, delegates: int = 20) -> Iterator[Hub]:
    """A hub on a fresh database of the backend, with the demo event and a roster, served on loopback."""
    with hub_target(backend, tmp_path) as target:
        hub = make_hub(target, roster(delegates)).serve()
        try:
            yield hub
        finally:
            hub.stop()
            hub.store.close()


def make_desk(hub: Hub, tmp_path: Path, name: str) -> Desk:
    """A desk whose token the admin allowed walk-ins and reissues (``--can walkin,reissue``)."""
    return Desk(name, Store(tmp_path / f"{name}.sqlite"), hub.token(name, can=DESK_CAN), hub.url)


class HubProcess:
    """``python main.py hub serve`` in a subprocess that a test can kill -9 and start again."""

    def __init__(self, target: str, port: int | None = None) -> None:
        self.target = target
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 120.0) -> HubProcess:
        flag = "--database-url" if self.target.startswith("postgresql://") else "--db"
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "hub", "serve", flag, self.target, "--port", str(self.port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT,
        )  # fmt: skip
        deadline = time.monotonic() + timeout
        while True:
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(self.url + "/v1/health", timeout=1).status_code == 200:
                    return self
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the hub process did not start")
            time.sleep(0.05)

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        """End it as an operator would (SIGTERM: uvicorn shuts down cleanly)."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


def post_json(url: str, token: str, path: str, body: object) -> httpx.Response:
    return httpx.post(url + path, content=json.dumps(body), headers={"Authorization": f"Bearer {token}",
                      "Content-Type": "application/json"}, timeout=10)  # fmt: skip


def raw(hub: Hub, data: bytes, timeout: float = 30.0) -> bytes:
    """Send ``data`` on a fresh connection; everything the hub answers until it closes.

    A hub that refuses a request and closes while the client is still sending makes the
    kernel reset the connection (TCP RST for unread input), which can discard the answer
    in flight: then this returns what arrived before the reset, possibly nothing."""
    assert hub.server is not None
    answer = b""
    with socket.create_connection(("127.0.0.1", hub.server.port), timeout=timeout) as sock:
        try:
            sock.sendall(data)
            while chunk := sock.recv(65536):
                answer += chunk
        except (ConnectionResetError, BrokenPipeError):
            pass
    return answer

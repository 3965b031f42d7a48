"""The dashboard's live stream on a real uvicorn, both stores: one snapshot shared by every open
dashboard, and a burst of pushes held back to one snapshot per interval."""

from __future__ import annotations

import contextlib
import json
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest

from hub.api.snapshot import Snapshot
from tests.hub_support import BACKENDS, Hub, active, post_json, running_hub, wait_until


@pytest.fixture(params=BACKENDS, scope="module")
def hub(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    with running_hub(request.param, tmp_path_factory.mktemp("hub")) as running:
        yield running


def snapshot_of(hub: Hub) -> Snapshot:
    assert hub.server is not None
    return hub.server.server.config.app.state.snapshot  # type: ignore[no-any-return]


class Page:
    """One open dashboard: logs in and keeps every snapshot its stream sends."""

    def __init__(self, hub: Hub, token: str) -> None:
        self.client = httpx.Client(base_url=hub.url, timeout=httpx.Timeout(10, read=None))
        assert self.client.post("/dashboard/login", json={"secret": token}).status_code == 204
        self.texts: list[str] = []
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        with contextlib.suppress(httpx.HTTPError), self.client.stream("GET", "/dashboard/events") as stream:
            for line in stream.iter_lines():
                if line.startswith("data: "):
                    self.texts.append(line[6:])

    def admitted(self) -> int:
        return int(json.loads(self.texts[-1])["admitted"]) if self.texts else -1


@contextlib.contextmanager
def pages(hub: Hub, count: int) -> Iterator[list[Page]]:
    token = hub.token(f"office-{uuid.uuid4().hex[:6]}", admin=True)
    opened = [Page(hub, token) for _ in range(count)]
    try:
        yield opened
    finally:
        for page in opened:
            page.client.close()  # each reader ends at its stream's next line (within a second)
        for page in opened:
            page.thread.join(30)


def push(hub: Hub, token: str, delegate_id: str) -> None:
    entry = {"id": str(uuid.uuid4()), "at": datetime.now(UTC).isoformat(), "desk": "d", "gate": "entrance",
             "code": "X", "outcome": "admitted", "delegate_id": delegate_id, "action": "scan"}  # fmt: skip
    assert post_json(hub.url, token, "/v1/checkins", {"entries": [entry]}).status_code == 200


@pytest.mark.slow
def test_a_burst_of_pushes_is_held_to_one_snapshot_and_reaches_every_open_dashboard(hub: Hub):
    snapshot = snapshot_of(hub)
    desk = hub.token(f"desk-{uuid.uuid4().hex[:6]}")
    people = [p.id for p in active(hub.delegates)]
    with pages(hub, 20) as open_pages:
        wait_until(lambda: all(page.texts for page in open_pages))
        before = open_pages[0].admitted()
        snapshot.min_interval = 3600.0  # from the next snapshot on, nothing new for an hour
        try:
            wait_until(lambda: snapshot.held is not None)  # the producer is holding back the clock's tick
            made = snapshot.made
            for person in people[:10]:
                push(hub, desk, person)
            high = hub.store.counter("checkins")
            wait_until(lambda: snapshot.held is not None and snapshot.held[0] == high)
            assert snapshot.made == made  # ten pushes seen, no snapshot made for them yet
            assert all(page.admitted() < before + 10 for page in open_pages)
        finally:
            snapshot.min_interval = 0.25
        wait_until(lambda: all(page.admitted() == before + 10 for page in open_pages))
    assert snapshot.made > made


@pytest.mark.slow
def test_a_stream_ends_soon_after_its_session_is_logged_out(hub: Hub):
    with pages(hub, 1) as (page,):
        wait_until(lambda: page.texts)
        assert page.client.post("/dashboard/logout").status_code == 204
        page.thread.join(30)
        assert not page.thread.is_alive()

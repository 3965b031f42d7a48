"""Shared parts of the pretix tests: a kiosk store connected to a sample event on a real pretix."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from kiosk.clock import FixedClock
from kiosk.pretix import store as pstore
from kiosk.pretix.client import Connection, PretixClient
from kiosk.pretix.sync import PretixReport, read_mapping, sync_once
from kiosk.service import CheckinService
from kiosk.store import Store
from tests.pretix_sample import Sample
from tests.pretix_server import ORGANIZER, PretixServer


def connect(server: PretixServer, sample: Sample, path: Path) -> Store:
    """A kiosk store connected to the sample event (as `pretix connect` does), not yet synced."""
    store = Store(path)
    connection = Connection(server.url, ORGANIZER, sample.event, server.kiosk_token)
    client = PretixClient(connection)
    try:
        pstore.save(store, connection, read_mapping(client))
    finally:
        client.close()
    return store


def sync(store: Store) -> PretixReport:
    connection = pstore.connection(store)
    assert connection is not None
    client = PretixClient(connection)
    try:
        return sync_once(store, client)
    finally:
        client.close()


def desk(store: Store, gate: str, at: datetime) -> CheckinService:
    return CheckinService(store, FixedClock(at), desk="desk-1", gate=gate)

"""Shared by the badge/security tests: a store with the demo event, delegates, a key pair."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk import codes, keys
from kiosk.clock import FixedClock
from kiosk.importers.apply import delegate_row
from kiosk.importers.event import import_event
from kiosk.model import Badge, Delegate, SignedClaims
from kiosk.service import CheckinService
from kiosk.store import Store
from tests.conftest import DEMO_EVENT, at

EVENT_ID = "hardtech-demo"
MORNING = at("2023-12-06T08:30")

PEOPLE = [
    Delegate("D000001", "TOKENB00000001", "张伟", "", "西安交通大学", "教授", "13800138000",
             "zhangwei@example.org", "scientist", ("main", "p1")),
    Delegate("D000002", "TOKENB00000002", "Maria Rossi", "Maria Rossi", "International Telecommunication Union",
             "Director", "+41227305111", "maria.rossi@example.org", "intl_org", ("main", "p2")),
    Delegate("D000003", "TOKENB00000003", "欧阳娜娜", "Nana Ouyang", "陕西省人民政府外事办公室", "处长",
             "13900001111", "", "official", ("main", "p1", "p2", "p3", "s1"), status="cancelled"),
]  # fmt: skip


def event_store(path: Path, people: list[Delegate] | None = None) -> Store:
    store = Store(path)
    import_event(store, DEMO_EVENT)
    if people:
        with store.transaction() as conn:
            store.roster.write_delegates(conn, [delegate_row(d) for d in people])
            store.roster.write_badges(conn, [Badge(d.code, d.id) for d in people])
        store.roster.changed()
    return store


def new_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def trusting(store: Store, key: Ed25519PrivateKey, event_id: str = EVENT_ID) -> Store:
    keys.trust(store, key.public_key(), event_id)
    return store


def signed(
    key: Ed25519PrivateKey,
    store: Store,
    delegate_id: str = "D900001",
    serial: int = 1,
    category: str = "scientist",
    forums: tuple[str, ...] = ("main", "p1"),
    valid_until: datetime | None = None,
    event_id: str = EVENT_ID,
) -> str:
    claims = SignedClaims(event_id, delegate_id, serial, category, forums, valid_until)
    return codes.sign(key, claims, codes.Layout.of(store))


def service(store: Store, when: datetime = MORNING, gate: str = "entrance") -> CheckinService:
    return CheckinService(store, FixedClock(when), desk="test", gate=gate)

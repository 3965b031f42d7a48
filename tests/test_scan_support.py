"""Shared helpers for the scan tests: a tiny real store and a real check-in service."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import cv2
import numpy as np

from kiosk.clock import FixedClock
from kiosk.demo import synth
from kiosk.model import Badge, Category, Delegate, Event, Forum
from kiosk.service import CheckinService
from kiosk.store import Store
from kiosk.store.roster import delegate_to_row

START = datetime(2026, 6, 1, 1, 0, tzinfo=UTC)
CODES = {"D1": "7BCDEFG1234HJK", "D2": "8LNOPRS5678TUV", "D3": "90BCDXSTUV2468"}


def make_store(path: Path) -> Store:
    store = Store(path)
    event = Event("ev", "测试大会", "Test Conference", START, START + timedelta(days=2))
    store.roster.set_event(event, [Forum("f1", "论坛一", "Forum One")], [Category("guest", "嘉宾", "Guest")])
    delegates = [
        Delegate(id=i, code=c, name=f"代表{i}", category="guest", forums=("f1",)) for i, c in CODES.items()
    ]
    with store.transaction() as conn:
        store.roster.write_delegates(conn, [delegate_to_row(d, "") for d in delegates])
        store.roster.write_badges(conn, [Badge(d.code, d.id) for d in delegates])
    store.roster.changed()
    return store


def make_service(tmp_path: Path) -> CheckinService:
    """A real check-in service on a fresh store, its clock inside the check-in window."""
    return CheckinService(
        make_store(tmp_path / "k.sqlite"), FixedClock(START + timedelta(hours=1)), desk="test"
    )


def code_picture(payloads: list[str | bytes], size=(640, 360), module_px: float = 4.0) -> np.ndarray:  # type: ignore[no-untyped-def]
    """A camera frame with each payload's QR code on a badge, side by side."""
    rng = np.random.default_rng(len(payloads))
    frame = synth.scene(*size, rng)
    for i, payload in enumerate(payloads):
        card, box = synth.card_image(synth.qr_matrix(payload), "badge", rng)
        x = size[0] * (i + 1) / (len(payloads) + 1)
        synth.place(frame, card, box, 6, synth.Pose(x, size[1] / 2, module_px, rotation=5.0))
    return frame


def write_pictures(folder: Path, frames: list[np.ndarray]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, frame in enumerate(frames):
        cv2.imwrite(str(folder / f"frame-{i:04d}.png"), frame)
    return folder

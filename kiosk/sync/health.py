"""The health a desk reports to the hub with its sync contacts (the organisers' dashboard shows it).

The worker knows the backlog, the last decision and the clock offset; the app knows the
rest (mode, gate, printer, camera) and hands the worker a callable that supplies it as a
``HealthFacts``. ``DeskHealth.to_wire`` is the JSON the hub validates (hub/api/models.py).
"""

from __future__ import annotations

import shutil
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from importlib import metadata
from pathlib import Path

from kiosk.store import Store

HEALTH_PATH = "/desks/health"
PRINTER_STATES = ("ok", "out_of_paper", "offline", "error", "none")
CAMERA_STATES = ("ok", "paused", "no_signal", "offline", "none")
MODES = ("selfservice", "desk", "gate", "unknown")


def app_version() -> str:
    try:
        return metadata.version("forum-kiosk")
    except metadata.PackageNotFoundError:
        return "unknown"


@dataclass(frozen=True, slots=True)
class HealthFacts:
    """What the app knows about its own desk; every field has a neutral default."""

    desk: str = ""
    mode: str = "unknown"
    gate: str = ""
    printer_state: str = "none"
    printer_queue: int = 0
    camera_state: str = "none"


@dataclass(frozen=True, slots=True)
class DeskHealth:
    desk: str
    mode: str
    gate: str
    app_version: str
    last_decision_at: datetime | None
    backlog: int
    printer_state: str
    printer_queue: int
    camera_state: str
    clock_offset_s: float | None
    disk_free_bytes: int | None

    def to_wire(self) -> dict[str, object]:
        data = asdict(self)
        data["last_decision_at"] = self.last_decision_at.isoformat() if self.last_decision_at else None
        return data


def last_decision_at(store: Store) -> datetime | None:
    rows = store.query("SELECT at FROM journal WHERE origin = 'local' ORDER BY seq DESC LIMIT 1")
    return datetime.fromisoformat(rows[0][0]) if rows else None


def disk_free(path: Path) -> int | None:
    try:
        return int(shutil.disk_usage(path).free)
    except OSError:
        return None


def collect(store: Store, facts: HealthFacts, backlog: int, clock_offset_s: float | None) -> DeskHealth:
    """The desk's health now: the app's facts plus what the store and the disk say."""
    facts = replace(facts, mode=facts.mode if facts.mode in MODES else "unknown")
    return DeskHealth(
        desk=facts.desk,
        mode=facts.mode,
        gate=facts.gate,
        app_version=app_version(),
        last_decision_at=last_decision_at(store),
        backlog=backlog,
        printer_state=facts.printer_state,
        printer_queue=max(0, facts.printer_queue),
        camera_state=facts.camera_state,
        clock_offset_s=clock_offset_s,
        disk_free_bytes=disk_free(store.path.parent),
    )

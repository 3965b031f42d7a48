"""Arrival numbers for the admin screen and ``stats``: each person counted once."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from kiosk.model import ENTRANCE
from kiosk.store import Store


@dataclass
class Stats:
    by_gate: dict[str, int] = field(default_factory=dict)
    by_forum: dict[str, dict[str, int | None]] = field(default_factory=dict)
    by_category: dict[str, int] = field(default_factory=dict)
    per_10_min: list[dict[str, object]] = field(default_factory=list)
    offline_duplicates: int = 0
    by_how: dict[str, int] = field(default_factory=dict)  # people admitted at the entrance, by how

    def to_json(self) -> dict[str, object]:
        return {
            "by_gate": self.by_gate,
            "by_forum": self.by_forum,
            "by_category": self.by_category,
            "per_10_min": self.per_10_min,
            "offline_duplicates": self.offline_duplicates,
            "by_how": self.by_how,
        }


def _bucket(at: datetime, tz: ZoneInfo) -> datetime:
    local = at.astimezone(tz)
    return local.replace(minute=local.minute - local.minute % 10, second=0, microsecond=0)


def compute(store: Store, rehearsal: bool | None = None) -> Stats:
    """Statistics of the real event (or of the rehearsal, when the store is in rehearsal)."""
    flag = int(store.rehearsal if rehearsal is None else rehearsal)
    event = store.roster.event()
    tz = ZoneInfo(event.timezone if event else "Asia/Shanghai")
    stats = Stats()
    inside: dict[str, int] = {}
    for gate, count, present, dups in store.query(
        "SELECT gate, admitted, present, duplicates FROM gate_counts WHERE rehearsal = ? AND admitted > 0",
        (flag,),
    ):
        stats.by_gate[gate] = count
        inside[gate] = present or 0
        stats.offline_duplicates += dups or 0
    for forum in store.roster.forums():
        stats.by_forum[forum.id] = {"admitted": stats.by_gate.get(forum.id, 0), "inside": inside.get(forum.id, 0),
                                    "capacity": forum.capacity}  # fmt: skip
    for category, count in store.query(
        "SELECT category, COUNT(*) FROM admissions WHERE rehearsal = ? AND gate = ? GROUP BY category",
        (flag, ENTRANCE),
    ):
        stats.by_category[category or "none"] = count
    for how, count in store.query(
        "SELECT j.how, COUNT(*) FROM admissions a JOIN journal j ON j.id = a.checkin_id "
        "WHERE a.rehearsal = ? AND a.gate = ? GROUP BY j.how ORDER BY COUNT(*) DESC",
        (flag, ENTRANCE),
    ):
        stats.by_how[how or "unknown"] = count
    buckets: dict[datetime, int] = {}
    for (at,) in store.query(
        "SELECT at FROM admissions WHERE rehearsal = ? AND gate = ? ORDER BY at", (flag, ENTRANCE)
    ):
        start = _bucket(datetime.fromisoformat(at), tz)
        buckets[start] = buckets.get(start, 0) + 1
    if buckets:
        start, last = min(buckets), max(buckets)
        while start <= last:
            stats.per_10_min.append({"start": start.isoformat(), "admitted": buckets.get(start, 0)})
            start += timedelta(minutes=10)
    return stats

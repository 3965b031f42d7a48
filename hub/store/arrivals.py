"""What the organisers' dashboard counts, from every desk's journal on the hub.

Every gate is counted as the desks count it (``kiosk.occupancy``): each person once per
gate (the earliest admission stands); in the room while their last movement there is an
admission, not an exit; an admission at the entrance by another desk while the person was
already in is a duplicate (who, which desks, when), a re-entry after an exit is not.
Arrivals per 10 minutes are first admissions at the entrance, in the event's time zone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from hub.store.base import Database
from kiosk.export import delegate_cells
from kiosk.model import ENTRANCE
from kiosk.occupancy import GateCount, Movement, Presence, presence

ADMITTING = ("scan", "override", "walkin")


@dataclass(frozen=True, slots=True)
class Visit:
    move: Movement
    desk: str


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    name_en: str
    category: str
    active: bool


def people(store: Database) -> dict[str, Person]:
    with store.read() as conn:
        rows = conn.execute("SELECT id, status, body FROM hub_delegates").fetchall()
    found = {}
    for delegate_id, status, body in rows:
        data = json.loads(body)
        found[delegate_id] = Person(data.get("name", ""), data.get("name_en", ""), data.get("category", ""),
                                    status == "active")  # fmt: skip
    return found


def _bucket(at: datetime, tz: ZoneInfo) -> datetime:
    local = at.astimezone(tz)
    return local.replace(minute=local.minute - local.minute % 10, second=0, microsecond=0)


def movements(store: Database, rehearsal: bool = False) -> dict[tuple[str, str], list[Visit]]:
    """Every person's standing admissions and exits, per (gate, delegate)."""
    with store.read() as conn:
        rows = conn.execute(
            "SELECT id, at, gate, delegate_id, origin, desk, action, outcome, voids FROM hub_checkins "
            "WHERE rehearsal = ? AND delegate_id IS NOT NULL AND action IN ('scan', 'override', 'walkin', "
            "'exit', 'void')",
            (int(rehearsal),),
        ).fetchall()
    voided = {r[8] for r in rows if r[6] == "void"}
    visits: dict[tuple[str, str], list[Visit]] = {}
    for id_, at, gate, delegate_id, origin, desk, action, outcome, _ in rows:
        admits = action in ADMITTING and outcome == "admitted"
        if id_ in voided or not (admits or action == "exit"):
            continue
        move = Movement(datetime.fromisoformat(at), id_, admits, origin)
        visits.setdefault((gate, delegate_id), []).append(Visit(move, desk))
    return visits


def _presence(seen: list[Visit], gate: str) -> Presence:
    return presence((v.move for v in seen), refuses_reentry=gate == ENTRANCE)


def gate_counts(store: Database, rehearsal: bool = False) -> dict[str, GateCount]:
    """Per gate: admitted (each person once), in the room now, offline duplicates."""
    counts: dict[str, GateCount] = {}
    for (gate, _), seen in movements(store, rehearsal).items():
        person = _presence(seen, gate)
        if person.admitted:
            counts.setdefault(gate, GateCount()).add(person)
    return counts


def overview(store: Database, event: dict[str, Any] | None, who: dict[str, Person]) -> dict[str, Any]:
    """Arrivals, forums, categories, VIPs and duplicates of the real event (never the rehearsal)."""
    visits = movements(store)
    document = event or {}
    tz = ZoneInfo((document.get("event") or {}).get("timezone") or "Asia/Shanghai")
    counts: dict[str, GateCount] = {}
    buckets: dict[datetime, int] = {}
    categories: dict[str, int] = {}
    duplicates = []
    for (gate, delegate_id), seen in visits.items():
        person = _presence(seen, gate)
        if person.first is None:
            continue
        counts.setdefault(gate, GateCount()).add(person)
        if gate == ENTRANCE:
            bucket = _bucket(person.first.at, tz)
            buckets[bucket] = buckets.get(bucket, 0) + 1
            category = who[delegate_id].category if delegate_id in who else ""
            categories[category or "none"] = categories.get(category or "none", 0) + 1
        if person.duplicates:
            entries = sorted((v for v in seen if v.move.entry), key=lambda v: (v.move.at, v.move.id))
            found = who.get(delegate_id)
            duplicates.append({
                "delegate_id": delegate_id, "name": found.name if found else "",
                "name_en": found.name_en if found else "", "gate": gate,
                "admissions": [{"at": v.move.at.isoformat(), "desk": v.desk or v.move.origin,
                                "origin": v.move.origin} for v in entries],
            })  # fmt: skip
    admitted = {gate: count.admitted for gate, count in counts.items()}
    inside = {gate: count.inside for gate, count in counts.items()}
    per_10_min = []
    if buckets:
        start, last = min(buckets), max(buckets)
        while start <= last:
            per_10_min.append({"start": start.isoformat(), "admitted": buckets.get(start, 0)})
            start += timedelta(minutes=10)
    vip_ids = {c["id"] for c in document.get("categories") or [] if c.get("vip")}
    vips = [i for i, p in who.items() if p.active and p.category in vip_ids]
    return {
        "timezone": tz.key,
        "admitted": admitted.get(ENTRANCE, 0),
        "expected": sum(1 for p in who.values() if p.active),
        "per_10_min": per_10_min,
        "forums": [
            {
                "id": f["id"],
                "name_zh": f.get("name_zh", ""),
                "name_en": f.get("name_en", ""),
                "capacity": f.get("capacity"),
                "admitted": admitted.get(f["id"], 0),
                "inside": inside.get(f["id"], 0),
            }
            for f in document.get("forums") or []
        ],  # fmt: skip
        "categories": [
            {
                "id": c["id"],
                "name_zh": c.get("name_zh", ""),
                "name_en": c.get("name_en", ""),
                "vip": bool(c.get("vip")),
                "admitted": categories.get(c["id"], 0),
            }
            for c in document.get("categories") or []
        ],  # fmt: skip
        "vips": {
            "expected": len(vips),
            "arrived": sum(
                1
                for i in vips
                if (ENTRANCE, i) in visits and any(v.move.entry for v in visits[(ENTRANCE, i)])
            ),
        },  # fmt: skip
        "duplicates": sorted(duplicates, key=lambda d: d["admissions"][-1]["at"], reverse=True),
    }


def export_rows(store: Database) -> list[list[object]]:
    """Every desk's check-ins of the real event with the delegate's details (kiosk.export.HEADERS)."""
    with store.read() as conn:
        rows = conn.execute(
            "SELECT c.id, c.at, c.desk, c.gate, c.action, c.outcome, c.reason, c.voids, c.origin, c.code, "
            "c.delegate_id, c.how, c.operator, d.body FROM hub_checkins c LEFT JOIN hub_delegates d ON d.id = c.delegate_id "
            "WHERE c.rehearsal = 0 ORDER BY c.seq"
        ).fetchall()
    found = []
    for *entry, how, operator, body in rows:
        data = json.loads(body) if body else {}
        found.append(["" if v is None else v for v in entry] + delegate_cells(data) + [how, operator])
    return found

"""The sample pretix event the kiosk tests check in against, built through pretix's own API.

Products with variations and add-on forums, a VIP product that needs attention, a main
list, a forum door limited to one add-on with a time-window and an entry-count rule;
paid, cancelled and unpaid orders; Chinese and Latin names; random secrets first, then
``pretix_sig1`` signed secrets; one regenerated secret of each kind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import httpx

from tests.pretix_server import PretixServer

EVENT = "xian2026"
FORUM_OPENS = "2026-12-06T13:30:00+08:00"
FORUM_CLOSES = "2026-12-06T17:00:00+08:00"
# The forum door: inside the afternoon window, and at most two entries per ticket.
FORUM_RULES = {
    "and": [
        {"isAfter": [{"var": "now"}, {"buildTime": ["custom", FORUM_OPENS]}, None]},
        {"isBefore": [{"var": "now"}, {"buildTime": ["custom", FORUM_CLOSES]}, None]},
        {"<": [{"var": "entries_number"}, 2]},
    ]
}


@dataclass
class Sample:
    event: str
    items: dict[str, int] = field(default_factory=dict)
    variations: dict[str, int] = field(default_factory=dict)
    lists: dict[str, int] = field(default_factory=dict)
    secrets: dict[str, str] = field(default_factory=dict)  # label -> secret (old ones included)
    orders: dict[str, str] = field(default_factory=dict)  # label -> order code


def _ok(response: httpx.Response) -> Any:
    if response.status_code >= 400:
        raise AssertionError(f"pretix {response.request.method} {response.request.url}: "
                             f"{response.status_code} {response.text[:800]}")  # fmt: skip
    return response.json() if response.content else None


def _name(zh: str, en: str) -> dict[str, str]:
    return {"zh-hans": zh, "en": en}


def build_event(server: PretixServer, api: httpx.Client, slug: str = EVENT) -> Sample:
    """The event, its products and lists (no orders yet)."""
    sample = Sample(slug)
    _ok(api.post("/events/", json={
        "name": _name("硬科技大会", "Hard Tech Conference"), "slug": slug, "currency": "CNY",
        "date_from": "2026-12-06T08:00:00+08:00", "date_to": "2026-12-07T18:00:00+08:00",
        "timezone": "Asia/Shanghai", "location": _name("西安", "Xi'an"), "plugins": [],
        "is_public": False, "live": False, "has_subevents": False,
    }))  # fmt: skip
    server.set_event_settings(slug, {"name_scheme": "full_transcription", "locales": ["zh-hans", "en"]})
    base = f"/events/{slug}"
    tickets = _ok(api.post(f"{base}/categories/", json={"name": _name("门票", "Tickets")}))["id"]
    forums = _ok(api.post(f"{base}/categories/", json={"name": _name("论坛", "Forums"), "is_addon": True}))[
        "id"
    ]

    def item(label: str, name: dict[str, str], **extra: Any) -> int:
        body = {"name": name, "default_price": "0.00", "category": tickets, "admission": True,
                "active": True, "personalized": True} | extra  # fmt: skip
        sample.items[label] = _ok(api.post(f"{base}/items/", json=body))["id"]
        return sample.items[label]

    item("ai", _name("人工智能论坛", "AI Forum"), category=forums)
    item("space", _name("航天论坛", "Space Forum"), category=forums)
    delegate = item(
        "delegate", _name("代表", "Delegate"), default_price="100.00", has_variations=True,
        variations=[{"value": _name("标准", "Standard"), "active": True, "position": 0},
                    {"value": _name("学术", "Academic"), "active": True, "position": 1}],
        addons=[{"addon_category": forums, "min_count": 0, "max_count": 2, "price_included": True}],
    )  # fmt: skip
    for variation in _ok(api.get(f"{base}/items/{delegate}/variations/"))["results"]:
        sample.variations[variation["value"]["en"].lower()] = variation["id"]
    item("vip", _name("贵宾", "VIP"), checkin_attention=True, checkin_text="Escort to the VIP lounge",
         addons=[{"addon_category": forums, "min_count": 0, "max_count": 2, "price_included": True}])  # fmt: skip
    item("press", _name("媒体", "Press"))

    _ok(api.post(f"{base}/quotas/", json={
        "name": "all", "size": None, "items": list(sample.items.values()), "variations": list(sample.variations.values()),
    }))  # fmt: skip

    def checkin_list(label: str, **body: Any) -> None:
        sample.lists[label] = _ok(api.post(f"{base}/checkinlists/", json=body))["id"]

    checkin_list("entrance", name="Entrance", all_products=False,
                 limit_products=[sample.items["delegate"], sample.items["vip"]])  # fmt: skip
    checkin_list("ai", name="AI Forum door", all_products=False, limit_products=[sample.items["ai"]],
                 addon_match=True, allow_multiple_entries=True, rules=FORUM_RULES)  # fmt: skip
    return sample


@dataclass(frozen=True)
class Attendee:
    label: str
    item: str
    name: dict[str, str]
    variation: str | None = None
    forums: tuple[str, ...] = ()
    company: str = ""
    email: str = ""
    status: str = "p"  # p paid, n pending (unpaid)


ATTENDEES = [
    Attendee("zhang", "delegate", {"full_name": "张伟", "latin_transcription": "Zhang Wei"}, "standard",
             ("ai",), "西安交通大学", "zhang.wei@example.cn"),
    Attendee("li", "delegate", {"full_name": "李娜", "latin_transcription": "Li Na"}, "academic",
             ("space",), "Northwestern Polytechnical University", "li.na@example.cn"),
    Attendee("wang", "vip", {"full_name": "王芳", "latin_transcription": "Wang Fang"}, None, ("ai",),
             "中国科学院"),
    Attendee("smith", "delegate", {"full_name": "John Smith"}, "standard", ("ai",), "Acme Ltd", status="n"),
    Attendee("garcia", "delegate", {"full_name": "María García"}, "standard", ("ai",), "Universidad de Sevilla"),
    Attendee("chen", "press", {"full_name": "陈静", "latin_transcription": "Chen Jing"}, company="新华社"),
    Attendee("regen", "delegate", {"full_name": "Olga Ivanova"}, "academic", ("ai",)),
]  # fmt: skip


def place_order(api: httpx.Client, sample: Sample, person: Attendee, phone: str = "+8613800138000") -> str:
    """One order for one attendee (and their forum add-ons); returns the order code."""
    positions: list[dict[str, Any]] = [{
        "positionid": 1, "item": sample.items[person.item], "attendee_name_parts": person.name,
        "company": person.company or None, "attendee_email": person.email or None,
        **({"variation": sample.variations[person.variation]} if person.variation else {}),
    }]  # fmt: skip
    for n, forum in enumerate(person.forums, start=2):
        positions.append({"positionid": n, "item": sample.items[forum], "addon_to": 1})
    order = _ok(api.post(f"/events/{sample.event}/orders/", json={
        "email": person.email or "guest@example.org", "phone": phone, "locale": "en", "sales_channel": "web",
        "status": person.status, "send_email": False, "positions": positions,
        **({"payment_provider": "manual"} if person.status == "p" else {}),
    }))  # fmt: skip
    sample.orders[person.label] = order["code"]
    sample.secrets[person.label] = order["positions"][0]["secret"]
    return str(order["code"])


def regenerate(api: httpx.Client, sample: Sample, label: str) -> None:
    """Give an order new secrets; the old one stays in ``secrets`` as ``LABEL-old``."""
    sample.secrets[f"{label}-old"] = sample.secrets[label]
    order = _ok(api.post(f"/events/{sample.event}/orders/{sample.orders[label]}/regenerate_secrets/"))
    sample.secrets[label] = order["positions"][0]["secret"]


def cancel(api: httpx.Client, sample: Sample, label: str) -> None:
    _ok(
        api.post(
            f"/events/{sample.event}/orders/{sample.orders[label]}/mark_canceled/", json={"send_email": False}
        )
    )


def build_sample(server: PretixServer, slug: str = EVENT) -> Sample:
    """The whole sample: random-secret orders, then signed-secret orders, regenerations, a cancel."""
    with server.api() as api:
        sample = build_event(server, api, slug)
        for person in ATTENDEES:
            place_order(api, sample, person)
        cancel(api, sample, "garcia")
        regenerate(api, sample, "regen")
        server.set_event_settings(slug, {"ticket_secret_generator": "pretix_sig1"})
        for label, base in (("signed", "zhang"), ("signed-regen", "li")):
            person = next(a for a in ATTENDEES if a.label == base)
            place_order(
                api, sample, Attendee(label, person.item, person.name, person.variation, person.forums)
            )
        regenerate(api, sample, "signed-regen")
    return sample

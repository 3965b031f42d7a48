"""pretix's event as this product's model: a small table of data, not code paths per event.

- check-in lists → gates: the main list (the first ``--list``, else the first list for all
  products, else the first list) → ``entrance``; a list limited to one add-on product → that
  forum's door; any other list → a door of its own (a forum of kind ``door``);
- products and variations → categories (``checkin_attention`` → VIP);
- add-on products (in an add-on category) → forums.

``Mapping.to_json()`` is what ``pretix connect --json`` prints and what the store keeps.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from kiosk.model import ENTRANCE, Category, Event, Forum
from kiosk.pretix.decide import CheckinList, EventTimes

VIP_COLOR, COLOR = "#B71C1C", "#455A64"


def text(value: object, language: str) -> str:
    """One language of pretix's multilingual text (``{"en": …, "zh-hans": …}``), with fallbacks."""
    if isinstance(value, str):
        return value
    if not isinstance(value, dict) or not value:
        return ""
    keys = ("zh-hans", "zh", "zh-hant", "en") if language == "zh" else ("en", "en-us", "zh-hans")
    for key in keys:
        if value.get(key):
            return str(value[key])
    return str(next(iter(value.values())))


def _slug(name: str, taken: set[str], fallback: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or fallback
    if slug in taken or slug == ENTRANCE:
        slug = f"{slug}-{fallback}"
    taken.add(slug)
    return slug


def _time(value: object) -> datetime | None:
    return datetime.fromisoformat(str(value)) if value else None


@dataclass
class Mapping:
    event: dict[str, Any]
    gates: dict[str, str]  # pretix list id -> gate id
    lists: dict[str, dict[str, Any]]  # pretix list id -> CheckinList fields
    forums: list[dict[str, Any]]  # Forum fields (+ "item" for add-on products)
    categories: list[dict[str, Any]]  # Category fields (+ "item", "variation")
    public_keys: list[str] = field(default_factory=list)  # pretix_sig1, base64 of PEM

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Mapping:
        return cls(**data)

    # -- as the kiosk's values -------------------------------------------------------------------

    def kiosk_event(self) -> Event:
        e = self.event
        return Event(e["id"], e["name_zh"], e["name_en"], datetime.fromisoformat(e["starts_at"]),
                     datetime.fromisoformat(e["ends_at"]), e["timezone"], e["city"])  # fmt: skip

    def times(self) -> EventTimes:
        e = self.event
        return EventTimes(e["timezone"], datetime.fromisoformat(e["starts_at"]),
                          _time(e.get("date_to")), _time(e.get("date_admission")))  # fmt: skip

    def kiosk_forums(self) -> list[Forum]:
        return [Forum(f["id"], f["name_zh"], f["name_en"], f["kind"]) for f in self.forums]

    def kiosk_categories(self) -> list[Category]:
        return [Category(c["id"], c["name_zh"], c["name_en"], c["color"], c["vip"]) for c in self.categories]

    def checkin_list(self, gate: str) -> CheckinList | None:
        for list_id, gate_id in self.gates.items():
            if gate_id == gate:
                data = dict(self.lists[list_id])
                data["products"] = frozenset(data["products"])
                return CheckinList(**data)
        return None

    def category_of(self, item: int, variation: int | None) -> str:
        for c in self.categories:
            if c["item"] == item and c["variation"] in (variation, None):
                return str(c["id"])
        return ""

    def text_of(self, item: int, variation: int | None) -> str:
        """The product's (and variation's) ``checkin_text``: a note for the desk."""
        for c in self.categories:
            if c["item"] == item and c["variation"] in (variation, None):
                return str(c.get("text") or "")
        return ""

    def forum_of(self, item: int) -> str | None:
        return next((f["id"] for f in self.forums if f.get("item") == item), None)


def build(event: dict[str, Any], items: list[dict[str, Any]], categories: list[dict[str, Any]],
          lists: list[dict[str, Any]], chosen: tuple[int, ...] = ()) -> Mapping:  # fmt: skip
    """The mapping of one pretix event; ``chosen`` are the list ids this kiosk serves (default all)."""
    addon_categories = {c["id"] for c in categories if c.get("is_addon")}
    taken: set[str] = set()
    forums, cats = [], []
    for item in sorted(items, key=lambda i: (i.get("position", 0), i["id"])):
        zh, en = text(item["name"], "zh"), text(item["name"], "en")
        if item.get("category") in addon_categories:
            forums.append({"id": _slug(en, taken, str(item["id"])), "name_zh": zh, "name_en": en,
                           "kind": "addon", "item": item["id"]})  # fmt: skip
            continue
        variations = item.get("variations") or [] if item.get("has_variations") else []
        for v in variations or [None]:
            vzh, ven = (text(v["value"], "zh"), text(v["value"], "en")) if v else ("", "")
            vip = bool(item.get("checkin_attention") or (v and v.get("checkin_attention")))
            cats.append({
                "id": _slug(f"{en} {ven}", taken, f"p{item['id']}"), "name_zh": f"{zh} {vzh}".strip(),
                "name_en": f"{en} {ven}".strip(), "color": VIP_COLOR if vip else COLOR, "vip": vip,
                "item": item["id"], "variation": v["id"] if v else None,
                "text": "; ".join(t for t in (item.get("checkin_text"), v and v.get("checkin_text")) if t),
            })  # fmt: skip
    served = [cl for cl in sorted(lists, key=lambda cl: cl["id"]) if not chosen or cl["id"] in chosen]
    if chosen:
        served.sort(key=lambda cl: chosen.index(cl["id"]))
    main = (
        served[0]
        if chosen
        else next((cl for cl in served if cl.get("all_products")), served[0] if served else None)
    )
    gates: dict[str, str] = {}
    checkin_lists: dict[str, dict[str, Any]] = {}
    for cl in served:
        products = [int(p) for p in cl.get("limit_products") or []]
        forum_items = [f for f in forums if f["item"] in products]
        if cl is main:
            gate = ENTRANCE
        elif not cl.get("all_products") and len(products) == 1 and len(forum_items) == 1:
            gate = forum_items[0]["id"]
        else:
            gate = _slug(str(cl["name"]), taken, f"list{cl['id']}")
            forums.append(
                {"id": gate, "name_zh": str(cl["name"]), "name_en": str(cl["name"]), "kind": "door"}
            )
        gates[str(cl["id"])] = gate
        checkin_lists[str(cl["id"])] = asdict(CheckinList(
            cl["id"], str(cl["name"]), gate, bool(cl.get("all_products")), frozenset(products),
            bool(cl.get("addon_match")), bool(cl.get("allow_multiple_entries")),
            bool(cl.get("allow_entry_after_exit", True)), bool(cl.get("include_pending")), cl.get("rules") or {},
        )) | {"products": products}  # fmt: skip
    location = event.get("location")
    kiosk_event = {
        "id": event["slug"], "name_zh": text(event["name"], "zh"), "name_en": text(event["name"], "en"),
        "starts_at": event["date_from"], "ends_at": event.get("date_to") or event["date_from"],
        "date_to": event.get("date_to"), "date_admission": event.get("date_admission"),
        "timezone": event.get("timezone") or "UTC", "city": text(location, "en") if location else "",
    }  # fmt: skip
    keys = (event.get("valid_keys") or {}).get("pretix_sig1") or []
    return Mapping(kiosk_event, gates, checkin_lists, forums, cats, [str(k) for k in keys])

"""The event file: the event, its forums and categories (the format of sample_event.json)."""

from __future__ import annotations

import json
import logging
import re
from datetime import timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kiosk.clock import parse_time
from kiosk.errors import KioskError
from kiosk.model import Category, Event, Forum
from kiosk.store import Store

log = logging.getLogger(__name__)


class EventFileError(KioskError):
    pass


def _text(item: dict[str, Any], key: str, where: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        raise EventFileError(f"{where}: {key!r} is missing or not text")
    return value.strip()


_COLOR = re.compile(r"#[0-9A-Fa-f]{6}")
_LOGO_BYTES = 200_000


def _brand(raw: Any) -> dict[str, str]:
    """The event's look for guests: help desk location, logo (inline SVG), colour; all optional."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise EventFileError("brand: not an object")
    found = {key: raw.get(key) or "" for key in ("help_desk_zh", "help_desk_en", "logo_svg", "color")}
    for key, value in found.items():
        if not isinstance(value, str):
            raise EventFileError(f"brand: {key!r} is not text")
    if found["color"] and not _COLOR.fullmatch(found["color"]):
        raise EventFileError(f"brand: color {found['color']!r} is not #RRGGBB")
    svg = found["logo_svg"].strip()
    if svg and (not svg.startswith("<") or "<svg" not in svg[:400] or len(svg) > _LOGO_BYTES):
        raise EventFileError("brand: logo_svg is not an SVG image of at most 200 kB")
    return {key: str(value).strip() for key, value in found.items()}


def _inline_logo(data: dict[str, Any], folder: Path) -> None:
    """``brand.logo`` names an SVG file beside the event file: carry its text (hubs forward it).

    A logo that cannot be read is left out (logged): the event still installs, and the
    kiosk shows the event's name without it.
    """
    brand = data.get("brand")
    if not isinstance(brand, dict) or not isinstance(brand.get("logo"), str) or brand.get("logo_svg"):
        return
    logo = (folder / brand["logo"]).resolve()
    try:
        brand["logo_svg"] = logo.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        log.info("brand: cannot read the logo %r (%s); the event is installed without it", brand["logo"], exc)


def parse_event(data: dict[str, Any]) -> tuple[Event, list[Forum], list[Category]]:
    if not isinstance(data, dict) or not isinstance(data.get("event"), dict):
        raise EventFileError("not an event file: no 'event' object")
    raw = data["event"]
    tz = raw.get("timezone") or "Asia/Shanghai"
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise EventFileError(
            f"event: unknown timezone {tz!r}: use an IANA name such as 'Asia/Shanghai'"
        ) from None
    try:
        event = Event(
            id=_text(raw, "id", "event"),
            name_zh=_text(raw, "name_zh", "event"),
            name_en=_text(raw, "name_en", "event"),
            starts_at=parse_time(_text(raw, "starts_at", "event"), tz),
            ends_at=parse_time(_text(raw, "ends_at", "event"), tz),
            timezone=tz,
            city=raw.get("city") or "",
            theme_zh=raw.get("theme_zh") or "",
            theme_en=raw.get("theme_en") or "",
            checkin_opens_before=timedelta(hours=float(raw.get("checkin_opens_hours", 24))),
            **_brand(data.get("brand")),
        )
        forums = []
        for i, f in enumerate(data.get("forums") or []):
            where = f"forum {i + 1}"
            capacity = f.get("capacity")
            forums.append(
                Forum(
                    id=_text(f, "id", where),
                    name_zh=_text(f, "name_zh", where),
                    name_en=_text(f, "name_en", where),
                    kind=f.get("kind") or "parallel",
                    hall=f.get("hall") or "",
                    capacity=int(capacity) if capacity not in (None, "") else None,
                    starts_at=parse_time(f["starts_at"], tz) if f.get("starts_at") else None,
                    ends_at=parse_time(f["ends_at"], tz) if f.get("ends_at") else None,
                )
            )
        categories = [
            Category(
                id=_text(c, "id", f"category {i + 1}"),
                name_zh=_text(c, "name_zh", f"category {i + 1}"),
                name_en=_text(c, "name_en", f"category {i + 1}"),
                color=c.get("color") or "#455A64",
                vip=bool(c.get("vip", False)),
            )
            for i, c in enumerate(data.get("categories") or [])
        ]
    except (TypeError, ValueError, AttributeError) as exc:
        raise EventFileError(f"malformed event file: {exc}") from exc
    if event.ends_at <= event.starts_at:
        raise EventFileError("the event ends before it starts")
    ids = [f.id for f in forums]
    if "entrance" in ids or len(set(ids)) != len(ids):
        raise EventFileError("forum ids must be unique and not 'entrance'")
    return event, forums, categories


def load_event_file(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise EventFileError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EventFileError(f"{path}: not a readable JSON file ({exc})") from exc
    if not isinstance(data, dict):
        raise EventFileError(f"{path}: not an event file")
    _inline_logo(data, Path(path).parent)
    return data


DEFAULT_CATEGORY = "default_category"  # the store's meta key


def declared_default(data: dict[str, Any]) -> str:
    """The id of the category marked ``"default": true`` (a roster row naming an unknown category
    gets it, with a warning), or "" when none is; two defaults are an error."""
    marked = [c.get("id") for c in data.get("categories") or [] if isinstance(c, dict) and c.get("default")]
    if len(marked) > 1:
        raise EventFileError(f"categories {', '.join(map(repr, marked))} are all marked default: keep one")
    return str(marked[0]) if marked else ""


def default_category(store: Store) -> str:
    """The event's default category for roster rows naming an unknown one ("" for none)."""
    return store.get_meta(DEFAULT_CATEGORY) or ""


def import_event(store: Store, path: Path) -> tuple[Event, list[Forum], list[Category]]:
    """Install an event file: event, forums, categories and any trusted badge keys, all or nothing."""
    from kiosk import keys

    data = load_event_file(path)
    parsed = parse_event(data)
    default = declared_default(data)
    with store.transaction():
        store.roster.set_event(*parsed)
        store.set_meta(DEFAULT_CATEGORY, default)
        keys.trust_from_event_json(store, data, parsed[0].id)
    return parsed

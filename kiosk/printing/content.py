"""What a forum access pass says, as plain data: built from the roster, stored with each job."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.model import Category, Delegate, Event, Forum
from kiosk.printing.places import desk_name, hall_name

LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "forums": "可参加论坛",
        "no_forums": "仅限主会场",
        "issued": "签发",
        "vip": "贵宾 VIP",
        "scan": "论坛入口请出示此码",
    },
    "en": {
        "forums": "Forums you may enter",
        "no_forums": "Main venue only",
        "issued": "Issued",
        "vip": "VIP",
        "scan": "Show this code at forum doors",
    },
}
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def pass_language(delegate_language: str, fallback: str = "zh") -> str:
    """The delegate's language when the roster knows it, else the kiosk's."""
    for lang in (delegate_language, fallback):
        if lang and lang.lower().startswith("zh"):
            return "zh"
        if lang and lang.lower().startswith("en"):
            return "en"
    return "zh"


@dataclass(frozen=True, slots=True)
class PassForum:
    """One forum line. Door signs are Chinese, so the Chinese name is always on the pass:
    ``name`` in the pass's language, ``other_name`` in the other one ("" when they match)."""

    id: str
    name: str
    when: str  # "12月6日 09:00–12:00" / "6 Dec 09:00–12:00"
    hall: str  # as the door sign names it: "A1厅" / "Hall A1", "Expo"
    other_name: str = ""


@dataclass(frozen=True, slots=True)
class PassContent:
    """Everything printed on one pass, already in the pass's language."""

    language: str
    event_name: str
    name: str  # as written in the roster
    latin_name: str  # English name, or pinyin made from the Chinese name; "" when same as name
    organization: str
    title: str
    category: str
    color: str
    vip: bool
    forums: tuple[PassForum, ...]
    qr: str
    issued: str  # local date and time of issue: "12月6日 08:42" / "6 Dec 08:42"
    desk: str  # the desk's display name: "3号服务台" / "Desk 3"
    delegate_id: str = ""
    labels: dict[str, str] = field(default_factory=dict)

    def label(self, key: str) -> str:
        return self.labels.get(key) or LABELS[self.language][key]

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> PassContent:
        data: dict[str, Any] = json.loads(text)
        data["forums"] = tuple(PassForum(**f) for f in data.get("forums", ()))
        return cls(**data)


def latin_script(name: str, name_en: str = "") -> str:
    """The name in Latin script: the English name if given, else pinyin; "" for a Latin name.

    Transliterated names written with a middle dot (阿卜杜勒·克里木) become one word per part.
    """
    from kiosk.names import has_han, latin_name, syllables

    if name_en.strip() or not has_han(name):
        return name_en.strip()
    parts = [p for p in name.replace("•", "·").replace("・", "·").split("·") if p.strip()]
    if len(parts) > 1:
        return " ".join("".join(syllables(p)).capitalize() for p in parts)
    return latin_name(name)


def _day(moment: datetime, language: str) -> str:
    return (
        f"{moment.month}月{moment.day}日"
        if language == "zh"
        else f"{moment.day} {MONTHS_EN[moment.month - 1]}"
    )


def _when(forum: Forum, language: str, tz: ZoneInfo) -> str:
    if forum.starts_at is None:
        return ""
    start = forum.starts_at.astimezone(tz)
    end = forum.ends_at.astimezone(tz) if forum.ends_at else None
    span = f"{start:%H:%M}" + (f"–{end:%H:%M}" if end else "")
    return f"{_day(start, language)} {span}"


def _forum_line(forum: Forum, language: str, tz: ZoneInfo) -> PassForum:
    other = forum.name("en" if language == "zh" else "zh")
    return PassForum(
        forum.id,
        forum.name(language),
        _when(forum, language, tz),
        hall_name(forum.hall, language),
        "" if other == forum.name(language) else other,
    )


def build_content(
    delegate: Delegate,
    event: Event,
    forums: Mapping[str, Forum],
    categories: Mapping[str, Category],
    issued_at: datetime,
    desk: str,
    language: str = "",
    code: str = "",
) -> PassContent:
    """The pass for a delegate: forums sorted by time, names in both scripts, in their language.

    ``language`` is the kiosk's language, used when the roster does not know the delegate's.
    ``code`` is the code for the forum doors (default: the delegate's badge code).
    """
    lang = pass_language(delegate.language, language or "zh")
    tz = ZoneInfo(event.timezone)
    mine = [forums[f] for f in delegate.forums if f in forums]
    far = datetime.max.replace(tzinfo=tz)
    mine.sort(key=lambda f: (f.starts_at or far, f.name(lang)))
    category = categories.get(delegate.category)
    latin = latin_script(delegate.name, delegate.name_en)
    if latin.strip() == delegate.name.strip():
        latin = ""
    return PassContent(
        language=lang,
        event_name=event.name(lang),
        name=delegate.name,
        latin_name=latin,
        organization=delegate.organization,
        title=delegate.title,
        category=category.name(lang) if category else "",
        color=category.color if category else "#455A64",
        vip=bool(category and category.vip),
        forums=tuple(_forum_line(f, lang, tz) for f in mine),
        qr=code or delegate.code,
        issued=f"{_day(issued_at.astimezone(tz), lang)} {issued_at.astimezone(tz):%H:%M}",
        desk=desk_name(desk, lang),
        delegate_id=delegate.id,
    )

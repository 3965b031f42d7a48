"""Sample passes for previews, benchmarks and tests: the hard cases every stock must hold.

A Chinese delegate with a long organisation, a foreign delegate, a VIP, and a delegate with
twelve forums and the longest name, on an event shaped like the reference conference.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from kiosk.model import Badge, Category, Delegate, Event, Forum
from kiosk.printing.content import PassContent, build_content
from kiosk.store import Store

CST = timezone(timedelta(hours=8))
_FORUMS = (
    ("main", "2023西安“双中心”建设主题论坛", "2023 Xi'an 'Dual Centers' Construction Theme Forum", "A1", 6, "09:00", "12:00"),
    ("p1", "国家硬科技创新示范区建设论坛", "National Hard Technology Innovation Demonstration Zone Forum", "B1", 6, "14:00", "17:30"),
    ("p2", "外国专家座谈会", "Foreign Experts Symposium", "B2", 6, "14:00", "16:30"),
    ("p3", "2023光子产业暨硬科技成果转化论坛", "2023 Photonics Industry and Hard Tech Commercialisation Forum", "B3", 6, "14:00", "17:30"),
    ("p4", "留学人员座谈会", "Returned Overseas Scholars Symposium", "B4", 7, "09:30", "11:30"),
    ("p5", "新能源汽车产业论坛", "New Energy Vehicle Industry Forum", "B5", 7, "14:00", "17:00"),
    ("s1", "2023中国(西安)人工智能产业高峰论坛", "2023 China (Xi'an) AI Industry Summit", "C1", 7, "09:00", "12:00"),
    ("s2", "2023科技金融创新发展论坛", "2023 Sci-Tech Finance Innovation Forum", "C2", 7, "09:00", "12:00"),
    ("s3", "中国(西安)网络安全·元宇宙安全产业论坛", "China (Xi'an) Cybersecurity and Metaverse Security Forum", "C3", 7, "14:00", "17:00"),
    ("s4", "氢能产业论坛", "Hydrogen Energy Industry Forum", "C4", 7, "14:00", "17:00"),
    ("s5", "增材制造产业论坛", "Additive Manufacturing Industry Forum", "C5", 7, "14:00", "17:00"),
    ("x1", "硬科技产业招商推介会", "Hard Tech Investment Promotion", "D1", 7, "10:00", "12:00"),
)  # fmt: skip


def _at(day: int, hhmm: str) -> datetime:
    hour, minute = map(int, hhmm.split(":"))
    return datetime(2023, 12, day, hour, minute, tzinfo=CST)


def sample_event() -> tuple[Event, list[Forum], list[Category]]:
    event = Event(
        "hardtech-2023",
        "2023全球硬科技创新大会",
        "2023 Global Hard Technology Innovation Conference",
        _at(6, "08:00"),
        _at(7, "18:00"),
        city="Xi'an",
    )
    forums = [
        Forum(i, zh, en, "parallel", hall, 400, _at(d, a), _at(d, b)) for i, zh, en, hall, d, a, b in _FORUMS
    ]
    categories = [
        Category("official", "部委及地方领导", "Government official", "#C62828", vip=True),
        Category("scientist", "科学家", "Scientist", "#1565C0"),
        Category("foreign_expert", "外国专家", "Foreign expert", "#00838F"),
        Category("entrepreneur", "企业家", "Entrepreneur", "#2E7D32"),
    ]
    return event, forums, categories


def sample_delegates() -> list[Delegate]:
    all_forums = tuple(f[0] for f in reversed(_FORUMS))  # unsorted on purpose: the pass sorts by time
    return [
        Delegate("d-zh", "K7QM2XWD9PRT4HNA", "欧阳娜娜", organization="中国科学院西安光学精密机械研究所瞬态光学与光子技术国家重点实验室",
                 title="研究员、博士生导师", category="scientist", forums=("p3", "main", "s1"), language="zh"),
        Delegate("d-en", "W4TR8HJC2MVN6QXE", "Maria-Josefina Fernández-Castellanos", name_en="",
                 organization="Max Planck Institute for the Science of Light", title="Director",
                 category="foreign_expert", forums=("p2", "main"), language="en"),
        Delegate("d-vip", "V9PA3KZM7TRD2HWQ", "张伟", name_en="Zhang Wei", organization="陕西省科学技术厅",
                 title="厅长", category="official", forums=("main", "p1"), language="zh"),
        Delegate("d-12", "N2HX6QWT8KMA4ZRC", "阿卜杜勒·克里木·买买提艾力·司马义", organization="新疆维吾尔自治区科学技术协会国际交流合作部",
                 title="部长", category="entrepreneur", forums=all_forums, language=""),
    ]  # fmt: skip


def install_samples(store: Store, delegates: list[Delegate] | None = None) -> list[Delegate]:
    """Put the sample event and delegates into a store (tests, previews, benchmarks)."""
    from kiosk.store.roster import delegate_to_row

    event, forums, categories = sample_event()
    store.roster.set_event(event, forums, categories)
    delegates = delegates if delegates is not None else sample_delegates()
    with store.transaction() as conn:
        store.roster.write_delegates(conn, [delegate_to_row(d, d.name) for d in delegates])
        store.roster.write_badges(conn, [Badge(d.code, d.id) for d in delegates])
    return delegates


def sample_passes(language: str = "zh") -> dict[str, PassContent]:
    event, forum_list, category_list = sample_event()
    forums, categories = {f.id: f for f in forum_list}, {c.id: c for c in category_list}
    issued = _at(6, "08:42")
    return {
        d.id: build_content(d, event, forums, categories, issued, "desk-3", language)
        for d in sample_delegates()
    }

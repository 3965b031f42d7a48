"""The built-in demo: the reference event moved to today, and a generated roster.

Also serves tests and benchmarks that need a realistic roster of any size.
"""

from __future__ import annotations

import csv
import random
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.importers.apply import ImportReport, apply_delegates
from kiosk.importers.event import load_event_file, parse_event
from kiosk.model import Category, Delegate, Event, Forum
from kiosk.store import Store

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
DEMO_EVENT = RESOURCES / "demo_event.json"

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕鹏辉建国宇浩凯秀兰晨曦思远文博志强海涛子涵雨欣梓轩佳怡嘉诚天佑振华立新卫东晓明"
FOREIGN_FIRST = ["James", "Maria", "Anna", "David", "Sophie", "Lukas", "Yuki", "Amara", "Olga", "Carlos",
                 "Fatima", "Pierre", "Ingrid", "Rahul", "Chloé", "Mateus", "Hannah", "Kenji", "Aisha", "Björn"]  # fmt: skip
FOREIGN_LAST = ["Smith", "Müller", "Rossi", "García", "Tanaka", "Dubois", "Kowalski", "Okafor", "Ivanova",
                "Andersson", "Nakamura", "Silva", "O'Brien", "Schneider", "Patel", "Haddad", "Novak", "Kim"]  # fmt: skip
ORGS = ["西安交通大学", "西北工业大学", "中国科学院西安光学精密机械研究所", "陕西省科学技术厅", "西安市人民政府",
        "隆基绿能科技股份有限公司", "比亚迪股份有限公司", "中科创星", "陕西广播电视台", "新华社陕西分社",
        "西安电子科技大学", "华为技术有限公司", "国家开发银行陕西分行", "西咸新区管委会", "陕西煤业化工集团"]  # fmt: skip
FOREIGN_ORGS = ["Fraunhofer Institute", "MIT", "Siemens AG", "UNIDO", "University of Cambridge", "Reuters",
                "Sequoia Capital", "Max Planck Society", "Tokyo Institute of Technology", "Nature"]  # fmt: skip
TITLES = ["院长", "教授", "研究员", "总经理", "董事长", "副市长", "处长", "记者", "合伙人", "首席科学家"]
FOREIGN_TITLES = ["Professor", "CEO", "Director", "Correspondent", "Partner", "Chief Scientist"]
NOTES = [{"需求": "轮椅通道 wheelchair access"}, {"需求": "同传耳机 interpreter headset"},
         {"饮食": "清真 halal"}, {"饮食": "素食 vegetarian"}]  # fmt: skip
CATEGORY_WEIGHTS = {"official": 4, "intl_org": 2, "scientist": 20, "entrepreneur": 25, "investor": 10,
                    "foreign_expert": 12, "scholar": 8, "press": 10, "staff": 9}  # fmt: skip


def demo_event(on: date | None = None) -> tuple[Event, list[Forum], list[Category]]:
    """The demo event, moved so that its first day is ``on`` (today by default)."""
    event, forums, categories = parse_event(load_event_file(DEMO_EVENT))
    tz = ZoneInfo(event.timezone)
    target = on or datetime.now(tz).date()
    shift = timedelta(days=(target - event.starts_at.astimezone(tz).date()).days)

    def moved(at: datetime | None) -> datetime | None:
        return at + shift if at else None

    event = replace(event, starts_at=event.starts_at + shift, ends_at=event.ends_at + shift)
    forums = [replace(f, starts_at=moved(f.starts_at), ends_at=moved(f.ends_at)) for f in forums]
    return event, forums, categories


def generate_roster(
    count: int, forums: list[Forum], categories: list[Category], seed: int = 2023
) -> list[Delegate]:
    """``count`` delegates: Chinese and foreign names, every category, VIPs, some cancelled."""
    rng = random.Random(seed)
    weights = [CATEGORY_WEIGHTS.get(c.id, 5) for c in categories]
    forum_ids = [f.id for f in forums]
    delegates = []
    for i in range(count):
        category = rng.choices(categories, weights)[0].id if categories else ""
        foreign = category in ("foreign_expert", "intl_org") and rng.random() < 0.8
        if foreign:
            name = f"{rng.choice(FOREIGN_FIRST)} {rng.choice(FOREIGN_LAST)}"
            name_en, org, language = name, rng.choice(FOREIGN_ORGS), "en"
            title = rng.choice(FOREIGN_TITLES)
        else:
            name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
            name_en, org, language = "", rng.choice(ORGS), "zh"
            title = rng.choice(TITLES)
        chosen = {"main"} if "main" in forum_ids and rng.random() < 0.7 else set()
        chosen.update(rng.sample(forum_ids, k=min(len(forum_ids), rng.randint(1, 3))))
        delegates.append(
            Delegate(
                id=f"D{i + 1:06d}",
                code="".join(rng.choice("0123456789BCDEFGHJKLNPRSTUVX") for _ in range(12)),
                name=name,
                name_en=name_en,
                organization=org,
                title=title,
                phone=f"1{rng.randint(3, 9)}{rng.randint(0, 999999999):09d}",
                email=f"d{i + 1}@example.org",
                category=category,
                forums=tuple(f for f in forum_ids if f in chosen),
                status="cancelled" if rng.random() < 0.02 else "active",
                language=language,
                notes=rng.choice(NOTES) if rng.random() < 0.05 else {},
            )
        )
    return delegates


def write_roster_csv(path: Path, delegates: list[Delegate], encoding: str = "utf-8") -> None:
    """A roster file as a registration system exports it (Chinese headers)."""
    with Path(path).open("w", newline="", encoding=encoding) as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "编号",
                "签到码",
                "姓名",
                "英文名",
                "单位",
                "职务",
                "手机",
                "邮箱",
                "参会身份",
                "参会论坛",
                "状态",
                "语言",
            ]
        )
        for d in delegates:
            writer.writerow([d.id, d.code, d.name, d.name_en, d.organization, d.title, d.phone, d.email,
                             d.category, ";".join(d.forums), d.status, d.language])  # fmt: skip


def setup_demo(store: Store, count: int = 3000, on: date | None = None) -> list[Delegate]:
    """Fill an empty store with the demo event and roster; returns the delegates."""
    event, forums, categories = demo_event(on)
    store.roster.set_event(event, forums, categories)
    delegates = generate_roster(count, forums, categories)
    apply_delegates(store, list(enumerate(delegates, start=2)), ImportReport(), replace=False)
    store.set_meta("demo", "1")
    return delegates

"""Names in Latin script and the text the search index matches against."""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

SEP = "\x1f"


_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")


def has_han(text: str) -> bool:
    return _HAN.search(text) is not None


@lru_cache(maxsize=1)
def _readings() -> dict[str, str]:
    """pypinyin's character table (code point -> readings), read without importing pypinyin,
    whose phrase tables cost ~50 MB of memory and which a name does not need."""
    spec = importlib.util.find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pypinyin is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "pinyin_dict.json"
    readings: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return readings


_TONELESS_V = str.maketrans({"ü": "v", "ǖ": "v", "ǘ": "v", "ǚ": "v", "ǜ": "v"})


@lru_cache(maxsize=65536)
def _char_pinyin(char: str) -> str:
    """A character's everyday reading without tones (ü as v, as Chinese keyboards type it)."""
    readings = _readings().get(str(ord(char))) if has_han(char) else None
    if not readings:
        return char
    first = readings.split(",")[0].translate(_TONELESS_V)
    return "".join(c for c in unicodedata.normalize("NFD", first) if not unicodedata.combining(c))


# Surnames read differently from the character's everyday reading, and two-character
# surnames (which romanise as one word: Ouyang Nana).
SURNAME_READINGS = {
    "单": "shan", "曾": "zeng", "解": "xie", "区": "ou", "仇": "qiu", "朴": "piao", "查": "zha",
    "盖": "ge", "覃": "qin", "乐": "yue", "员": "yun", "召": "shao", "种": "chong", "秘": "bi",
    "重": "chong", "缪": "miao", "翟": "zhai", "尉迟": "yuchi", "长孙": "zhangsun", "万俟": "moqi",
}  # fmt: skip
COMPOUND_SURNAMES = frozenset(
    [
        "欧阳",
        "司马",
        "诸葛",
        "上官",
        "东方",
        "慕容",
        "皇甫",
        "令狐",
        "司徒",
        "夏侯",
        "尉迟",
        "公孙",
        "长孙",
        "宇文",
        "轩辕",
        "端木",
        "西门",
        "南宫",
        "万俟",
        "独孤",
        "澹台",
        "呼延",
    ]
)


def split_name(name: str) -> tuple[str, str]:
    """(surname, given name) of a Chinese name."""
    chars = "".join(name.split())
    cut = 2 if chars[:2] in COMPOUND_SURNAMES and len(chars) > 2 else 1
    return chars[:cut], chars[cut:]


def syllables(name: str) -> list[str]:
    """Pinyin syllables of a Chinese name: the surname as one item, then one per character."""
    surname, given = split_name(name)
    if not surname:
        return []
    reading = SURNAME_READINGS.get(surname) or "".join(_char_pinyin(c) for c in surname)
    return [reading, *(_char_pinyin(c) for c in given)]


def latin_name(name: str, name_en: str = "") -> str:
    """The name in Latin script: the English name if given, else pinyin (Zhang Weiming)."""
    if name_en.strip():
        return name_en.strip()
    if not has_han(name):
        return name.strip()
    parts = syllables(name)
    if len(parts) == 1:
        return parts[0].capitalize()
    return f"{parts[0].capitalize()} {''.join(parts[1:]).capitalize()}"


_NOT_DIGIT = re.compile(r"\D")


def search_text(name: str, name_en: str, organization: str, phone: str) -> str:
    """Fields a desk volunteer may type, each lower-cased, space-free, between separators."""
    tail = phone[-4:]
    if not tail.isdigit():
        tail = _NOT_DIGIT.sub("", phone)[-4:]
    return (
        _name_fields(name, name_en)
        + _organization_field(organization)
        + (tail + SEP if len(tail) == 4 else "")
    )


@lru_cache(maxsize=65536)
def _name_fields(name: str, name_en: str) -> str:
    fields = [name.replace(" ", "")]
    han = has_han(name)
    if han:
        parts = syllables(name)
        surname, given = parts[0], "".join(parts[1:])
        initials = "".join([p[0] for p in parts if p])
        fields += [surname + given, initials, given + surname]
        surname = name[:2]
        if surname in COMPOUND_SURNAMES and len(name) > 2 and surname not in SURNAME_READINGS:
            fields.append(
                _char_pinyin(name[0])[0] + _char_pinyin(name[1])[0] + initials[1:]
            )  # 欧阳美玉: oymy
        if len(name) > 2:
            fields.append(name[1:])
    if name_en:
        words = name_en.lower().split()
        fields += ["".join(words), *words, "".join([w[0] for w in words])]
    elif not han:
        fields += name.lower().split()
    return SEP + SEP.join(fields).lower() + SEP


@lru_cache(maxsize=8192)
def _organization_field(organization: str) -> str:
    return organization.lower().replace(" ", "") + SEP if organization else ""


def normalize_query(query: str) -> str:
    return "".join(query.lower().split()).replace(SEP, "")

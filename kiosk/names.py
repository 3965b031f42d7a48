"""Names in Latin script and the text the search index matches against."""

from __future__ import annotations

from functools import lru_cache

from pypinyin import lazy_pinyin

SEP = "\x1f"


def has_han(text: str) -> bool:
    return any("\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" for c in text)


@lru_cache(maxsize=65536)
def _char_pinyin(char: str) -> str:
    return lazy_pinyin(char)[0] if has_han(char) else char


@lru_cache(maxsize=8192)
def _surname(chars: str) -> str:
    # Surnames with a reading of their own (单 Shan, 曾 Zeng, 解 Xie …) come from
    # pypinyin's phrase data when the name is converted whole.
    return lazy_pinyin(chars)[0]


def syllables(name: str) -> list[str]:
    """Pinyin syllables of a Chinese name, one per character (memoised per character)."""
    chars = [c for c in name if not c.isspace()]
    if not chars:
        return []
    result = [_char_pinyin(c) for c in chars]
    if has_han(chars[0]):
        result[0] = _surname(chars[0] + (chars[1] if len(chars) > 1 else ""))
    return result


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


def search_text(name: str, name_en: str, organization: str, phone: str) -> str:
    """Fields a desk volunteer may type, each lower-cased, space-free, between separators."""
    fields = [name.replace(" ", "")]
    if has_han(name):
        parts = syllables(name)
        fields += ["".join(parts), "".join(p[0] for p in parts if p), "".join(parts[1:] + parts[:1])]
        if len(name) > 2:
            fields.append(name[1:])
    if name_en:
        words = name_en.lower().split()
        fields += ["".join(words), *words, "".join(w[0] for w in words)]
    elif not has_han(name):
        fields += name.lower().split()
    if organization:
        fields.append(organization.lower().replace(" ", ""))
    digits = "".join(c for c in phone if c.isdigit())
    if len(digits) >= 4:
        fields.append(digits[-4:])
    return SEP + SEP.join(f.lower() for f in fields if f) + SEP


def normalize_query(query: str) -> str:
    return "".join(query.lower().split()).replace(SEP, "")

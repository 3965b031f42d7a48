"""Column headers as registration systems write them, in English and Chinese."""

from __future__ import annotations

ALIASES: dict[str, tuple[str, ...]] = {
    "code": ("code", "badge", "badgecode", "ticket", "qr", "qrcode", "票码", "二维码", "签到码", "胸卡码"),
    "name": ("name", "fullname", "姓名", "名字"),
    "name_en": ("nameen", "englishname", "英文名", "英文姓名", "latinname"),
    "organization": ("organization", "organisation", "org", "company", "单位", "工作单位", "所在单位"),
    "title": ("title", "position", "job", "职务", "职位", "职称"),
    "phone": ("phone", "mobile", "tel", "telephone", "手机", "手机号", "手机号码", "联系电话", "电话"),
    "category": ("category", "type", "类别", "身份", "参会身份", "嘉宾类别"),
    "forums": ("forums", "forum", "sessions", "论坛", "参会论坛", "分论坛"),
    "status": ("status", "状态"),
    "email": ("email", "e-mail", "mail", "邮箱", "电子邮箱"),
    "language": ("language", "lang", "语言"),
    "id": ("id", "registrationid", "regid", "编号", "人员编号", "报名编号"),
}

_LOOKUP = {alias.replace("-", ""): field for field, names in ALIASES.items() for alias in names}


def normalize(header: object) -> str:
    text = "" if header is None else str(header)
    return "".join(text.split()).lower().replace("_", "").replace("-", "").lstrip("\ufeff")


def map_headers(headers: list[object]) -> tuple[dict[str, int], dict[int, str]]:
    """Known fields -> column index, and the other columns (kept as notes) -> header text."""
    fields: dict[str, int] = {}
    notes: dict[int, str] = {}
    for index, header in enumerate(headers):
        field = _LOOKUP.get(normalize(header))
        if field and field not in fields:
            fields[field] = index
        elif header is not None and str(header).strip():
            notes[index] = str(header).strip()
    return fields, notes

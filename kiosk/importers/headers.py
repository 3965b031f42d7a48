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


def column_name(index: int) -> str:
    """A column as a spreadsheet names it: 0 -> A, 26 -> AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def map_headers(headers: list[object]) -> tuple[dict[str, int], dict[int, str]]:
    """Known fields -> column index, and the other columns (kept as notes) -> header text.

    Two columns for one field ("name" and "姓名", two "phone") or two notes of one name would
    make one of them vanish; the file is refused naming both columns."""
    from kiosk.errors import RosterFileError

    fields: dict[str, int] = {}
    notes: dict[int, str] = {}
    seen: dict[str, int] = {}
    for index, header in enumerate(headers):
        text = "" if header is None else str(header).strip()
        field = _LOOKUP.get(normalize(header))
        key = field or normalize(header)
        if key and key in seen:
            first = seen[key]
            raise RosterFileError(
                f"columns {column_name(first)} ({str(headers[first]).strip()!r}) and {column_name(index)} "
                f"({text!r}) are the same column: rename or remove one"
            )
        if key:
            seen[key] = index
        if field:
            fields[field] = index
        elif text:
            notes[index] = text
    return fields, notes

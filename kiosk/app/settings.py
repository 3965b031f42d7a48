"""The app's operator settings: declared once with their defaults, stored in the store's meta.

Keys live under ``ui.`` in the meta table, values as text; each field's type converts them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, fields, replace
from typing import Any

from kiosk.store import Store

log = logging.getLogger(__name__)
PREFIX = "ui."


@dataclass(frozen=True, slots=True)
class Settings:
    mode: str = "selfservice"  # selfservice | desk | door | admin
    gate: str = "entrance"  # entrance or a forum id
    language: str = "zh_CN"  # the operator language: zh_CN | en
    desk: str = "desk-1"  # this kiosk's name in the journal
    reset_seconds: int = 5  # self-service: back to the attract screen after a result
    camera: str = "demo"  # demo (badge video) | a device index | a video file path | none
    printer: str = "pdf"  # pdf (folder) | cups:NAME | escpos:HOST:PORT | none
    pdf_folder: str = ""  # where the PDF printer writes; empty = <data dir>/passes
    layout: str = "thermal-80"  # pass layout name (resources/layouts)
    sounds: bool = True
    auto_sync: bool = False


def _convert(kind: Any, text: str) -> Any:
    if kind in (bool, "bool"):
        return text in ("1", "true", "yes", "on")
    if kind in (int, "int"):
        return int(text)
    return text


def load(store: Store) -> Settings:
    """The stored settings, with defaults for anything not stored or unreadable."""
    values: dict[str, Any] = {}
    for f in fields(Settings):
        text = store.get_meta(PREFIX + f.name)
        if text is None:
            continue
        try:
            values[f.name] = _convert(f.type, text)
        except ValueError:
            log.warning("setting %s unreadable, using the default", f.name)
    return Settings(**values)


def save(store: Store, settings: Settings, **changes: Any) -> Settings:
    """Store the given changes (or all settings if none) and return the new settings."""
    new = replace(settings, **changes)
    names = changes.keys() if changes else [f.name for f in fields(Settings)]
    for name in names:
        value = getattr(new, name)
        store.set_meta(PREFIX + name, ("1" if value else "0") if isinstance(value, bool) else str(value))
    return new

"""The kiosk's operator settings: declared once with their defaults, stored in the store's meta.

Each field is one meta key ``settings.<name>``, its value as text that the field's type reads
back; a value that cannot be read falls back to the default (and says so in the log). The
stored settings carry a version; older stores are brought up to date by the named upgrades
below, in order, each applied once (as Picard's ``config_upgrade``). ``save`` writes every
changed key in one transaction.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from enum import StrEnum
from typing import Any, get_type_hints

from kiosk.errors import ErrorCode, KioskError
from kiosk.model import ENTRANCE, Mode
from kiosk.printing.layout import DEFAULT_LAYOUT, LAYOUT_SETTING
from kiosk.store import Store

log = logging.getLogger(__name__)
PREFIX = "settings."
VERSION_KEY = "settings.version"
MIN_PHONE_DIGITS, MAX_PHONE_DIGITS = 3, 20
TRAILING_PHONE = re.compile(r"(?P<name>.*?\S)[\s,:;：，]+(?P<phone>\+?\d[\d\s().-]*\d)")


class PrinterKind(StrEnum):
    PDF = "pdf"  # a folder of PDF files (the demo's)
    CUPS = "cups"  # cups:QUEUE, any system printer
    ESCPOS = "escpos"  # escpos:HOST[:PORT] or escpos:usb:VID:PID, a raw thermal printer
    NONE = "none"  # no passes at this kiosk


class CameraKind(StrEnum):
    DEMO = "demo"  # the demo's badge video
    DEVICE = "device"  # a camera by index or /dev/video path
    FILE = "file"  # a video file played as a camera
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Settings:
    mode: Mode = Mode.SELFSERVICE
    gate: str = ENTRANCE  # entrance or a forum id
    language: str = "zh_CN"  # the operator language: zh_CN | en
    desk: str = "desk-1"  # this kiosk's name in the journal
    operator: str = ""  # the volunteer signed in at the desk (journalled with each entry)
    supervisor: str = ""  # who the desk and the doors call when stuck (F8): a name
    supervisor_phone: str = ""  # and the number to call them on (check_phone)
    reset_seconds: int = 8  # self-service: how long a refusal stays (a welcome: 3 s), a tap sooner
    camera: str = "demo"  # demo | a device index | /dev/videoN | a video file path | none
    printer: str = "pdf"  # pdf | cups:QUEUE | escpos:HOST[:PORT] | none
    pdf_folder: str = ""  # where the PDF printer writes; empty = <data dir>/passes
    layout: str = DEFAULT_LAYOUT  # pass stock (resources/layouts)
    sounds: bool = True
    speech: bool = True  # spoken prompts after the tones (when sounds are on)
    auto_sync: bool = False
    hub_insecure: bool = False  # plain HTTP to a hub on another machine, allowed by the admin

    @property
    def printer_kind(self) -> PrinterKind:
        scheme = self.printer.partition(":")[0]
        return PrinterKind(scheme) if scheme in PrinterKind._value2member_map_ else PrinterKind.NONE

    @property
    def supervisor_contact(self) -> str:
        """The supervisor as F8 shows them: "Li Na · 138 0000 1234", or what is set of it."""
        return " · ".join(part for part in (self.supervisor, self.supervisor_phone) if part)

    @property
    def camera_kind(self) -> CameraKind:
        if self.camera in ("", CameraKind.NONE):
            return CameraKind.NONE
        if self.camera == CameraKind.DEMO:
            return CameraKind.DEMO
        return (
            CameraKind.DEVICE
            if self.camera.isdigit() or self.camera.startswith("/dev/video")
            else CameraKind.FILE
        )


def check_phone(text: str) -> str:
    """A phone number as the admin typed it, spaces tidied and full-width characters made ASCII;
    "" for none. Digits with spaces, ``-``, ``.``, brackets and a leading ``+``; 3 to 20 digits
    (an extension, a mobile, a number with its country code and extension). Anything else is a
    KioskError (``BAD_PHONE``)."""
    phone = " ".join(unicodedata.normalize("NFKC", text).split())  # full-width digits typed in Chinese
    if not phone:
        return ""
    digits = sum(c.isdigit() for c in phone)
    allowed = all(c.isdigit() and c.isascii() or c in " -.()" for c in phone.removeprefix("+"))
    if not allowed or not MIN_PHONE_DIGITS <= digits <= MAX_PHONE_DIGITS:
        raise KioskError(
            f"{phone!r} is not a phone number: use digits, spaces, + - ( ) only "
            f"({MIN_PHONE_DIGITS}-{MAX_PHONE_DIGITS} digits)",
            ErrorCode.BAD_PHONE,
            phone=phone,
        )
    return phone


def key(name: str) -> str:
    return LAYOUT_SETTING if name == "layout" else PREFIX + name


def _text(value: object) -> str:
    return ("1" if value else "0") if isinstance(value, bool) else str(value)


def _read(kind: Any, text: str) -> Any:
    if kind is bool:
        return text in ("1", "true", "yes", "on")
    return kind(text)  # int, str or an enum: ValueError when the text is not one of its values


def _keys_under_settings(store: Store) -> None:
    """Version 1 kept the settings under ``ui.``, a name of the screens the settings outlived."""
    for f in fields(Settings):
        old = store.get_meta("ui." + f.name)
        if old is not None and store.get_meta(key(f.name)) is None:
            store.set_meta(key(f.name), old)


def _supervisor_phone_apart(store: Store) -> None:
    """Version 2 kept the supervisor's name and phone in one line ("Li Na 138 0000 1234"): a
    number at its end moves to ``supervisor_phone``; a line that does not end in one stays."""
    line = store.get_meta(key("supervisor")) or ""
    found = TRAILING_PHONE.match(line.strip())
    if found is None or store.get_meta(key("supervisor_phone")):
        return
    try:
        phone = check_phone(found["phone"])
    except KioskError:
        return
    store.set_meta(key("supervisor"), found["name"])
    store.set_meta(key("supervisor_phone"), phone)


UPGRADES: list[tuple[str, Callable[[Store], None]]] = [
    ("keys-under-settings", _keys_under_settings),
    ("supervisor-phone-apart", _supervisor_phone_apart),
]


def upgrade(store: Store) -> list[str]:
    """Apply the upgrades a store has not had yet; returns their names."""
    done = int(store.get_meta(VERSION_KEY) or 0)
    applied = []
    for number, (name, step) in enumerate(UPGRADES, start=1):
        if number > done:
            step(store)
            store.set_meta(VERSION_KEY, str(number))
            log.info("settings upgraded: %s", name)
            applied.append(name)
    return applied


def load(store: Store) -> Settings:
    """The stored settings, with defaults for anything not stored or unreadable."""
    upgrade(store)
    types = get_type_hints(Settings)
    values: dict[str, Any] = {}
    for f in fields(Settings):
        text = store.get_meta(key(f.name))
        if text is None:
            continue
        try:
            values[f.name] = _read(types[f.name], text)
        except ValueError:
            log.warning("setting %s unreadable, using the default", f.name)
    return Settings(**values)


def save(store: Store, settings: Settings, **changes: Any) -> Settings:
    """Store the given changes (or all settings if none), in one transaction; the new settings."""
    types = get_type_hints(Settings)
    for name, value in changes.items():
        kind = types[name]
        if isinstance(kind, type) and issubclass(kind, StrEnum):
            changes[name] = kind(value)
    new = replace(settings, **changes)
    names = changes.keys() if changes else [f.name for f in fields(Settings)]
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [(key(name), _text(getattr(new, name))) for name in names],
        )
    return new

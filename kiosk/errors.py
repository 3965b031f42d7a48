"""Errors the user can act on. Each carries a one-line message for the CLI and a closed code.

Screens translate the code (and its data), never the message: the English text is for the
CLI and the log, and may change without breaking a screen.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class ErrorCode(StrEnum):
    INPUT = "input"  # a bad argument or file (the message says which)
    NO_EVENT = "no_event"  # the database has no event yet
    UNKNOWN_GATE = "unknown_gate"  # data: gate, known
    UNKNOWN_CODE = "unknown_code"  # an override of a code that is not in the roster; data: code
    NO_CHECKIN = "no_checkin"  # nothing to void under that id; data: checkin_id
    ALREADY_VOID = "already_void"  # data: checkin_id
    NOT_AN_ADMISSION = "not_an_admission"  # a void of an entry that admitted nobody; data: checkin_id
    NO_DELEGATE = "no_delegate"  # data: delegate_id
    PRINTER = "printer"  # a printer spec that names no printer; data: spec
    BAD_PHONE = "bad_phone"  # a phone number setting that is not one; data: phone
    HUB_UNTRUSTED = "hub_untrusted"  # the hub's certificate is not the pinned one (or not trusted); data: url
    HUB_INSECURE = "hub_insecure"  # plain HTTP to a hub off loopback, not allowed; data: url


class KioskError(Exception):
    """A problem with the user's input or setup, reported as one line (never a traceback)."""

    exit_code = 2
    code = ErrorCode.INPUT

    def __init__(self, message: str, code: ErrorCode | None = None, /, **data: Any) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        self.data = data


class NoEventError(KioskError):
    code = ErrorCode.NO_EVENT

    def __init__(self) -> None:
        super().__init__("no event in this database: run `event import FILE.json` first")


class UnknownGateError(KioskError):
    code = ErrorCode.UNKNOWN_GATE

    def __init__(self, gate: str, known: list[str]) -> None:
        super().__init__(
            f"unknown gate {gate!r}: use 'entrance' or a forum id ({', '.join(known)})",
            gate=gate,
            known=known,
        )


class NotFoundError(KioskError):
    pass


class RosterFileError(KioskError):
    """A roster file cannot be read at all; nothing is applied."""

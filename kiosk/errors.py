"""Errors the user can act on. Each carries a one-line message for the CLI and the UI."""


class KioskError(Exception):
    """A problem with the user's input or setup, reported as one line (never a traceback)."""

    exit_code = 2


class NoEventError(KioskError):
    def __init__(self) -> None:
        super().__init__("no event in this database: run `event import FILE.json` first")


class UnknownGateError(KioskError):
    def __init__(self, gate: str, known: list[str]) -> None:
        super().__init__(f"unknown gate {gate!r}: use 'entrance' or a forum id ({', '.join(known)})")


class NotFoundError(KioskError):
    pass

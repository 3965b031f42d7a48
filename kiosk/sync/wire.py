"""The hub protocol's JSON shapes for delegates and journal entries, shared by hub and kiosk.

The kiosk owns this module (``kiosk`` never imports ``hub``); the hub imports it,
so both ends read and write exactly one format. ``*_from_wire`` validate
untrusted input and raise ``WireError`` with a one-line reason.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from kiosk.model import DELEGATE_TEXT_FIELDS, Action, CheckIn, Delegate, Outcome

API = "/v1"
ENROL_PATH = "/enrol"  # POST {"code"}: a one-time enrolment code for a desk's token
MAX_BATCH = 500  # journal entries in one push


class WireError(ValueError):
    """A delegate or journal entry from the other end is malformed."""


def delegate_to_wire(delegate: Delegate, search: str = "") -> dict[str, Any]:
    data: dict[str, Any] = {name: getattr(delegate, name) for name in DELEGATE_TEXT_FIELDS}
    data["forums"] = list(delegate.forums)
    data["notes"] = dict(delegate.notes)
    if search:
        data["search"] = search
    return data


def _text(data: dict[str, Any], key: str, required: bool = False) -> str:
    value = data.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str) or "\x00" in value or len(value) > 2000:
        raise WireError(f"{key!r} must be text")
    if required and not value.strip():
        raise WireError(f"{key!r} is missing")
    return value


def delegate_from_wire(data: object) -> tuple[Delegate, str]:
    """A delegate and its search text (may be empty) from a roster change."""
    if not isinstance(data, dict):
        raise WireError("a delegate must be an object")
    fields = {
        name: _text(data, name, required=name in ("id", "code", "name")) for name in DELEGATE_TEXT_FIELDS
    }
    if fields["status"] not in ("active", "cancelled", ""):
        raise WireError(f"unknown status {fields['status']!r}")
    fields["status"] = fields["status"] or "active"
    forums = data.get("forums") or []
    notes = data.get("notes") or {}
    if not isinstance(forums, list) or not all(isinstance(f, str) and f and "," not in f for f in forums):
        raise WireError("'forums' must be a list of forum ids")
    if not isinstance(notes, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in notes.items()
    ):
        raise WireError("'notes' must map text to text")
    return Delegate(forums=tuple(forums), notes=dict(notes), **fields), _text(data, "search")


def checkin_to_wire(entry: CheckIn) -> dict[str, Any]:
    data = entry.to_json()
    data.pop("origin", None)
    return data


def checkin_from_wire(data: object, origin: str) -> CheckIn:
    """A journal entry from the other end, re-labelled with the desk it came from."""
    if not isinstance(data, dict):
        raise WireError("a journal entry must be an object")
    try:
        at = datetime.fromisoformat(_text(data, "at", required=True))
        outcome = Outcome(str(data.get("outcome")))
        action = Action(str(data.get("action", "scan")))
    except ValueError as exc:
        raise WireError(f"malformed journal entry: {exc}") from None
    if at.tzinfo is None:
        raise WireError("'at' must carry a UTC offset")
    rehearsal = data.get("rehearsal", False)
    if not isinstance(rehearsal, bool):
        raise WireError("'rehearsal' must be true or false")
    return CheckIn(
        id=_text(data, "id", required=True),
        at=at,
        desk=_text(data, "desk"),
        gate=_text(data, "gate", required=True),
        code=_text(data, "code"),
        outcome=outcome,
        delegate_id=_text(data, "delegate_id") or None,
        action=action,
        reason=_text(data, "reason"),
        voids=_text(data, "voids") or None,
        rehearsal=rehearsal,
        origin=origin,
        how=_text(data, "how"),
        operator=_text(data, "operator"),
    )

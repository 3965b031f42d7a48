"""Joining a hub with a one-time enrolment code instead of a typed token.

``hub enrol DESK --url URL`` prints one string (and its QR) holding the hub's address, the
desk's name and a code good once for a few minutes::

    forum-kiosk:enrol?hub=http%3A%2F%2F10.0.0.5%3A8787&desk=door-b1&code=ABCD-EFGH-JKLM

The admin screen takes it by paste (or a USB scanner typing it into the field), redeems it
at ``POST /v1/enrol`` and keeps the token it gets in the store, as a typed one was kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx

from kiosk.sync.wire import API

PREFIX = "forum-kiosk:enrol?"
ENROL_PATH = "/enrol"


class EnrolProblem(StrEnum):
    NOT_A_CODE = "not_a_code"  # not an enrolment string
    REFUSED = "refused"  # the hub does not know the code, or it was used or has expired
    UNREACHABLE = "unreachable"  # no answer from the hub's address
    UNUSABLE = "unusable"  # the hub answered something else


class EnrolError(Exception):
    def __init__(self, problem: EnrolProblem, detail: str = "") -> None:
        super().__init__(f"{problem}: {detail}" if detail else str(problem))
        self.problem = problem


@dataclass(frozen=True, slots=True)
class Enrolment:
    hub: str
    desk: str
    code: str

    def text(self) -> str:
        return PREFIX + urlencode({"hub": self.hub, "desk": self.desk, "code": self.code})


def parse(text: str) -> Enrolment:
    """The enrolment in a pasted or scanned string; EnrolError(NOT_A_CODE) when it is none."""
    text = text.strip()
    if not text.startswith(PREFIX):
        raise EnrolError(EnrolProblem.NOT_A_CODE)
    fields = {k: v[0].strip() for k, v in parse_qs(text[len(PREFIX) :]).items() if v}
    hub, desk, code = fields.get("hub", ""), fields.get("desk", ""), fields.get("code", "")
    address = urlsplit(hub)
    if address.scheme not in ("http", "https") or not address.netloc or not desk or not code:
        raise EnrolError(EnrolProblem.NOT_A_CODE)
    return Enrolment(hub.rstrip("/"), desk, code)


def redeem(enrolment: Enrolment, timeout: float = 10.0) -> tuple[str, str]:
    """(desk, token) from the hub for a fresh code; EnrolError otherwise."""
    try:
        answer = httpx.post(enrolment.hub + API + ENROL_PATH, json={"code": enrolment.code}, timeout=timeout)
    except httpx.HTTPError as exc:
        raise EnrolError(EnrolProblem.UNREACHABLE, type(exc).__name__) from None
    if answer.status_code == 401:
        raise EnrolError(EnrolProblem.REFUSED)
    try:
        body = answer.json() if answer.status_code == 200 else None
    except ValueError:
        body = None
    if (
        not isinstance(body, dict)
        or not isinstance(body.get("token"), str)
        or not isinstance(body.get("desk"), str)
    ):
        raise EnrolError(EnrolProblem.UNUSABLE, f"HTTP {answer.status_code}")
    return body["desk"], body["token"]

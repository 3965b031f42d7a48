"""Joining a hub with a one-time enrolment code instead of a typed token.

``hub enrol DESK --url URL [--tls-cert CERT]`` prints one string (and its QR) holding the
hub's address, the desk's name, a code good once for a few minutes and, for a TLS hub, the
SHA-256 of its certificate (64 hex digits)::

    forum-kiosk:enrol?hub=https%3A%2F%2F10.0.0.5%3A8787&desk=door-b1&code=ABCD-EFGH-JKLM&pin=183b…

The admin screen takes it by paste (or a USB scanner typing it into the field), redeems it
at ``POST /v1/enrol`` through the same checks as every sync (the pin from the code, plain
HTTP only on loopback unless allowed: ``kiosk/sync/trust.py``) and keeps the token it gets,
the address and the pin in the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import parse_qs, urlencode, urlsplit

from kiosk.errors import KioskError
from kiosk.sync.client import HubClient, HubProtocolError, HubRefused, HubUnreachable
from kiosk.sync.trust import HubInsecure, HubUntrusted, normalize_pin, pin_digits

PREFIX = "forum-kiosk:enrol?"


class EnrolProblem(StrEnum):
    NOT_A_CODE = "not_a_code"  # not an enrolment string
    REFUSED = "refused"  # the hub does not know the code, or it was used or has expired
    UNREACHABLE = "unreachable"  # no answer from the hub's address
    UNUSABLE = "unusable"  # the hub answered something else
    UNTRUSTED = "untrusted"  # the hub's certificate is not the one the code names
    INSECURE = "insecure"  # plain HTTP to a hub off loopback, and this desk does not allow it


class EnrolError(Exception):
    def __init__(self, problem: EnrolProblem, detail: str = "") -> None:
        super().__init__(f"{problem}: {detail}" if detail else str(problem))
        self.problem = problem


@dataclass(frozen=True, slots=True)
class Enrolment:
    hub: str
    desk: str
    code: str
    pin: str = ""  # the hub certificate's fingerprint, sha256:AB:CD:… ("" for none)

    def text(self) -> str:
        fields = {"hub": self.hub, "desk": self.desk, "code": self.code}
        return PREFIX + urlencode(fields | ({"pin": pin_digits(self.pin)} if self.pin else {}))


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
    try:
        pin = normalize_pin(fields.get("pin", ""))
    except KioskError:
        raise EnrolError(EnrolProblem.NOT_A_CODE, "the pin is not a fingerprint") from None
    return Enrolment(hub.rstrip("/"), desk, code, pin)


def redeem(enrolment: Enrolment, timeout: float = 10.0, insecure: bool = False) -> tuple[str, str]:
    """(desk, token) from the hub for a fresh code; EnrolError otherwise. ``insecure`` allows plain
    HTTP to a hub off loopback (the admin's setting)."""
    client = HubClient(enrolment.hub, "", timeout=timeout, pin=enrolment.pin, insecure=insecure)
    try:
        body = client.enrol(enrolment.code)
    except HubRefused:
        raise EnrolError(EnrolProblem.REFUSED) from None
    except HubUntrusted:
        raise EnrolError(EnrolProblem.UNTRUSTED) from None
    except HubInsecure:
        raise EnrolError(EnrolProblem.INSECURE) from None
    except HubUnreachable as exc:
        raise EnrolError(EnrolProblem.UNREACHABLE, str(exc)) from None
    except HubProtocolError as exc:
        raise EnrolError(EnrolProblem.UNUSABLE, str(exc)) from None
    finally:
        client.close()
    if (
        not isinstance(body, dict)
        or not isinstance(body.get("token"), str)
        or not isinstance(body.get("desk"), str)
    ):
        raise EnrolError(EnrolProblem.UNUSABLE, "no token in the answer")
    return body["desk"], body["token"]

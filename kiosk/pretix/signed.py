"""pretix's signed ticket secrets (``pretix_sig1``), verified offline with the event's public key.

``secret = reverse(base64(0x01 ‖ u16be len(payload) ‖ u16be len(sig) ‖ payload ‖ sig))``;
the signature is Ed25519 over the payload, a small protobuf ``Ticket {seed = 1; item = 2;
variation = 3; subevent = 4; validFromUnixTime = 5; validUntilUnixTime = 6}``.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from kiosk import keys


@dataclass(frozen=True, slots=True)
class SignedTicket:
    seed: str
    item: int
    variation: int | None
    subevent: int | None
    valid_from: datetime | None
    valid_until: datetime | None


def public_keys(valid_keys: object) -> list[Ed25519PublicKey]:
    """The ``pretix_sig1`` keys of an event's ``valid_keys`` (base64 of PEM texts)."""
    texts = valid_keys.get("pretix_sig1", []) if isinstance(valid_keys, dict) else []
    found = []
    for text in texts if isinstance(texts, list) else []:
        try:
            found.append(keys.parse_public(base64.b64decode(str(text))))
        except (binascii.Error, ValueError, keys.KeyFileError):
            continue
    return found


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    while pos < len(data) and shift < 70:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, pos
    raise ValueError("truncated varint")


def _fields(payload: bytes) -> dict[int, int | bytes]:
    fields: dict[int, int | bytes] = {}
    pos = 0
    while pos < len(payload):
        key, pos = _varint(payload, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            fields[number], pos = _varint(payload, pos)
        elif wire == 2:
            length, pos = _varint(payload, pos)
            if pos + length > len(payload):
                raise ValueError("truncated field")
            fields[number], pos = payload[pos : pos + length], pos + length
        else:
            raise ValueError(f"unexpected wire type {wire}")
    return fields


def _time(value: int | bytes | None) -> datetime | None:
    return datetime.fromtimestamp(value, UTC) if isinstance(value, int) and value else None


def _int(value: int | bytes | None) -> int | None:
    return value if isinstance(value, int) and value else None


def verify(secret: str, public: list[Ed25519PublicKey]) -> SignedTicket | None:
    """The ticket a signed secret stands for, or None when it is not one or no key signed it."""
    try:
        raw = base64.b64decode(secret[::-1].encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        return None
    if len(raw) < 5 or raw[0] != 1:
        return None
    payload_len, sig_len = int.from_bytes(raw[1:3], "big"), int.from_bytes(raw[3:5], "big")
    payload, signature = raw[5 : 5 + payload_len], raw[5 + payload_len : 5 + payload_len + sig_len]
    if len(payload) != payload_len or len(signature) != sig_len or 5 + payload_len + sig_len != len(raw):
        return None
    for key in public:
        try:
            key.verify(signature, payload)
            break
        except InvalidSignature:
            continue
    else:
        return None
    try:
        fields = _fields(payload)
    except ValueError:
        return None
    seed, item = fields.get(1), fields.get(2)
    if not isinstance(seed, bytes) or not isinstance(item, int):
        return None
    return SignedTicket(seed.decode("utf-8", "replace"), item, _int(fields.get(3)), _int(fields.get(4)),
                        _time(fields.get(5)), _time(fields.get(6)))  # fmt: skip

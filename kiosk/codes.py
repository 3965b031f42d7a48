"""Badge codes: the scanner-safe alphabet, and signed codes verified offline.

A signed code is ``S`` + a version symbol + the base-30 text of (payload || Ed25519
signature). The payload is a few packed bytes (see docs/badges-and-security.md):

    event tag (2)  layout tag (2)  valid-until minutes since 2020 (3, 0 = none)
    serial (varint)  category index (varint, 0 = none)  forum bitmask (varint n + n bytes)
    delegate id (varint n + n bytes of UTF-8)

The signature covers a domain string, the version, the full event id and the payload.
Every step is canonical (fixed text length per byte length, value below 256**n, minimal
varints, no trailing bytes), so each payload has exactly one text.
"""

from __future__ import annotations

import hashlib
import re
import weakref
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.errors import KioskError
from kiosk.model import Badge, CodeKind, Event, ResolvedCode, SignedClaims

if TYPE_CHECKING:
    from kiosk.store import Store

# Digits and the letters that stay on the same key on QWERTY, AZERTY and QWERTZ
# hosts: A Q W Z Y M move between those layouts, so they are left out, and so is
# every symbol (+ / = - . : $ % * and space all move or need Shift somewhere).
ALPHABET = "0123456789BCDEFGHIJKLNOPRSTUVX"

VERSION = 1
PREFIX = "S" + ALPHABET[VERSION]
QR_V7_M_ALPHANUMERIC = 178  # characters a version-7 QR holds at error correction M
EPOCH = datetime(2020, 1, 1, tzinfo=UTC)
_MAX_MINUTES = (1 << 24) - 1  # valid-until reaches into 2051; a new version moves it
_SIG = 64
_DOMAIN = b"forum-kiosk/badge\x00"

_TO_DIGITS = str.maketrans(ALPHABET, "0123456789abcdefghijklmnopqrst")
_SHAPE = re.compile(f"{PREFIX}[{ALPHABET}]{{100,200}}")
_BODY = re.compile(f"[{ALPHABET}]+")


class SignedCodeError(ValueError):
    """A text that is not a well-formed signed code (before any signature check)."""


class CodeTooLongError(KioskError):
    pass


def _text_length(n_bytes: int) -> int:
    """Characters needed for n bytes: the smallest L with 30**L >= 256**n (exact)."""
    length, limit, power = 0, 256**n_bytes, 1
    while power < limit:
        power *= 30
        length += 1
    return length


_BYTES_FOR_LENGTH = {_text_length(n): n for n in range(1, 160)}


def to_text(data: bytes) -> str:
    value, chars = int.from_bytes(data, "big"), []
    for _ in range(_text_length(len(data))):
        value, digit = divmod(value, 30)
        chars.append(ALPHABET[digit])
    return "".join(reversed(chars))


def from_text(text: str) -> bytes:
    n = _BYTES_FOR_LENGTH.get(len(text))
    if n is None or not _BODY.fullmatch(text):
        raise SignedCodeError("not a canonical length or alphabet")
    value = int(text.translate(_TO_DIGITS), 30)
    if value >= 1 << (8 * n):
        raise SignedCodeError("value out of range")
    return value.to_bytes(n, "big")


# -- the payload ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Layout:
    """The event's forum and category ids in order: what the bitmask and index refer to."""

    forums: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()

    @property
    def tag(self) -> bytes:
        text = "\x1f".join(self.forums) + "\x1e" + "\x1f".join(self.categories)
        return hashlib.sha256(text.encode()).digest()[:2]

    @classmethod
    def of(cls, store: Store) -> Layout:
        cached = _layouts.get(store)
        if cached is not None and cached[0] == store.roster.version:
            return cached[1]
        layout = cls(
            tuple(f.id for f in store.roster.forums()), tuple(c.id for c in store.roster.categories())
        )
        _layouts[store] = (store.roster.version, layout)
        return layout


_layouts: weakref.WeakKeyDictionary[Store, tuple[int, Layout]] = weakref.WeakKeyDictionary()


def event_tag(event_id: str) -> bytes:
    return hashlib.sha256(b"event\x00" + event_id.encode()).digest()[:2]


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte, n = n & 0x7F, n >> 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0

    def take(self, n: int) -> bytes:
        if n < 0 or self.pos + n > len(self.data):
            raise SignedCodeError("payload too short")
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def varint(self) -> int:
        value = shift = 0
        for _ in range(4):
            byte = self.take(1)[0]
            value |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                if byte == 0 and shift > 7:
                    raise SignedCodeError("non-minimal varint")
                return value
        raise SignedCodeError("varint too long")


@dataclass(frozen=True, slots=True)
class Payload:
    event_tag: bytes
    layout_tag: bytes
    minutes: int
    serial: int
    category: int
    forum_bits: int
    delegate_id: str


def pack(p: Payload) -> bytes:
    bits = p.forum_bits.to_bytes((p.forum_bits.bit_length() + 7) // 8, "little")
    ident = p.delegate_id.encode()
    return b"".join((
        p.event_tag, p.layout_tag, p.minutes.to_bytes(3, "big"), _varint(p.serial),
        _varint(p.category), _varint(len(bits)), bits, _varint(len(ident)), ident,
    ))  # fmt: skip


def unpack(data: bytes) -> Payload:
    r = _Reader(data)
    tag, layout, minutes = r.take(2), r.take(2), int.from_bytes(r.take(3), "big")
    serial, category = r.varint(), r.varint()
    bits = r.take(r.varint())
    if bits and bits[-1] == 0:
        raise SignedCodeError("non-minimal forum bitmask")
    raw_id = r.take(r.varint())
    if r.pos != len(data):
        raise SignedCodeError("trailing bytes")
    try:
        delegate_id = raw_id.decode()
    except UnicodeDecodeError:
        raise SignedCodeError("delegate id is not UTF-8") from None
    if not delegate_id or not delegate_id.isprintable():
        raise SignedCodeError("bad delegate id")
    return Payload(tag, layout, minutes, serial, category, int.from_bytes(bits, "little"), delegate_id)


def _message(version: int, event_id: str, payload: bytes) -> bytes:
    return _DOMAIN + bytes([version]) + event_id.encode() + b"\x00" + payload


# -- signing and reading --------------------------------------------------------------------


def sign(key: Ed25519PrivateKey, claims: SignedClaims, layout: Layout = Layout()) -> str:
    """The signed code for ``claims``; raises KioskError when a claim cannot be encoded."""
    unknown = [f for f in claims.forums if f not in layout.forums]
    if unknown or (claims.category and claims.category not in layout.categories):
        raise KioskError(f"not in the event's forums/categories: {', '.join(unknown) or claims.category}")
    minutes = 0
    if claims.valid_until is not None:
        minutes = int((claims.valid_until - EPOCH) // timedelta(minutes=1))
        if not 0 < minutes <= _MAX_MINUTES:
            raise KioskError("valid-until must lie between 2020 and 2051")
    if claims.serial < 0 or claims.serial >= 1 << 28 or not claims.delegate_id.isprintable():
        raise KioskError("serial must be 0..2^28 and the delegate id printable text")
    payload = pack(Payload(
        event_tag(claims.event_id), layout.tag, minutes, claims.serial,
        layout.categories.index(claims.category) + 1 if claims.category else 0,
        sum(1 << layout.forums.index(f) for f in claims.forums), claims.delegate_id,
    ))  # fmt: skip
    code = PREFIX + to_text(payload + key.sign(_message(VERSION, claims.event_id, payload)))
    if len(code) > QR_V7_M_ALPHANUMERIC:
        raise CodeTooLongError(f"delegate id {claims.delegate_id[:20]!r}… is too long for a signed code")
    return code


def split(code: str) -> tuple[bytes, Payload, bytes]:
    """(payload bytes, parsed payload, signature) of a code of the current format."""
    if not code.startswith(PREFIX):
        raise SignedCodeError("unknown format version")
    body = from_text(code[len(PREFIX) :])
    if len(body) <= _SIG:
        raise SignedCodeError("too short")
    raw = body[:-_SIG]
    return raw, unpack(raw), body[-_SIG:]


def claims_of(p: Payload, event_id: str, layout: Layout) -> SignedClaims:
    """The claims of a payload; forums and category only when the layout is the signer's."""
    readable = p.layout_tag == layout.tag
    forums = tuple(f for i, f in enumerate(layout.forums) if p.forum_bits >> i & 1) if readable else ()
    category = ""
    if readable and 0 < p.category <= len(layout.categories):
        category = layout.categories[p.category - 1]
    until = EPOCH + timedelta(minutes=p.minutes) if p.minutes else None
    return SignedClaims(event_id, p.delegate_id, p.serial, category, forums, until)


def looks_signed(code: str) -> bool:
    """True when a code has the shape of a signed badge code (no decoding, no crypto)."""
    return _SHAPE.fullmatch(code) is not None


def resolve_signed(store: Store, code: str, event: Event) -> ResolvedCode:
    """Verify a signed code offline against the kiosk's trusted keys."""
    from kiosk import keys

    try:
        raw, payload, signature = split(code)
    except SignedCodeError:
        return ResolvedCode(code, CodeKind.FORGED)
    tried = False
    for key_event, key in keys.trusted(store):
        if event_tag(key_event) != payload.event_tag:
            continue
        tried = True
        try:
            key.verify(signature, _message(VERSION, key_event, raw))
        except InvalidSignature:
            continue
        if key_event != event.id:
            return ResolvedCode(code, CodeKind.FOREIGN)
        return _known(store, code, claims_of(payload, event.id, Layout.of(store)))
    if payload.event_tag != event_tag(event.id):
        return ResolvedCode(code, CodeKind.FOREIGN)
    return ResolvedCode(code, CodeKind.FORGED if tried else CodeKind.UNTRUSTED)


def _known(store: Store, code: str, claims: SignedClaims) -> ResolvedCode:
    """A verified code, with what the roster knows of its delegate and badge."""
    row = store.query_one(
        "SELECT MAX(CASE WHEN code != ?1 THEN serial END), "
        "MAX(code = ?1 AND status = 'superseded') FROM badges WHERE delegate_id = ?2",
        (code, claims.delegate_id),
    )
    newest, stored_superseded = (row[0], row[1]) if row else (None, None)
    superseded = (newest is not None and newest > claims.serial) or bool(stored_superseded)
    badge = Badge(code, claims.delegate_id, claims.serial, "superseded" if superseded else "active", "signed")
    return ResolvedCode(code, CodeKind.SIGNED, badge, store.roster.delegate(claims.delegate_id), claims)

"""The event's signing keys: key generation, loading, and the keys a kiosk trusts.

The private key stays with the organiser (``badges keygen`` writes it owner-only);
a kiosk holds only public keys, each trusted for one event id.
"""

from __future__ import annotations

import hashlib
import logging
import os
import weakref
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kiosk.errors import KioskError

if TYPE_CHECKING:
    from kiosk.store import Store

log = logging.getLogger(__name__)

MIGRATIONS = [
    (
        "keys-0001-trusted",
        """
        CREATE TABLE trusted_keys (
            key_id TEXT PRIMARY KEY, event_id TEXT NOT NULL, public_key BLOB NOT NULL,
            added_at TEXT NOT NULL
        );
        """,
    )
]

_migrated: weakref.WeakSet[Store] = weakref.WeakSet()


class KeyFileError(KioskError):
    pass


def _write_owner_only(path: Path, data: bytes, mode: int) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        os.fchmod(fd, mode)
        os.write(fd, data)
    finally:
        os.close(fd)


def generate(out_dir: Path, force: bool = False) -> tuple[Path, Path]:
    """Write DIR/private.pem (mode 0600) and DIR/public.pem; refuse to overwrite a key."""
    out_dir.mkdir(parents=True, exist_ok=True)
    private_path, public_path = out_dir / "private.pem", out_dir / "public.pem"
    if private_path.exists() and not force:
        raise KeyFileError(
            f"{private_path} exists: keep it, or pass --force to replace it (old badges stop verifying)"
        )
    key = Ed25519PrivateKey.generate()
    private_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    _write_owner_only(private_path, private_pem, 0o600)
    _write_owner_only(public_path, public_pem(key.public_key()), 0o644)
    return private_path, public_path


def public_pem(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def load_private(path: Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(Path(path).read_bytes(), password=None)
    except FileNotFoundError:
        raise KeyFileError(f"{path}: no such key file") from None
    except (OSError, ValueError, TypeError) as exc:
        raise KeyFileError(f"{path}: not a readable private key ({exc})") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError(f"{path}: not an Ed25519 private key")
    return key


def parse_public(pem: bytes | str) -> Ed25519PublicKey:
    data = pem.encode() if isinstance(pem, str) else pem
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError) as exc:
        raise KeyFileError(f"not a PEM public key ({exc})") from None
    if not isinstance(key, Ed25519PublicKey):
        raise KeyFileError("not an Ed25519 public key")
    return key


def load_public(path: Path) -> Ed25519PublicKey:
    try:
        return parse_public(Path(path).read_bytes())
    except FileNotFoundError:
        raise KeyFileError(f"{path}: no such key file") from None
    except KeyFileError as exc:
        raise KeyFileError(f"{path}: {exc}") from None


def key_id(key: Ed25519PublicKey) -> str:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


# -- the kiosk's trusted keys -----------------------------------------------------------------


def _ensure(store: Store) -> None:
    if store not in _migrated:
        store.migrate(MIGRATIONS)
        _migrated.add(store)


def trust(store: Store, key: Ed25519PublicKey, event_id: str) -> str:
    """Install a public key as valid for ``event_id``; returns its key id (idempotent)."""
    _ensure(store)
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    kid = key_id(key)
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO trusted_keys VALUES (?, ?, ?, ?) ON CONFLICT (key_id) DO UPDATE SET "
            "event_id = excluded.event_id",
            (kid, event_id, raw, datetime.now(UTC).isoformat()),
        )
    log.info("trusted key %s for event %s", kid, event_id)
    return kid


def trust_from_event_json(store: Store, data: dict[str, object], event_id: str) -> list[str]:
    """Install the keys an event file lists under ``public_keys`` (PEM strings), if any."""
    pems = data.get("public_keys") or []
    if isinstance(pems, str):
        pems = [pems]
    if not isinstance(pems, list):
        raise KeyFileError("event file: 'public_keys' must be a list of PEM texts")
    return [trust(store, parse_public(str(pem)), event_id) for pem in pems]


@lru_cache(maxsize=64)
def _public_from_raw(raw: bytes) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(raw)


def trusted(store: Store) -> list[tuple[str, Ed25519PublicKey]]:
    """(event id, key) for every key this kiosk trusts."""
    _ensure(store)
    rows = store.query("SELECT event_id, public_key FROM trusted_keys ORDER BY added_at")
    return [(row[0], _public_from_raw(bytes(row[1]))) for row in rows]

"""``hub tls init``: a self-signed certificate for an event's hub, and its fingerprint.

The certificate names ``localhost``, ``127.0.0.1``, this machine's host name and every
``--name`` given (host names or IP addresses the desks will use); it is valid for a year.
The private key is written 0600. Desks pin the certificate by its SHA-256 fingerprint
(``sha256:AB:CD:…``, as ``openssl x509 -fingerprint -sha256`` prints it).
"""

from __future__ import annotations

import ipaddress
import os
import socket
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from kiosk.errors import KioskError
from kiosk.sync.trust import fingerprint

VALID_FOR = timedelta(days=365)


def certificate_fingerprint(pem_path: Path) -> str:
    try:
        cert = x509.load_pem_x509_certificate(pem_path.read_bytes())
    except (OSError, ValueError) as exc:
        raise KioskError(f"{pem_path}: not a PEM certificate ({exc})") from exc
    return fingerprint(cert.public_bytes(serialization.Encoding.DER))


def _alt_names(names: list[str]) -> list[x509.GeneralName]:
    result: list[x509.GeneralName] = []
    for name in dict.fromkeys(["localhost", "127.0.0.1", socket.gethostname(), *names]):
        try:
            result.append(x509.IPAddress(ipaddress.ip_address(name)))
        except ValueError:
            result.append(x509.DNSName(name))
    return result


def init(folder: Path, names: list[str], force: bool = False) -> tuple[Path, Path, str]:
    """Write FOLDER/hub-cert.pem and FOLDER/hub-key.pem (0600); returns them and the fingerprint."""
    cert_path, key_path = folder / "hub-cert.pem", folder / "hub-key.pem"
    if key_path.exists() and not force:
        raise KioskError(f"{key_path} exists: keep it (desks pinned its certificate), or pass --force")
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "forum-kiosk hub")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + VALID_FOR)
        .add_extension(x509.SubjectAlternativeName(_alt_names(names)), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(key, hashes.SHA256())
    )
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)
        os.write(fd, pem)
    finally:
        os.close(fd)
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return cert_path, key_path, fingerprint(cert.public_bytes(serialization.Encoding.DER))

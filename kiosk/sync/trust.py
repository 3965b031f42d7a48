"""Whom a desk talks to: a TLS hub whose certificate is the pinned one, plain HTTP only on loopback.

A desk keeps the SHA-256 fingerprint of the hub's certificate (``hub tls init`` prints it, an
enrolment code carries it). Before its first request to an ``https`` hub the client takes the
certificate the hub presents (a TLS handshake, no HTTP) and compares its fingerprint with the
pin; on a mismatch nothing is sent. The connections that follow trust exactly that certificate
(their only trust anchor; the host name is not checked, the pin is the hub's identity), so a
certificate swapped after the comparison fails their handshake too. An ``https`` hub without a
pin is checked against the system's certificate authorities. Plain ``http`` is refused, before
any connection, to a hub that is not on loopback unless the operator allowed it (``--insecure``,
or the admin screen's setting).
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
import socket
import ssl
from urllib.parse import urlsplit

from kiosk.errors import ErrorCode, KioskError

_HEX = re.compile(r"[0-9A-Fa-f]{64}")


class HubUntrusted(KioskError):
    """The hub's certificate is not the pinned one (or, with no pin, not one the system trusts)."""

    exit_code = 8
    code = ErrorCode.HUB_UNTRUSTED

    def __init__(self, url: str, pinned: bool) -> None:
        what = ("its certificate is not the one this desk pinned: nothing was sent / 中心服务器证书与固定的不符，未发送任何数据"
                if pinned else "its certificate is not trusted: pin its fingerprint (sync --pin, or enrol again) "
                "/ 中心服务器证书不受信任，请固定其指纹")  # fmt: skip
        super().__init__(f"the hub at {url} is refused: {what}", url=url)


class HubInsecure(KioskError):
    """Plain HTTP to a hub on another machine, which the operator has not allowed."""

    exit_code = 2
    code = ErrorCode.HUB_INSECURE

    def __init__(self, url: str) -> None:
        super().__init__(
            f"refusing plain HTTP to {url}, a hub on another machine: serve it with TLS (hub tls init) "
            "or allow it with --insecure / 拒绝以明文 HTTP 连接其他机器上的中心服务器",
            url=url,
        )


def fingerprint(der: bytes) -> str:
    """``sha256:AB:CD:…`` of a DER certificate, as ``openssl x509 -fingerprint -sha256`` prints it."""
    return _colons(hashlib.sha256(der).hexdigest())


def _colons(digits: str) -> str:
    digits = digits.upper()
    return "sha256:" + ":".join(digits[i : i + 2] for i in range(0, len(digits), 2))


def normalize_pin(text: str) -> str:
    """A fingerprint written ``sha256:AB:CD:…``, ``AB:CD:…`` or as 64 hex digits, in the first form;
    "" for no pin; KioskError for anything else."""
    text = text.strip()
    if not text:
        return ""
    digits = (text[7:] if text.lower().startswith("sha256:") else text).replace(":", "")
    if not _HEX.fullmatch(digits):
        raise KioskError(
            f"not a certificate fingerprint: {text[:20]!r}… (hub tls init prints it: sha256:AB:CD:…)"
        )
    return _colons(digits)


def pin_digits(pin: str) -> str:
    """The 64 hex digits of a pin (how an enrolment code carries it: short in a QR)."""
    return normalize_pin(pin)[7:].replace(":", "").lower()


def on_loopback(host: str) -> bool:
    """``localhost`` or a loopback address (127.0.0.0/8, ::1); names are not resolved."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_plain(url: str, insecure: bool) -> None:
    """HubInsecure for ``http://`` to a hub off loopback, unless ``insecure``."""
    parts = urlsplit(url)
    if parts.scheme == "http" and not insecure and not on_loopback(parts.hostname or ""):
        raise HubInsecure(url)


def presented_certificate(url: str, timeout: float) -> bytes:
    """The certificate an ``https`` hub presents (DER), by a TLS handshake that sends no request."""
    parts = urlsplit(url)
    host, port = parts.hostname or "", parts.port or 443
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # compared with the pin below, not trusted
    with (
        socket.create_connection((host, port), timeout=timeout) as raw,
        context.wrap_socket(raw, server_hostname=host) as tls,
    ):
        der = tls.getpeercert(binary_form=True)
    if not der:
        raise ssl.SSLError("the hub presented no certificate")
    return der


def pinned_context(url: str, pin: str, timeout: float) -> ssl.SSLContext:
    """A TLS context that trusts only the hub's certificate, once it matched ``pin``.

    HubUntrusted on a mismatch; OSError or ssl.SSLError when the hub cannot be reached."""
    der = presented_certificate(url, timeout)
    if fingerprint(der) != normalize_pin(pin):
        raise HubUntrusted(url, pinned=True)
    context = ssl.create_default_context(cadata=der)
    context.check_hostname = False
    context.verify_flags |= ssl.VERIFY_X509_PARTIAL_CHAIN  # the hub's own certificate is the anchor
    return context


def verification_failed(exc: BaseException | None) -> bool:
    """True when ``exc`` (or what caused it) is a certificate the TLS handshake did not accept."""
    while exc is not None:
        if isinstance(exc, ssl.SSLCertVerificationError):
            return True
        exc = exc.__cause__ or exc.__context__
    return False

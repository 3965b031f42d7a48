"""The kiosk's HTTP client for the hub (httpx only: the kiosk never imports the hub).

Errors come as kinds the caller can act on: the token was refused (exit 3), the hub
cannot be reached or failed (exit 4), the hub answered something the kiosk cannot use
(exit 5), the hub's certificate is not the pinned one (exit 8, ``trust.HubUntrusted``), or
plain HTTP to a hub off loopback was not allowed (exit 2, ``trust.HubInsecure``). The last
two are raised before any request is sent (``kiosk/sync/trust.py``).
"""

from __future__ import annotations

import logging
import ssl
import threading
from typing import Any

import httpx

from kiosk.errors import KioskError
from kiosk.model import CheckIn, Delegate
from kiosk.sync.health import HEALTH_PATH, DeskHealth
from kiosk.sync.trust import HubUntrusted, check_plain, normalize_pin, pinned_context, verification_failed
from kiosk.sync.wire import API, ENROL_PATH, checkin_to_wire, delegate_to_wire

log = logging.getLogger(__name__)


class HubRefused(KioskError):
    exit_code = 3

    def __init__(self) -> None:
        super().__init__(
            "the hub refused this token (wrong or revoked) / 中心服务器拒绝了此令牌（错误或已吊销）"
        )


class HubUnreachable(KioskError):
    exit_code = 4

    def __init__(self, url: str, why: str) -> None:
        super().__init__(f"cannot reach the hub at {url}: {why} / 无法连接中心服务器")


class HubProtocolError(KioskError):
    exit_code = 5


def hub_url(address: str) -> str:
    """``10.0.0.2:8787`` means ``http://10.0.0.2:8787``; a URL with its scheme is kept."""
    address = address.strip().rstrip("/")
    return address if "://" in address else f"http://{address}"


class HubClient:
    """One desk's connection to the hub (httpx's client is thread-safe; the worker still
    gives each of its threads a client of its own).

    ``pin`` is the fingerprint of an https hub's certificate (``sha256:AB:…``); ``insecure``
    allows plain HTTP to a hub that is not on loopback. Both are checked at the first request."""

    def __init__(
        self,
        url: str,
        token: str,
        timeout: float = 10.0,
        transport: httpx.BaseTransport | None = None,
        pin: str = "",
        insecure: bool = False,
    ):
        self.url = hub_url(url)
        self.pin = normalize_pin(pin)
        self._insecure = insecure
        self._timeout = timeout
        self._token = token
        self._transport = transport
        self._http: httpx.Client | None = None
        self._connecting = threading.Lock()

    def _connect(self) -> httpx.Client:
        """The HTTP client, made at the first request: after the address and the pin were checked."""
        with self._connecting:
            if self._http is None:
                self._http = self._make_http()
            return self._http

    def _make_http(self) -> httpx.Client:
        check_plain(self.url, self._insecure)
        verify: ssl.SSLContext | bool = True
        if self.pin and self.url.startswith("https://") and self._transport is None:
            try:
                verify = pinned_context(self.url, self.pin, self._timeout)
            except (OSError, ssl.SSLError) as exc:
                raise HubUnreachable(self.url, type(exc).__name__) from None
        headers = {"Accept": "application/json"} | (
            {"Authorization": f"Bearer {self._token}"} if self._token else {}
        )
        return httpx.Client(base_url=self.url + API, headers=headers, timeout=httpx.Timeout(self._timeout),
                            transport=self._transport, verify=verify)  # fmt: skip

    def _call(self, method: str, path: str, read_timeout: float | None = None, **kwargs: Any) -> Any:
        timeout = httpx.Timeout(self._timeout, read=read_timeout or self._timeout)
        http = self._connect()
        try:
            response = http.request(method, path, timeout=timeout, **kwargs)
        except httpx.HTTPError as exc:
            if verification_failed(exc):
                raise HubUntrusted(self.url, pinned=bool(self.pin)) from None
            raise HubUnreachable(self.url, type(exc).__name__) from None
        if response.status_code == 401:
            raise HubRefused()
        if response.status_code >= 500:
            raise HubUnreachable(self.url, f"HTTP {response.status_code}")
        try:
            body = response.json()
        except ValueError:
            raise HubProtocolError(f"the hub sent HTTP {response.status_code} without JSON") from None
        if response.status_code >= 400:
            detail = body.get("detail") if isinstance(body, dict) else None
            raise HubProtocolError(f"the hub said HTTP {response.status_code}: {detail or body}")
        return body

    def health(self) -> dict[str, Any]:
        return self._call("GET", "/health")

    def event(self) -> dict[str, Any] | None:
        """The hub's event document, or None when the hub has no event yet."""
        try:
            return self._call("GET", "/event")
        except HubProtocolError as exc:
            if "HTTP 404" in str(exc):
                return None
            raise

    def roster(self, since: int, limit: int = 5000) -> dict[str, Any]:
        return self._call("GET", "/roster", params={"since": since, "limit": limit}, read_timeout=60)

    def push(self, entries: list[CheckIn], delegates: list[Delegate] | None = None) -> dict[str, Any]:
        """Journal entries, and the delegates their walk-ins and reissues made at this desk."""
        body: dict[str, Any] = {"entries": [checkin_to_wire(e) for e in entries]}
        if delegates:
            body["delegates"] = [delegate_to_wire(d) for d in delegates]
        return self._call("POST", "/checkins", json=body)

    def checkins(self, since: int, wait: float = 0.0, roster: int = -1, limit: int = 500) -> dict[str, Any]:
        params = {"since": since, "wait": wait, "roster": roster, "limit": limit}
        return self._call("GET", "/checkins", params=params, read_timeout=wait + self._timeout)

    def report_health(self, health: DeskHealth) -> dict[str, Any]:
        """The desk's health; the hub answers with its own time (``hub_time``)."""
        return self._call("POST", HEALTH_PATH, json=health.to_wire())

    def enrol(self, code: str) -> Any:
        """Redeem a one-time enrolment code (``kiosk.sync.enrol``; no token needed)."""
        return self._call("POST", ENROL_PATH, json={"code": code})

    def close(self) -> None:
        if self._http is not None:
            self._http.close()

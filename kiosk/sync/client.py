"""The kiosk's HTTP client for the hub (httpx only: the kiosk never imports the hub).

Errors come as three kinds the caller can act on: the token was refused
(exit 3), the hub cannot be reached or failed (exit 4), or the hub answered
something the kiosk cannot use (exit 5).
"""

from __future__ import annotations

import logging
from typing import Any

import httpx

from kiosk.errors import KioskError
from kiosk.model import CheckIn, Delegate
from kiosk.sync.health import HEALTH_PATH, DeskHealth
from kiosk.sync.wire import API, checkin_to_wire, delegate_to_wire

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
    gives each of its threads a client of its own)."""

    def __init__(
        self, url: str, token: str, timeout: float = 10.0, transport: httpx.BaseTransport | None = None
    ):
        self.url = hub_url(url)
        self._timeout = timeout
        self._http = httpx.Client(
            base_url=self.url + API,
            headers={"Authorization": f"Bearer {token}", "Accept": "application/json"},
            timeout=httpx.Timeout(timeout),
            transport=transport,
        )

    def _call(self, method: str, path: str, read_timeout: float | None = None, **kwargs: Any) -> Any:
        timeout = httpx.Timeout(self._timeout, read=read_timeout or self._timeout)
        try:
            response = self._http.request(method, path, timeout=timeout, **kwargs)
        except httpx.HTTPError as exc:
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

    def close(self) -> None:
        self._http.close()

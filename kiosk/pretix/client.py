"""The kiosk's HTTP client for pretix's REST API (``Authorization: Token …``), over httpx.

Errors come as the three kinds ``sync`` uses: the token was refused (exit 3), pretix cannot
be reached or failed (4), pretix answered something the kiosk cannot use (5). A check-in
refusal (``redeem`` answering 400/404 with a reason) is an answer, not an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx

from kiosk.errors import KioskError


class PretixRefused(KioskError):
    exit_code = 3

    def __init__(self, status: int) -> None:
        super().__init__(f"pretix refused this token (HTTP {status}: wrong, revoked or without check-in "
                         "permission) / pretix 拒绝了此令牌")  # fmt: skip


class PretixUnreachable(KioskError):
    exit_code = 4

    def __init__(self, url: str, why: str) -> None:
        super().__init__(f"cannot reach pretix at {url}: {why} / 无法连接 pretix")


class PretixProtocolError(KioskError):
    exit_code = 5


@dataclass(frozen=True)
class Connection:
    """Where the event is and the token that reads it (kept in the owner-only store)."""

    url: str
    organizer: str
    event: str
    token: str
    lists: tuple[int, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"url": self.url, "organizer": self.organizer, "event": self.event, "token": self.token,
                "lists": list(self.lists)}  # fmt: skip

    def __repr__(self) -> str:  # never the token
        return f"Connection({self.url!r}, {self.organizer!r}, {self.event!r}, lists={self.lists})"


class PretixClient:
    def __init__(self, connection: Connection, timeout: float = 20.0) -> None:
        self.connection = connection
        self.url = connection.url.rstrip("/")
        self._http = httpx.Client(
            base_url=f"{self.url}/api/v1/organizers/{connection.organizer}",
            headers={"Authorization": f"Token {connection.token}", "Accept": "application/json"},
            timeout=httpx.Timeout(timeout),
        )

    def _call(self, method: str, path: str, answers: tuple[int, ...] = (), **kwargs: Any) -> httpx.Response:
        try:
            response = self._http.request(method, path, **kwargs)
        except httpx.HTTPError as exc:
            raise PretixUnreachable(self.url, type(exc).__name__) from None
        if response.status_code in (401, 403):
            raise PretixRefused(response.status_code)
        if response.status_code >= 500:
            raise PretixUnreachable(self.url, f"HTTP {response.status_code}")
        if response.status_code >= 400 and response.status_code not in answers:
            raise PretixProtocolError(
                f"pretix said HTTP {response.status_code} to {path}: {response.text[:200]}"
            )
        return response

    def _json(self, response: httpx.Response) -> Any:
        try:
            return response.json()
        except ValueError:
            raise PretixProtocolError(f"pretix sent HTTP {response.status_code} without JSON") from None

    def get(self, path: str, **params: Any) -> Any:
        return self._json(self._call("GET", path, params=params))

    def _event(self, path: str = "") -> str:
        return f"/events/{self.connection.event}/{path}"

    def all_pages(self, path: str, **params: Any) -> list[dict[str, Any]]:
        """Every result of a paginated list (``page`` numbers, until ``next`` is null)."""
        results, page = [], 1
        while True:
            body = self.get(self._event(path), page=page, page_size=100, **params)
            if not isinstance(body, dict) or not isinstance(body.get("results"), list):
                raise PretixProtocolError(f"pretix's {path} is not a page of results")
            results.extend(body["results"])
            if not body.get("next"):
                return results
            page += 1

    def event(self) -> dict[str, Any]:
        body = self.get(self._event())
        if not isinstance(body, dict) or "slug" not in body:
            raise PretixProtocolError("pretix's event is not an object")
        return body

    def orders_page(
        self, modified_since: str | None, page: int, page_size: int = 50
    ) -> tuple[dict[str, Any], str]:
        """One page of orders changed since ``modified_since`` (oldest first) and X-Page-Generated."""
        params: dict[str, Any] = {"page": page, "page_size": page_size, "ordering": "datetime",
                                  "include_canceled_positions": "true", "include_canceled_fees": "false"}  # fmt: skip
        if modified_since:
            params["modified_since"] = modified_since
        response = self._call("GET", self._event("orders/"), params=params)
        body = self._json(response)
        if not isinstance(body, dict) or not isinstance(body.get("results"), list):
            raise PretixProtocolError("pretix's orders are not a page of results")
        return body, response.headers.get("X-Page-Generated", "")

    def redeem(
        self,
        secret: str,
        list_id: int,
        kind: str = "entry",
        nonce: str | None = None,
        at: datetime | None = None,
        simulate: bool = False,
        force: bool = False,
    ) -> dict[str, Any]:
        """``checkinrpc/redeem``: pretix's answer (``status``, ``reason`` …), refusals included."""
        body: dict[str, Any] = {"secret": secret, "lists": [list_id], "type": kind, "force": force,
                                "questions_supported": False, "canceled_supported": True,
                                "simulate": simulate}  # fmt: skip
        if nonce:
            body["nonce"] = nonce
        if at is not None:
            body["datetime"] = at.isoformat()
        answer = self._json(self._call("POST", "/checkinrpc/redeem/", answers=(400, 404), json=body))
        if not isinstance(answer, dict) or "status" not in answer:
            raise PretixProtocolError("pretix's redeem answer has no status")
        return answer

    def search(self, list_id: int, query: str) -> list[dict[str, Any]]:
        """``checkinrpc/search``: positions matching a secret or name, with their check-ins."""
        body = self.get("/checkinrpc/search/", list=list_id, search=query, page_size=50)
        results = body.get("results") if isinstance(body, dict) else None
        if not isinstance(results, list):
            raise PretixProtocolError("pretix's search is not a page of results")
        return results

    def close(self) -> None:
        self._http.close()

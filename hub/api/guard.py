"""The hub's front door (pure ASGI, before FastAPI sees a request).

In this order: the token is checked from the headers, before one byte of the body is read
(no token, no body); a client or a token that failed too often is refused with 429; the
body is read with a size limit that counts the bytes as they arrive, chunked or not (413
past it), and a deadline (408 for a body that stops half-way); a JSON body must parse
without NaN or Infinity (400, with the parser's message). Each refusal closes the
connection. A refusal is logged with the client's address and the path, never a body.
"""

from __future__ import annotations

import json
import logging
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import anyio
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from hub.store.tokens import Tokens, token_hash

log = logging.getLogger(__name__)

MAX_BODY = 64 * 1024 * 1024
BODY_TIMEOUT = 30.0  # seconds for the whole body once the headers are in
PUBLIC = {"/v1/health", "/v1/enrol"}  # the API under /v1/ needs a token but here (an enrolment
# code is the credential there); other paths check their own
TOKEN_KEY = "hub.token"  # where the checked TokenInfo waits in the ASGI scope


class Limiter:
    """Failed authentications per key (a client's address, a presented token) in a sliding
    window; past ``limit`` the key is refused until its oldest failure leaves the window."""

    def __init__(self, limit: int = 20, window: float = 60.0, clock: Callable[[], float] = time.monotonic):
        self.limit = limit
        self.window = window
        self.clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._told: set[str] = set()

    def _recent(self, key: str) -> deque[float]:
        failures = self._failures.setdefault(key, deque())
        edge = self.clock() - self.window
        while failures and failures[0] <= edge:
            failures.popleft()
        if not failures:
            self._told.discard(key)
        return failures

    def blocked(self, *keys: str) -> str | None:
        """The first of ``keys`` that is over its limit, or None."""
        return next((k for k in keys if len(self._recent(k)) >= self.limit), None)

    def failed(self, *keys: str) -> None:
        if len(self._failures) > 50_000:
            self._failures.clear()
        for key in keys:
            self._recent(key).append(self.clock())

    def first_refusal(self, key: str) -> bool:
        """True once per blocked spell of ``key`` (so that a flood is logged once)."""
        if key in self._told:
            return False
        self._told.add(key)
        return True


@dataclass
class GuardOptions:
    limiter: Limiter = field(default_factory=Limiter)
    max_body: int = MAX_BODY
    body_timeout: float = BODY_TIMEOUT


class Refusal(Exception):
    def __init__(self, status: int, detail: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.status, self.detail, self.headers = status, detail, headers or {}


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def check_json(body: bytes) -> None:
    """Refuses a body that is not strict JSON (NaN, Infinity and bad UTF-8 included)."""
    try:
        json.loads(body, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise Refusal(
            400, f"the body is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from None
    except (ValueError, RecursionError) as exc:
        raise Refusal(400, f"the body is not valid JSON: {str(exc)[:80]}") from None


class Guard:
    """ASGI middleware: authenticate, throttle, bound and check a request before the app."""

    def __init__(self, app: Any, tokens: Tokens, options: GuardOptions) -> None:
        self.app = app
        self.tokens = tokens
        self.limiter = options.limiter
        self.max_body = options.max_body
        self.body_timeout = options.body_timeout

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("?", 0))[0]
        try:
            if (
                scope["path"].startswith("/v1/") and scope["path"] not in PUBLIC
            ):  # the dashboard has its own login
                scope[TOKEN_KEY] = await self._authenticate(scope, client)
            body = await self._read_body(scope, receive)
        except Refusal as refusal:
            await self._refuse(scope, send, refusal)
            return
        sent = False

        async def replay() -> dict[str, Any]:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _authenticate(self, scope: Any, client: str) -> Any:
        header = dict(scope["headers"]).get(b"authorization", b"").decode("latin-1")
        scheme, _, token = header.partition(" ")
        token = token.strip() if scheme.lower() == "bearer" else ""
        keys = [f"client {client}"] + ([f"token {token_hash(token)[:16]}"] if token else [])
        blocked = self.limiter.blocked(*keys)
        if blocked is not None:
            if self.limiter.first_refusal(blocked):
                log.warning("hub: too many failed authentications from %s; refusing it for a while", client)
            retry = str(int(self.limiter.window))
            raise Refusal(429, "too many failed authentications; try again later", {"Retry-After": retry})
        info = self.tokens.cached(token) if token else None
        if info is None and token:
            info = await anyio.to_thread.run_sync(self.tokens.check, token)
        if info is None:
            self.limiter.failed(*keys)
            log.info("hub: refused a missing, wrong or revoked token from %s on %s", client, scope["path"])
            raise Refusal(401, "missing, wrong or revoked token", {"WWW-Authenticate": "Bearer"})
        return info

    async def _read_body(self, scope: Any, receive: Any) -> bytes:
        headers = dict(scope["headers"])
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            raise Refusal(413, f"request body over {self.max_body} bytes")
        chunks: list[bytes] = []
        size, more = 0, True
        with anyio.move_on_after(self.body_timeout) as deadline:
            while more:
                message = await receive()
                if message["type"] == "http.disconnect":
                    raise Refusal(400, "the client went away before the body was complete")
                chunk = message.get("body", b"")
                size += len(chunk)
                if size > self.max_body:
                    raise Refusal(413, f"request body over {self.max_body} bytes")
                chunks.append(chunk)
                more = message.get("more_body", False)
        if deadline.cancelled_caught:
            log.info("hub: dropped a request whose body did not arrive within %.0f s", self.body_timeout)
            raise Refusal(408, "the request body did not arrive in time")
        body = b"".join(chunks)
        if body and b"json" in headers.get(b"content-type", b""):
            check_json(body)
        return body

    async def _refuse(self, scope: Any, send: Any, refusal: Refusal) -> None:
        headers = refusal.headers | {"Connection": "close"}
        response = JSONResponse({"detail": refusal.detail}, status_code=refusal.status, headers=headers)

        async def nothing() -> dict[str, Any]:
            return {"type": "http.disconnect"}

        await response(scope, nothing, send)


async def invalid_request(request: Request, exc: Exception) -> JSONResponse:
    """422 with where and what was wrong, never the values sent (they may be a delegate's)."""
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    detail = [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": e.get("type", "")}
              for e in errors[:20]]  # fmt: skip
    return JSONResponse({"detail": detail}, status_code=422)


def install(app: FastAPI, tokens: Tokens, options: GuardOptions | None = None) -> None:
    """Put the guard in front of the app, and keep sent values out of validation errors."""
    app.add_middleware(Guard, tokens=tokens, options=options or GuardOptions())
    app.add_exception_handler(RequestValidationError, invalid_request)


def token_of(request: Request) -> Any:
    """The TokenInfo the guard checked for this request."""
    return request.scope[TOKEN_KEY]

"""Serving the hub with uvicorn: from the CLI, or in a thread (tests, benchmarks).

A connection must send its request headers within ``header_timeout`` seconds of opening
(or of starting its next request); one that trickles them in is closed. The body's own
deadline is the guard's (``hub.api.guard``).
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from pathlib import Path
from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from hub.api.app import create_app
from hub.api.guard import GuardOptions
from hub.store import HubStore

log = logging.getLogger(__name__)
HEADER_TIMEOUT = 10.0


class HeaderDeadline(H11Protocol):
    """uvicorn's HTTP/1.1 protocol with a deadline on the request line and headers."""

    header_timeout = HEADER_TIMEOUT
    _header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._header_timer = self.loop.call_later(self.header_timeout, self._too_slow)

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        waiting = self.cycle is None or self.cycle.response_complete
        if not waiting and self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None
        elif waiting and self._header_timer is None and data:  # the next request on a kept-alive connection
            self._header_timer = self.loop.call_later(self.header_timeout, self._too_slow)

    def connection_lost(self, exc: Exception | None) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
        super().connection_lost(exc)

    def _too_slow(self) -> None:
        self._header_timer = None
        if (self.cycle is None or self.cycle.response_complete) and not self.transport.is_closing():
            log.info("hub: closed a connection whose request headers took over %.0f s", self.header_timeout)
            self.transport.close()


def make_server(
    store: HubStore,
    host: str = "127.0.0.1",
    port: int = 8787,
    log_level: str = "warning",
    max_wait: float = 25.0,
    tls: tuple[Path, Path] | None = None,
    header_timeout: float = HEADER_TIMEOUT,
    guard: GuardOptions | None = None,
) -> uvicorn.Server:
    """``tls`` is (certificate, private key), both PEM; without it the hub speaks plain HTTP."""
    protocol = type("HubH11", (HeaderDeadline,), {"header_timeout": header_timeout})
    extra: dict[str, Any] = {"ssl_certfile": str(tls[0]), "ssl_keyfile": str(tls[1])} if tls else {}
    config = uvicorn.Config(
        create_app(store, max_wait=max_wait, guard=guard), host=host, port=port, log_level=log_level,
        access_log=False, timeout_graceful_shutdown=1, lifespan="on", http=protocol, **extra,
    )  # fmt: skip
    return uvicorn.Server(config)


class ServerThread:
    """A real uvicorn server on a TCP port, in a background thread."""

    def __init__(self, store: HubStore, host: str = "127.0.0.1", port: int = 0, **options: Any) -> None:
        self.server = make_server(store, host, port, **options)
        self.thread = threading.Thread(target=self.server.run, name="hub-server", daemon=True)
        self.host = host
        self.scheme = "https" if options.get("tls") else "http"

    def start(self, timeout: float = 10.0) -> ServerThread:
        self.thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the hub server did not start")
            time.sleep(0.01)
        return self

    @property
    def port(self) -> int:
        return int(self.server.servers[0].sockets[0].getsockname()[1])

    @property
    def url(self) -> str:
        return f"{self.scheme}://{self.host}:{self.port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

"""Serving the hub with uvicorn: from the CLI, or in a thread (tests, benchmarks).

A connection must send its request headers within ``header_timeout`` seconds of opening
(or of starting its next request); one that trickles them in is closed. The body's own
deadline is the guard's (``hub.api.guard``).

A refused request is closed the way nginx's lingering close does it: the answer is flushed and
the hub's side shut down, then whatever the client still sends is read and dropped until it
stops (or for at most ``LINGER_TIME``). Closing at once with unread input would make the kernel
reset the connection, and a reset can discard the answer before the client reads it: a desk
pushing a body that is too large would see "connection reset" instead of the 413 and its reason.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from pathlib import Path
from typing import Any, cast

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from hub.api.app import create_app
from hub.api.guard import GuardOptions
from hub.store import HubStore

log = logging.getLogger(__name__)
HEADER_TIMEOUT = 10.0
LINGER_TIME = 30.0  # at most this long dropping what a refused client still sends
LINGER_IDLE = 5.0  # or until it has sent nothing for this long


class LingeringTransport:
    """The connection's transport, with a close() that lingers (see the module's docstring)."""

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self._transport = transport
        self._loop = loop
        self.lingering = False
        self._deadline = 0.0
        self._idle: asyncio.TimerHandle | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)

    def is_closing(self) -> bool:
        return self.lingering or self._transport.is_closing()

    def close(self) -> None:
        if self.is_closing():
            return
        if not self._transport.can_write_eof():  # TLS: no half-close
            self._transport.close()
            return
        self.lingering = True
        self._deadline = self._loop.time() + LINGER_TIME
        self._transport.write_eof()  # after the buffered answer is sent
        self._transport.resume_reading()  # flow control may have paused it mid-body
        self.dropped()

    def dropped(self) -> None:
        """Input arrived while lingering (and was dropped): wait for more, within the deadline."""
        if self._idle is not None:
            self._idle.cancel()
        wait = min(LINGER_IDLE, self._deadline - self._loop.time())
        self._idle = self._loop.call_later(max(wait, 0.0), self.end)

    def end(self) -> None:
        if self._idle is not None:
            self._idle.cancel()
            self._idle = None
        self._transport.close()


class HeaderDeadline(H11Protocol):
    """uvicorn's HTTP/1.1 protocol with a deadline on the request line and headers, and a
    lingering close."""

    header_timeout = HEADER_TIMEOUT
    _header_timer: asyncio.TimerHandle | None = None
    _lingering: LingeringTransport

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        self._lingering = LingeringTransport(transport, self.loop)
        super().connection_made(cast(asyncio.Transport, self._lingering))
        self._header_timer = self.loop.call_later(self.header_timeout, self._too_slow)

    def data_received(self, data: bytes) -> None:
        if self._lingering.lingering:
            self._lingering.dropped()
            return
        super().data_received(data)
        waiting = self.cycle is None or self.cycle.response_complete
        if not waiting and self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None
        elif waiting and self._header_timer is None and data:  # the next request on a kept-alive connection
            self._header_timer = self.loop.call_later(self.header_timeout, self._too_slow)

    def eof_received(self) -> None:
        if self._lingering.lingering:  # the client has sent all it had: close now
            self._lingering.end()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
        self._lingering.end()
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

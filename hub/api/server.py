"""Serving the hub with uvicorn: from the CLI, or in a thread (tests, benchmarks)."""

from __future__ import annotations

import threading
import time

import uvicorn

from hub.api.app import create_app
from hub.store import HubStore


def make_server(
    store: HubStore,
    host: str = "127.0.0.1",
    port: int = 8787,
    log_level: str = "warning",
    max_wait: float = 25.0,
) -> uvicorn.Server:
    config = uvicorn.Config(
        create_app(store, max_wait=max_wait), host=host, port=port, log_level=log_level, access_log=False,
        timeout_graceful_shutdown=1, lifespan="on",
    )  # fmt: skip
    return uvicorn.Server(config)


class ServerThread:
    """A real uvicorn server on a TCP port, in a background thread."""

    def __init__(
        self, store: HubStore, host: str = "127.0.0.1", port: int = 0, max_wait: float = 25.0
    ) -> None:
        self.server = make_server(store, host, port, max_wait=max_wait)
        self.thread = threading.Thread(target=self.server.run, name="hub-server", daemon=True)
        self.host = host

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
        return f"http://{self.host}:{self.port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

"""One small observer type: what the service, the flow, the print queue and sync tell.

``Listeners[T]`` holds callbacks taking one value. ``emit`` calls each on the emitting
thread, in the order they connected; one failing callback is logged and does not stop
the others (a broken screen must never lose a journal write's announcement to sync).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


class Listeners(Generic[T]):
    def __init__(self) -> None:
        self._callbacks: list[Callable[[T], object]] = []
        self._lock = threading.Lock()

    def connect(self, callback: Callable[[T], object]) -> None:
        with self._lock:
            self._callbacks.append(callback)

    def disconnect(self, callback: Callable[[T], object]) -> None:
        """Forget ``callback``; forgetting one that is not connected does nothing."""
        with self._lock:
            if callback in self._callbacks:
                self._callbacks.remove(callback)

    def emit(self, value: T) -> None:
        with self._lock:
            callbacks = list(self._callbacks)
        for callback in callbacks:
            try:
                callback(value)
            except Exception:
                log.exception("listener %s failed", getattr(callback, "__qualname__", callback))

    def __len__(self) -> int:
        return len(self._callbacks)

    def __contains__(self, callback: object) -> bool:
        return callback in self._callbacks

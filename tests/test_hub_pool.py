"""Closing the hub's store never closes a connection under a query another thread is running
(the watcher's refresh outlives a stopped server by a moment; psycopg crashed the process)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from hub.store import HubStore
from tests.hub_support import BACKENDS, hub_target


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_connection_in_use_when_the_store_closes_finishes_its_query_then_closes(
    backend: str, tmp_path: Path
):
    with hub_target(backend, tmp_path) as target:
        store = HubStore(target)
        holding, closed, answers = threading.Event(), threading.Event(), []

        def reader() -> None:
            with store.read() as conn:
                holding.set()
                assert closed.wait(timeout=60)
                answers.append(
                    conn.execute("SELECT value FROM hub_counters WHERE name = ?", ("checkins",)).fetchone()
                )
                answers.append(conn)

        thread = threading.Thread(target=reader)
        thread.start()
        assert holding.wait(timeout=60)
        store.close()
        closed.set()
        thread.join(timeout=60)
        assert answers and answers[0] is not None and int(answers[0][0]) == 0
        raw = answers[1].raw
        if backend == "sqlite":
            with pytest.raises(Exception, match="closed"):
                raw.execute("SELECT 1")
        else:
            assert raw.closed, "handed back after the close, so closed then"

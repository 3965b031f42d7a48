"""Dashboard sessions live in the hub store (both stores): a restarted hub and a second hub
process know them, a log-out in one ends them in all, and they end when they expire or when
their admin token is revoked."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest

from hub.api.sessions import COOKIE
from hub.store.sessions import utc_now
from tests.hub_support import BACKENDS, Hub, HubProcess, running_hub


@pytest.fixture(params=BACKENDS, scope="module")
def hub(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    with running_hub(request.param, tmp_path_factory.mktemp("hub")) as running:
        yield running


def logged_in(url: str, secret: str) -> httpx.Client:
    client = httpx.Client(base_url=url, timeout=10)
    assert client.post("/dashboard/login", json={"secret": secret}).status_code == 204
    return client


def holding(url: str, session: str) -> httpx.Client:
    client = httpx.Client(base_url=url, timeout=10)
    client.cookies.set(COOKIE, session, path="/dashboard")
    return client


@pytest.mark.slow
def test_a_session_is_known_to_a_hub_started_later_and_a_log_out_there_ends_it_here(hub: Hub):
    session = logged_in(hub.url, hub.token("office-a", admin=True)).cookies[COOKIE]
    other = HubProcess(hub.target).start()  # another process on the same database, started after the login
    try:
        there = holding(other.url, session)
        assert there.get("/dashboard/data").status_code == 200
        assert 'data-page="dashboard"' in there.get("/dashboard").text
        assert there.post("/dashboard/logout").status_code == 204
    finally:
        other.stop()
    here = holding(hub.url, session)
    assert here.get("/dashboard/data").status_code == 401
    assert 'data-page="login"' in here.get("/dashboard").text


def test_a_session_opened_with_a_login_code_works_until_it_expires(hub: Hub):
    client = logged_in(hub.url, hub.store.logins.create())
    assert client.get("/dashboard/data").status_code == 200
    later = utc_now() + timedelta(hours=12, seconds=1)
    hub.store.sessions.clock = lambda: later
    try:
        assert client.get("/dashboard/data").status_code == 401
        assert 'data-page="login"' in client.get("/dashboard").text
    finally:
        hub.store.sessions.clock = utc_now


def test_revoking_the_admin_token_ends_the_sessions_it_opened(hub: Hub):
    token = hub.token("office-b", admin=True)
    first, second = logged_in(hub.url, token), logged_in(hub.url, token)
    assert first.get("/dashboard/data").status_code == 200
    hub.store.tokens.revoke(token=token)
    assert first.get("/dashboard/data").status_code == 401
    assert second.get("/dashboard/export.csv").status_code == 401


def test_the_store_keeps_a_hash_of_the_session_never_the_session_or_the_token(hub: Hub):
    token = hub.token("office-c", admin=True)
    session = logged_in(hub.url, token).cookies[COOKIE]
    with hub.store.read() as conn:
        rows = [
            " ".join(str(v) for v in row) for row in conn.execute("SELECT * FROM hub_sessions").fetchall()
        ]
    assert rows and not any(session in row or token in row for row in rows)

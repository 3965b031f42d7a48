"""The hub's front door against hostile clients, on a real uvicorn on loopback: the token is
checked before the body is read, bodies are bounded while they stream, slow clients are
dropped, failed tokens are throttled, and bad JSON is a 4xx with a message."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from hub.api.guard import GuardOptions, Limiter
from hub.api.server import ServerThread
from tests.hub_support import Hub, make_hub, raw, roster


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    hub = make_hub(str(tmp_path / "hub.sqlite"), roster(5))
    # A limiter whose clock never moves: its window cannot run out while the test sends.
    options = GuardOptions(limiter=Limiter(limit=20, clock=lambda: 0.0), body_timeout=1.0)
    hub.server = ServerThread(hub.store, header_timeout=1.0, guard=options).start()
    hub.url = hub.server.url
    yield hub
    hub.stop()
    hub.store.close()


def test_a_large_unauthenticated_post_is_refused_before_its_body_is_sent(hub: Hub):
    head = "POST /v1/checkins HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\n"
    answer = raw(hub, f"{head}Content-Length: {43 * 1024 * 1024}\r\n\r\n".encode())
    assert answer.startswith(b"HTTP/1.1 401") and b"connection: close" in answer.lower()


def test_a_chunked_body_past_the_limit_gets_413_even_with_a_good_token(tmp_path: Path):
    # A small limit and a deadline no loaded machine reaches: the test is about counting a chunked
    # body while it streams (no Content-Length to refuse it by), not about how fast 64 MB arrive.
    hub = make_hub(str(tmp_path / "hub.sqlite"), roster(5))
    options = GuardOptions(max_body=256 * 1024, body_timeout=600.0)
    hub.server = ServerThread(hub.store, guard=options).start()
    token = hub.token("entrance-1")
    chunk = b" " * (16 * 1024)

    def body() -> Iterator[bytes]:
        for _ in range(options.max_body // len(chunk) + 2):
            yield chunk

    try:
        response = httpx.post(hub.server.url + "/v1/checkins", content=body(), timeout=600,
                              headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})  # fmt: skip
    finally:
        hub.stop()
        hub.store.close()
    assert response.status_code == 413 and f"body over {options.max_body} bytes" in response.json()["detail"]


def test_a_chunked_body_without_a_token_gets_401_at_once(hub: Hub):
    head = b"POST /v1/checkins HTTP/1.1\r\nHost: hub\r\nTransfer-Encoding: chunked\r\n\r\n"
    answer = raw(hub, head + b"100000\r\n" + b"x" * 4096)
    assert answer.startswith(b"HTTP/1.1 401")


def test_a_connection_that_never_finishes_its_headers_is_closed(hub: Hub):
    answer = raw(hub, b"POST /v1/checkins HTTP/1.1\r\nHost: hub\r\nAuthor")
    assert answer == b""  # closed by the hub (the socket's own timeout would raise instead)


def test_a_body_that_stops_half_way_gets_408_and_the_connection_closes(hub: Hub):
    token = hub.token("entrance-1")
    head = (f"POST /v1/checkins HTTP/1.1\r\nHost: hub\r\nAuthorization: Bearer {token}\r\n"
            "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n")  # fmt: skip
    answer = raw(hub, head.encode() + b'{"entries": [')
    assert answer.startswith(b"HTTP/1.1 408")


def test_wrong_tokens_are_throttled_with_429_and_logged_once(hub: Hub, caplog: pytest.LogCaptureFixture):
    caplog.set_level(logging.INFO, logger="hub.api.guard")
    with httpx.Client(base_url=hub.url, timeout=10) as client:
        codes = [client.get("/v1/event", headers={"Authorization": f"Bearer kh_wrong{i}"}).status_code
                 for i in range(300)]  # fmt: skip
    assert codes.count(401) == 20 and codes.count(429) == 280 and codes[-1] == 429
    floods = [r for r in caplog.records if "too many failed" in r.getMessage()]
    assert len(floods) == 1


def test_a_token_that_keeps_failing_is_throttled_from_every_client():
    limiter = Limiter(limit=3, clock=lambda: 0.0)
    limiter.failed("client a", "token t")
    limiter.failed("client b", "token t")
    limiter.failed("client c", "token t")
    assert limiter.blocked("client d", "token t") == "token t" and limiter.blocked("client d") is None


@pytest.mark.parametrize(
    "body, status, words",
    [
        ('{"entries": [NaN]}', 400, "NaN"),
        ('{"entries": [{"id": "x", "at": "2023-12-06T10:00:00+08:00", "gate": "main", "outcome": "admitted",'
         ' "code": Infinity}]}', 400, "Infinity"),
        ('{"entries": [', 400, "not valid JSON"),
        ('{"entries": "欧阳娜娜 13800000000"}', 422, "list"),
    ],
    ids=["nan", "infinity", "truncated", "wrong-type"],
)  # fmt: skip
def test_bad_json_is_a_4xx_with_a_message_and_no_value_in_the_log(
    hub: Hub, caplog: pytest.LogCaptureFixture, body: str, status: int, words: str
):
    caplog.set_level(logging.DEBUG)
    token = hub.token("entrance-1")
    response = httpx.post(hub.url + "/v1/checkins", content=body.encode(), timeout=10,
                          headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})  # fmt: skip
    assert response.status_code == status and words in json.dumps(response.json())
    assert "欧阳娜娜" not in response.text and "13800000000" not in response.text
    logged = "\n".join(r.getMessage() + (r.exc_text or "") for r in caplog.records)
    assert "Traceback" not in logged and "欧阳娜娜" not in logged and "Infinity" not in logged

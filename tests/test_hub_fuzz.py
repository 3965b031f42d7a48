"""The hub API fuzzed from its own OpenAPI schema (schemathesis): no input makes it answer 500.

Valid and invalid requests (schemathesis' positive and negative modes) for every
operation, sent with an admin token to a real uvicorn, on both hub stores; then requests
cut short anywhere (slow or vanished clients) and bodies of any declared or chunked size.
"""

from __future__ import annotations

import json

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from hub.api.guard import MAX_BODY, GuardOptions, Limiter
from hub.api.server import ServerThread
from tests.hub_support import BACKENDS, hub_target, make_hub, raw, roster

pytestmark = pytest.mark.slow


OPERATIONS = [("GET", "/v1/health"), ("GET", "/v1/event"), ("GET", "/v1/roster"), ("POST", "/v1/roster"),
              ("GET", "/v1/checkins"), ("POST", "/v1/checkins"), ("POST", "/v1/desks/health"),
              ("POST", "/v1/enrol")]  # fmt: skip
WITH_INPUT = OPERATIONS[2:]  # health and event take no input, so there is nothing to make invalid
CASES = [(m, p, GenerationMode.POSITIVE) for m, p in OPERATIONS] + [
    (m, p, GenerationMode.NEGATIVE) for m, p in WITH_INPUT
]


@pytest.fixture(params=BACKENDS, scope="module")
def fuzzed_hub(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    with hub_target(request.param, tmp_path_factory.mktemp("fuzz")) as target:
        hub = make_hub(target, roster(30))
        # Long-polls bounded to 0.2 s here, so that a generated ``wait`` cannot stall the run;
        # slow clients are dropped after half a second, so that cut requests do not either;
        # failed tokens are not throttled (every request here comes from one address).
        options = GuardOptions(limiter=Limiter(limit=10**9), body_timeout=0.5)
        hub.server = ServerThread(hub.store, max_wait=0.2, header_timeout=0.5, guard=options).start()
        hub.url = hub.server.url
        yield (
            hub,
            hub.token("fuzz-admin", admin=True),
            schemathesis.openapi.from_url(hub.url + "/openapi.json"),
        )
        hub.stop()
        hub.store.close()


@pytest.mark.parametrize("method, path, mode", CASES, ids=[f"{m} {p} {g.value}" for m, p, g in CASES])
def test_no_generated_request_gets_a_500(fuzzed_hub, method: str, path: str, mode: GenerationMode):
    hub, token, schema = fuzzed_hub
    operation = schema[path][method]
    headers = {"Authorization": f"Bearer {token}"}

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def call(case) -> None:
        case.call_and_validate(base_url=hub.url, headers=headers, checks=[not_a_server_error])

    call()


def test_the_schema_documents_every_route(fuzzed_hub):
    hub, _, _ = fuzzed_hub
    paths = httpx.get(hub.url + "/openapi.json", timeout=10).json()["paths"]
    assert {(m.upper(), p) for p, methods in paths.items() for m in methods} == set(OPERATIONS)


def push_request(token: str | None) -> bytes:
    body = json.dumps({"entries": [{"id": "e1", "at": "2023-12-06T10:00:00+08:00", "gate": "main",
                                    "outcome": "admitted", "code": "B0001"}]}).encode()  # fmt: skip
    auth = f"Authorization: Bearer {token}\r\n" if token else ""
    head = (f"POST /v1/checkins HTTP/1.1\r\nHost: hub\r\n{auth}Content-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n")  # fmt: skip
    return head.encode() + body


FAST = settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), database=None)


def test_a_request_cut_short_anywhere_is_dropped_or_refused_never_kept(fuzzed_hub):
    hub, token, _ = fuzzed_hub

    @given(with_token=st.booleans(), cut=st.floats(0, 1, exclude_max=True))
    @FAST
    def call(with_token: bool, cut: float) -> None:
        request = push_request(token if with_token else None)
        answer = raw(hub, request[: int(len(request) * cut)])
        assert answer == b"" or answer.startswith((b"HTTP/1.1 400", b"HTTP/1.1 401", b"HTTP/1.1 408")), (
            answer[:40]
        )

    call()


def test_a_body_of_any_declared_size_past_the_limit_is_refused_unread(fuzzed_hub):
    hub, token, _ = fuzzed_hub

    @given(size=st.integers(MAX_BODY + 1, 2**62), with_token=st.booleans())
    @FAST
    def call(size: int, with_token: bool) -> None:
        auth = f"Authorization: Bearer {token}\r\n" if with_token else ""
        answer = raw(
            hub, f"POST /v1/roster HTTP/1.1\r\nHost: hub\r\n{auth}Content-Length: {size}\r\n\r\n".encode()
        )
        assert answer.startswith(b"HTTP/1.1 413" if with_token else b"HTTP/1.1 401")

    call()


def test_a_chunked_body_without_a_token_is_refused_whatever_its_chunks(fuzzed_hub):
    hub, _, _ = fuzzed_hub

    @given(chunks=st.lists(st.integers(1, 65536), min_size=1, max_size=8))
    @FAST
    def call(chunks: list[int]) -> None:
        head = b"POST /v1/checkins HTTP/1.1\r\nHost: hub\r\nTransfer-Encoding: chunked\r\n\r\n"
        answer = raw(hub, head + b"".join(f"{n:x}\r\n".encode() + b"x" * n + b"\r\n" for n in chunks))
        # 401 before the body is read; a reset while the client still sends is a refusal too
        # (the answer was in flight), but never any other status: the body was not taken.
        assert answer.startswith(b"HTTP/1.1 401") or answer == b""

    call()

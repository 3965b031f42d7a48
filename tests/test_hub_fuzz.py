"""The hub API fuzzed from its own OpenAPI schema (schemathesis): no input makes it answer 500.

Valid and invalid requests (schemathesis' positive and negative modes) for every
operation, sent with an admin token to a real uvicorn, on both hub stores.
"""

from __future__ import annotations

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from hub.api.server import ServerThread
from tests.hub_support import BACKENDS, hub_target, make_hub, roster

pytestmark = pytest.mark.slow


OPERATIONS = [("GET", "/v1/health"), ("GET", "/v1/event"), ("GET", "/v1/roster"), ("POST", "/v1/roster"),
              ("GET", "/v1/checkins"), ("POST", "/v1/checkins"), ("POST", "/v1/desks/health")]  # fmt: skip
WITH_INPUT = OPERATIONS[2:]  # health and event take no input, so there is nothing to make invalid
CASES = [(m, p, GenerationMode.POSITIVE) for m, p in OPERATIONS] + [
    (m, p, GenerationMode.NEGATIVE) for m, p in WITH_INPUT
]


@pytest.fixture(params=BACKENDS, scope="module")
def fuzzed_hub(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    with hub_target(request.param, tmp_path_factory.mktemp("fuzz")) as target:
        hub = make_hub(target, roster(30))
        # Long-polls bounded to 0.2 s here, so that a generated ``wait`` cannot stall the run.
        hub.server = ServerThread(hub.store, max_wait=0.2).start()
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

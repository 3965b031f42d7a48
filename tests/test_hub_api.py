"""The hub's HTTP API on a real uvicorn: tokens, admin rights, and 4xx (never 500) for bad input."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import httpx
import pytest

from kiosk.sync.client import HubClient, HubRefused
from kiosk.sync.wire import MAX_BATCH
from tests.hub_support import BACKENDS, Hub, hub_target, make_hub, post_json, roster


@pytest.fixture(params=BACKENDS, scope="module")
def hub(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """One hub per backend for the module: each test uses desks (tokens) of its own."""
    with hub_target(request.param, tmp_path_factory.mktemp("hub")) as target:
        running = make_hub(target, roster(20)).serve()
        yield running
        running.stop()
        running.store.close()


def entry(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "id": str(uuid.uuid4()), "at": datetime.now(UTC).isoformat(), "desk": "d1", "gate": "entrance",
        "code": "X", "outcome": "admitted", "delegate_id": "D000001", "action": "scan",
    }  # fmt: skip
    return data | changes


def get(hub: Hub, path: str, token: str | None = None) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.get(hub.url + path, headers=headers, timeout=10)


def test_health_answers_without_a_token(hub: Hub):
    assert get(hub, "/v1/health").json() == {"status": "ok", "store": hub.store.kind}


@pytest.mark.parametrize("path", ["/v1/event", "/v1/roster", "/v1/checkins"])
def test_a_wrong_missing_or_revoked_token_gets_401_and_nothing_else(hub: Hub, path: str):
    desk = f"desk-{uuid.uuid4().hex[:6]}"
    token = hub.token(desk)
    assert get(hub, path, token).status_code == 200
    hub.store.tokens.revoke(desk=desk)
    for attempt in (token, "kh_wrong", None):
        response = get(hub, path, attempt)
        assert response.status_code == 401
        assert response.json() == {"detail": "missing, wrong or revoked token"}


def test_the_sync_client_reports_a_revoked_token_as_refused(hub: Hub):
    token = hub.token("desk-1")
    hub.store.tokens.revoke(token=token)
    client = HubClient(hub.url, token)
    with pytest.raises(HubRefused) as caught:
        client.roster(0)
    client.close()
    assert caught.value.exit_code == 3


def test_only_an_admin_token_may_upload_a_roster_and_gets_a_row_level_report(hub: Hub):
    rows = [
        {"编号": "N1", "签到码": "NEWCODE1", "姓名": "新人甲", "参会身份": "press"},
        {"编号": "N2", "签到码": "", "姓名": "没有码"},
        {"编号": "N3", "签到码": "NEWCODE3", "姓名": "新人丙", "参会身份": "宇航员"},
    ]
    before = hub.store.roster.count()
    desk = post_json(hub.url, hub.token("desk-1"), "/v1/roster", {"rows": rows})
    assert desk.status_code == 403
    admin = post_json(hub.url, hub.token("office", admin=True), "/v1/roster", {"rows": rows})
    assert admin.status_code == 200
    report = admin.json()
    assert report["imported"] == 2  # an unknown category is kept without one, with a warning
    assert [(r["line"], r["reason"]) for r in report["rejected"]] == [(2, "missing_code")]
    assert [(w["line"], w["reason"]) for w in report["warnings"]] == [(3, "category_defaulted")]
    assert hub.store.roster.count() == before + 2


def test_a_pushed_batch_is_idempotent_over_http(hub: Hub):
    token = hub.token("desk-1")
    before = hub.store.checkins.count()
    batch = {"entries": [entry() for _ in range(3)]}
    assert post_json(hub.url, token, "/v1/checkins", batch).json() == {
        "accepted": 3,
        "duplicates": 0,
        "delegates": 0,
    }
    assert post_json(hub.url, token, "/v1/checkins", batch).json() == {
        "accepted": 0,
        "duplicates": 3,
        "delegates": 0,
    }
    assert hub.store.checkins.count() == before + 3


@pytest.mark.parametrize(
    "body",
    [
        "{not json",
        '{"entries": "nope"}',
        {"entries": [entry(outcome="maybe")]},
        {"entries": [entry(at="2023-12-06T10:00:00")]},  # no UTC offset
        {"entries": [entry(at="yesterday")]},
        {"entries": [entry(id="")]},
        {"entries": [entry(code="a\x00b")]},
        {"entries": [entry(rehearsal="yes")]},
        {"entries": [entry() for _ in range(MAX_BATCH + 1)]},
        [1, 2, 3],
    ],
    ids=[
        "bad-json",
        "wrong-type",
        "bad-outcome",
        "naive-time",
        "not-a-time",
        "empty-id",
        "nul",
        "rehearsal-text",
        "oversize-batch",
        "a-list",
    ],  # fmt: skip
)
def test_bad_pushes_get_a_4xx_with_a_message(hub: Hub, body: object):
    token = hub.token("desk-1")
    before = hub.store.checkins.count()
    if isinstance(body, str):
        response = httpx.post(hub.url + "/v1/checkins", content=body, timeout=10,
                              headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})  # fmt: skip
    else:
        response = post_json(hub.url, token, "/v1/checkins", body)
    assert 400 <= response.status_code < 500
    assert response.json()["detail"]
    assert hub.store.checkins.count() == before


@pytest.mark.parametrize(
    "query", ["since=-1", "since=99999999999999999999999", "limit=0", "wait=999", "since=abc"]
)
def test_bad_cursors_get_a_4xx(hub: Hub, query: str):
    response = get(hub, f"/v1/checkins?{query}", hub.token("desk-1"))
    assert response.status_code == 422 and response.json()["detail"]


def test_a_cursor_from_another_hub_database_starts_the_roster_again(hub: Hub):
    page = get(hub, "/v1/roster?since=123456", hub.token("desk-1")).json()
    assert len(page["changes"]) >= 20 and page["changes"][0]["op"] == "upsert"


def test_a_desk_cannot_slip_delegates_into_the_roster_without_a_walk_in(hub: Hub):
    token = hub.token("desk-1")
    before = hub.store.roster.count()
    stranger = {"id": "X-1", "code": "XCODE0001", "name": "冒名"}
    answer = post_json(hub.url, token, "/v1/checkins", {"entries": [entry()], "delegates": [stranger]}).json()
    assert answer["delegates"] == 0 and hub.store.roster.count() == before
    taken = {"id": "X-2", "code": hub.delegates[0].code, "name": "抢码"}  # a code someone else holds
    walkin = entry(action="walkin", delegate_id="X-2", code=taken["code"])
    answer = post_json(hub.url, token, "/v1/checkins", {"entries": [walkin], "delegates": [taken]}).json()
    assert answer["delegates"] == 0 and hub.store.roster.count() == before

"""The dashboard's API on a real uvicorn, both stores: who may see it, and the desks' health reports."""

from __future__ import annotations

import io
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from openpyxl import load_workbook

from hub.api.sessions import COOKIE
from kiosk.export import HEADERS
from kiosk.model import CheckIn, How, Outcome
from kiosk.sync.health import HEALTH_PATH
from kiosk.sync.wire import API
from tests.hub_support import BACKENDS, Hub, post_json, running_hub

DATA = ("/dashboard/data", "/dashboard/events", "/dashboard/export.csv", "/dashboard/export.xlsx")
GOOD = {"desk": "d", "mode": "desk", "gate": "entrance", "app_version": "0.1.0", "backlog": 0,
        "printer_state": "ok", "printer_queue": 0, "camera_state": "ok", "clock_offset_s": 0.2,
        "disk_free_bytes": 10**10, "last_decision_at": None}  # fmt: skip


@pytest.fixture(params=BACKENDS, scope="module")
def hub(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    with running_hub(request.param, tmp_path_factory.mktemp("hub")) as running:
        yield running


def browser(hub: Hub) -> httpx.Client:
    return httpx.Client(base_url=hub.url, timeout=10)


def logged_in(hub: Hub, secret: str) -> httpx.Client:
    client = browser(hub)
    assert client.post("/dashboard/login", json={"secret": secret}).status_code == 204
    return client


def report(hub: Hub, token: str, **changes: object) -> httpx.Response:
    return post_json(hub.url, token, API + HEALTH_PATH, GOOD | changes)


def test_an_admin_token_logs_in_with_an_httponly_strict_cookie_that_holds_no_token(hub: Hub):
    token = hub.token("office", admin=True)
    client = browser(hub)
    response = client.post("/dashboard/login", json={"secret": token})
    cookie = response.headers["set-cookie"]
    assert response.status_code == 204
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/dashboard" in cookie
    assert token not in cookie
    assert 'data-page="dashboard"' in client.get("/dashboard").text
    assert client.get("/dashboard/data").json()["expected"] == 20


def test_without_a_session_every_dashboard_url_gives_the_login_page_or_401_never_data(hub: Hub):
    client = browser(hub)
    page = client.get("/dashboard")
    assert page.status_code == 200 and 'data-page="login"' in page.text
    client.cookies.set(COOKIE, "forged-session", path="/dashboard")
    assert 'data-page="login"' in client.get("/dashboard").text
    for path in DATA:
        response = client.get(path)
        assert response.status_code == 401, path
        assert "admitted" not in response.text


def test_a_desk_token_cannot_log_in_nor_read_the_dashboard_data(hub: Hub):
    token = hub.token(f"desk-{uuid.uuid4().hex[:6]}")
    client = browser(hub)
    assert client.post("/dashboard/login", json={"secret": token}).status_code == 401
    assert "set-cookie" not in client.post("/dashboard/login", json={"secret": token}).headers
    for path in DATA:
        assert client.get(path, headers={"Authorization": f"Bearer {token}"}).status_code == 401
    assert 'data-page="login"' in client.get("/dashboard", headers={"Authorization": f"Bearer {token}"}).text


def test_a_wrong_or_revoked_admin_token_is_refused(hub: Hub):
    token = hub.token("office-2", admin=True)
    hub.store.tokens.revoke(token=token)
    for secret in (token, "kh_wrong", "nonsense"):
        assert browser(hub).post("/dashboard/login", json={"secret": secret}).status_code == 401


def test_a_login_code_works_once(hub: Hub):
    code = hub.store.logins.create()
    assert (
        browser(hub).post("/dashboard/login", json={"secret": code.lower().replace("-", "")}).status_code
        == 204
    )
    assert browser(hub).post("/dashboard/login", json={"secret": code}).status_code == 401


def test_logging_out_ends_the_session(hub: Hub):
    client = logged_in(hub, hub.token("office-3", admin=True))
    session = client.cookies[COOKIE]
    assert client.post("/dashboard/logout").status_code == 204
    thief = browser(hub)
    thief.cookies.set(COOKIE, session, path="/dashboard")
    assert thief.get("/dashboard/data").status_code == 401


def test_a_health_report_is_kept_as_the_desks_latest_and_a_state_change_goes_into_its_history(hub: Hub):
    desk = f"desk-{uuid.uuid4().hex[:6]}"
    token = hub.token(desk)
    answer = report(hub, token)
    assert answer.status_code == 200
    assert abs(datetime.fromisoformat(answer.json()["hub_time"]) - datetime.now(UTC)) < timedelta(minutes=5)
    report(hub, token, backlog=3)
    report(hub, token, printer_state="out_of_paper")
    row = next(d for d in hub.store.desks.fleet() if d["desk"] == desk)
    assert row["report"]["printer_state"] == "out_of_paper" and row["problems"] == ["out_of_paper"]
    history = hub.store.desks.changes(desk)
    assert [c["state"]["printer_state"] for c in history] == ["out_of_paper", "ok"]


@pytest.mark.parametrize(
    "bad",
    [{"mode": "party"}, {"backlog": -1}, {"backlog": "3"}, {"printer_state": "on fire"}, {"camera_state": 1},
     {"clock_offset_s": "soon"}, {"disk_free_bytes": -5}, {"last_decision_at": "2026-12-01T10:00:00"},
     {"gate": "x\x00"}, {"surprise": 1}, {"printer_queue": 1.5}],
)  # fmt: skip
def test_a_bad_health_report_gets_422_and_nothing_is_stored(hub: Hub, bad: dict[str, object]):
    desk = f"desk-{uuid.uuid4().hex[:6]}"
    response = report(hub, hub.token(desk), **bad)
    assert response.status_code == 422
    assert desk not in {d["desk"] for d in hub.store.desks.fleet()}
    assert hub.store.desks.changes(desk) == []


def test_a_health_report_needs_a_valid_token(hub: Hub):
    assert report(hub, "kh_wrong").status_code == 401


def test_the_export_has_every_desks_check_ins_with_the_delegates_details(hub: Hub):
    desk, person = f"desk-{uuid.uuid4().hex[:6]}", hub.delegates[0]
    entry = CheckIn(id=str(uuid.uuid4()), at=datetime.now(UTC), desk=desk, gate="entrance", code=person.code,
                    outcome=Outcome.ADMITTED, delegate_id=person.id, how=How.SCANNER)  # fmt: skip
    hub.store.checkins.push([entry], desk)
    client = logged_in(hub, hub.token("office-4", admin=True))
    csv = client.get("/dashboard/export.csv")
    assert csv.headers["content-disposition"] == 'attachment; filename="checkins.csv"'
    line = next(x for x in csv.text.splitlines() if entry.id in x)
    assert person.name in line and desk in line
    sheet = load_workbook(io.BytesIO(client.get("/dashboard/export.xlsx").content)).active
    header, *rows = list(sheet.iter_rows(values_only=True))
    assert list(header) == HEADERS  # the same columns as a desk's own export
    row = dict(zip(HEADERS, next(r for r in rows if r[0] == entry.id), strict=True))
    assert row["name"] == person.name and row["desk"] == desk and row["how"] == "scanner"


def test_a_syncing_desk_reports_what_its_app_supplies_and_its_clock_offset(hub: Hub, tmp_path):
    from kiosk.sync.health import HealthFacts
    from tests.hub_support import make_desk, stop_all, wait_until

    desk = make_desk(hub, tmp_path, f"desk-{uuid.uuid4().hex[:6]}")
    facts = HealthFacts(desk=desk.name, mode="gate", gate="p1", printer_state="ok", printer_queue=2)
    worker = desk.start_sync(health=lambda: facts, health_interval=0.2)
    try:
        wait_until(lambda: worker.clock_offset is not None)
        wait_until(lambda: any(d["desk"] == desk.name and d["report"]["clock_offset_s"] is not None
                               for d in hub.store.desks.fleet()))  # fmt: skip
    finally:
        stop_all([desk])
    row = next(d for d in hub.store.desks.fleet() if d["desk"] == desk.name)
    assert row["report"] | {"disk_free_bytes": 0, "clock_offset_s": 0} == {
        "desk": desk.name, "mode": "gate", "gate": "p1", "app_version": "0.1.0", "last_decision_at": None,
        "backlog": 0, "printer_state": "ok", "printer_queue": 2, "camera_state": "none",
        "clock_offset_s": 0, "disk_free_bytes": 0,
    }  # fmt: skip
    assert abs(row["report"]["clock_offset_s"]) < 5 and row["report"]["disk_free_bytes"] > 0
    assert row["problems"] == []

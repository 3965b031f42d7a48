"""A desk joins the hub with a one-time enrolment code, never a typed token (real hub on loopback)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

import main
from hub.store import HubStore
from kiosk.sync.client import HubClient
from kiosk.sync.engine import sync_once
from kiosk.sync.enrol import EnrolError, Enrolment, EnrolProblem, parse, redeem
from tests.hub_support import BACKENDS, Hub, hub_target, make_hub, roster


@pytest.fixture(params=BACKENDS)
def hub(request: pytest.FixtureRequest, tmp_path: Path):
    with hub_target(request.param, tmp_path) as target:
        running = make_hub(target, roster(10)).serve()
        yield running
        running.stop()
        running.store.close()


def test_hub_enrol_prints_a_qr_and_one_line_with_the_address_the_desk_and_the_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    db = tmp_path / "hub.sqlite"
    HubStore(db).close()
    assert main.run(["hub", "enrol", "door-b1", "--url", "http://10.0.0.5:8787", "--db", str(db)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert any("█" in line for line in out[:-2])  # the QR, drawn in the terminal
    enrolment = parse(out[-1])
    assert (enrolment.hub, enrolment.desk) == ("http://10.0.0.5:8787", "door-b1")
    store = HubStore(db)
    with store.read() as conn:
        stored = [r[0] for r in conn.execute("SELECT hash FROM hub_enrolments").fetchall()]
    assert len(stored) == 1 and enrolment.code not in stored[0] and len(stored[0]) == 64  # its SHA-256 only


def test_hub_enrol_refuses_an_address_desks_cannot_use(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    code = main.run(["hub", "enrol", "door-b1", "--url", "10.0.0.5", "--db", str(tmp_path / "hub.sqlite")])
    assert code == 2 and "--url" in capsys.readouterr().err


def test_a_desk_joins_once_with_the_code_and_syncs_with_the_token_it_got(hub: Hub, tmp_path: Path):
    from kiosk.store import Store

    text = Enrolment(hub.url, "door-b1", hub.store.enrolments.create("door-b1")).text()
    desk, token = redeem(parse(text))
    assert desk == "door-b1" and token.startswith("kh_")
    store = Store(tmp_path / "desk.sqlite")
    client = HubClient(hub.url, token)
    try:
        assert sync_once(store, client).upserts == 10
    finally:
        client.close()
    with pytest.raises(EnrolError) as again:
        redeem(parse(text))
    assert again.value.problem is EnrolProblem.REFUSED


def test_an_expired_or_made_up_code_is_refused_and_gives_no_token(hub: Hub):
    expired = hub.store.enrolments.create("door-b1", ttl=-1)
    for code in (expired, "ABCD-EFGH-JKLM", "x"):
        with pytest.raises(EnrolError) as refused:
            redeem(Enrolment(hub.url, "door-b1", code))
        assert refused.value.problem is EnrolProblem.REFUSED
    assert [t.desk for t in hub.store.tokens.list()] == []


def test_the_enrol_route_needs_no_token_but_bounds_its_body(hub: Hub):
    answer = httpx.post(hub.url + "/v1/enrol", json={"code": "A" * 41}, timeout=10)
    assert answer.status_code == 422 and "A" * 41 not in answer.text


@pytest.mark.parametrize("text", ["", "kh_sometoken", "forum-kiosk:enrol?hub=ftp%3A%2F%2Fx&desk=d&code=c",
                                  "forum-kiosk:enrol?hub=http%3A%2F%2Fx&code=c"])  # fmt: skip
def test_what_is_not_an_enrolment_string_is_said_so(text: str):
    with pytest.raises(EnrolError) as wrong:
        parse(text)
    assert wrong.value.problem is EnrolProblem.NOT_A_CODE


def test_a_hub_that_cannot_be_reached_is_said_so():
    from tests.hub_support import free_port

    with pytest.raises(EnrolError) as down:
        redeem(Enrolment(f"http://127.0.0.1:{free_port()}", "d", "ABCD-EFGH-JKLM"), timeout=5)
    assert down.value.problem is EnrolProblem.UNREACHABLE

"""A desk joins the hub with a one-time enrolment code, never a typed token (real hub on loopback)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

import main
from hub.store import HubStore
from kiosk.sync.client import HubClient
from kiosk.sync.engine import sync_once
from kiosk.sync.enrol import EnrolError, Enrolment, EnrolProblem, parse, redeem
from tests.hub_support import BACKENDS, Hub, hub_target, make_hub, post_json, roster


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


def walk_in(hub: Hub, token: str, person: str) -> None:
    """A walk-in registered at the desk, pushed with the delegate it made (as the sync does)."""
    entry = {"id": str(uuid.uuid4()), "at": datetime.now(UTC).isoformat(), "desk": "door-b1",
             "gate": "entrance", "code": f"W-{person}", "outcome": "admitted", "delegate_id": person,
             "action": "walkin"}  # fmt: skip
    delegate = {"id": person, "code": f"W-{person}", "name": "临时代表"}
    answer = post_json(hub.url, token, "/v1/checkins", {"entries": [entry], "delegates": [delegate]})
    assert answer.status_code == 200 and answer.json()["accepted"] == 1  # journalled either way


@pytest.mark.parametrize(("can", "joins"), [("", False), ("reissue", False), ("walkin", True)])
def test_a_walk_in_from_an_enrolled_token_reaches_the_hub_roster_only_with_the_capability(
    hub: Hub, capsys: pytest.CaptureFixture[str], can: str, joins: bool
):
    flag = "--database-url" if hub.target.startswith("postgresql://") else "--db"
    extra = ["--can", can] if can else []
    assert main.run(["hub", "enrol", "door-b1", "--url", hub.url, "--no-qr", flag, hub.target, *extra]) == 0
    out = capsys.readouterr().out.splitlines()
    assert (f"may {can}" in out[-2]) is bool(can)
    desk, token = redeem(parse(out[-1]))
    assert [t.can for t in hub.store.tokens.list()] == [frozenset({can} - {""})]
    before = hub.store.roster.count()
    walk_in(hub, token, "W-1")
    assert hub.store.roster.count() == before + joins
    with hub.store.read() as conn:
        rows = conn.execute("SELECT id FROM hub_delegates WHERE id = ?", ("W-1",)).fetchall()
    assert len(rows) == joins


def test_hub_enrol_names_the_capabilities_it_knows(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    db = str(tmp_path / "hub.sqlite")
    assert (
        main.run(["hub", "enrol", "d", "--url", "http://127.0.0.1:1", "--can", "walkin,fly", "--db", db]) == 2
    )
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "fly" in err[0] and "walkin, reissue" in err[0]
    with HubStore(db).read() as conn:
        assert conn.execute("SELECT COUNT(*) FROM hub_enrolments").fetchone()[0] == 0

"""Least privilege for desk tokens, against a real hub on loopback (uvicorn): an entry is the
token's desk's whatever it claims, and walk-ins and reissued codes reach the roster only from
a token the admin allowed them, roster uploads likewise, and a desk token is for one event."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
import uuid
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from hub.store import HubStore
from tests.conftest import ROOT
from tests.hub_support import EVENT_DATA, Hub, post_json, running_hub


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    with running_hub("sqlite", tmp_path_factory.mktemp("hub")) as running:
        yield running


def entry(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "id": str(uuid.uuid4()), "at": datetime.now(UTC).isoformat(), "desk": "desk-1", "gate": "entrance",
        "code": "X", "outcome": "admitted", "delegate_id": "D000001", "action": "scan",
    }  # fmt: skip
    return data | changes


def stored_desks(hub: Hub, entry_id: str) -> tuple[str, str]:
    with hub.store.read() as conn:
        row = conn.execute("SELECT desk, origin FROM hub_checkins WHERE id = ?", (entry_id,)).fetchone()
    return (row[0], row[1])


def test_an_entry_claiming_another_desk_is_stored_as_the_tokens_desk(hub: Hub) -> None:
    forged = entry(desk="desk-main-entrance")
    answer = post_json(hub.url, hub.token("desk-7"), "/v1/checkins", {"entries": [forged]})
    assert answer.status_code == 200 and answer.json()["accepted"] == 1
    assert stored_desks(hub, str(forged["id"])) == ("desk-7", "desk-7")


def reissue(hub: Hub, token: str, new_code: str) -> int:
    victim = hub.delegates[0]
    change = entry(action="reissue", delegate_id=victim.id, code=new_code)
    body = {"entries": [change], "delegates": [{"id": victim.id, "code": new_code, "name": victim.name}]}
    answer = post_json(hub.url, token, "/v1/checkins", body)
    assert answer.status_code == 200
    return int(answer.json()["delegates"])


def code_of(hub: Hub, delegate_id: str) -> str:
    with hub.store.read() as conn:
        return str(conn.execute("SELECT code FROM hub_delegates WHERE id = ?", (delegate_id,)).fetchone()[0])


def test_a_desk_token_without_the_capability_cannot_reissue_anyones_badge(hub: Hub) -> None:
    before = code_of(hub, hub.delegates[0].id)
    assert reissue(hub, hub.token("desk-8"), "EVILCODE1") == 0
    assert code_of(hub, hub.delegates[0].id) == before  # the real badge still admits everywhere
    assert reissue(hub, hub.token("desk-9", can=frozenset({"walkin"})), "EVILCODE2") == 0
    assert reissue(hub, hub.token("desk-10", can=frozenset({"reissue"})), "NEWCODE03") == 1
    assert code_of(hub, hub.delegates[0].id) == "NEWCODE03"


@pytest.mark.slow
def test_token_create_grants_capabilities_and_refuses_unknown_ones(hub: Hub, tmp_path: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, str(ROOT / "main.py"), "hub", "token", *args, "--db", hub.target],
                              capture_output=True, text=True, timeout=60, cwd=ROOT)  # fmt: skip

    made = run("create", "--desk", "desk-11", "--can", "reissue,walkin")
    assert made.returncode == 0 and "may reissue+walkin" in made.stdout
    assert hub.store.tokens.check(made.stdout.splitlines()[-1]).can == {"walkin", "reissue"}  # type: ignore[union-attr]
    bad = run("create", "--desk", "desk-12", "--can", "fly")
    assert bad.returncode != 0 and "unknown capability fly" in bad.stderr and "Traceback" not in bad.stderr
    assert "desk+reissue+walkin" in run("list").stdout


def upload(hub: Hub, token: str, name: str) -> int:
    rows = [{"id": "R-1", "name": name, "code": "RCODE0001", "forums": "main"}]
    return post_json(hub.url, token, "/v1/roster", {"rows": rows}).status_code


def name_of(hub: Hub, delegate_id: str) -> str | None:
    with hub.store.read() as conn:
        row = conn.execute("SELECT body FROM hub_delegates WHERE id = ?", (delegate_id,)).fetchone()
    return json.loads(row[0])["name"] if row else None


def test_a_roster_upload_needs_an_admin_token_or_the_roster_capability(hub: Hub) -> None:
    assert upload(hub, hub.token("desk-20", can=frozenset({"walkin", "reissue"})), "未授权") == 403
    assert name_of(hub, "R-1") is None
    assert upload(hub, hub.token("desk-21", can=frozenset({"roster"})), "授权") == 200
    assert name_of(hub, "R-1") == "授权"
    assert upload(hub, hub.token("office", admin=True), "管理员") == 200 and name_of(hub, "R-1") == "管理员"


def test_a_desk_token_is_for_the_hubs_event_and_refused_once_the_hub_holds_another(tmp_path: Path) -> None:
    other = copy.deepcopy(EVENT_DATA)
    other["event"]["id"] = "another-event"
    with running_hub("sqlite", tmp_path) as hub:
        desk, admin = hub.token("desk-1"), hub.token("office", admin=True)
        assert [t.event for t in hub.store.tokens.list()] == ["hardtech-demo", ""]
        hub.store.roster.set_event(EVENT_DATA)  # the same event again (a new version): still its token
        assert event_status(hub, desk) == 200
        hub.store.roster.set_event(other)
        assert event_status(hub, desk) == 401 and event_status(hub, admin) == 200
        assert event_status(hub, hub.token("desk-1")) == 200  # a token for the event the hub holds now
        walk = post_json(hub.url, desk, "/v1/checkins", {"entries": [entry(action="walkin")]})
        assert walk.status_code == 401 and hub.store.checkins.count() == 0


def test_a_desk_token_made_before_the_hub_had_an_event_is_for_the_first_one_installed(tmp_path: Path) -> None:
    other = copy.deepcopy(EVENT_DATA)
    other["event"]["id"] = "another-event"
    store = HubStore(tmp_path / "hub.sqlite")
    try:
        _, token = store.tokens.create("desk-1")
        store.roster.set_event(EVENT_DATA)
        assert store.tokens.check(token) is not None and store.tokens.list()[0].event == "hardtech-demo"
        store.roster.set_event(other)
        assert store.tokens.check(token) is None
    finally:
        store.close()


def event_status(hub: Hub, token: str) -> int:
    """GET /v1/event, a route that needs a token."""
    return httpx.get(
        hub.url + "/v1/event", headers={"Authorization": f"Bearer {token}"}, timeout=10
    ).status_code

"""Least privilege for desk tokens, against a real hub on loopback (uvicorn): an entry is the
token's desk's whatever it claims, and walk-ins and reissued codes reach the roster only from
a token the admin allowed them."""

from __future__ import annotations

import subprocess
import sys
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.hub_support import Hub, post_json, running_hub


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


def test_token_create_grants_capabilities_and_refuses_unknown_ones(hub: Hub, tmp_path: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, str(ROOT / "main.py"), "hub", "token", *args, "--db", hub.target],
                              capture_output=True, text=True, timeout=60, cwd=ROOT)  # fmt: skip

    made = run("create", "--desk", "desk-11", "--can", "reissue,walkin")
    assert made.returncode == 0 and "may reissue+walkin" in made.stdout
    assert hub.store.tokens.check(made.stdout.splitlines()[-1]).can == {"walkin", "reissue"}  # type: ignore[union-attr]
    bad = run("create", "--desk", "desk-12", "--can", "roster")
    assert bad.returncode != 0 and "unknown capability roster" in bad.stderr and "Traceback" not in bad.stderr
    assert "desk+reissue+walkin" in run("list").stdout

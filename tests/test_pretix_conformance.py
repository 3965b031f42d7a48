"""The kiosk decides offline as pretix does: every ticket × list × time against pretix's own `redeem`."""

from __future__ import annotations

import socket
from datetime import datetime
from pathlib import Path

import pytest

from kiosk.pretix import store as pstore
from kiosk.pretix.client import PretixClient
from kiosk.pretix.policy import policy_for
from kiosk.store import Store
from main import run
from tests.pretix_sample import Sample, build_sample
from tests.pretix_support import connect, sync

TIMES = {
    "day 1 09:00": "2026-12-06T09:00:00+08:00",
    "day 1 13:00": "2026-12-06T13:00:00+08:00",
    "day 1 14:00": "2026-12-06T14:00:00+08:00",
    "day 1 18:00": "2026-12-06T18:00:00+08:00",
}
# What the kiosk knows it does not decide like pretix (none for this sample; see docs/pretix.md).
UNSUPPORTED: set[tuple[str, str, str]] = set()


@pytest.fixture(scope="module")
def sample(pretix_server) -> Sample:  # type: ignore[no-untyped-def]
    return build_sample(pretix_server, "conformance")


@pytest.fixture(scope="module")
def synced(pretix_server, sample: Sample, tmp_path_factory: pytest.TempPathFactory) -> Store:  # type: ignore[no-untyped-def]
    store = connect(pretix_server, sample, tmp_path_factory.mktemp("kiosk") / "kiosk.sqlite")
    sync(store)
    return store


def test_connect_prints_the_mapping_with_gates_by_list_id(
    pretix_server, sample: Sample, tmp_path: Path, capsys
):  # type: ignore[no-untyped-def]
    db = tmp_path / "kiosk.sqlite"
    code = run(["pretix", "connect", "--url", pretix_server.url, "--organizer", "forum", "--event", sample.event,
                "--token", pretix_server.kiosk_token, "--json", "--db", str(db)])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0
    assert pretix_server.kiosk_token not in out + err
    import json

    mapping = json.loads(out)
    assert mapping["gates"] == {
        str(sample.lists["entrance"]): "entrance",
        str(sample.lists["ai"]): "ai-forum",
    }
    forums = {f["id"]: f for f in mapping["forums"]}
    assert (
        forums["ai-forum"]["name_zh"] == "人工智能论坛" and forums["ai-forum"]["item"] == sample.items["ai"]
    )
    vip = [c for c in mapping["categories"] if c["item"] == sample.items["vip"]]
    assert vip and vip[0]["vip"] and "VIP lounge" in vip[0]["text"]
    assert {c["variation"] for c in mapping["categories"] if c["item"] == sample.items["delegate"]} == set(
        sample.variations.values()
    )
    assert oct(db.stat().st_mode & 0o777) == "0o600"


def test_attendees_become_delegates_with_both_scripts_company_email_and_phone(synced: Store, sample: Sample):
    zhang = synced.roster.lookup(sample.secrets["zhang"])
    assert zhang is not None
    _, delegate = zhang
    assert (delegate.name, delegate.name_en, delegate.organization) == ("张伟", "Zhang Wei", "西安交通大学")
    assert delegate.email == "zhang.wei@example.cn" and delegate.phone == "+8613800138000"
    assert delegate.forums == ("ai-forum",) and delegate.category == "delegate-standard"
    wang = synced.roster.lookup(sample.secrets["wang"])
    assert wang is not None and wang[1].notes.get("desk") == "Escort to the VIP lounge"
    garcia = synced.roster.lookup(sample.secrets["garcia"])
    assert garcia is not None and garcia[1].name == "María García" and garcia[1].status == "cancelled"


@pytest.mark.slow
def test_offline_decisions_match_pretix_for_every_ticket_list_and_time(
    pretix_server, synced: Store, sample: Sample
):  # type: ignore[no-untyped-def]
    policy = policy_for(synced)
    assert policy is not None
    connection = pstore.connection(synced)
    assert connection is not None
    client = PretixClient(connection)
    rows, mismatches = [], []
    try:
        for label, secret in sample.secrets.items():
            for list_label, list_id in sample.lists.items():
                clist = policy.mapping.checkin_list(policy.mapping.gates[str(list_id)])
                assert clist is not None
                for when, iso in TIMES.items():
                    at = datetime.fromisoformat(iso)
                    kiosk = policy.verdict(secret, clist, at).reason
                    answer = client.redeem(secret, list_id, at=at, simulate=True)
                    theirs = "ok" if answer["status"] == "ok" else str(answer.get("reason"))
                    same = kiosk == theirs or (label, list_label, when) in UNSUPPORTED
                    rows.append(
                        f"| {label} | {list_label} | {when} | {theirs} | {kiosk} | {'yes' if same else 'NO'} |"
                    )
                    if not same:
                        mismatches.append(rows[-1])
    finally:
        client.close()
    print("\n| ticket | list | time | pretix | kiosk offline | same |\n|---|---|---|---|---|---|")
    print("\n".join(rows))
    assert len(rows) == len(sample.secrets) * len(sample.lists) * len(TIMES)
    assert not mismatches, "\n".join(mismatches)


def test_sync_exits_3_when_the_token_is_refused_and_4_when_pretix_is_unreachable(
    pretix_server, sample: Sample, tmp_path: Path
):  # type: ignore[no-untyped-def]
    db = str(tmp_path / "kiosk.sqlite")
    base = ["pretix", "connect", "--organizer", "forum", "--event", sample.event, "--db", db]
    assert run([*base, "--url", pretix_server.url, "--token", "wrong"]) == 3
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        nowhere = f"http://127.0.0.1:{unused.getsockname()[1]}"
    assert run([*base, "--url", nowhere, "--token", pretix_server.kiosk_token]) == 4
    assert run([*base, "--url", pretix_server.url, "--token", pretix_server.kiosk_token]) == 0
    assert run(["pretix", "sync", "--once", "--db", db]) == 0


def test_checkin_command_decides_a_pretix_ticket_offline_with_pretix_reasons(
    pretix_server, sample: Sample, tmp_path: Path, capsys
):  # type: ignore[no-untyped-def]
    import json

    synced = connect(pretix_server, sample, tmp_path / "kiosk.sqlite")  # its own: the table's stays unscanned
    sync(synced)

    def checkin(label: str, gate: str, at: str) -> dict:
        code = run(
            ["checkin", sample.secrets[label], "--gate", gate, "--at", at, "--json", "--db", str(synced.path)]
        )
        answer = json.loads(capsys.readouterr().out)
        assert code == (0 if answer["outcome"] == "admitted" else 1)
        return answer

    first = checkin("wang", "ai-forum", "2026-12-06T14:00")
    assert (first["outcome"], first["reason"], first["delegate"]["name"]) == ("admitted", "ok", "王芳")
    assert checkin("wang", "ai-forum", "2026-12-06T17:30")["outcome"] == "too_late"
    unpaid = checkin("smith", "entrance", "2026-12-06T09:00")
    assert (unpaid["outcome"], unpaid["reason"]) == ("revoked", "unpaid")

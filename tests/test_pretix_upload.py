"""Offline scans reach pretix exactly once each, with their original times; signed and revoked secrets."""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

from kiosk.model import Action, Outcome
from kiosk.pretix import store as pstore
from kiosk.pretix.client import PretixClient, PretixUnreachable
from kiosk.pretix.sync import sync_once
from kiosk.pretix.upload import backlog, conflicts
from kiosk.store import Store
from main import run
from tests.pretix_sample import ATTENDEES, Attendee, Sample, build_sample, cancel, place_order, regenerate
from tests.pretix_support import connect, desk, sync

ENTRANCE_AT = datetime.fromisoformat("2026-12-06T09:00:00.250000+08:00")
FORUM_AT = datetime.fromisoformat("2026-12-06T14:00:00.500000+08:00")


@pytest.fixture(scope="module")
def sample(pretix_server) -> Sample:  # type: ignore[no-untyped-def]
    return build_sample(pretix_server, "uploads")


def _scan_day(store: Store, sample: Sample) -> list[tuple[str, str, str, datetime]]:
    """Scans of a morning and an afternoon, all offline; returns (secret, gate, type, at) admitted."""
    made = []
    for n, label in enumerate(("zhang", "li", "wang", "regen", "signed", "smith", "chen")):
        at = ENTRANCE_AT.replace(minute=n)
        decision = desk(store, "entrance", at).check_in(sample.secrets[label])
        if decision.admitted:
            made.append((sample.secrets[label], "entrance", "entry", at))
    door = desk(store, "ai-forum", FORUM_AT)
    for step, label in enumerate(("zhang", "wang", "zhang")):
        door.clock.at = FORUM_AT.replace(minute=10 * step)  # type: ignore[attr-defined]
        if step == 1:
            exit_ = door.check_out(sample.secrets["zhang"])
            assert exit_.admitted
            made.append((sample.secrets["zhang"], "ai-forum", "exit", door.clock.now()))
        decision = door.check_in(sample.secrets[label])
        assert decision.admitted, (label, decision)
        made.append((sample.secrets[label], "ai-forum", "entry", door.clock.now()))
    return made


def _in_pretix(client: PretixClient, sample: Sample) -> Counter:
    """Every check-in pretix holds for the sample's orders: (main secret, list, type, time) → count."""
    found: Counter = Counter()
    for code in sample.orders.values():
        order = client.get(f"/events/{sample.event}/orders/{code}/")
        by_id = {p["id"]: p for p in order["positions"]}
        for p in order["positions"]:
            main = by_id.get(p["addon_to"]) or p
            for c in p["checkins"]:
                found[(main["secret"], c["list"], c["type"], datetime.fromisoformat(c["datetime"]))] += 1
    return found


def _expected(sample: Sample, made: list[tuple[str, str, str, datetime]]) -> Counter:
    lists = {"entrance": sample.lists["entrance"], "ai-forum": sample.lists["ai"]}
    return Counter((secret, lists[gate], kind, at) for secret, gate, kind, at in made)


class _DiesAfter(PretixClient):
    """A kiosk that is killed right after pretix answered its n-th upload, before recording it."""

    def __init__(self, connection, n: int) -> None:  # type: ignore[no-untyped-def]
        super().__init__(connection)
        self.left = n

    def redeem(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        answer = super().redeem(*args, **kwargs)
        if not kwargs.get("simulate"):
            self.left -= 1
            if self.left == 0:
                raise SystemExit("killed mid-upload")
        return answer


@pytest.mark.slow
def test_offline_scans_appear_in_pretix_once_each_with_original_times_across_kills(
    pretix_server, sample: Sample, tmp_path: Path
):  # type: ignore[no-untyped-def]
    path = tmp_path / "kiosk.sqlite"
    store = connect(pretix_server, sample, path)
    sync(store)
    made = _scan_day(store, sample)
    assert backlog(store) == len(made) == 9
    connection = pstore.connection(store)
    # killed twice right after pretix stored an upload: an entrance scan, then the second forum
    # entry (its resend is refused by the entry-count rule before pretix looks at the nonce)
    for n in (3, 7):
        dying = _DiesAfter(connection, n)
        with pytest.raises(SystemExit):
            sync_once(store, dying)
        dying.close()
        store.close()
        store = Store(path)  # the kiosk starts again on its file
    report = sync(store)
    client = PretixClient(connection)  # type: ignore[arg-type]
    try:
        assert _in_pretix(client, sample) == _expected(sample, made)
    finally:
        client.close()
    assert backlog(store) == 0 and report.conflicts == 0 and conflicts(store) == []
    # the forum door's rule (fewer than two entries) now refuses the third entry, offline and in pretix
    door = desk(store, "ai-forum", FORUM_AT.replace(minute=40))
    third = door.check_in(sample.secrets["zhang"])
    assert (third.outcome, third.reason) == (Outcome.ALREADY_CHECKED_IN, "rules")
    client = PretixClient(connection)  # type: ignore[arg-type]
    try:
        answer = client.redeem(
            sample.secrets["zhang"], sample.lists["ai"], at=door.clock.now(), simulate=True
        )
    finally:
        client.close()
    assert answer["reason"] == "rules"


@pytest.mark.slow
def test_scans_made_while_pretix_is_down_arrive_once_when_it_is_back(pretix_server, tmp_path: Path):  # type: ignore[no-untyped-def]
    sample = build_sample(pretix_server, "outage")
    store = connect(pretix_server, sample, tmp_path / "kiosk.sqlite")
    sync(store)
    pretix_server.stop()
    try:
        made = _scan_day(store, sample)
        with pytest.raises(PretixUnreachable):
            sync(store)
        assert backlog(store) == len(made)
    finally:
        pretix_server.start()
    sync(store)
    sync(store)  # a second pass sends nothing again
    client = PretixClient(pstore.connection(store))  # type: ignore[arg-type]
    try:
        assert _in_pretix(client, sample) == _expected(sample, made)
    finally:
        client.close()


@pytest.mark.slow
def test_a_refusal_of_an_offline_admission_is_kept_as_a_conflict(
    pretix_server, sample: Sample, tmp_path: Path, capsys
):  # type: ignore[no-untyped-def]
    store = connect(pretix_server, sample, tmp_path / "kiosk.sqlite")
    with pretix_server.api() as api:
        place_order(api, sample, Attendee("late-cancel", "delegate", {"full_name": "赵敏"}, "standard"))
        sync(store)
        admitted = desk(store, "entrance", ENTRANCE_AT).check_in(sample.secrets["late-cancel"])
        assert admitted.admitted
        cancel(api, sample, "late-cancel")
    sync(store)
    found = conflicts(store)
    # cancelling re-keys a signed ticket, so pretix refuses the old secret as revoked
    assert [(c["checkin_id"], c["reason"]) for c in found] == [(admitted.checkin_id, "revoked")]
    assert backlog(store) == 0
    assert run(["pretix", "conflicts", "--json", "--db", str(store.path)]) == 0
    assert json.loads(capsys.readouterr().out)[0]["checkin_id"] == admitted.checkin_id


def test_a_signed_ticket_bought_after_the_last_sync_is_admitted_offline(
    pretix_server, sample: Sample, tmp_path: Path
):  # type: ignore[no-untyped-def]
    store = connect(pretix_server, sample, tmp_path / "kiosk.sqlite")
    sync(store)
    zhang = next(a for a in ATTENDEES if a.label == "zhang")
    with pretix_server.api() as api:
        place_order(api, sample, Attendee("walk-up", zhang.item, {"full_name": "周杰"}, "academic"))
    secret = sample.secrets["walk-up"]
    assert store.roster.lookup(secret) is None  # not synced
    decision = desk(store, "entrance", ENTRANCE_AT).check_in(secret)
    assert decision.admitted and decision.via_signature and decision.reason == "ok"
    again = desk(store, "entrance", ENTRANCE_AT.replace(minute=30)).check_in(secret)
    assert (again.outcome, again.reason) == (Outcome.ALREADY_CHECKED_IN, "already_redeemed")
    assert sync(store).conflicts == 0


def test_a_secret_revoked_in_pretix_is_refused_offline_after_the_next_sync(
    pretix_server, sample: Sample, tmp_path: Path
):  # type: ignore[no-untyped-def]
    store = connect(pretix_server, sample, tmp_path / "kiosk.sqlite")
    with pretix_server.api() as api:
        place_order(api, sample, Attendee("to-revoke", "vip", {"full_name": "Ana Costa"}))
        sync(store)
        old = sample.secrets["to-revoke"]
        regenerate(api, sample, "to-revoke")
    sync(store)
    decision = desk(store, "entrance", ENTRANCE_AT).check_in(old)
    assert (decision.outcome, decision.reason) == (Outcome.REVOKED, "revoked")
    fresh = desk(store, "entrance", ENTRANCE_AT).check_in(sample.secrets["to-revoke"])
    assert fresh.admitted
    entries = [e for e in store.journal.since(0) if e[1].action is Action.SCAN]
    assert [e[1].reason for e in entries] == ["pretix: revoked", ""]

"""One pass policy for every caller, and operations that say what they changed."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from kiosk.changes import Changes
from kiosk.clock import FixedClock
from kiosk.demo.roster import setup_demo
from kiosk.errors import ErrorCode, NotFoundError
from kiosk.model import ENTRANCE, Decision, Delegate, Mode, Outcome
from kiosk.printing.policy import wants_pass
from kiosk.service import CheckinService
from kiosk.store import Store

DELEGATE = Delegate("D1", "CODE1", "张伟")
FORUM = "main"


def decision(outcome: Outcome, gate: str, reentry: bool = False) -> Decision:
    return Decision(outcome, gate, "CODE1", DELEGATE, reentry=reentry, checkin_id="entry-1")


def expected(mode: Mode, gate: str, outcome: Outcome, reentry: bool, printing: bool) -> bool:
    """The policy in words: a first admission at the entrance, at a self-service kiosk or a desk."""
    return (
        printing
        and mode in (Mode.SELFSERVICE, Mode.DESK)
        and gate == ENTRANCE
        and outcome is Outcome.ADMITTED
        and not reentry
    )


CASES = list(itertools.product(Mode, (ENTRANCE, FORUM), Outcome, (False, True), (True, False)))


@pytest.mark.parametrize(("mode", "gate", "outcome", "reentry", "printing"), CASES)
def test_the_pass_policy_for_every_mode_gate_and_outcome(
    mode: Mode, gate: str, outcome: Outcome, reentry: bool, printing: bool
) -> None:
    made = decision(outcome, gate, reentry)
    assert wants_pass(made, mode, printing) is expected(mode, gate, outcome, reentry, printing)


def test_a_decision_not_yet_journalled_or_about_nobody_prints_nothing() -> None:
    unjournalled = Decision(Outcome.ADMITTED, ENTRANCE, "CODE1", DELEGATE)
    nobody = Decision(Outcome.ADMITTED, ENTRANCE, "CODE1", None, checkin_id="entry-1")
    assert not wants_pass(unjournalled, Mode.SELFSERVICE, True)
    assert not wants_pass(nobody, Mode.DESK, True)


@pytest.fixture
def desk(tmp_path: Path) -> tuple[CheckinService, list[Delegate]]:
    store = Store(tmp_path / "kiosk.sqlite")
    delegates = [d for d in setup_demo(store, 30) if d.status == "active"]
    event = store.roster.event()
    assert event is not None
    return CheckinService(store, FixedClock(event.starts_at), desk="desk-7"), delegates


def test_a_check_in_is_journalled_and_its_entry_named(desk: tuple[CheckinService, list[Delegate]]) -> None:
    service, delegates = desk
    made = service.check_in(delegates[0].code)
    assert made.checkin_id is not None and service.store.journal.get(made.checkin_id) is not None


def test_an_override_names_its_entry_and_decision_and_leaves_the_roster(
    desk: tuple[CheckinService, list[Delegate]],
) -> None:
    service, delegates = desk
    changes = service.override(delegates[0].code, "speaker's guest")
    assert changes.journal and not changes.roster
    assert changes.entry is not None and changes.decision is not None
    assert changes.decision.checkin_id == changes.entry.id and changes.entry.reason == "speaker's guest"


def test_a_void_names_the_compensating_entry(desk: tuple[CheckinService, list[Delegate]]) -> None:
    service, delegates = desk
    admitted = service.check_in(delegates[1].code)
    assert admitted.checkin_id is not None
    changes = service.void(admitted.checkin_id, "wrong badge")
    assert changes.journal and not changes.roster and changes.decision is None
    assert changes.entry is not None and changes.entry.voids == admitted.checkin_id


def test_a_reissue_changes_the_roster_and_names_the_new_badge_and_its_entry(
    desk: tuple[CheckinService, list[Delegate]],
) -> None:
    service, delegates = desk
    version = service.store.roster.version
    changes = service.reissue(delegates[2].id, "lost badge")
    assert changes.roster and changes.journal
    assert changes.delegate is not None and changes.delegate.code != delegates[2].code
    assert changes.entry is not None and changes.entry.code == changes.delegate.code
    assert service.store.roster.version > version  # bumped by the commit, not by the caller


def test_a_walk_in_changes_the_roster_and_names_the_admission(
    desk: tuple[CheckinService, list[Delegate]],
) -> None:
    service, _ = desk
    version = service.store.roster.version
    changes = service.register_walkin(Delegate("", "", "王芳", organization="新华社", category="press"))
    assert changes.roster and changes.journal and changes.decision is not None and changes.decision.admitted
    assert changes.delegate is not None and service.store.roster.lookup(changes.delegate.code) is not None
    assert service.store.roster.version > version


def test_a_rolled_back_roster_write_does_not_bump_the_version(
    desk: tuple[CheckinService, list[Delegate]],
) -> None:
    service, delegates = desk
    store, version = service.store, service.store.roster.version
    with pytest.raises(RuntimeError), store.transaction() as conn:
        store.roster.set_status(conn, [delegates[0].id], "cancelled")
        raise RuntimeError("disk went away")
    assert store.roster.version == version


def test_refused_desk_operations_carry_a_code_not_just_text(
    desk: tuple[CheckinService, list[Delegate]],
) -> None:
    service, _ = desk
    with pytest.raises(NotFoundError) as unknown:
        service.override("NOT-ON-THE-ROSTER", "a guess")
    with pytest.raises(NotFoundError) as missing:
        service.void("no-such-entry", "a guess")
    assert unknown.value.code is ErrorCode.UNKNOWN_CODE and unknown.value.data == {
        "code": "NOT-ON-THE-ROSTER"
    }
    assert missing.value.code is ErrorCode.NO_CHECKIN


def test_changes_merge_keeps_both_flags_and_the_later_entry() -> None:
    first = Changes(roster=True)
    second = Changes(journal=True, delegate=DELEGATE)
    merged = first.merged(second)
    assert merged.roster and merged.journal and merged.delegate == DELEGATE

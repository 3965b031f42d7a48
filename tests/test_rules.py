"""decide(): one test per outcome, and the rules around windows, re-entry and capacity."""

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from kiosk.model import (
    Badge,
    CheckIn,
    CodeKind,
    Delegate,
    Event,
    Forum,
    Gate,
    GateHistory,
    Outcome,
    ResolvedCode,
    SignedClaims,
)
from kiosk.rules import NOT_INSIDE, RETURNED, decide, leave
from tests.conftest import at

EVENT = Event("ev", "大会", "Conference", at("2023-12-06T08:00"), at("2023-12-07T18:00"))
FORUM = Forum("p1", "分论坛", "Forum", hall="B1", capacity=2,
              starts_at=at("2023-12-06T14:00"), ends_at=at("2023-12-06T17:30"))  # fmt: skip
ZHANG = Delegate("D1", "CODE1", "张伟", forums=("p1",))
ENTRANCE = Gate.entrance(EVENT)
DOOR = Gate.for_forum(FORUM)
DURING = at("2023-12-06T09:00")


def roster(delegate: Delegate = ZHANG, badge_status: str = "active") -> ResolvedCode:
    return ResolvedCode(
        delegate.code, CodeKind.ROSTER, Badge(delegate.code, delegate.id, 1, badge_status), delegate
    )


def first_entry(gate: str = "entrance") -> CheckIn:
    return CheckIn("c1", at("2023-12-06T08:30"), "desk-3", gate, "CODE1", Outcome.ADMITTED, "D1")


def test_active_delegate_is_admitted_at_the_entrance_during_the_event():
    decision = decide(roster(), ENTRANCE, EVENT, None, GateHistory(), DURING)
    assert decision.outcome is Outcome.ADMITTED
    assert decision.delegate == ZHANG and not decision.reentry


def test_second_scan_at_entrance_is_already_checked_in_with_when_and_where():
    decision = decide(roster(), ENTRANCE, EVENT, None, GateHistory(first_entry(), 1, 1, inside=True), DURING)
    assert decision.outcome is Outcome.ALREADY_CHECKED_IN
    assert decision.first_checkin is not None and decision.first_checkin.desk == "desk-3"


def test_unknown_code_is_unknown_badge():
    decision = decide(ResolvedCode("nope", CodeKind.UNKNOWN), ENTRANCE, EVENT, None, GateHistory(), DURING)
    assert decision.outcome is Outcome.UNKNOWN_BADGE and decision.delegate is None


def test_cancelled_delegate_is_revoked():
    cancelled = replace(ZHANG, status="cancelled")
    assert decide(roster(cancelled), ENTRANCE, EVENT, None, GateHistory(), DURING).outcome is Outcome.REVOKED


def test_superseded_badge_is_revoked():
    decision = decide(roster(badge_status="superseded"), ENTRANCE, EVENT, None, GateHistory(), DURING)
    assert decision.outcome is Outcome.REVOKED


def test_forum_door_refuses_delegate_not_registered_for_it():
    other = replace(ZHANG, forums=("p2",))
    decision = decide(roster(other), DOOR, EVENT, FORUM, GateHistory(), at("2023-12-06T14:10"))
    assert decision.outcome is Outcome.NOT_REGISTERED


@pytest.mark.parametrize(
    ("now", "outcome"),
    [
        (at("2023-12-06T13:29"), Outcome.TOO_EARLY),
        (at("2023-12-06T13:30"), Outcome.ADMITTED),
        (at("2023-12-06T17:30"), Outcome.ADMITTED),
        (at("2023-12-06T17:31"), Outcome.TOO_LATE),
    ],
)
def test_forum_door_opens_30_minutes_before_start_and_closes_at_end(now: datetime, outcome: Outcome):
    assert decide(roster(), DOOR, EVENT, FORUM, GateHistory(), now).outcome is outcome


@pytest.mark.parametrize(
    ("now", "outcome"),
    [
        (at("2023-12-05T07:59"), Outcome.TOO_EARLY),
        (at("2023-12-05T08:00"), Outcome.ADMITTED),
        (at("2023-12-07T18:01"), Outcome.TOO_LATE),
    ],
)
def test_entrance_opens_24_hours_before_the_event(now: datetime, outcome: Outcome):
    assert decide(roster(), ENTRANCE, EVENT, None, GateHistory(), now).outcome is outcome


def test_forum_window_offsets_are_configurable():
    wide = Gate.for_forum(FORUM, opens_before=timedelta(hours=2), closes_after=timedelta(minutes=15))
    assert decide(roster(), wide, EVENT, FORUM, GateHistory(), at("2023-12-06T12:30")).admitted
    assert decide(roster(), wide, EVENT, FORUM, GateHistory(), at("2023-12-06T17:40")).admitted


def test_forum_reentry_of_someone_still_inside_is_admitted_and_marked_as_reentry_even_when_full():
    history = GateHistory(first_entry("p1"), admitted_count=2, occupancy=2, inside=True)
    decision = decide(roster(), DOOR, EVENT, FORUM, history, at("2023-12-06T15:00"))
    assert decision.outcome is Outcome.ADMITTED and decision.reentry


def test_forum_full_when_the_people_in_the_room_reach_capacity():
    decision = decide(roster(), DOOR, EVENT, FORUM, GateHistory(None, 2, 2), at("2023-12-06T15:00"))
    assert decision.outcome is Outcome.FORUM_FULL


def test_forum_without_reentry_says_already_checked_in():
    strict = Gate.for_forum(FORUM, allow_reentry=False)
    decision = decide(
        roster(),
        strict,
        EVENT,
        FORUM,
        GateHistory(first_entry("p1"), 1, 1, inside=True),
        at("2023-12-06T15:00"),
    )
    assert decision.outcome is Outcome.ALREADY_CHECKED_IN


def test_forged_signed_code_is_invalid_signature():
    decision = decide(ResolvedCode("X", CodeKind.FORGED), ENTRANCE, EVENT, None, GateHistory(), DURING)
    assert decision.outcome is Outcome.INVALID_SIGNATURE


def test_signed_code_of_another_event_is_wrong_event():
    decision = decide(ResolvedCode("X", CodeKind.FOREIGN), ENTRANCE, EVENT, None, GateHistory(), DURING)
    assert decision.outcome is Outcome.WRONG_EVENT


def test_valid_signed_code_of_unknown_delegate_is_admitted_on_its_claims():
    claims = SignedClaims("ev", "D99", 1, "press", ("p1",), at("2023-12-07T18:00"))
    decision = decide(ResolvedCode("S", CodeKind.SIGNED, claims=claims), DOOR, EVENT, FORUM, GateHistory(),
                      at("2023-12-06T14:00"))  # fmt: skip
    assert decision.admitted and decision.via_signature
    assert decision.delegate is not None and decision.delegate.id == "D99"


def test_expired_signed_code_is_too_late():
    claims = SignedClaims("ev", "D99", 1, valid_until=at("2023-12-06T08:59"))
    decision = decide(
        ResolvedCode("S", CodeKind.SIGNED, claims=claims), ENTRANCE, EVENT, None, GateHistory(), DURING
    )
    assert decision.outcome is Outcome.TOO_LATE


def test_outcomes_are_exactly_the_closed_set_used_verbatim_in_json():
    tested = {o for o in Outcome}
    assert {o.value for o in tested} == {
        "admitted", "already_checked_in", "unknown_badge", "revoked", "not_registered",
        "too_early", "too_late", "forum_full", "invalid_signature", "wrong_event",
    }  # fmt: skip


def test_an_admission_after_an_exit_is_a_reentry_even_at_the_entrance():
    history = GateHistory(first_entry(), admitted_count=1, occupancy=0, inside=False)
    decision = decide(roster(), ENTRANCE, EVENT, None, history, DURING)
    assert decision.admitted and decision.reentry
    assert (decision.occupancy, decision.admitted_today) == (1, 1)


def test_a_reentry_after_an_exit_needs_a_free_seat():
    full = GateHistory(first_entry("p1"), admitted_count=3, occupancy=2, inside=False)
    assert decide(roster(), DOOR, EVENT, FORUM, full, at("2023-12-06T15:00")).outcome is Outcome.FORUM_FULL
    free = GateHistory(first_entry("p1"), admitted_count=3, occupancy=1, inside=False)
    decision = decide(roster(), DOOR, EVENT, FORUM, free, at("2023-12-06T15:00"))
    assert (
        decision.admitted and decision.reentry and decision.occupancy == 2 and decision.flags == (RETURNED,)
    )


def test_capacity_counts_the_people_in_the_room_not_everyone_admitted_today():
    history = GateHistory(None, admitted_count=1200, occupancy=1)
    decision = decide(roster(), DOOR, EVENT, FORUM, history, at("2023-12-06T15:00"))
    assert decision.admitted and (decision.occupancy, decision.admitted_today) == (2, 1201)


def test_an_exit_takes_the_holder_out_of_the_room_count():
    history = GateHistory(first_entry("p1"), admitted_count=2, occupancy=2, inside=True)
    decision = leave(roster(), DOOR, history)
    assert decision.admitted and decision.exit and decision.occupancy == 1 and decision.flags == ()


def test_an_exit_of_someone_not_counted_in_is_flagged_and_leaves_the_count_alone():
    decision = leave(roster(), DOOR, GateHistory(None, admitted_count=2, occupancy=2))
    assert decision.admitted and decision.flags == (NOT_INSIDE,) and decision.occupancy == 2


def test_an_exit_of_an_unknown_code_is_refused():
    decision = leave(ResolvedCode("nope", CodeKind.UNKNOWN), DOOR, GateHistory())
    assert decision.outcome is Outcome.UNKNOWN_BADGE and decision.exit

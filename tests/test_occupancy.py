"""The one way desks and the hub count a gate (kiosk.occupancy), without a store."""

from __future__ import annotations

import itertools

from kiosk.occupancy import GateCount, Movement, presence
from tests.conftest import at


def move(when: str, entry: bool = True, origin: str = "local", id_: str = "") -> Movement:
    return Movement(at(f"2023-12-06T{when}"), id_ or f"{when}-{origin}", entry, origin)


def test_the_last_movement_says_whether_someone_is_in_the_room():
    assert presence([move("09:00"), move("09:30", entry=False)], refuses_reentry=False).inside is False
    assert presence([move("09:00"), move("09:30", False), move("10:00")], refuses_reentry=False).inside


def test_the_order_entries_arrive_in_does_not_change_the_count():
    moves = [move("09:00", origin="d1"), move("09:30", False, "d2"), move("10:00", origin="d2")]
    answers = {presence(order, refuses_reentry=True) for order in itertools.permutations(moves)}
    assert len(answers) == 1
    (person,) = answers
    assert person.inside and person.first == moves[0] and person.duplicates == 0


def test_a_tie_in_time_is_ordered_by_entry_id_everywhere():
    entry, leaving = move("09:00", id_="b"), move("09:00", False, id_="a")
    assert presence([entry, leaving], refuses_reentry=False).inside
    assert presence([leaving, entry], refuses_reentry=False).inside


def test_two_desks_admitting_one_person_at_the_entrance_while_in_is_one_duplicate():
    person = presence([move("09:00", origin="d1"), move("09:05", origin="d2")], refuses_reentry=True)
    assert person.admitted and person.inside and person.duplicates == 1


def test_a_door_reentry_is_never_a_duplicate_nor_an_entrance_reentry_after_an_exit():
    door = presence([move("14:00", origin="d1"), move("14:30", origin="d2")], refuses_reentry=False)
    assert door.duplicates == 0
    entrance = [move("09:00", origin="d1"), move("12:00", False, "d1"), move("13:00", origin="d2")]
    assert presence(entrance, refuses_reentry=True).duplicates == 0


def test_an_exit_alone_admits_nobody_and_a_gate_counts_admitted_inside_and_duplicates():
    count = GateCount()
    count.add(presence([move("09:00", False)], refuses_reentry=True))
    count.add(presence([move("09:00", origin="d1"), move("09:01", origin="d2")], refuses_reentry=True))
    count.add(presence([move("09:00"), move("11:00", False)], refuses_reentry=True))
    assert count.to_json() == {"admitted": 2, "inside": 1, "offline_duplicates": 1}

"""One decision per presentation, on the source's own clock."""

from __future__ import annotations

from kiosk.scan.dedup import Presentations


def test_the_same_code_in_consecutive_frames_is_one_presentation() -> None:
    seen = Presentations(gap=3.0)
    assert [seen.is_new("A", i / 30) for i in range(90)] == [True] + [False] * 89


def test_a_code_back_after_the_gap_out_of_view_is_a_new_presentation() -> None:
    seen = Presentations(gap=3.0)
    assert seen.is_new("A", 0.0)
    assert not seen.is_new("A", 1.0)
    assert not seen.is_new("A", 3.9)  # 2.9 s after it was last seen: still the same presentation
    assert seen.is_new("A", 7.0)  # 3.1 s out of view


def test_a_code_held_up_for_a_long_time_stays_one_presentation() -> None:
    seen = Presentations(gap=3.0)
    assert sum(seen.is_new("A", i * 0.5) for i in range(100)) == 1  # 50 s, seen every half second


def test_different_codes_are_independent() -> None:
    seen = Presentations(gap=3.0)
    assert seen.is_new("A", 0.0) and seen.is_new("B", 0.0)
    assert not seen.is_new("A", 0.1) and not seen.is_new("B", 0.1)


def test_the_gap_is_configurable() -> None:
    seen = Presentations(gap=0.5)
    assert seen.is_new("A", 0.0) and seen.is_new("A", 0.6)


def test_many_codes_are_forgotten_once_out_of_view_but_recent_ones_are_kept() -> None:
    seen = Presentations(gap=3.0)
    for i in range(1000):
        seen.is_new(f"C{i}", i * 0.01)
    assert not seen.is_new("C999", 10.0)
    assert seen.is_new("C0", 10.0)

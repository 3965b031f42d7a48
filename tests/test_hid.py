"""The keyboard-wedge burst reader, fed recorded key timings of a scanner and of people typing."""

from __future__ import annotations

from kiosk.scan.hid import BurstReader, unazerty


def feed(reader: BurstReader, keys: list[tuple[str, float]]) -> list[str]:
    return [code for key, t in keys if (code := reader.feed(key, t)) is not None]


def timed(text: str, start: float, intervals: list[float]) -> list[tuple[str, float]]:
    keys, t = [], start
    for char, dt in zip(text, intervals, strict=True):
        t += dt
        keys.append((char, t))
    return keys


# A Honeywell-style scanner: 4-12 ms between keys, Enter 8 ms after the last.
SCANNER = timed(
    "7BCDEFG1234HJK\n",
    10.0,
    [0.0, 0.006, 0.008, 0.005, 0.011, 0.007, 0.006, 0.009, 0.004, 0.012, 0.006, 0.008, 0.005, 0.007, 0.008],
)
# A fast typist: 60-140 ms between keys.
HUMAN = timed(
    "7BCDEFG1234HJK\n",
    20.0,
    [0.0, 0.11, 0.09, 0.14, 0.07, 0.12, 0.06, 0.10, 0.13, 0.08, 0.09, 0.11, 0.07, 0.10, 0.15],
)
# Two keys rolled over (pressed together) in the middle of human typing.
ROLLOVER = timed("search\n", 30.0, [0.0, 0.004, 0.003, 0.12, 0.09, 0.10, 0.11])


def test_a_scanner_burst_ending_in_enter_is_a_code() -> None:
    assert feed(BurstReader(), SCANNER) == ["7BCDEFG1234HJK"]


def test_people_typing_the_same_text_is_not_a_code() -> None:
    assert feed(BurstReader(), HUMAN) == []
    assert feed(BurstReader(), ROLLOVER) == []


def test_a_burst_right_after_typing_is_read_alone() -> None:
    reader = BurstReader()
    later = [(key, t + 12.0) for key, t in SCANNER]  # the scanner fires 2 s after the last typed key
    assert feed(reader, HUMAN[:-1] + later) == ["7BCDEFG1234HJK"]


def test_a_burst_without_enter_is_not_a_code_and_a_slow_enter_neither() -> None:
    reader = BurstReader()
    assert feed(reader, SCANNER[:-1]) == []
    assert reader.pending == "7BCDEFG1234HJK"
    assert reader.feed("\n", SCANNER[-2][1] + 0.5) is None


def test_too_short_bursts_are_ignored() -> None:
    assert feed(BurstReader(), timed("AB\n", 1.0, [0, 0.005, 0.005])) == []


def test_modifier_keys_inside_a_burst_are_skipped() -> None:
    keys = [
        ("Shift", 1.000),
        ("B", 1.004),
        ("Shift", 1.008),
        ("C", 1.012),
        ("1", 1.016),
        ("2", 1.020),
        ("Enter", 1.024),
    ]
    assert feed(BurstReader(), keys) == ["BC12"]


def test_azerty_digits_from_a_qwerty_scanner_are_mapped_back() -> None:
    # 7BCDEFG1234HJK typed by a QWERTY scanner into an AZERTY host
    azerty = timed("èBCDEFG&é\"'HJK\n", 5.0, [0.0] + [0.006] * 14)
    assert feed(BurstReader(), azerty) == ["7BCDEFG1234HJK"]


def test_a_burst_with_real_digits_is_left_alone() -> None:
    assert unazerty("AB-12") == "AB-12"
    assert unazerty("àçè_-('\"é&") == "0978654321"
    assert unazerty("BCDEF") == "BCDEF"

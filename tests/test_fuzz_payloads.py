"""Every decoded QR payload is untrusted: any text gives a defined outcome, never an exception."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.codes import ALPHABET
from kiosk.model import Outcome
from kiosk.service import CheckinService
from tests.badge_fixtures import PEOPLE, event_store, new_key, service, signed, trusting

KEY = new_key()
NASTY = [
    "' OR 1=1 --", "'; DROP TABLE delegates; --", "%s%s%s%n", "{0.__class__}", "${jndi:x}",
    "\x00\x01\x02", "\u202e\u200b", "S1", "S1" + "B" * 150, "S2" + "0" * 140, "\ud800",
]  # fmt: skip


@pytest.fixture(scope="module")
def kiosk(tmp_path_factory: pytest.TempPathFactory) -> CheckinService:
    store = trusting(event_store(Path(tmp_path_factory.mktemp("fuzz")) / "k.sqlite", PEOPLE), KEY)
    return service(store)


@pytest.fixture(scope="module")
def genuine(kiosk: CheckinService) -> str:
    return signed(KEY, kiosk.store)


def near_misses(code: str) -> st.SearchStrategy[str]:
    position = st.integers(0, len(code) - 1)
    symbol = st.sampled_from(ALPHABET + "AQWZYMabc0 -")
    replaced = st.builds(lambda i, c: code[:i] + c + code[i + 1 :], position, symbol)
    inserted = st.builds(lambda i, c: code[:i] + c + code[i:], position, symbol)
    cut = st.builds(lambda i: code[:i] + code[i + 1 :], position)
    return st.one_of(replaced, inserted, cut, st.builds(lambda i: code[:i], position))


def assert_defined(kiosk: CheckinService, payload: str | bytes) -> None:
    decision = kiosk.check_in(payload)
    assert decision.outcome in set(Outcome) and decision.checkin_id


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payload=st.one_of(st.binary(max_size=2048), st.text(max_size=600), st.sampled_from(NASTY)))
@pytest.mark.slow
def test_arbitrary_bytes_and_text_give_a_defined_outcome(kiosk: CheckinService, payload):
    assert_defined(kiosk, payload)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_near_miss_signed_codes_are_never_admitted(kiosk: CheckinService, genuine: str, data):
    payload = data.draw(near_misses(genuine))
    decision = kiosk.check_in(payload)
    # Case does not count: a scanner typing with Caps Lock on sends the genuine code in lower case.
    assert decision.outcome is not Outcome.ADMITTED or payload.strip().upper() == genuine


def test_a_huge_string_is_bounded_and_refused(kiosk: CheckinService):
    decision = kiosk.check_in("S1" + "B" * 5_000_000)
    assert decision.outcome is Outcome.UNKNOWN_BADGE and len(decision.code) <= 512

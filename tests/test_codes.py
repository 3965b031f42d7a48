"""Signed badge codes: round trip, canonical text, and every refusal the gate gives."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
import qrcode

from kiosk import codes
from kiosk.codes import ALPHABET, SignedCodeError
from kiosk.model import CodeKind, Outcome
from kiosk.store import Store
from tests.badge_fixtures import (
    EVENT_ID,
    MORNING,
    PEOPLE,
    event_store,
    new_key,
    service,
    signed,
    trusting,
)
from tests.conftest import at


@pytest.fixture
def key():
    return new_key()


@pytest.fixture
def kiosk(tmp_path: Path, key) -> Store:
    """A kiosk with the event and the public key, and an empty roster."""
    return trusting(event_store(tmp_path / "kiosk.sqlite"), key)


def qr_version(text: str) -> int:
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M)
    qr.add_data(text)
    qr.make(fit=True)
    return qr.version


def test_the_alphabet_leaves_out_the_letters_that_move_between_keyboard_layouts():
    assert len(ALPHABET) == 30 and len(set(ALPHABET)) == 30
    assert not set("AQWZYM") & set(ALPHABET)
    assert set(ALPHABET) <= set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")  # QR alphanumeric mode


def test_sign_then_verify_gives_back_every_claim(kiosk: Store, key):
    until = at("2023-12-07T18:00")
    code = signed(key, kiosk, "D900001", serial=3, category="press", forums=("main", "s2"), valid_until=until)
    assert codes.looks_signed(code) and set(code) <= set(ALPHABET)
    resolved = codes.resolve_signed(kiosk, code, kiosk.roster.event())
    assert resolved.kind is CodeKind.SIGNED and resolved.delegate is None
    claims = resolved.claims
    assert claims is not None
    assert (claims.event_id, claims.delegate_id, claims.serial) == (EVENT_ID, "D900001", 3)
    assert (claims.category, claims.forums, claims.valid_until) == ("press", ("main", "s2"), until)


def test_the_text_encoding_is_a_bijection_on_bytes():
    for n in (1, 2, 13, 64, 80, 107):
        data = os.urandom(n)
        assert codes.from_text(codes.to_text(data)) == data
    top = codes.to_text(b"\xff" * 10)
    with pytest.raises(SignedCodeError):  # the next value up is above 256**10: not a code
        codes.from_text(top[:-1] + ALPHABET[ALPHABET.index(top[-1]) + 1])
    with pytest.raises(SignedCodeError):
        codes.from_text(top.lower())


def test_a_signed_code_fits_a_version_6_qr_and_never_exceeds_version_7(kiosk: Store, key):
    typical = signed(key, kiosk, "D000123", forums=("main", "p1", "s2"))
    every_forum = tuple(f.id for f in kiosk.roster.forums())
    long_id = signed(key, kiosk, "walkin-3f9a2c7d1e", category="foreign_expert", forums=every_forum)
    assert qr_version(typical) == 6 and qr_version(long_id) <= 7
    assert qr_version("B7X9KD2LPRT4NF8C") == 1  # an opaque 16-character token, for comparison
    with pytest.raises(codes.CodeTooLongError):
        signed(key, kiosk, "x" * 60)


def test_an_opaque_token_is_not_taken_for_a_signed_code():
    assert not codes.looks_signed("B7X9KD2LPRT4NF8C")
    assert not codes.looks_signed("S1" + "0" * 20)


def test_every_changed_character_is_refused(kiosk: Store, key):
    code = signed(key, kiosk)
    event = kiosk.roster.event()
    assert event is not None
    for i, char in enumerate(code):
        for other in (ALPHABET[(ALPHABET.index(char) + 1) % 30], ALPHABET[(ALPHABET.index(char) + 17) % 30]):
            changed = code[:i] + other + code[i + 1 :]
            resolved = codes.resolve_signed(kiosk, changed, event)
            assert resolved.kind is not CodeKind.SIGNED, (i, other)
    assert service(kiosk).check_in(code[:-1] + ("B" if code[-1] != "B" else "C")).outcome in (
        Outcome.INVALID_SIGNATURE, Outcome.WRONG_EVENT,
    )  # fmt: skip


def test_a_kiosk_with_only_the_public_key_admits_an_unknown_delegate_on_the_signature(kiosk: Store, key):
    decision = service(kiosk).check_in(signed(key, kiosk, "D900777"))
    assert decision.outcome is Outcome.ADMITTED and decision.via_signature
    assert decision.delegate is not None and decision.delegate.id == "D900777"
    again = service(kiosk).check_in(signed(key, kiosk, "D900777"))
    assert again.outcome is Outcome.ALREADY_CHECKED_IN


def test_a_code_signed_by_an_untrusted_key_is_an_invalid_signature(kiosk: Store):
    assert service(kiosk).check_in(signed(new_key(), kiosk)).outcome is Outcome.INVALID_SIGNATURE


def test_a_kiosk_without_any_key_refuses_signed_codes(tmp_path: Path, key):
    bare = event_store(tmp_path / "bare.sqlite")
    assert service(bare).check_in(signed(key, bare)).outcome is Outcome.INVALID_SIGNATURE


def test_another_event_id_is_the_wrong_event(kiosk: Store, key):
    code = signed(key, kiosk, event_id="hardtech-2022")
    assert service(kiosk).check_in(code).outcome is Outcome.WRONG_EVENT


def test_a_good_signature_under_another_events_key_is_the_wrong_event(kiosk: Store, key):
    last_year = new_key()
    trusting(kiosk, last_year, "hardtech-2022")
    assert (
        service(kiosk).check_in(signed(last_year, kiosk, event_id="hardtech-2022")).outcome
        is Outcome.WRONG_EVENT
    )
    # The same event id signed with the other event's key does not pass as this event's.
    assert service(kiosk).check_in(signed(last_year, kiosk)).outcome is Outcome.INVALID_SIGNATURE


def test_an_expired_code_is_too_late(kiosk: Store, key):
    code = signed(key, kiosk, valid_until=MORNING.replace(hour=8, minute=0))
    assert service(kiosk).check_in(code).outcome is Outcome.TOO_LATE


def test_a_superseded_serial_is_revoked(tmp_path: Path, key):
    store = trusting(event_store(tmp_path / "k.sqlite", PEOPLE), key)
    old = signed(key, store, "D000001", serial=1)
    newer = signed(key, store, "D000001", serial=2)
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO badges VALUES (?, 'D000001', 2, 'active', 'signed', '2023-12-01T00:00:00+00:00')",
            (newer,),
        )
    assert service(store).check_in(old).outcome is Outcome.REVOKED
    assert service(store).check_in(newer).outcome is Outcome.ADMITTED


def test_a_cancelled_delegate_is_revoked_and_a_known_one_gets_the_roster_record(tmp_path: Path, key):
    store = trusting(event_store(tmp_path / "k.sqlite", PEOPLE), key)
    assert service(store).check_in(signed(key, store, "D000003", serial=5)).outcome is Outcome.REVOKED
    decision = service(store).check_in(signed(key, store, "D000002", serial=5))
    assert decision.outcome is Outcome.ADMITTED and decision.delegate is not None
    assert decision.delegate.name == "Maria Rossi"


def test_opaque_tokens_keep_working_beside_signed_codes(tmp_path: Path, key):
    store = trusting(event_store(tmp_path / "k.sqlite", PEOPLE), key)
    assert service(store).check_in("TOKENB00000001").outcome is Outcome.ADMITTED
    assert service(store).check_in(signed(key, store, "D900001")).outcome is Outcome.ADMITTED


def test_forum_claims_open_the_forum_door(kiosk: Store, key):
    at_p1 = service(kiosk, at("2023-12-06T13:50"), gate="p1")
    assert at_p1.check_in(signed(key, kiosk, "D900001", forums=("p1",))).outcome is Outcome.ADMITTED
    assert at_p1.check_in(signed(key, kiosk, "D900002", forums=("p2",))).outcome is Outcome.NOT_REGISTERED


def test_forum_claims_are_dropped_when_the_event_forums_changed_since_signing(kiosk: Store, key):
    code = signed(key, kiosk, "D900001", forums=("p1",))
    event = kiosk.roster.event()
    assert event is not None
    forums, categories = kiosk.roster.forums(), kiosk.roster.categories()
    kiosk.roster.set_event(event, [*forums, replace(forums[-1], id="x9")], categories)
    resolved = codes.resolve_signed(kiosk, code, event)
    assert resolved.kind is CodeKind.SIGNED and resolved.claims is not None
    assert resolved.claims.forums == () and resolved.claims.category == ""
    assert service(kiosk, at("2023-12-06T13:50"), gate="p1").check_in(code).outcome is Outcome.NOT_REGISTERED
    assert service(kiosk).check_in(code).outcome is Outcome.ADMITTED


def test_non_canonical_payloads_are_refused(kiosk: Store, key):
    raw, payload, _sig = codes.split(signed(key, kiosk))
    for bad in (raw + b"\x00", raw[:-1], raw[:7] + b"\x81\x00" + raw[8:]):
        with pytest.raises(SignedCodeError):
            codes.unpack(bad)
    assert codes.unpack(raw) == payload


def test_a_refused_signed_code_says_whether_the_key_is_untrusted_the_code_forged_or_of_another_event(
    tmp_path: Path, kiosk: Store, key
):
    from kiosk.messages import explain

    bare = event_store(tmp_path / "bare.sqlite")
    untrusted = service(bare).check_in(signed(key, bare))
    forged = service(kiosk).check_in(signed(new_key(), kiosk))
    foreign = service(kiosk).check_in(signed(key, kiosk, event_id="hardtech-2022"))
    assert [d.code_kind for d in (untrusted, forged, foreign)] == [
        CodeKind.UNTRUSTED, CodeKind.FORGED, CodeKind.FOREIGN,
    ]  # fmt: skip
    assert "event trust" in explain(untrusted) and "trusts no key" in explain(untrusted)
    assert "forged" in explain(forged) and "event trust" not in explain(forged)
    assert explain(foreign) == "This badge is for another event"

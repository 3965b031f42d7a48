"""Desks pin the hub's certificate (given, or carried by the enrolment code) and refuse plain HTTP
off loopback (real HTTPS on loopback: uvicorn with the `hub tls init` certificate)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

import main
from hub.api.server import ServerThread
from hub.api.tls import init
from kiosk.clock import FixedClock
from kiosk.service import CheckinService
from kiosk.store import Store
from kiosk.sync.client import HubClient
from kiosk.sync.engine import backlog, sync_once
from kiosk.sync.enrol import EnrolError, Enrolment, EnrolProblem, parse, redeem
from kiosk.sync.trust import HubInsecure, HubUntrusted, normalize_pin, pinned_context, verification_failed
from kiosk.sync.worker import SyncWorker
from tests.conftest import at
from tests.hub_support import DURING_EVENT, Hub, make_hub, roster, wait_until


@dataclass
class TlsHub:
    hub: Hub
    url: str
    token: str
    pin: str  # the fingerprint `hub tls init` printed
    cert: Path
    other_pin: str  # another hub's certificate (or a machine in the middle)


@pytest.fixture
def tls_hub(tmp_path: Path) -> Iterator[TlsHub]:
    cert, key, pin = init(tmp_path / "tls", [])
    _, _, other = init(tmp_path / "other", [])
    hub = make_hub(str(tmp_path / "hub.sqlite"), roster(5))
    server = ServerThread(hub.store, tls=(cert, key)).start()
    try:
        yield TlsHub(hub, server.url, hub.token("desk-1"), pin, cert, other)
    finally:
        server.stop()
        hub.store.close()


def desk_with_a_checkin(tmp_path: Path, tls: TlsHub) -> Store:
    """A desk that synced once with the right pin, then checked a delegate in (one entry to send)."""
    store = Store(tmp_path / "desk.sqlite")
    client = HubClient(tls.url, tls.token, pin=tls.pin)
    try:
        sync_once(store, client)
    finally:
        client.close()
    service = CheckinService(store, FixedClock(at(DURING_EVENT)), desk="desk-1")
    assert service.check_in(tls.hub.delegates[0].code).admitted
    assert backlog(store) == 1
    return store


def hub_checkins(tls: TlsHub) -> int:
    with tls.hub.store.read() as conn:
        return int(conn.execute("SELECT COUNT(*) FROM hub_checkins").fetchone()[0])


def test_a_desk_with_the_right_pin_syncs_over_https(tls_hub: TlsHub, tmp_path: Path) -> None:
    store = Store(tmp_path / "desk.sqlite")
    client = HubClient(tls_hub.url, tls_hub.token, pin=tls_hub.pin)
    try:
        assert sync_once(store, client).upserts == 5
    finally:
        client.close()


def test_a_wrong_pin_is_refused_before_anything_is_sent_and_the_outbox_stays(
    tls_hub: TlsHub, tmp_path: Path
) -> None:
    store = desk_with_a_checkin(tmp_path, tls_hub)
    client = HubClient(tls_hub.url, tls_hub.token, pin=tls_hub.other_pin)
    with pytest.raises(HubUntrusted) as refused:
        sync_once(store, client)
    client.close()
    message = str(refused.value)
    assert "not the one this desk pinned" in message and "证书" in message and "\n" not in message
    assert backlog(store) == 1 and hub_checkins(tls_hub) == 0  # nothing sent, nothing lost
    client = HubClient(tls_hub.url, tls_hub.token, pin=tls_hub.pin)  # the right pin sends it
    try:
        assert sync_once(store, client).pushed == 1
    finally:
        client.close()
    assert backlog(store) == 0 and hub_checkins(tls_hub) == 1


def test_after_the_comparison_the_desk_trusts_only_the_pinned_certificate(
    tls_hub: TlsHub, tmp_path: Path
) -> None:
    cert, key, _ = init(tmp_path / "swapped", [])
    swapped = ServerThread(tls_hub.hub.store, tls=(cert, key)).start()  # a hub with another certificate
    try:
        context = pinned_context(tls_hub.url, tls_hub.pin, 10)
        assert httpx.get(tls_hub.url + "/v1/health", verify=context, timeout=10).status_code == 200
        with pytest.raises(httpx.ConnectError) as refused:
            httpx.get(swapped.url + "/v1/health", verify=context, timeout=10)
        assert verification_failed(refused.value)
    finally:
        swapped.stop()


def test_an_https_hub_without_a_pin_must_have_a_certificate_the_system_trusts(tls_hub: TlsHub) -> None:
    client = HubClient(tls_hub.url, tls_hub.token)
    with pytest.raises(HubUntrusted) as refused:
        client.health()
    client.close()
    assert "pin its fingerprint" in str(refused.value)


def test_the_background_sync_with_a_wrong_pin_says_so_and_keeps_the_outbox(
    tls_hub: TlsHub, tmp_path: Path
) -> None:
    store = desk_with_a_checkin(tmp_path, tls_hub)
    worker = SyncWorker(store, tls_hub.url, tls_hub.token, pin=tls_hub.other_pin, retry=0.1, max_retry=0.2)
    worker.start()
    try:
        wait_until(lambda: worker.state().last_error is not None)
        state = worker.state()
    finally:
        worker.stop()
    assert state.last_error and "pinned" in state.last_error and not state.connected
    assert state.backlog == 1 and hub_checkins(tls_hub) == 0


def test_sync_cli_takes_the_pin_and_exits_8_on_a_wrong_one(
    tls_hub: TlsHub, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "cli-desk.sqlite")
    base = ["sync", "--hub", tls_hub.url, "--token", tls_hub.token, "--db", db]
    assert main.run([*base, "--pin", tls_hub.pin]) == 0
    capsys.readouterr()
    assert main.run([*base, "--pin", tls_hub.other_pin]) == 8
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "pinned" in err[0] and "Traceback" not in err[0]


def recording() -> tuple[httpx.MockTransport, list[httpx.Request]]:
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"status": "ok", "store": "sqlite"})

    return httpx.MockTransport(answer), sent


@pytest.mark.parametrize("address", ["http://10.0.0.5:8787", "10.0.0.5:8787", "http://hub.example:8787"])
def test_plain_http_to_a_hub_off_loopback_is_refused_before_connecting(address: str) -> None:
    transport, sent = recording()
    client = HubClient(address, "kh_token", transport=transport)
    with pytest.raises(HubInsecure) as refused:
        client.health()
    assert sent == [] and "--insecure" in str(refused.value)


@pytest.mark.parametrize("address", ["http://127.0.0.1:8787", "localhost:8787", "http://[::1]:8787"])
def test_plain_http_on_loopback_and_an_explicit_insecure_are_allowed(address: str) -> None:
    transport, sent = recording()
    assert HubClient(address, "kh_token", transport=transport).health()["status"] == "ok"
    HubClient("http://10.0.0.5:8787", "kh_token", transport=transport, insecure=True).health()
    assert [r.url.host for r in sent][-1] == "10.0.0.5" and len(sent) == 2


def test_sync_cli_refuses_plain_http_off_loopback_unless_insecure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "desk.sqlite")
    assert main.run(["sync", "--hub", "10.0.0.5:8787", "--token", "kh_x", "--db", db]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--insecure" in err[0]


@pytest.mark.parametrize(
    "text", ["sha256:" + ":".join(["ab"] * 32), "AB" * 32, ":".join(["AB"] * 32), " sha256:" + "ab" * 32]
)
def test_a_pin_reads_as_openssl_prints_it_with_or_without_colons(text: str) -> None:
    assert normalize_pin(text) == "sha256:" + ":".join(["AB"] * 32)


def test_a_pin_that_is_not_a_fingerprint_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "desk.sqlite")
    assert main.run(["sync", "--hub", "127.0.0.1:1", "--token", "kh_x", "--pin", "ab:cd", "--db", db]) == 2
    assert "not a certificate fingerprint" in capsys.readouterr().err


# -- the enrolment code carries the pin --------------------------------------------------------


def test_hub_enrol_with_the_certificate_puts_its_fingerprint_in_the_code_and_the_desk_pins_it(
    tls_hub: TlsHub, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hub_db = tls_hub.hub.target
    args = ["hub", "enrol", "door-b1", "--url", tls_hub.url, "--tls-cert", str(tls_hub.cert), "--no-qr"]
    assert main.run([*args, "--db", hub_db]) == 0
    enrolment = parse(capsys.readouterr().out.splitlines()[-1])
    assert enrolment.pin == tls_hub.pin and enrolment.hub == tls_hub.url
    desk, token = redeem(enrolment)
    client = HubClient(enrolment.hub, token, pin=enrolment.pin)
    try:
        assert desk == "door-b1" and sync_once(Store(tmp_path / "desk.sqlite"), client).upserts == 5
    finally:
        client.close()


def test_a_code_whose_pin_is_not_the_hubs_is_refused_without_spending_the_code(tls_hub: TlsHub) -> None:
    code = tls_hub.hub.store.enrolments.create("door-b1")
    with pytest.raises(EnrolError) as refused:
        redeem(Enrolment(tls_hub.url, "door-b1", code, tls_hub.other_pin))
    assert refused.value.problem is EnrolProblem.UNTRUSTED
    assert redeem(Enrolment(tls_hub.url, "door-b1", code, tls_hub.pin))[0] == "door-b1"  # never sent


def test_a_code_for_plain_http_off_loopback_is_refused() -> None:
    with pytest.raises(EnrolError) as refused:
        redeem(Enrolment("http://10.0.0.5:8787", "door-b1", "ABCD-EFGH-JKLM"), timeout=2)
    assert refused.value.problem is EnrolProblem.INSECURE


def test_the_pin_travels_as_64_hex_digits_and_a_bad_one_is_no_code(tls_hub: TlsHub) -> None:
    text = Enrolment(tls_hub.url, "d", "ABCD-EFGH-JKLM", tls_hub.pin).text()
    assert f"pin={tls_hub.pin[7:].replace(':', '').lower()}" in text and parse(text).pin == tls_hub.pin
    with pytest.raises(EnrolError) as wrong:
        parse(text.replace("pin=", "pin=zz"))
    assert wrong.value.problem is EnrolProblem.NOT_A_CODE
    assert parse(Enrolment(tls_hub.url, "d", "ABCD-EFGH-JKLM").text()).pin == ""

"""TLS on the hub: `hub tls init` makes a self-signed certificate whose fingerprint desks pin,
and a real uvicorn on loopback serves HTTPS with it."""

from __future__ import annotations

import socket
import ssl
import stat
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from hub.api.server import ServerThread
from hub.api.tls import fingerprint
from tests.conftest import ROOT
from tests.hub_support import make_hub, roster


def hub_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "hub", *args],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)  # fmt: skip


@pytest.fixture
def tls_hub(tmp_path: Path):  # type: ignore[no-untyped-def]
    made = hub_cli("tls", "init", "--out", str(tmp_path / "tls"), "--name", "hub.example")
    assert made.returncode == 0, made.stderr
    cert, key = tmp_path / "tls" / "hub-cert.pem", tmp_path / "tls" / "hub-key.pem"
    hub = make_hub(str(tmp_path / "hub.sqlite"), roster(3))
    server = ServerThread(hub.store, tls=(cert, key)).start()
    yield server, cert, key, made.stdout.splitlines()[-1]
    server.stop()
    hub.store.close()


def test_tls_init_writes_an_owner_only_key_and_prints_the_fingerprint_the_hub_presents(tls_hub) -> None:  # type: ignore[no-untyped-def]
    server, cert, key, printed = tls_hub
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and stat.S_IMODE(key.parent.stat().st_mode) == 0o700
    context = ssl.create_default_context(cafile=str(cert))
    with (
        socket.create_connection(("127.0.0.1", server.port)) as raw,
        context.wrap_socket(raw, server_hostname="localhost") as tls,
    ):
        presented = tls.getpeercert(binary_form=True)
    assert presented is not None and fingerprint(presented) == printed and printed.startswith("sha256:")


def test_the_hub_answers_https_to_a_desk_that_trusts_its_certificate_and_nothing_else(tls_hub) -> None:  # type: ignore[no-untyped-def]
    server, cert, _, _ = tls_hub
    assert server.url.startswith("https://")
    ok = httpx.get(server.url + "/v1/health", verify=ssl.create_default_context(cafile=str(cert)), timeout=10)
    assert ok.status_code == 200
    with pytest.raises(httpx.ConnectError):  # a client that trusts only the system's CAs
        httpx.get(server.url + "/v1/health", timeout=10)
    with pytest.raises(httpx.HTTPError):  # plain HTTP to the TLS port
        httpx.get(f"http://127.0.0.1:{server.port}/v1/health", timeout=10)


@pytest.mark.slow
def test_serve_wants_both_the_certificate_and_the_key(tmp_path: Path) -> None:
    result = hub_cli("serve", "--db", str(tmp_path / "h.sqlite"), "--tls-cert", str(tmp_path / "c.pem"))
    assert result.returncode == 2 and "give both --tls-cert and --tls-key" in result.stderr


@pytest.mark.slow
def test_tls_init_keeps_an_existing_key_unless_forced(tmp_path: Path) -> None:
    assert hub_cli("tls", "init", "--out", str(tmp_path)).returncode == 0
    again = hub_cli("tls", "init", "--out", str(tmp_path))
    assert again.returncode != 0 and "exists" in again.stderr and "Traceback" not in again.stderr
    assert hub_cli("tls", "init", "--out", str(tmp_path), "--force").returncode == 0

"""Issuing badges end to end: keygen, issue to PDF, pdftoppm, zxing-cpp, a kiosk with only the key."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import cv2
import pytest
import zxingcpp

from kiosk import codes
from tests.badge_fixtures import EVENT_ID, PEOPLE, event_store
from tests.conftest import DEMO_EVENT, ROOT


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, timeout=120, cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip


def decode_pages(pdf: Path, out: Path, dpi: int = 150) -> list[list[str]]:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed; scripts/install installs it")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(out / "page")], check=True, timeout=60)
    pages = []
    for png in sorted(out.glob("page-*.png")):
        image = cv2.imread(str(png), cv2.IMREAD_GRAYSCALE)
        found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
        pages.append(sorted(b.text for b in found))
    return pages


@pytest.fixture(scope="module")
def issued(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """An organiser's database with three delegates, keys, and the badges issued as a PDF."""
    root = Path(tmp_path_factory.mktemp("issue"))
    organiser = root / "organiser.sqlite"
    event_store(organiser, PEOPLE).close()
    keygen = cli("badges", "keygen", "--out", str(root / "keys"))
    assert keygen.returncode == 0, keygen.stderr
    result = cli("badges", "issue", "--key", str(root / "keys" / "private.pem"), "--db", str(organiser),
                 "--out", str(root / "badges.pdf"))  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == {
        "issued": 2,
        "badges": 2,
        "pages": 1,
        "out": str(root / "badges.pdf"),
    }  # fmt: skip  (the cancelled delegate gets no badge)
    return {"root": root, "db": organiser, "pdf": root / "badges.pdf", "keys": root / "keys"}


def test_keygen_writes_an_owner_only_private_key_and_a_public_key(issued: dict[str, Path]):
    private, public = issued["keys"] / "private.pem", issued["keys"] / "public.pem"
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert public.read_text().startswith("-----BEGIN PUBLIC KEY-----")


@pytest.mark.slow
def test_a_printed_badge_reads_back_and_is_admitted_by_a_kiosk_with_only_the_public_key(
    issued: dict[str, Path], tmp_path: Path
):
    pages = decode_pages(issued["pdf"], tmp_path)
    assert len(pages) == 1 and len(pages[0]) == 2
    stored = event_store(issued["db"])
    assert pages[0] == sorted(r[0] for r in stored.query("SELECT code FROM badges WHERE kind = 'signed'"))
    kiosk = tmp_path / "kiosk.sqlite"
    assert cli("event", "import", str(DEMO_EVENT), "--db", str(kiosk)).returncode == 0
    trust = cli("event", "trust", str(issued["keys"] / "public.pem"), "--db", str(kiosk))
    assert trust.returncode == 0, trust.stderr
    for code in pages[0]:
        assert codes.looks_signed(code)
        out = cli("checkin", code, "--db", str(kiosk), "--at", "2023-12-06T08:30", "--json")
        decision = json.loads(out.stdout)
        assert decision["outcome"] == "admitted", decision
        assert decision["delegate"]["id"] in {"D000001", "D000002"}


def test_issuing_again_signs_only_new_delegates_and_tokens_keep_working(issued: dict[str, Path]):
    again = cli("badges", "issue", "--key", str(issued["keys"] / "private.pem"), "--db", str(issued["db"]),
                "--out", str(issued["root"] / "again.pdf"), "--stock", "4x3")  # fmt: skip
    assert json.loads(again.stdout)["issued"] == 0 and json.loads(again.stdout)["pages"] == 2
    out = cli("checkin", "TOKENB00000001", "--db", str(issued["db"]), "--at", "2023-12-06T08:30", "--json")
    assert json.loads(out.stdout)["outcome"] == "admitted"


def test_the_4x3_stock_reads_back_one_badge_per_page(issued: dict[str, Path], tmp_path: Path):
    pdf = issued["root"] / "stock.pdf"
    result = cli("badges", "issue", "--key", str(issued["keys"] / "private.pem"), "--db", str(issued["db"]),
                 "--out", str(pdf), "--stock", "4x3")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert [len(p) for p in decode_pages(pdf, tmp_path, dpi=100)] == [1, 1]


def test_sign_prints_the_code_alone_on_its_last_line(issued: dict[str, Path]):
    result = cli("badges", "sign", "--key", str(issued["keys"] / "private.pem"), "--db", str(issued["db"]),
                 "--delegate", "D777", "--serial", "2", "--category", "press", "--forums", "main,p1",
                 "--valid-until", "2023-12-07T18:00")  # fmt: skip
    assert result.returncode == 0, result.stderr
    code = result.stdout.splitlines()[-1]
    assert codes.looks_signed(code) and code == code.strip()
    _raw, payload, _sig = codes.split(code)
    assert (
        payload.delegate_id == "D777"
        and payload.serial == 2
        and payload.event_tag == codes.event_tag(EVENT_ID)
    )


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("badges", "sign", "--key", "/nonexistent.pem", "--delegate", "D1"), "no such key file"),
        (("badges", "sign", "--key", "{keys}/public.pem", "--delegate", "D1"), "not a readable private key"),
        (
            ("badges", "sign", "--key", "{keys}/private.pem", "--delegate", "D1", "--forums", "nowhere"),
            "nowhere",
        ),
        (("event", "trust", "{keys}/private.pem", "--db", "{db}"), "not a PEM public key"),
    ],
)
def test_bad_inputs_give_one_line_errors(issued: dict[str, Path], args: tuple[str, ...], words: str):
    filled = [a.format(keys=issued["keys"], db=issued["db"]) for a in args]
    result = cli(*filled)
    assert result.returncode == 2 and result.stderr.startswith("error: ") and words in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1

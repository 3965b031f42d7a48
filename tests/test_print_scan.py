"""`scan SOURCE --print-to pdf:DIR`: a pass for each delegate admitted at the entrance, once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.demo.samples import install_samples, sample_passes
from kiosk.printing.layout import load_layout
from kiosk.store import Store

ROOT = Path(__file__).resolve().parents[1]


def _scan(db: Path, images: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "scan",
            str(images),
            "--every-frame",
            "--db",
            str(db),
            "--at",
            "2023-12-06T08:30",
            "--print-to",
            f"pdf:{out}",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


@pytest.mark.slow
def test_scan_prints_one_pass_per_admission_and_none_for_a_second_scan(tmp_path):
    from ui.passes import render_image

    db, images, out = tmp_path / "k.sqlite", tmp_path / "badges", tmp_path / "passes"
    install_samples(Store(db))
    images.mkdir()
    passes = sample_passes()
    for key in ("d-zh", "d-en"):  # a pass held up to the camera shows the badge code
        assert render_image(passes[key], load_layout("a6-card"), 150).save(str(images / f"{key}.png"))
    first = _scan(db, images, out)
    assert first.returncode == 0, first.stderr
    assert first.stdout.count("admitted") == 2
    printed = sorted(out.glob("pass-*.pdf"))
    assert len(printed) == 2
    text = " ".join(
        subprocess.run(["pdftotext", str(p), "-"], capture_output=True, text=True).stdout for p in printed
    )
    assert "欧阳娜娜" in text and "Maria-Josefina Fernández-Castellanos" in " ".join(text.split())
    again = _scan(db, images, out)  # the same badges again: already checked in, no new pass
    assert again.returncode == 0 and again.stdout.count("already_checked_in") == 2
    assert sorted(out.glob("pass-*.pdf")) == printed

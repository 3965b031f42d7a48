"""Compile resources/i18n/*.ts to .qm with pyside6-lrelease (run by scripts/install)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n"


def lrelease() -> str:
    local = Path(sys.executable).parent / "pyside6-lrelease"
    return str(local) if local.exists() else (shutil.which("pyside6-lrelease") or "pyside6-lrelease")


def build() -> list[Path]:
    built = []
    for ts in sorted(I18N.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


if __name__ == "__main__":
    build()

"""scripts/install on a bare Debian: python3-venv is installed when venv cannot work, apt waits for its lock.

The system commands (id, dpkg-query, apt-get, python3) are small stand-ins on PATH that record
what they were asked: the test is about what the script decides, not about Debian's packages.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.conftest import ROOT

STAND_INS = {
    "id": "echo 0",
    "dpkg-query": "exit 1",  # nothing is installed
    "apt-get": 'echo "apt-get $*" >> "$LOG"',
    "python3": """
case "$*" in
  "-c "*) [ -e "$LOG.venv-ok" ] ;;  # import ensurepip, venv
  "-m venv .venv") mkdir -p .venv/bin && printf '#!/bin/sh\\necho "venv-python $*" >> "$LOG"\\n' > .venv/bin/python && chmod +x .venv/bin/python ;;
  *) exit 0 ;;
esac
""",
}


def run_install(tmp_path: Path, venv_works: bool) -> list[str]:
    clone = tmp_path / "clone"
    (clone / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "install", clone / "scripts" / "install")
    shutil.copytree(ROOT / "scripts" / "setup.d", clone / "scripts" / "setup.d")
    shutil.copy(ROOT / "pyproject.toml", clone / "pyproject.toml")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, body in STAND_INS.items():
        (bin_dir / name).write_text("#!/bin/sh\n" + body)
        (bin_dir / name).chmod(0o755)
    log = tmp_path / "log"
    log.write_text("")
    if venv_works:
        Path(f"{log}.venv-ok").touch()
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "LOG": str(log), "HOME": str(tmp_path)}
    result = subprocess.run(
        ["bash", "scripts/install"], cwd=clone, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return log.read_text().splitlines()


def test_install_adds_python3_venv_when_venv_cannot_work_and_waits_for_the_apt_lock(tmp_path: Path) -> None:
    calls = run_install(tmp_path, venv_works=False)
    apt = [c for c in calls if c.startswith("apt-get")]
    assert apt and all("-o DPkg::Lock::Timeout=300" in c for c in apt)
    install = next(c for c in apt if " install " in c)
    assert "python3-venv" in install.split()
    assert any(c.startswith("venv-python -m pip install") for c in calls)  # then the venv is made and used


def test_install_leaves_python3_venv_out_when_venv_works(tmp_path: Path) -> None:
    calls = run_install(tmp_path, venv_works=True)
    install = next(c for c in calls if c.startswith("apt-get") and " install " in c)
    assert "python3-venv" not in install.split()

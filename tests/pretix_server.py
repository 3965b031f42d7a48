"""A real pretix on loopback for the tests: installed once, migrated once, started per session.

- ``prepare()`` installs pretix from PyPI into a venv under ``~/.cache/forum-kiosk/pretix-VERSION/``
  (``$KIOSK_PRETIX_CACHE`` moves it) and migrates an empty SQLite database there once
  (``template.sqlite3``): together ~15 minutes on a loaded 2-core machine, then seconds.
  ``python -m tests.pretix_server prepare`` (run by ``scripts/setup.d/pretix.sh``) does just that.
- ``PretixServer`` copies the template into a data folder of its own, runs
  ``pretix runserver`` on 127.0.0.1 and makes an organizer with an admin API token and a
  check-in-only token (through the ORM: pretix has no API for that). ``stop()`` and ``start()``
  keep the data folder, so a test can take pretix down and bring it back.

Nothing here ever skips: a machine without the cache builds it, and a failure is an error.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

VERSION = "2026.8.0"
CACHE = (
    Path(os.environ.get("KIOSK_PRETIX_CACHE", Path.home() / ".cache" / "forum-kiosk")) / f"pretix-{VERSION}"
)
VENV = CACHE / "venv"
TEMPLATE = CACHE / "template.sqlite3"
ORGANIZER = "forum"

_CONFIG = """[pretix]
instance_name=forum-kiosk tests
url=http://127.0.0.1:{port}
datadir={datadir}
currency=CNY
ecb_rates=off
[locale]
timezone=Asia/Shanghai
[database]
backend=sqlite3
name={datadir}/db.sqlite3
[mail]
host=127.0.0.1
port=9
[django]
debug=off
"""

# Run inside pretix's venv with Django set up: the organizer, its teams and tokens.
_BOOTSTRAP = """
import json, django
django.setup()
from django_scopes import scopes_disabled
from pretix.base.models import Organizer, Team, User
with scopes_disabled():
    org, _ = Organizer.objects.get_or_create(slug=%(org)r, defaults={"name": "Forum organiser"})
    user, _ = User.objects.get_or_create(email="admin@localhost", defaults={"is_staff": True})
    admin, _ = Team.objects.get_or_create(organizer=org, name="admins", defaults=dict(
        all_events=True, all_event_permissions=True, all_organizer_permissions=True))
    admin.members.add(user)
    kiosk, _ = Team.objects.get_or_create(organizer=org, name="kiosks", defaults=dict(
        all_events=True, limit_event_permissions={"event.orders:read": True, "event.orders:checkin": True}))
    tokens = {}
    for team in (admin, kiosk):
        token = team.tokens.filter(active=True).first() or team.tokens.create(name=team.name)
        tokens[team.name] = token.token
print("TOKENS " + json.dumps(tokens))
"""

# Settings the API does not write (pretix.md): the signed-secret scheme and the name scheme.
_EVENT_SETTINGS = """
import json, sys, django
django.setup()
from django_scopes import scopes_disabled
from pretix.base.models import Event
with scopes_disabled():
    event = Event.objects.get(organizer__slug=%(org)r, slug=%(event)r)
    for key, value in json.loads(%(settings)r).items():
        event.settings.set(key, value)
print("OK")
"""


def _pretix_env(config: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "DJANGO"))}
    env.update(PRETIX_CONFIG_FILE=str(config), DJANGO_SETTINGS_MODULE="pretix.settings", LC_ALL="C.UTF-8")
    return env


def _say(message: str) -> None:
    print(f"pretix: {message}", file=sys.stderr, flush=True)


def _install() -> None:
    if (VENV / ".complete").exists():
        return
    partial = CACHE / "venv.partial"
    CACHE.mkdir(parents=True, exist_ok=True)
    if not (partial / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(partial)], check=True)
    _say(f"installing pretix {VERSION} into {VENV} (a few minutes, once per machine)")
    started = time.monotonic()
    subprocess.run(
        [str(partial / "bin" / "python"), "-m", "pip", "install", "-q", f"pretix=={VERSION}"], check=True
    )
    # `python -m` resolves the venv from the interpreter's own path, so the venv may be renamed.
    shutil.rmtree(VENV, ignore_errors=True)
    partial.rename(VENV)
    (VENV / ".complete").write_text(f"installed in {time.monotonic() - started:.0f} s\n")


def _migrate() -> None:
    if TEMPLATE.exists():
        return
    work = CACHE / "migrate.partial"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    config = work / "pretix.cfg"
    config.write_text(_CONFIG.format(port=8000, datadir=work / "data"))
    (work / "data").mkdir()
    _say(f"migrating an empty pretix database into {TEMPLATE} (8-13 minutes, once per version)")
    started = time.monotonic()
    subprocess.run(
        [str(VENV / "bin" / "python"), "-m", "pretix", "migrate", "--noinput"],
        env=_pretix_env(config),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    (work / "data" / "db.sqlite3").rename(TEMPLATE)
    (CACHE / "migrate.seconds").write_text(f"{time.monotonic() - started:.0f}\n")
    shutil.rmtree(work, ignore_errors=True)


def prepare() -> Path:
    """The venv and the migrated template, built when missing; returns the cache folder."""
    _install()
    _migrate()
    return CACHE


def _die_with_parent() -> None:
    """pretix gets SIGKILL when the test process dies (a killed pytest leaves no server behind)."""
    import ctypes

    ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PretixServer:
    """One pretix process over a data folder made from the template."""

    def __init__(self, root: Path) -> None:
        prepare()
        self.root = root
        self.datadir = root / "data"
        self.datadir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(TEMPLATE, self.datadir / "db.sqlite3")
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.config = root / "pretix.cfg"
        self.config.write_text(_CONFIG.format(port=self.port, datadir=self.datadir))
        self.process: subprocess.Popen[bytes] | None = None
        self.tokens: dict[str, str] = json.loads(self._django(_BOOTSTRAP % {"org": ORGANIZER}, "TOKENS "))

    @property
    def admin_token(self) -> str:
        return self.tokens["admins"]

    @property
    def kiosk_token(self) -> str:
        return self.tokens["kiosks"]

    def _django(self, script: str, marker: str) -> str:
        done = subprocess.run(
            [str(VENV / "bin" / "python"), "-c", script],
            env=_pretix_env(self.config),
            capture_output=True,
            text=True,
            timeout=300,
        )
        for line in done.stdout.splitlines():
            if line.startswith(marker):
                return line[len(marker) :]
        raise RuntimeError(f"pretix script failed: {done.stderr[-2000:]}")

    def set_event_settings(self, event: str, settings: dict[str, object]) -> None:
        """Event settings the REST API cannot write (signed secrets, name scheme)."""
        values = {"org": ORGANIZER, "event": event, "settings": json.dumps(settings)}
        self._django(_EVENT_SETTINGS % values, "OK")

    def start(self, timeout: float = 300.0) -> None:
        log = (self.root / "server.log").open("ab")
        self.process = subprocess.Popen(
            [str(VENV / "bin" / "python"), "-m", "pretix", "runserver", f"127.0.0.1:{self.port}",
             "--noreload", "--insecure"],
            env=_pretix_env(self.config), stdout=log, stderr=log, start_new_session=True,
            preexec_fn=_die_with_parent,
        )  # fmt: skip
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"pretix exited with {self.process.returncode}; see {self.root / 'server.log'}"
                )
            try:
                # /healthcheck/ answers 503 without redis/celery; the API is what the kiosk needs.
                with self.api() as api:
                    if api.get("/", timeout=5).status_code == 200:
                        return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"pretix did not answer within {timeout:.0f} s; see {self.root / 'server.log'}")

    def stop(self) -> None:
        """Kill pretix at once (SIGKILL): what an outage looks like to a kiosk."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.process = None

    def api(self, token: str | None = None) -> httpx.Client:
        """An API client under the organizer, with the admin token unless told otherwise."""
        return httpx.Client(
            base_url=f"{self.url}/api/v1/organizers/{ORGANIZER}",
            headers={"Authorization": f"Token {token or self.admin_token}"},
            timeout=60,
        )


if __name__ == "__main__":
    if sys.argv[1:] != ["prepare"]:
        sys.exit("usage: python -m tests.pretix_server prepare")
    print(f"pretix {VERSION} ready in {prepare()}")

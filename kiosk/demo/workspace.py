"""The built-in demo's data: a store with the demo event and roster, a badge video, a pass folder.

Made once in a data directory and reused; ``python main.py --demo`` needs no hardware.
"""

from __future__ import annotations

import logging
import random
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kiosk.demo.roster import setup_demo
from kiosk.model import Delegate
from kiosk.store import Store

log = logging.getLogger(__name__)

DEMO_DELEGATES = 3000
DEMO_VIDEO = (2.0, 6.0)  # each badge in view 2 s, then 6 s of empty desk
VIDEO_NAME = "badge-video.avi"


@dataclass(frozen=True, slots=True)
class DemoData:
    store: Store
    video: Path
    passes: Path
    codes: tuple[str, ...]  # in the order the video shows them


def demo_schedule(delegates: list[Delegate], vip_categories: set[str]) -> list[str]:
    """Codes for the video: admissions in both languages, a VIP, a cancelled badge, an unknown code."""
    rng = random.Random(5)
    active = [d for d in delegates if d.active]
    zh = [d for d in active if d.language == "zh" and d.category not in vip_categories]
    en = [d for d in active if d.language == "en"]
    vip = [d for d in active if d.category in vip_categories]
    cancelled = [d for d in delegates if not d.active]
    picks = [rng.choice(zh), rng.choice(en) if en else rng.choice(zh)]
    codes = [d.code for d in picks]
    codes.append("NOT-A-BADGE-7Q2")
    if vip:
        codes.append(rng.choice(vip).code)
    if cancelled:
        codes.append(rng.choice(cancelled).code)
    codes.extend(d.code for d in rng.sample(zh, 3))
    return codes


def prepare_demo(folder: Path, count: int = DEMO_DELEGATES, video_seconds: tuple[float, float] = DEMO_VIDEO,
                 fps: float = 15.0, progress: Callable[[int, str], None] | None = None) -> DemoData:  # fmt: skip
    """Create (or reuse) the demo store, badge video and pass folder under ``folder``.

    ``progress(percent, step)`` hears of the slow steps (step: roster, video, ready) when
    they have to run; a start that reuses today's data calls it not at all."""
    folder.mkdir(parents=True, exist_ok=True)
    template = folder / "demo-template.sqlite"
    fresh = not template.exists() or date.fromtimestamp(template.stat().st_mtime) != date.today()
    if fresh or (template.stat().st_size and _template_count(template) != count):
        if progress:
            progress(5, "roster")
        _make_template(template, count)  # the demo event is moved to today: rebuild daily
    run = Path(tempfile.mkdtemp(prefix="run-", dir=folder))
    shutil.copyfile(template, run / "demo.sqlite")
    _forget_old_runs(folder, keep=run)
    store = Store(run / "demo.sqlite")
    video, stamp = folder / VIDEO_NAME, folder / "badge-video.codes"
    shown, gap = video_seconds
    heading = f"{shown} {gap} {fps} {count}"
    lines = stamp.read_text().splitlines() if stamp.exists() and video.exists() else []
    if lines and lines[0] == heading and stamp.stat().st_mtime >= template.stat().st_mtime:
        codes = lines[1:]  # the video of this roster is there already: start fast
    else:
        from kiosk.demo.badgevideo import EASY, write_badge_video

        if progress:
            progress(60, "video")
        vip = {c.id for c in store.roster.categories() if c.vip}
        codes = demo_schedule(list(store.roster.iter_delegates()), vip)
        write_badge_video(video, [(c, shown, gap) for c in codes], size=(960, 540), fps=fps, variants=EASY)
        stamp.write_text("\n".join([heading, *codes]))
        if progress:
            progress(100, "ready")
    passes = run / "passes"
    passes.mkdir(exist_ok=True)
    return DemoData(store, video, passes, tuple(codes))


def _make_template(path: Path, count: int) -> None:
    """A demo store with the event and roster but an empty journal, copied for each run."""
    log.info("creating the demo roster (%d delegates)", count)
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    partial = path.with_suffix(".part")
    partial.unlink(missing_ok=True)
    store = Store(partial)
    setup_demo(store, count)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.conn.execute("PRAGMA journal_mode=DELETE")
    store.close()
    partial.replace(path)


def _template_count(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM delegates").fetchone()[0])
    except sqlite3.Error:
        return -1
    finally:
        conn.close()


def _forget_old_runs(folder: Path, keep: Path) -> None:
    """Each demo run starts with an empty journal; earlier runs' folders are removed."""
    for old in folder.glob("run-*"):
        if old != keep:
            shutil.rmtree(old, ignore_errors=True)

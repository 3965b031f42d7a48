"""Core benchmarks on a generated 100,000-delegate roster, each against a baseline in this process.

python -m bench.bench_core [--delegates 100000]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

from bench.table import median, p95, table, times
from kiosk.clock import StartedClock, parse_time
from kiosk.demo import DEMO_EVENT, generate_roster, write_roster_csv
from kiosk.importers.apply import import_roster
from kiosk.importers.event import import_event
from kiosk.search import SearchIndex
from kiosk.service import CheckinService
from kiosk.store import Store


def bench_import(work: Path, csv_path: Path, rows: list[list[object]]) -> Store:
    ours, baseline = [], []
    store = None
    for i in range(3):
        store = Store(work / f"import-{i}.sqlite")
        import_event(store, DEMO_EVENT)
        s = store
        ours += times(lambda s=s: import_roster(s, csv_path), 1)  # type: ignore[misc]
        target = work / f"baseline-{i}.sqlite"
        command = [
            str(Path(sys.executable).parent / "sqlite-utils"),
            "insert",
            str(target),
            "rows",
            str(csv_path),
            "--csv",
        ]
        baseline += times(lambda c=command: subprocess.run(c, check=True), 1)  # type: ignore[misc]
    rows.append(["CSV import, 100k rows (s)", f"{median(ours):.2f}", f"{median(baseline):.2f}",
                 "`sqlite-utils insert --csv`", f"{median(ours) / median(baseline):.2f}", "≤ 1.5 s and ≤ 1.0×"])  # fmt: skip
    assert store is not None
    return store


def bench_lookup(store: Store, codes: list[str], rows: list[list[object]]) -> None:
    sample = random.Random(1).sample(codes, 20000)
    raw = sqlite3.connect(store.path)
    query = ("SELECT b.serial, b.status, b.kind, d.* FROM badges b JOIN delegates d ON d.id = b.delegate_id "
             "WHERE b.code = ?")  # fmt: skip
    it = iter(sample * 3)
    ours = times(lambda: store.roster.lookup(next(it)), len(sample))
    base = times(lambda: raw.execute(query, (next(it),)).fetchone(), len(sample))
    rows.append(["code lookup (µs)", f"{median(ours) * 1e6:.1f}", f"{median(base) * 1e6:.1f}",
                 "raw indexed sqlite3 query", f"{median(ours) / median(base):.2f}", "≤ 2.5×"])  # fmt: skip


def bench_checkin(store: Store, codes: list[str], work: Path, rows: list[list[object]]) -> None:
    service = CheckinService(store, StartedClock(parse_time("2023-12-06T08:30")), desk="bench")
    raw = sqlite3.connect(work / "raw.sqlite", isolation_level=None)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=FULL")
    raw.execute("CREATE TABLE IF NOT EXISTS j (id TEXT PRIMARY KEY, at TEXT, code TEXT, outcome TEXT)")

    def raw_commit() -> None:
        raw.execute("BEGIN")
        raw.execute(
            "INSERT INTO j VALUES (?, ?, ?, ?)", (str(uuid.uuid4()), "2023-12-06T08:30", "X", "admitted")
        )
        raw.execute("COMMIT")

    it = iter(codes)
    ours, base = [], []
    for _ in range(10):  # interleave so both see the same disk weather
        ours += times(lambda: service.check_in(next(it)), 50)
        base += times(raw_commit, 50)
    rows.append(["durable check-in (ms)", f"{median(ours) * 1e3:.2f}", f"{median(base) * 1e3:.2f}",
                 "raw sqlite3 WAL+FULL one-row commit", f"{median(ours) / median(base):.2f}", "≤ 2×"])  # fmt: skip
    rows.append(["durable check-in p95 (ms)", f"{p95(ours) * 1e3:.2f}", f"{p95(base) * 1e3:.2f}", "", "", ""])


def bench_search(store: Store, rows: list[list[object]]) -> None:
    index = SearchIndex(store)

    def rebuild() -> None:
        store.roster.changed()
        index.ids("zz")

    build = times(rebuild, 3)
    queries = ["zh", "wa", "li", "王", "张", "xi", "13", "lw", "ch", "交通"] * 20
    it = iter(queries)
    ours = times(lambda: index.search(next(it)), len(queries))
    it2 = iter(queries)
    like = times(
        lambda: store.query("SELECT id FROM delegates WHERE search LIKE ?", (f"%{next(it2)}%",)),
        len(queries),
    )
    rows.append(["search, 2-char query (ms)", f"{median(ours) * 1e3:.2f}", f"{median(like) * 1e3:.2f}",
                 "SQL LIKE '%q%' scan of the same column", f"{median(ours) / median(like):.2f}", "≤ 20 ms"])  # fmt: skip
    rows.append(
        ["search index build (ms)", f"{median(build) * 1e3:.0f}", "", "once per roster change", "", ""]
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--delegates", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        probe = Store(work / "probe.sqlite")
        import_event(probe, DEMO_EVENT)
        delegates = generate_roster(args.delegates, probe.roster.forums(), probe.roster.categories())
        csv_path = work / "roster.csv"
        write_roster_csv(csv_path, delegates)
        rows: list[list[object]] = []
        store = bench_import(work, csv_path, rows)
        codes = [d.code for d in delegates if d.status == "active"]
        bench_lookup(store, codes, rows)
        bench_checkin(store, codes, work, rows)
        bench_search(store, rows)
        print(f"{args.delegates:,} delegates, medians unless noted\n")
        print(table(["measure", "ours", "baseline", "baseline is", "ratio", "target"], rows))


if __name__ == "__main__":
    main()

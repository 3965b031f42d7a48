"""Core benchmarks on a generated roster (the demo generator), each against a baseline in this run.

python -m bench.bench_core [--rows 100000]      # --rows 1000000 for the million-delegate table

The import runs in a child process, so its CPU time and peak memory are its own; at a million
rows the import's peak memory is also measured at a tenth of the rows, to see how it grows.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from bench.core_search import bench_search
from bench.table import median, p95, table, times
from kiosk.clock import StartedClock, parse_time
from kiosk.demo.roster import DEMO_EVENT, generate_roster, write_roster_csv
from kiosk.importers.event import import_event
from kiosk.service import CheckinService
from kiosk.store import Store

_CHILD = """
import resource, sys, time
from pathlib import Path
from kiosk.demo import DEMO_EVENT
from kiosk.importers.event import import_event
from kiosk.store import Store
store = Store(sys.argv[1])
import_event(store, DEMO_EVENT)
if sys.argv[3] == "import":
    from kiosk.importers.apply import import_roster
    start = time.process_time()
    assert import_roster(store, Path(sys.argv[2])).imported > 0
else:  # the floor: the same rows, built beforehand, written with plain executemany (and
    # the search index filled from them in one statement)
    from kiosk.demo import generate_roster
    from kiosk.importers.apply import delegate_row
    from kiosk.store.roster import DELEGATE_COLUMNS
    roster = generate_roster(int(sys.argv[2]), store.roster.forums(), store.roster.categories())
    rows = [delegate_row(d) for d in roster]
    badges = [(d.code, d.id, "2023-12-06T08:00") for d in roster]
    del roster
    start = time.process_time()
    with store.transaction() as conn:
        conn.executemany(f"INSERT INTO delegates VALUES ({', '.join('?' * len(DELEGATE_COLUMNS))})", rows)
        conn.execute("INSERT INTO search_index (rowid, search) SELECT rowid, search FROM delegates")
        conn.executemany("INSERT INTO badges (code, delegate_id, issued_at) VALUES (?, ?, ?)", badges)
print(time.process_time() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def _child(db: Path, source: str, mode: str) -> tuple[float, float]:
    out = subprocess.run([sys.executable, "-c", _CHILD, str(db), source, mode], check=True,
                         capture_output=True, text=True).stdout.split()  # fmt: skip
    return float(out[0]), float(out[1])


def bench_import(work: Path, count: int, rows: list[list[object]]) -> Store:
    probe = Store(work / "probe.sqlite")
    import_event(probe, DEMO_EVENT)
    delegates = generate_roster(count, probe.roster.forums(), probe.roster.categories())
    csv_path = work / "roster.csv"
    write_roster_csv(csv_path, delegates)
    del delegates
    cpu, rss = _child(work / "import.sqlite", str(csv_path), "import")
    floor, _ = _child(work / "floor.sqlite", str(count), "floor")
    rows.append([f"CSV import, {count:,} rows, CPU (s)", f"{cpu:.2f}", f"{floor:.2f}",
                 "plain `executemany` of the same pre-built rows, index in one statement", f"{cpu / floor:.2f}", "≤ 1.5×"])  # fmt: skip
    rss_row: list[object] = [f"CSV import peak RSS, {count:,} rows (MB)", f"{rss:.0f}", "", "", "", "≤ 250 MB"]  # fmt: skip
    if count >= 1_000_000:
        small = count // 10
        probe_rows = generate_roster(small, probe.roster.forums(), probe.roster.categories())
        write_roster_csv(work / "small.csv", probe_rows)
        _, small_rss = _child(work / "small.sqlite", str(work / "small.csv"), "import")
        rss_row[2:5] = [f"{small_rss:.0f}", f"the same import, {small:,} rows", f"{rss / small_rss:.2f}"]
        rss_row[5] = "≤ 250 MB and ≤ 1.2×"
    rows.append(rss_row)
    return Store(work / "import.sqlite")


def bench_lookup(store: Store, codes: list[str], rows: list[list[object]]) -> None:
    sample = random.Random(1).sample(codes, min(len(codes), 20000))
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
    ours, base, ours_cpu, base_cpu = [], [], [], []
    for _ in range(10):  # interleave so both see the same disk weather
        ours += times(lambda: service.check_in(next(it)), 50)
        base += times(raw_commit, 50)
        ours_cpu += times(lambda: service.check_in(next(it)), 50, time.process_time)
        base_cpu += times(raw_commit, 50, time.process_time)
    rows.append(["durable check-in (ms)", f"{median(ours) * 1e3:.2f}", f"{median(base) * 1e3:.2f}",
                 "raw sqlite3 WAL+FULL one-row commit", f"{median(ours) / median(base):.2f}", "≤ 1.5×"])  # fmt: skip
    rows.append(["durable check-in p95 (ms)", f"{p95(ours) * 1e3:.2f}", f"{p95(base) * 1e3:.2f}", "", "", ""])
    rows.append(["durable check-in CPU, kernel's included (ms)", f"{median(ours_cpu) * 1e3:.2f}",
                 f"{median(base_cpu) * 1e3:.2f}", "the same raw commit", f"{median(ours_cpu) / median(base_cpu):.2f}",
                 ""])  # fmt: skip
    frames, statements = _writes(store.conn, lambda: service.check_in(next(it)))
    raw_frames, raw_statements = _writes(raw, raw_commit)
    rows.append(["durable check-in: WAL pages / SQL statements", f"{frames:.1f} / {statements:.1f}",
                 f"{raw_frames:.1f} / {raw_statements:.1f}", "the same raw commit", "", ""])  # fmt: skip


def bench_gate_counts(store: Store, rows: list[list[object]]) -> None:
    """A decision's read of its gate's counts at a hall where every delegate was admitted,
    against summing the hall's admissions as decisions did before the counts were kept."""
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO admissions (gate, delegate_id, rehearsal, checkin_id, at, desk, category) "
            "SELECT 'bench-hall', id, 0, 'bench-' || id, '2023-12-06T08:30', 'bench', category FROM delegates"
        )
    admitted = store.journal.gate_count("bench-hall", rehearsal=False).admitted
    summed = "SELECT COUNT(*), SUM(inside) FROM admissions WHERE gate = 'bench-hall' AND rehearsal = 0"
    ours, base = [], []
    for _ in range(5):
        ours += times(lambda: store.journal.history("D000001", "bench-hall", rehearsal=False), 40)
        base += times(lambda: store.query_one(summed), 40)
    rows.append([f"a decision's gate counts, {admitted:,} admitted (µs)", f"{median(ours) * 1e6:.1f}",
                 f"{median(base) * 1e6:.1f}", "summing the gate's admissions (the read before)",
                 f"{median(ours) / median(base):.2f}", ""])  # fmt: skip


def _writes(conn: sqlite3.Connection, commit: Callable[[], object], count: int = 50) -> tuple[float, float]:
    """WAL frames written and statements run per commit, over ``count`` commits."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    for _ in range(count):
        commit()
    conn.set_trace_callback(None)
    frames = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()[1]
    return frames / count, len(statements) / count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        rows: list[list[object]] = []
        store = bench_import(work, args.rows, rows)
        delegates = list(store.roster.iter_delegates())
        codes = [d.code for d in delegates if d.status == "active"]
        bench_lookup(store, codes, rows)
        bench_checkin(store, codes, work, rows)
        bench_gate_counts(store, rows)
        kinds = bench_search(store, delegates, rows)
        print(f"{args.rows:,} delegates, medians unless noted\n")
        print(table(["measure", "ours", "baseline", "baseline is", "ratio", "target"], rows))
        print("\nSearch by kind of query (ms)\n")
        print(table(["query", "median", "p95", "LIKE median", "LIKE p95"], kinds))


if __name__ == "__main__":
    main()

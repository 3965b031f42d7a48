"""Timing helpers and markdown tables shared by the benchmarks."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def times(
    fn: Callable[[], object], repeat: int, clock: Callable[[], float] = time.perf_counter
) -> list[float]:
    """Seconds per call, ``repeat`` calls, by ``clock`` (wall time unless told: ``time.process_time``
    gives the CPU the process spent, the kernel's work for it included)."""
    result = []
    for _ in range(repeat):
        start = clock()
        fn()
        result.append(clock() - start)
    return result


def median(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def table(headers: list[str], rows: list[list[object]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)

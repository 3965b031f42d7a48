"""Scan benchmark: the project's decoder against plain zxing-cpp and OpenCV's two QR detectors.

    .venv/bin/python bench/bench_scan.py [--per-category 40] [--latency-seconds 20] [--quick]

Everything runs in this one process, on one core (``sched_setaffinity`` and
``cv2.setNumThreads(1)``), on the synthetic set of ``bench/scanset.py``. Prints markdown tables:
read rate per category (with wrong reads and false positives), ms per frame (median, p95), and
the real-time latency from a badge's first frame to its decision when a 30 fps badge video plays
through the whole pipeline (capture thread, decoder thread, journal commit).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import cv2
import numpy as np
import zxingcpp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.scanset import CATEGORIES, build_set  # noqa: E402
from kiosk.scan.decoder import QrDecoder, Read, gray  # noqa: E402

Decode = Callable[[np.ndarray], list[str]]


def opencv(detector) -> Decode:  # type: ignore[no-untyped-def]
    """OpenCV's single-code ``detectAndDecode`` (on this set it reads more than ``detectAndDecodeMulti``)."""

    def decode(frame: np.ndarray) -> list[str]:
        try:
            text, _, _ = detector.detectAndDecode(frame)
        except cv2.error:
            return []
        return [text] if text else []

    return decode


def plain_zxing(qr_only: bool) -> Decode:
    """zxing-cpp as it comes: its default options, on the BGR frame."""
    if qr_only:
        return lambda frame: [
            b.text
            for b in zxingcpp.read_barcodes(
                frame, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
            )
        ]
    return lambda frame: [b.text for b in zxingcpp.read_barcodes(frame)]


def texts(decoder: QrDecoder) -> Decode:
    return lambda frame: [r.text for r in decoder.decode(frame)]


class ArucoFallback:
    """Candidate extra: the pipeline's decoder, then OpenCV's Aruco detector on the frame when it read
    nothing (``only_when_located``: and only when zxing-cpp located a code it could not decode)."""

    def __init__(self, only_when_located: bool) -> None:
        self.only_when_located = only_when_located
        self.primary = QrDecoder()
        self.aruco = opencv(cv2.QRCodeDetectorAruco())

    def decode(self, frame: np.ndarray) -> list[Read]:
        reads = self.primary.decode(frame)
        if reads or (self.only_when_located and not self.primary.located_unread):
            return reads
        return [Read(t, t.encode()) for t in self.aruco(gray(frame))]


def candidates() -> dict[str, Decode]:
    return {
        "pipeline": texts(QrDecoder()),
        "zxing-cpp QR": plain_zxing(qr_only=True),
        "zxing-cpp all formats": plain_zxing(qr_only=False),
        "QRCodeDetector": opencv(cv2.QRCodeDetector()),
        "QRCodeDetectorAruco": opencv(cv2.QRCodeDetectorAruco()),
        # what each extra attempt is worth: the pipeline without it, or with another one
        "-rescue": texts(QrDecoder(rescue=False)),
        "-invert": texts(QrDecoder(invert=False)),
        "+downscale": texts(QrDecoder(downscale=True)),
        "+Aruco if located": texts(ArucoFallback(only_when_located=True)),  # type: ignore[arg-type]
        "+Aruco if no read": texts(ArucoFallback(only_when_located=False)),  # type: ignore[arg-type]
    }


def evaluate(samples, decoders: dict[str, Decode]) -> dict[str, dict[str, dict]]:  # type: ignore[no-untyped-def]
    """Per decoder and category: reads, codes shown, wrong reads, false positives, times (ms)."""
    stats: dict[str, dict[str, dict]] = {name: {} for name in decoders}
    order = list(decoders.items())
    for number, (category, frame, truth) in enumerate(samples):
        # Interleaved, so drift in machine speed hits all alike; the order turns with each frame
        # and the frame is read once untimed, so no decoder alone pays for a cold cache.
        turn = number % len(order)
        for name, decode in order[turn:] + order[:turn]:
            frame.sum()
            start = time.perf_counter()
            out = decode(frame)
            ms = (time.perf_counter() - start) * 1000
            s = stats[name].setdefault(category, {"read": 0, "shown": 0, "wrong": 0, "fp": 0, "ms": []})
            s["shown"] += len(truth)
            s["read"] += len(truth & set(out))
            s["wrong" if truth else "fp"] += len(set(out) - truth)
            s["ms"].append(ms)
    return stats


def p95(values: list[float]) -> float:
    return float(np.percentile(values, 95))


def read_table(stats, names: list[str]) -> str:  # type: ignore[no-untyped-def]
    lines = ["| category | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    for category in CATEGORIES:
        cells = []
        for name in names:
            s = stats[name][category]
            if s["shown"]:
                cell = f"{100 * s['read'] / s['shown']:.0f}%"
                cell += f" ({s['wrong']} wrong)" if s["wrong"] else ""
            else:
                cell = f"{s['fp']} FP" if s["fp"] else "0 FP"
            cells.append(cell)
        lines.append(f"| {category} | " + " | ".join(cells) + " |")
    total = [
        sum(s["read"] for s in stats[n].values()) / max(1, sum(s["shown"] for s in stats[n].values()))
        for n in names
    ]
    lines.append("| **all codes** | " + " | ".join(f"**{100 * t:.1f}%**" for t in total) + " |")
    wrong = [sum(s["wrong"] for s in stats[n].values()) for n in names]
    fps = [sum(s["fp"] for s in stats[n].values()) for n in names]
    lines.append(
        "| wrong reads / false positives | "
        + " | ".join(f"{w} / {f}" for w, f in zip(wrong, fps, strict=True))
        + " |"
    )
    return "\n".join(lines)


def time_table(stats, names: list[str]) -> str:  # type: ignore[no-untyped-def]
    groups = {
        "empty 720p": ["empty 720p"],
        "empty 1080p": ["empty 1080p"],
        "with a code, 720p": [c for c in CATEGORIES if not c.startswith("empty") and "1080p" not in c],
        "with a code, 1080p": ["badge 1080p"],
    }
    lines = ["| ms per frame, median / p95 | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    for label, cats in groups.items():
        cells = []
        for name in names:
            ms = [m for c in cats for m in stats[name][c]["ms"]]
            cells.append(f"{statistics.median(ms):.1f} / {p95(ms):.1f}")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


# -- real-time latency -----------------------------------------------------------------------------


def latency_run(video: Path, truth, decoder, codes: list[str]) -> dict:  # type: ignore[no-untyped-def]
    """Play the badge video at its own rate through the whole pipeline; latency per presentation."""
    from kiosk.clock import FixedClock
    from kiosk.demo.roster import setup_demo
    from kiosk.scan.pipeline import ScanPipeline, ScanResult
    from kiosk.scan.sources import VideoFileSource
    from kiosk.service import CheckinService
    from kiosk.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "k.sqlite")
        setup_demo(store, 50)
        _register(store, codes)
        service = CheckinService(store, FixedClock(store.roster.event().starts_at + timedelta(hours=1)))  # type: ignore[union-attr]
        results: list[ScanResult] = []
        source = VideoFileSource(video, realtime=True)
        pipeline = ScanPipeline(source, service, decoder=decoder, listeners=[results.append])
        pipeline.run()
        store.close()
    latencies, frames_late, missed = [], [], 0
    for shown in truth:
        hit = next(
            (
                r
                for r in results
                if r.decision.code == shown.code and shown.first_frame <= r.frame <= shown.last_frame
            ),
            None,
        )
        if hit is None:
            missed += 1
            continue
        latencies.append((hit.t - shown.start) * 1000)
        frames_late.append(hit.frame - shown.first_frame)
    return {"latencies": latencies, "frames_late": frames_late, "missed": missed, "shown": len(truth),
            "dropped": pipeline.dropped, "read": pipeline.frames_read, "decoded": pipeline.frames_decoded}  # fmt: skip


def _register(store, codes: list[str]) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from kiosk.model import Badge
    from kiosk.store.roster import delegate_to_row

    delegates = [replace(d, code=code) for d, code in zip(store.roster.iter_delegates(), codes, strict=False)]
    with store.transaction() as conn:
        store.roster.write_delegates(conn, [delegate_to_row(d, "") for d in delegates])
        store.roster.write_badges(conn, [Badge(d.code, d.id) for d in delegates])
    store.roster.changed()


class AsDecoder:
    def __init__(self, decode: Decode) -> None:
        self._decode = decode

    def decode(self, image: np.ndarray) -> list[Read]:
        return [Read(t, t.encode()) for t in self._decode(image)]


def latency_table(runs: dict[str, dict], frame_ms: float) -> str:
    lines = ["| pipeline with | badges decided | latency median / p95 / max (ms) | first frame decided | frames dropped |",
             "|---|---:|---:|---:|---:|"]  # fmt: skip
    for name, r in runs.items():
        lat = r["latencies"] or [float("nan")]
        first = sum(1 for f in r["frames_late"] if f == 0)
        lines.append(
            f"| {name} | {r['shown'] - r['missed']}/{r['shown']} | {statistics.median(lat):.0f} / {p95(lat):.0f} / "
            f"{max(lat):.0f} | {first}/{len(r['frames_late'])} | {r['dropped']} of {r['read']} |"
        )
    lines.append(f"\nOne frame interval at 30 fps = {frame_ms:.1f} ms.")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-category", type=int, default=40)
    parser.add_argument("--latency-seconds", type=float, default=20.0)
    parser.add_argument("--quick", action="store_true", help="a small set, for a smoke run")
    args = parser.parse_args()
    if args.quick:
        args.per_category, args.latency_seconds = 6, 6.0
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    cv2.setNumThreads(1)
    started = time.perf_counter()

    samples = build_set(args.per_category)
    print(
        f"# Scan benchmark: {len(samples)} frames ({args.per_category} per category, twice that empty), one core\n"
    )
    decoders = candidates()
    stats = evaluate(samples, decoders)
    names = list(decoders)
    print(
        "## Read rate per category (codes read / codes shown; wrong reads; false positives on empty frames)\n"
    )
    print(read_table(stats, names))
    print("\n## Decode time per frame (ms, one core, BGR frame in)\n")
    print(time_table(stats, names))

    from kiosk.demo.badgevideo import VARIANTS, write_badge_video
    from kiosk.service import new_code

    count = max(2, int(args.latency_seconds / 1.5))
    codes = [new_code() for _ in range(count)]
    schedule = [(code, 1.0, 0.5) for code in codes]
    with tempfile.TemporaryDirectory() as tmp:
        video = Path(tmp) / "desk.avi"
        truth = write_badge_video(
            video, schedule, size=(1280, 720), variants=VARIANTS, module_px=(2.5, 5.0), seed=11
        )
        runs = {
            "pipeline (zxing-cpp primary)": latency_run(video, truth, QrDecoder(), codes),
            "QRCodeDetectorAruco": latency_run(
                video, truth, AsDecoder(decoders["QRCodeDetectorAruco"]), codes
            ),
            "QRCodeDetector": latency_run(video, truth, AsDecoder(decoders["QRCodeDetector"]), codes),
        }
    print(
        f"\n## Real-time latency: a {len(truth)}-badge 720p video played at 30 fps through the whole pipeline\n"
    )
    print(
        "Latency = decision time on the source's clock − the badge's first frame (capture, decode, journal commit).\n"
    )
    print(latency_table(runs, 1000 / 30))
    print(f"\n(total bench time {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

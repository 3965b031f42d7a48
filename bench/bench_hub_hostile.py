"""Hostile clients against `main.py hub serve`: this tree's hub next to a baseline tree's.

For each tree, on a fresh hub process: peak RSS (VmHWM) after a 43 MB POST with no token and
after a 100 MB chunked POST with no token, how long the hub keeps a connection whose
headers stop half-way (capped at --cap seconds), and what 300 wrong tokens get back.

python -m bench.bench_hub_hostile [--baseline /work/main] [--cap 30]
"""

from __future__ import annotations

import argparse
import collections
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from bench.table import table

HERE = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Hub:
    def __init__(self, root: Path, db: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        command = [
            sys.executable,
            str(root / "main.py"),
            "hub",
            "serve",
            "--db",
            str(db),
            "--port",
            str(self.port),
        ]
        self.process = subprocess.Popen(
            command, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        while True:
            try:
                if httpx.get(self.url + "/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)

    def peak_mb(self) -> float:
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        line = next(x for x in status.splitlines() if x.startswith("VmHWM:"))
        return int(line.split()[1]) / 1024

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


def post_no_token(hub: Hub, chunked: bool, megabytes: int) -> str:
    def body() -> Iterator[bytes]:
        chunk = b"x" * (1024 * 1024)
        for _ in range(megabytes):
            yield chunk

    content: object = body() if chunked else b"x" * (megabytes * 1024 * 1024)
    try:
        response = httpx.post(hub.url + "/v1/checkins", content=content, timeout=120,  # type: ignore[arg-type]
                              headers={"Content-Type": "application/json"})  # fmt: skip
        return str(response.status_code)
    except httpx.HTTPError as exc:  # the hub answered and closed before the whole body was sent
        return type(exc).__name__


def half_sent_hold(hub: Hub, cap: float) -> float:
    with socket.create_connection(("127.0.0.1", hub.port), timeout=cap) as sock:
        sock.sendall(b"POST /v1/checkins HTTP/1.1\r\nHost: hub\r\nAuthor")
        start = time.monotonic()
        try:
            while sock.recv(4096):
                pass
        except TimeoutError:
            pass
        return time.monotonic() - start


def wrong_tokens(hub: Hub, n: int = 300) -> str:
    with httpx.Client(base_url=hub.url, timeout=10) as client:
        codes = collections.Counter(
            client.get("/v1/event", headers={"Authorization": f"Bearer kh_wrong{i}"}).status_code
            for i in range(n)
        )
    return ", ".join(f"{count}×{code}" for code, count in sorted(codes.items()))


def measure(root: Path, cap: float) -> list[object]:
    row: list[object] = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, chunked, size in (("a", False, 43), ("b", True, 100)):
            hub = Hub(root, Path(tmp) / f"{name}.sqlite")
            before = hub.peak_mb()
            status = post_no_token(hub, chunked, size)
            row += [f"{before:.0f} → {hub.peak_mb():.0f} ({status})"]
            hub.stop()
        hub = Hub(root, Path(tmp) / "c.sqlite")
        row += [f"{half_sent_hold(hub, cap):.1f}", wrong_tokens(hub)]
        hub.stop()
    return row


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--baseline", type=Path, default=Path(os.environ.get("BASELINE", "/work/main")))
    parser.add_argument("--cap", type=float, default=30.0)
    args = parser.parse_args()
    headers = ["hub", "peak RSS MB, 43 MB POST, no token", "peak RSS MB, 100 MB chunked, no token",
               f"half-sent headers held, s (cap {args.cap:.0f})", "300 wrong tokens"]  # fmt: skip
    rows = [
        [f"baseline ({args.baseline})", *measure(args.baseline, args.cap)],
        ["this tree", *measure(HERE, args.cap)],
    ]
    print(table(headers, rows))


if __name__ == "__main__":
    main()

"""Signed codes: verify time against a roster lookup, QR size against an opaque token, and a
fuzz run of untrusted payloads through the check-in service (exceptions must be 0).

python -m bench.bench_codes [--delegates 10000] [--payloads 100000]
"""

from __future__ import annotations

import argparse
import collections
import os
import random
import string
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import qrcode
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from bench.table import median, p95, table
from kiosk import codes, keys
from kiosk.clock import FixedClock, parse_time
from kiosk.demo.roster import setup_demo
from kiosk.model import Outcome, SignedClaims
from kiosk.service import CheckinService
from kiosk.store import Store

NASTY = [
    "' OR 1=1 --", "'; DROP TABLE delegates; --", "\" OR \"\"=\"", "%s%s%s%s%n", "%x" * 50, "{0}{1}{}",
    "{0.__class__.__mro__}", "${jndi:ldap://x}", "<script>alert(1)</script>", "../../etc/passwd",
    "\x00", "\x1b[2J", "\u202e\u200b\ufeff", "NULL", "S1", "\ud800\udfff", "𝕊𝟙" * 80,
]  # fmt: skip


def per_call(fn: Callable[[int], object], n: int, rounds: int = 15) -> list[float]:
    """Seconds per call, one median-able figure per round of ``n`` calls."""
    result = []
    for _ in range(rounds):
        start = time.perf_counter()
        for i in range(n):
            fn(i)
        result.append((time.perf_counter() - start) / n)
    return result


def qr_size(text: str) -> tuple[int, int]:
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M)
    qr.add_data(text)
    qr.make(fit=True)
    return qr.version, 17 + 4 * qr.version


def mutate(code: str, rng: random.Random) -> str:
    i = rng.randrange(len(code))
    symbol = rng.choice(codes.ALPHABET + "AQWZYMbx -")
    kind = rng.randrange(6)
    if kind == 0:
        return code[:i] + symbol + code[i + 1 :]
    if kind == 1:
        return code[:i] + symbol + code[i:]
    if kind == 2:
        return code[:i] + code[i + 1 :]
    if kind == 3 and i + 1 < len(code):
        return code[:i] + code[i + 1] + code[i] + code[i + 2 :]
    if kind == 4:
        return code[:i]
    return code.lower() if rng.random() < 0.5 else " " + code + "\r\n"


def payloads(
    rng: random.Random, genuine: list[str], forged: list[str], n: int
) -> Iterator[tuple[str, str | bytes]]:
    printable = string.printable
    for k in range(n):
        kind = k % 8
        if kind == 0:
            yield "bytes", rng.randbytes(rng.randrange(0, 4096))
        elif kind == 1:
            size = 1_000_000 if k % 800 == 1 else rng.randrange(512, 20_000)
            yield "huge", rng.choice(printable) * size
        elif kind == 2:
            yield "control", "".join(chr(rng.randrange(0, 32)) for _ in range(rng.randrange(1, 300)))
        elif kind == 3:
            yield "sql/format", rng.choice(NASTY) + rng.choice(NASTY)
        elif kind == 4:
            yield "unicode", "".join(chr(rng.randrange(0x80, 0x10FFFF)) for _ in range(rng.randrange(1, 200)))
        elif kind in (5, 6):
            yield "near-miss", mutate(rng.choice(genuine), rng)
        else:
            yield "forged", rng.choice(forged)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--delegates", type=int, default=10_000)
    parser.add_argument("--payloads", type=int, default=100_000)
    args = parser.parse_args()
    # tmpfs when there is one: the fuzz run journals every payload durably.
    base = "/dev/shm" if os.path.isdir("/dev/shm") else None
    with tempfile.TemporaryDirectory(dir=base) as work:
        store = Store(Path(work) / "bench.sqlite")
        delegates = setup_demo(store, args.delegates, on=date(2023, 12, 6))
        event = store.roster.event()
        assert event is not None
        key, other = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
        keys.trust(store, key.public_key(), event.id)
        layout = codes.Layout.of(store)

        def sign(i: int, signer: Ed25519PrivateKey = key, event_id: str = event.id) -> str:
            return codes.sign(signer, SignedClaims(event_id, f"W{i:06d}", 1, "press", ("main", "p1")), layout)

        genuine = [sign(i) for i in range(1000)]
        forged = [sign(i, other) for i in range(200)] + [sign(i, key, "other-2022") for i in range(200)]
        tokens = [d.code for d in delegates]
        public = key.public_key()
        split = [codes.split(c) for c in genuine]

        lookup = per_call(lambda i: store.roster.lookup(tokens[i % len(tokens)]), 2000)
        resolve = per_call(lambda i: codes.resolve_signed(store, genuine[i % 1000], event), 2000)
        verify = per_call(
            lambda i: public.verify(split[i % 1000][2], codes._message(1, event.id, split[i % 1000][0])), 2000
        )
        shape = per_call(lambda i: codes.looks_signed(genuine[i % 1000]), 2000)
        us = 1e6
        print("\n## Verify time per code (median of 15 rounds of 2,000; p95 of the rounds)\n")
        print(table(
            ["operation", "median µs", "p95 µs", "vs roster lookup"],
            [
                ["roster lookup of an opaque token (baseline)", f"{median(lookup) * us:.1f}", f"{p95(lookup) * us:.1f}", "1.00×"],
                ["looks_signed (shape test)", f"{median(shape) * us:.2f}", f"{p95(shape) * us:.2f}", f"{median(shape) / median(lookup):.2f}×"],
                ["Ed25519 verify only", f"{median(verify) * us:.1f}", f"{p95(verify) * us:.1f}", f"{median(verify) / median(lookup):.2f}×"],
                ["resolve_signed (decode + verify + roster), target ≤ 200", f"{median(resolve) * us:.1f}", f"{p95(resolve) * us:.1f}", f"{median(resolve) / median(lookup):.2f}×"],
            ],
        ))  # fmt: skip

        every_forum = tuple(f.id for f in store.roster.forums())
        long_code = codes.sign(
            key, SignedClaims(event.id, "walkin-3f9a2c7d1e", 9, "foreign_expert", every_forum), layout
        )
        rows = []
        for label, text in [
            ("opaque 16-character token (baseline)", "B7X9KD2LPRT4NF8C"),
            ("signed, id D000123, 2 forums", sign(123)),
            ("signed, 17-char id, all 13 forums", long_code),
        ]:
            version, modules = qr_size(text)
            rows.append([label, len(text), version, f"{modules}×{modules}", f"{(modules / 21) ** 2:.1f}×"])
        print("\n## QR size at error correction M (alphanumeric mode)\n")
        print(table(["code", "characters", "QR version", "modules", "area vs version 1"], rows))

        genuine_set = set(genuine)
        rng = random.Random(7)
        service = CheckinService(store, FixedClock(parse_time("2023-12-06T08:30")), desk="fuzz")
        errors: collections.Counter[str] = collections.Counter()
        counts: collections.Counter[str] = collections.Counter()
        admitted: collections.Counter[str] = collections.Counter()
        start = time.perf_counter()
        for kind, payload in payloads(rng, genuine, forged, args.payloads):
            counts[kind] += 1
            try:
                decision = service.check_in(payload)
            except Exception:  # noqa: BLE001 - counting them is the point
                errors[kind] += 1
                continue
            # Case does not count: the kiosk reads a code typed with Caps Lock on in upper case.
            cleaned = payload.strip().upper() if isinstance(payload, str) else None
            if decision.outcome is Outcome.ADMITTED and cleaned not in genuine_set:
                admitted[kind] += 1
        elapsed = time.perf_counter() - start
        print(
            f"\n## Fuzz run: {args.payloads:,} untrusted payloads through CheckinService.check_in ({elapsed:.0f} s)\n"
        )
        print(table(
            ["payload kind", "payloads", "exceptions", "admitted (not a genuine code)"],
            [[k, f"{counts[k]:,}", errors[k], admitted[k]] for k in sorted(counts)]
            + [["**all**", f"{sum(counts.values()):,}", sum(errors.values()), sum(admitted.values())]],
        ))  # fmt: skip
        store.close()


if __name__ == "__main__":
    main()

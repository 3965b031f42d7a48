"""Real photographs of QR codes: the kiosk's decoder against every peer, one core, one run.

    .venv/bin/python -m bench.bench_real_photos [--root /work/data/qr-photos] [--empty 60]

The images are other projects' public decoder test sets (docs/scanning.md says which and how to
lay them out); nothing is fetched at run time. ``ROOT/<set>/<folder>/NAME.{png,jpg,webp}`` with
the expected text in ``NAME.txt`` beside it; an image with no ``.txt`` (a structured-append part)
is skipped. Peers: the kiosk's decoder, the same decoder as it was at ``BASELINE_REV`` (from git),
zxing-cpp as it comes, zbar (pyzbar), OpenCV's ``QRCodeDetector`` and ``QRCodeDetectorAruco``,
and WeChat's detector (opencv-contrib, in a child process: its ``cv2`` cannot share a process or a
venv with opencv-python-headless; ``--wechat-cv2`` names where it is installed, ``--wechat-models``
its CNN model files). Prints read / wrong / missed and CPU ms per image per folder, then the
rescue step that read each image the first pass did not, then the decoders' CPU time on
synthetic empty frames (old and new decoder, and the new one with a half-scale look at the whole
image, interleaved), then each image the kiosk still misses and which peers read it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import types
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np

from bench.table import table

BASELINE_REV = "b9e87b1be1c7970e0404c3f55563440a4dcd35a5"  # the decoder before the zbar second opinion
# A QR code printed inside another one: each set's .txt names one of the two, so reading the
# other one is a miss there, not a wrong read.
TWO_CODES = {("qrcode-2", "16")}
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".gif")
Decode = Callable[[np.ndarray], list[str]]


def load_set(root: Path) -> list[tuple[str, Path, str]]:
    """``[(folder, image, expected text)]`` for every image under ``root`` with its ``.txt``."""
    items = []
    for image in sorted(root.rglob("*")):
        truth = image.with_suffix(".txt")
        if image.suffix.lower() in IMAGE_SUFFIXES and truth.exists():
            items.append((str(image.parent.relative_to(root)), image, truth.read_bytes().decode("utf-8")))
    return items


def also_in_image(items) -> list[set[str]]:  # type: ignore[no-untyped-def]
    """Per image, the texts of every code it holds (the expected one, and a second one's)."""
    texts: dict[tuple[str, str], set[str]] = {}
    for _, path, truth in items:
        texts.setdefault((path.parent.name, path.stem), set()).add(truth)
    return [
        texts[(p.parent.name, p.stem)] if (p.parent.name, p.stem) in TWO_CODES else {t} for _, p, t in items
    ]


def baseline_decoder():  # type: ignore[no-untyped-def]
    """``QrDecoder`` exactly as committed at ``BASELINE_REV``."""
    source = subprocess.run(
        ["git", "show", f"{BASELINE_REV}:kiosk/scan/decoder.py"],
        capture_output=True, check=True, text=True, cwd=Path(__file__).resolve().parent.parent,
    ).stdout  # fmt: skip
    module = types.ModuleType("baseline_decoder")
    sys.modules[module.__name__] = module  # dataclasses look their module up
    exec(compile(source, "baseline_decoder.py", "exec"), module.__dict__)
    return module.QrDecoder()


def peers() -> dict[str, Decode]:
    import zxingcpp
    from pyzbar import pyzbar

    from kiosk.scan.decoder import QrDecoder

    kiosk, old = QrDecoder(), baseline_decoder()
    qr = cv2.QRCodeDetector()
    aruco = cv2.QRCodeDetectorAruco()

    def opencv(detector) -> Decode:  # type: ignore[no-untyped-def]
        def decode(image: np.ndarray) -> list[str]:
            try:
                text, _, _ = detector.detectAndDecode(image)
            except cv2.error:
                return []
            except UnicodeDecodeError:  # bytes that are not UTF-8: a read, but not the text
                return ["\ufffd"]
            return [text] if text else []

        return decode

    def zbar(image: np.ndarray) -> list[str]:
        found = pyzbar.decode(image, symbols=[pyzbar.ZBarSymbol.QRCODE])
        return [s.data.decode("utf-8", "replace") for s in found]

    return {
        "kiosk": lambda image: [r.text for r in kiosk.decode(image)],
        "kiosk before": lambda image: [r.text for r in old.decode(image)],
        "zxing-cpp": lambda image: [
            b.text
            for b in zxingcpp.read_barcodes(
                image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
            )
        ],
        "zbar": zbar,
        "QRCodeDetector": opencv(qr),
        "QRCodeDetectorAruco": opencv(aruco),
    }


def run(items, decoders: dict[str, Decode]) -> dict[str, list[tuple[list[str], float]]]:  # type: ignore[no-untyped-def]
    """Per decoder, per image: (texts, CPU ms). Interleaved image by image, the order turning."""
    out: dict[str, list[tuple[list[str], float]]] = {name: [] for name in decoders}
    order = list(decoders.items())
    for number, (_, path, _) in enumerate(items):
        image = cv2.imread(str(path), cv2.IMREAD_COLOR)
        turn = number % len(order)
        for name, decode in order[turn:] + order[:turn]:
            start = time.process_time()
            texts = decode(image) if image is not None else []
            out[name].append((texts, (time.process_time() - start) * 1000))
    return out


def wechat(items, cv2_dir: Path, models: Path) -> tuple[str, list[tuple[list[str], float]]] | None:  # type: ignore[no-untyped-def]
    if not (cv2_dir / "cv2").is_dir():
        return None
    env = dict(os.environ, PYTHONPATH=str(cv2_dir))
    request = json.dumps({"models": str(models), "images": [str(p) for _, p, _ in items]})
    done = subprocess.run([sys.executable, "-m", "bench.bench_real_photos", "--wechat-child"], input=request,
                          capture_output=True, text=True, env=env, cwd=Path(__file__).resolve().parent.parent)  # fmt: skip
    if done.returncode:
        print(f"WeChat detector did not run: {done.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
        return None
    answer = json.loads(done.stdout)
    return answer["name"], [(texts, ms) for texts, ms in answer["results"]]


def wechat_child() -> int:
    """Runs under opencv-contrib's ``cv2``: decode each image, print ``[[texts, cpu_ms], ...]``."""
    cv2.setNumThreads(1)
    request = json.loads(sys.stdin.read())
    # OpenCV 5 dropped the Caffe importer: WeChat's CNN models load only as ONNX files here;
    # without them the detector falls back to its classic (non-CNN) locator.
    onnx = [Path(request["models"]) / n for n in ("detect.onnx", "sr.onnx")]
    with_cnn = all(f.exists() for f in onnx)
    make = cv2.wechat_qrcode_WeChatQRCode  # type: ignore[attr-defined]
    detector = make(*map(str, onnx)) if with_cnn else make()
    results = []
    for path in request["images"]:
        image = cv2.imread(path, cv2.IMREAD_COLOR)
        start = time.process_time()
        try:
            texts = list(detector.detectAndDecode(image)[0]) if image is not None else []
        except UnicodeDecodeError:  # bytes that are not UTF-8: a read, but not the text
            texts = ["\ufffd"]
        results.append([texts, (time.process_time() - start) * 1000])
    print(json.dumps({"name": "WeChat" if with_cnn else "WeChat (no CNN)", "results": results}))
    return 0


def tally(items, results: dict[str, list[tuple[list[str], float]]]) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """Markdown: read / wrong / missed per folder (and the union of peers), CPU ms per image.

    An empty text is the kiosk refusing a payload whose encoding it cannot know: a miss, not a
    wrong read."""
    names = list(results)
    held = also_in_image(items)
    folders = sorted({f for f, _, _ in items}) + ["**all**"]
    counts_rows: list[list[object]] = []
    ms_rows: list[list[object]] = []
    for folder in folders:
        idx = [i for i, (f, _, _) in enumerate(items) if folder in (f, "**all**")]
        cells, ms_cells = [], []
        for name in names:
            got = [results[name][i] for i in idx]
            read = sum(items[i][2] in t for i, (t, _) in zip(idx, got, strict=True))
            wrong = sum(bool(set(t) - held[i] - {""}) for i, (t, _) in zip(idx, got, strict=True))
            cells.append(f"{read} / {wrong} / {len(idx) - read}")
            ms = [m for _, m in got]
            ms_cells.append(f"{statistics.median(ms):.1f} / {statistics.mean(ms):.1f}")
        union = sum(any(items[i][2] in results[n][i][0] for n in names if n != "kiosk") for i in idx)
        counts_rows.append([folder, len(idx), *cells, union])
        ms_rows.append([folder, *ms_cells])
    counts = table(["folder", "images", *names, "any peer"], counts_rows)
    return counts, table(["CPU ms per image, median / mean", *names], ms_rows)


class HalfScaleLook:
    """The kiosk's decoder, then, when it read nothing, zxing-cpp's global-histogram binariser on
    the whole image at half scale: the one step that reads the textured and artistic codes the
    kiosk misses (docs/scanning.md), measured here rather than kept, for what it costs."""

    def __init__(self) -> None:
        from kiosk.scan.decoder import QrDecoder

        self.kiosk = QrDecoder()

    def decode(self, image: np.ndarray) -> list[str]:
        import zxingcpp

        from kiosk.scan.decoder import gray
        from kiosk.scan.rescue import FULL_SIZE

        luma = gray(image)  # once, as the decoder alone would
        reads = [r.text for r in self.kiosk.decode(luma)]
        if reads:
            return reads
        half = cv2.resize(luma, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_LINEAR)
        found = zxingcpp.read_barcodes(half, formats=FULL_SIZE, try_rotate=False, try_downscale=False,
                                       try_invert=False, binarizer=zxingcpp.Binarizer.GlobalHistogram)  # fmt: skip
        return [b.text for b in found if b.valid]


def empty_frames(count: int) -> str:
    """CPU ms on synthetic empty frames, the decoder before, now, and with the half-scale look."""
    from bench.scanset import build_set
    from kiosk.scan.decoder import QrDecoder

    decoders = {"kiosk before": baseline_decoder(), "kiosk": QrDecoder(), "+half-scale look": HalfScaleLook()}
    names = list(decoders)
    rows: list[list[object]] = []
    for category in ("empty 720p", "empty 1080p"):
        frames = [f for _, f, _ in build_set(count // 2, categories=(category,))]
        ms: dict[str, list[float]] = {n: [] for n in decoders}
        for number, frame in enumerate(frames * 3):
            turn = number % len(names)
            for name in names[turn:] + names[:turn]:
                start = time.process_time()
                decoders[name].decode(frame)
                ms[name].append((time.process_time() - start) * 1000)
        medians = [statistics.median(ms[n]) for n in names]
        ratios = [f"{m / medians[0]:.2f}×" for m in medians[1:]]
        rows.append([category, len(frames), *(f"{m:.2f}" for m in medians), *ratios])
    return table(["CPU ms median", "frames", *names, "kiosk ratio", "+look ratio"], rows)


def rescue_steps(items) -> str:  # type: ignore[no-untyped-def]
    """Which rescue step read each image the kiosk reads only after its first pass (untimed)."""
    from kiosk.scan.decoder import QrDecoder

    decoder, steps = QrDecoder(), dict[str, list[str]]()
    for _, path, truth in items:
        image = cv2.imread(str(path), cv2.IMREAD_COLOR)
        if image is not None and truth in [r.text for r in decoder.decode(image)] and decoder.rescued_by:
            steps.setdefault(decoder.rescued_by[0], []).append(
                f"{path.parent.parent.name}/{path.parent.name}/{path.stem}"
            )
    return table(["rescue step", "images", "which"], [[s, len(v), ", ".join(v)] for s, v in steps.items()])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--root", type=Path, default=Path(os.environ.get("QR_PHOTOS", "/work/data/qr-photos"))
    )
    parser.add_argument("--wechat-cv2", type=Path, default=Path("/work/data/wechat-cv2"))
    parser.add_argument("--wechat-models", type=Path, default=Path("/work/data/wechat-models"))
    parser.add_argument("--empty", type=int, default=60, help="synthetic empty frames per size")
    parser.add_argument("--wechat-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.wechat_child:
        return wechat_child()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    cv2.setNumThreads(1)
    items = load_set(args.root)
    if not items:
        print(f"No images with expected text under {args.root}: see docs/scanning.md", file=sys.stderr)
        return 2
    print(f"# Real QR photographs: {len(items)} images under {args.root}, one core\n")
    results = run(items, peers())
    found = wechat(items, args.wechat_cv2, args.wechat_models)
    if found is not None:
        results[found[0]] = found[1]
    counts, ms = tally(items, results)
    print("## Read / wrong / missed per folder\n\n" + counts + "\n\n## CPU time per image\n\n" + ms)
    print("\n## Rescue steps\n\n" + rescue_steps(items))
    print("\n## Empty synthetic frames (no code), CPU ms\n\n" + empty_frames(args.empty))
    print("\n## Images the kiosk misses or misreads, and who reads them\n")
    held, look = also_in_image(items), HalfScaleLook()
    for i, (folder, path, truth) in enumerate(items):
        texts = results["kiosk"][i][0]
        wrong = [t[:40] for t in texts if t not in held[i]]
        if truth not in texts or wrong:
            readers = [n for n in results if n != "kiosk" and truth in results[n][i][0]]
            note = f" (kiosk read {wrong!r}, expected {truth[:40]!r})" if wrong else ""
            image = cv2.imread(str(path), cv2.IMREAD_COLOR)
            if image is not None and truth in look.decode(image):
                note += " (read by the half-scale look)"
            print(f"- {folder}/{path.name}: {', '.join(readers) or 'no peer'}{note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

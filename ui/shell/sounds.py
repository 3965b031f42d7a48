"""Short tones for admitted, refused and VIP attention; generated with numpy into resources/sounds.

python -m ui.shell.sounds     # (re)write resources/sounds/*.wav
"""

from __future__ import annotations

import logging
import wave
from pathlib import Path
from typing import Any

import numpy as np

from ui.bridge import AppContext

log = logging.getLogger(__name__)
SOUNDS = Path(__file__).resolve().parents[2] / "resources" / "sounds"
RATE = 22050
TONES: dict[str, list[tuple[float, float]]] = {  # (frequency Hz, seconds) in sequence
    "admitted": [(880.0, 0.09), (1318.5, 0.16)],  # a rising two-note chime
    "refused": [(392.0, 0.18), (261.6, 0.32)],  # a falling low pair
    "vip": [(1046.5, 0.1), (1318.5, 0.1), (1568.0, 0.1), (2093.0, 0.22)],  # an arpeggio for protocol staff
}


def tone(freq: float, seconds: float) -> np.ndarray:
    t = np.arange(int(RATE * seconds)) / RATE
    envelope = np.minimum(1.0, np.minimum(t / 0.01, (seconds - t) / 0.04))
    return 0.45 * envelope * (np.sin(2 * np.pi * freq * t) + 0.2 * np.sin(4 * np.pi * freq * t))


def generate(folder: Path = SOUNDS) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, notes in TONES.items():
        samples = np.concatenate([tone(f, s) for f, s in notes])
        pcm = (np.clip(samples, -1, 1) * 32767).astype("<i2")
        path = folder / f"{name}.wav"
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(RATE)
            out.writeframes(pcm.tobytes())
        written.append(path)
    return written


class Sounds:
    """Plays the tones with QSoundEffect; silent when there is no audio output."""

    def __init__(self, context: AppContext) -> None:
        self.context = context
        self.played: list[str] = []  # what was asked, for tests and the log
        self._effects: dict[str, Any] = {}
        try:
            from PySide6.QtCore import QUrl
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

            if not QMediaDevices.audioOutputs():
                log.info("no audio output: sounds are off")
                return
            if not all((SOUNDS / f"{n}.wav").exists() for n in TONES):
                generate()
            for name in TONES:
                effect = QSoundEffect()
                effect.setSource(QUrl.fromLocalFile(str(SOUNDS / f"{name}.wav")))
                self._effects[name] = effect
        except Exception as exc:  # noqa: BLE001 - a kiosk without sound still works
            log.info("sounds unavailable: %s", exc)

    def play(self, name: str) -> None:
        self.played.append(name)
        effect = self._effects.get(name)
        if effect is not None and self.context.app.settings.sounds:
            effect.play()

    def play_for(self, decision: Any) -> None:
        if not decision.admitted:
            self.play("refused")
            return
        category = (
            self.context.app.categories().get(decision.delegate.category) if decision.delegate else None
        )
        self.play("vip" if category is not None and category.vip else "admitted")


if __name__ == "__main__":
    generate()

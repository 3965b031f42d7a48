"""Short tones for admitted, refused and VIP attention, then a spoken prompt.

The tones are generated with numpy into resources/sounds; the spoken prompts are shipped
clips (ui.shell.speech)::

    python -m ui.shell.sounds     # (re)write the tones, resources/sounds/{admitted,refused,vip}.wav
"""

from __future__ import annotations

import logging
import wave
from pathlib import Path
from typing import Any

import numpy as np

from kiosk.model import Decision
from ui.bridge import AppContext
from ui.shell.speech import LANGUAGES, SOUNDS, Prompt, clip_path, prompt_for, spoken_language

log = logging.getLogger(__name__)
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
    """Plays the tones with QSoundEffect, then the spoken prompt (ui.shell.speech) in the
    delegate's language once the tone has ended; silent when there is no audio output.

    ``settings.sounds`` turns both off, ``settings.speech`` only the spoken prompts.
    """

    def __init__(self, context: AppContext) -> None:
        self.context = context
        self.played: list[str] = []  # tones asked, for tests and the log
        self.spoken: list[str] = []  # clips asked to be spoken (say-admitted-en …)
        self._effects: dict[str, Any] = {}
        self._clips: dict[str, Any] = {}
        self._pending: Any = None  # the clip to speak when the tone ends
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
                effect.playingChanged.connect(self._on_tone_changed)
                self._effects[name] = effect
            for prompt in Prompt:
                for language in LANGUAGES:
                    clip = QSoundEffect()
                    clip.setSource(QUrl.fromLocalFile(str(clip_path(prompt, language))))
                    self._clips[clip_path(prompt, language).stem] = clip
        except Exception as exc:  # noqa: BLE001 - a kiosk without sound still works
            log.info("sounds unavailable: %s", exc)

    def play(self, name: str) -> None:
        self.played.append(name)
        effect = self._effects.get(name)
        if effect is not None and self.context.app.settings.sounds:
            effect.play()

    def play_for(self, decision: Decision) -> None:
        if not decision.admitted:
            tone = "refused"
        else:
            category = (
                self.context.app.categories().get(decision.delegate.category) if decision.delegate else None
            )
            tone = "vip" if category is not None and category.vip else "admitted"
        self.play(tone)
        language = spoken_language(decision, self.context.app.settings.language)
        self._speak(prompt_for(decision), language, after_tone=tone in self._effects)

    def say(self, prompt: str, language: str) -> None:
        """Speak ``prompt`` (a ``Prompt``; the scan prompt is for the attract screen) in
        ``language`` (zh | en) now."""
        self._speak(Prompt(prompt), language, after_tone=False)

    def _speak(self, prompt: Prompt, language: str, after_tone: bool) -> None:
        """A clip still speaking from the last guest stops; the new one starts when the tone
        just asked for has ended (``_on_tone_changed``), or at once."""
        settings = self.context.app.settings
        if not (settings.sounds and settings.speech):
            return
        name = clip_path(prompt, language).stem
        self.spoken.append(name)
        clip = self._clips.get(name)
        if clip is None:
            return
        for other in self._clips.values():
            other.stop()
        self._pending = clip if after_tone else None
        if not after_tone:
            clip.play()

    def _on_tone_changed(self) -> None:
        if self._pending is not None and not any(e.isPlaying() for e in self._effects.values()):
            clip, self._pending = self._pending, None
            clip.play()


if __name__ == "__main__":
    generate()

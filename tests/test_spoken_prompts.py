"""Spoken prompts: a clip per outcome in both languages, spoken in the delegate's language
after the tone, and a setting that turns speech off."""

from __future__ import annotations

import wave
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from kiosk.app.settings import Settings
from kiosk.demo.samples import install_samples, sample_delegates
from kiosk.model import Decision, Delegate, Outcome
from kiosk.store import Store
from ui.shell.speech import LANGUAGES, LINES, Prompt, clip_path, prompt_for


def _samples(path: Path) -> tuple[wave.Wave_read, np.ndarray]:
    with wave.open(str(path)) as clip:
        frames = clip.readframes(clip.getnframes())
    return clip, np.frombuffer(frames, dtype="<i2").astype(float)


@pytest.mark.parametrize("prompt", list(Prompt))
def test_every_prompt_has_a_spoken_clip_in_both_languages(prompt):
    clips = {}
    for language in LANGUAGES:
        path = clip_path(prompt, language)
        assert path.is_file(), f"{path.name} is missing: python -m ui.shell.speech writes it"
        clip, samples = _samples(path)
        assert (clip.getnchannels(), clip.getsampwidth(), clip.getframerate()) == (1, 2, 22050)
        seconds = len(samples) / clip.getframerate()
        assert 0.8 <= seconds <= 4, (path.name, seconds)  # short: a prompt, not a speech
        assert np.sqrt(np.mean(samples**2)) > 500, path.name  # speech, not silence
        clips[language] = samples
    assert not np.array_equal(clips["zh"], clips["en"])
    assert set(LINES[prompt]) == set(LANGUAGES)


def test_every_outcome_has_a_prompt_and_refusals_never_say_why():
    said = {outcome: prompt_for(Decision(outcome, "entrance", "CODE")) for outcome in Outcome}
    assert said.pop(Outcome.ADMITTED) is Prompt.ADMITTED
    assert said.pop(Outcome.ALREADY_CHECKED_IN) is Prompt.ALREADY_IN
    assert set(said.values()) == {Prompt.SEE_STAFF}  # revoked, not registered …: not out loud


@pytest.fixture
def sounds(qtbot: Any, tmp_path: Path) -> Any:
    from kiosk.app.kiosk_app import KioskApp
    from ui.bridge import AppContext
    from ui.shell.sounds import Sounds

    store = Store(tmp_path / "kiosk.sqlite")
    install_samples(store)
    context = AppContext(KioskApp(store, settings=Settings(language="zh_CN", sounds=True, speech=True)))
    yield Sounds(context)
    context.close()


def _decision(outcome: Outcome, language: str) -> Decision:
    delegate: Delegate = replace(sample_delegates()[1], language=language)  # a scientist, no VIP tone
    return Decision(outcome, "entrance", delegate.code, delegate=delegate)


def test_the_prompt_is_spoken_in_the_delegates_language_else_the_kiosks(sounds):
    sounds.play_for(_decision(Outcome.ADMITTED, "en"))  # an English delegate at a Chinese kiosk
    sounds.play_for(_decision(Outcome.ALREADY_CHECKED_IN, "zh"))
    sounds.play_for(_decision(Outcome.REVOKED, ""))  # the roster does not know: the kiosk's
    sounds.play_for(Decision(Outcome.UNKNOWN_BADGE, "entrance", "NOPE"))  # nobody at all
    assert sounds.played == ["admitted", "refused", "refused", "refused"]  # the tones first
    assert sounds.spoken == ["say-admitted-en", "say-already_in-zh", "say-see_staff-zh", "say-see_staff-zh"]
    sounds.say(Prompt.SCAN, "en")  # the attract screen's invitation, no tone before it
    assert sounds.spoken[-1] == "say-scan-en" and sounds.played[-1] == "refused"


def test_the_speech_setting_turns_the_prompts_off_and_keeps_the_tones(sounds):
    app = sounds.context.app
    app.update_settings(speech=False)
    sounds.play_for(_decision(Outcome.ADMITTED, "en"))
    assert sounds.played == ["admitted"] and sounds.spoken == []
    app.update_settings(speech=True, sounds=False)  # no sounds: no speech either
    sounds.play_for(_decision(Outcome.ADMITTED, "en"))
    assert sounds.spoken == []
    assert Settings().speech  # on unless the operator turns it off


class _Effect:
    """Stands in for QSoundEffect: this machine has no audio output to play to."""

    def __init__(self) -> None:
        self.playing = False
        self.starts = 0

    def isPlaying(self) -> bool:  # noqa: N802 - QSoundEffect's name
        return self.playing

    def play(self) -> None:
        self.starts += 1

    def stop(self) -> None:
        self.playing = False

    def finish(self, sounds: Any) -> None:
        self.playing = False
        sounds._on_tone_changed()


def test_the_clip_starts_when_the_tone_has_ended_not_over_it(sounds):
    tone, english, chinese = _Effect(), _Effect(), _Effect()
    sounds._effects = {"admitted": tone, "refused": _Effect()}
    sounds._clips = {"say-admitted-en": english, "say-admitted-zh": chinese}
    sounds.play_for(_decision(Outcome.ADMITTED, "en"))
    tone.playing = True  # QSoundEffect starts a moment after play()
    sounds._on_tone_changed()
    assert tone.starts == 1 and english.starts == 0  # not over the tone
    tone.finish(sounds)
    assert english.starts == 1 and chinese.starts == 0
    tone.finish(sounds)  # a later change of the tone does not speak it again
    assert english.starts == 1
    scan = _Effect()
    sounds._clips["say-scan-zh"] = scan
    sounds.say(Prompt.SCAN, "zh")  # no tone before the attract screen's prompt: spoken at once
    assert scan.starts == 1

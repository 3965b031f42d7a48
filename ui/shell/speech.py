"""Spoken prompts: one short clip per outcome and language, shipped in resources/sounds.

A guest at an unattended kiosk hears what the screen shows: welcome, already checked in,
please see the staff, and the scan prompt, in Chinese or English. The clips are generated
offline with espeak-ng (Debian's ``espeak-ng``; no network, no model download) and shipped,
so a kiosk needs no speech engine::

    python -m ui.shell.speech      # (re)write resources/sounds/say-*.wav (needs espeak-ng)

Chinese is spoken from tone-numbered pinyin with espeak-ng's ``cmn-latn-pinyin`` voice: its
``cmn`` voice read 欢迎 and 请 letter by letter in English (``espeak-ng -x`` showed English
phonemes for them), while the pinyin voice gives Mandarin syllables with their tones.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from kiosk.model import Decision, Outcome
from kiosk.printing.content import pass_language

SOUNDS = Path(__file__).resolve().parents[2] / "resources" / "sounds"
LANGUAGES = ("zh", "en")


class Prompt(StrEnum):
    ADMITTED = "admitted"
    ALREADY_IN = "already_in"
    SEE_STAFF = "see_staff"
    SCAN = "scan"  # the invitation to show a code


@dataclass(frozen=True, slots=True)
class Line:
    text: str  # what the screen says
    spoken: str  # what espeak-ng is given (tone-numbered pinyin for Chinese)
    voice: str


LINES: dict[Prompt, dict[str, Line]] = {
    Prompt.ADMITTED: {
        "zh": Line("欢迎，签到成功", "huan1 ying2, qian1 dao4 cheng2 gong1.", "cmn-latn-pinyin"),
        "en": Line("Welcome. You are checked in.", "Welcome. You are checked in.", "en-gb"),
    },
    Prompt.ALREADY_IN: {
        "zh": Line("您已经签到过了", "nin2 yi3 jing1 qian1 dao4 guo4 le5.", "cmn-latn-pinyin"),
        "en": Line("You are already checked in.", "You are already checked in.", "en-gb"),
    },
    Prompt.SEE_STAFF: {
        "zh": Line("请到服务台", "qing3 dao4 fu2 wu4 tai2.", "cmn-latn-pinyin"),
        "en": Line(
            "Please see the staff at the help desk.", "Please see the staff at the help desk.", "en-gb"
        ),
    },
    Prompt.SCAN: {
        "zh": Line("请出示二维码", "qing3 chu1 shi4 er4 wei2 ma3.", "cmn-latn-pinyin"),
        "en": Line("Please show your QR code.", "Please show your Q R code.", "en-gb"),
    },
}


def clip_path(prompt: Prompt, language: str, folder: Path = SOUNDS) -> Path:
    return folder / f"say-{prompt}-{language}.wav"


def prompt_for(decision: Decision) -> Prompt:
    """What a guest is told after a scan. A refusal never says why out loud (the queue
    hears it): every refusal other than "already in" is "please see the staff"."""
    if decision.admitted:
        return Prompt.ADMITTED
    if decision.outcome is Outcome.ALREADY_CHECKED_IN:
        return Prompt.ALREADY_IN
    return Prompt.SEE_STAFF


def spoken_language(decision: Decision, kiosk_language: str) -> str:
    """The delegate's language when the roster knows it, else the kiosk's (zh | en)."""
    delegate_language = decision.delegate.language if decision.delegate is not None else ""
    return pass_language(delegate_language, kiosk_language)


def generate(folder: Path = SOUNDS) -> list[Path]:
    """Write every clip with espeak-ng (22.05 kHz mono WAV, as QSoundEffect plays)."""
    engine = shutil.which("espeak-ng")
    if engine is None:
        raise SystemExit("espeak-ng is not installed: apt-get install espeak-ng")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for prompt, lines in LINES.items():
        for language, line in lines.items():
            path = clip_path(prompt, language, folder)
            subprocess.run([engine, "-v", line.voice, "-s", "150", "-w", str(path), line.spoken], check=True)
            written.append(path)
    return written


if __name__ == "__main__":
    for written_path in generate():
        print(written_path)

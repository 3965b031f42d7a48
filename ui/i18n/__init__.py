"""Translations: Qt .qm files for zh_CN and en, installed app-wide or used per guest.

Source strings are English (``self.tr("...")``). The operator language is installed
on the application; a guest's result is shown in the guest's language through
``translate_in`` without switching the whole app.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from kiosk.app.language import normalize_language

log = logging.getLogger(__name__)

I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n"
LANGUAGES = ("zh_CN", "en")
_translators: dict[str, QTranslator] = {}
_installed: QTranslator | None = None


normalize = normalize_language  # zh, zh-CN, zh_CN -> zh_CN; anything else -> en


def translator(language: str) -> QTranslator:
    """The loaded translator for a language (compiling the .ts first if the .qm is missing)."""
    language = normalize(language)
    found = _translators.get(language)
    if found is not None:
        return found
    qm = I18N / f"{language}.qm"
    ts = qm.with_suffix(".ts")
    if ts.exists() and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime):
        from ui.i18n.build import build

        try:
            build()
        except Exception as exc:  # noqa: BLE001 - an app without translations still runs
            log.warning("cannot compile translations: %s", exc)
    found = QTranslator()
    if not found.load(str(qm)):
        log.warning("no translation file %s; showing source text", qm.name)
    _translators[language] = found
    return found


def install(language: str) -> None:
    """Make ``language`` the app's language (widgets get a LanguageChange event)."""
    global _installed
    app = QCoreApplication.instance()
    if app is None:
        return
    if _installed is not None:
        app.removeTranslator(_installed)
    _installed = translator(language)
    app.installTranslator(_installed)


def translate_in(language: str, context: str, source: str) -> str:
    """``source`` in ``language`` without touching the installed translator."""
    text = translator(language).translate(context, source)
    return text or source

"""Every string translated; switching language changes what is on screen; Chinese renders."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QFontMetrics

from kiosk.app.flow import Mode
from kiosk.app.intake import CodeSource
from tests.ui_support import State, close, demo_store, first, make_context, wait_state, with_language
from ui.i18n import update as i18n_update
from ui.shell.main_window import MainWindow


@pytest.mark.skipif(shutil.which(i18n_update.lupdate()) is None, reason="pyside6-lupdate is not installed")
def test_no_user_facing_string_is_left_untranslated(tmp_path: Path) -> None:
    report = i18n_update.update(tmp_path)
    missing = [f"{lang} [{ctx}] {text!r}" for lang, items in report.items() for ctx, text in items]
    assert missing == [], "untranslated (add them to resources/i18n/glossary/*.tsv):\n" + "\n".join(missing)
    ts = (tmp_path / "zh_CN.ts").read_text(encoding="utf-8")
    assert "请向摄像头出示您的二维码" in ts


def test_switching_the_language_changes_the_visible_text(qtbot: Any, tmp_path: Path) -> None:
    store, _ = demo_store(tmp_path)
    context = make_context(store, tmp_path, language="zh_CN")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    try:
        attract = window.screens[Mode.SELFSERVICE].attract  # type: ignore[attr-defined]
        assert attract.headline.first == "请向摄像头出示您的二维码"
        assert attract.no_code.first == "没有二维码？查找您的姓名"
        context.set_language("en")
        assert attract.headline.first == "Please show your QR code to the camera"
        assert attract.headline.second == "请向摄像头出示您的二维码"
        assert window.windowTitle() == "Forum check-in"
        assert context.app.settings.language == "en"
    finally:
        close(window, context)


def test_a_guest_is_welcomed_in_their_own_language_on_a_chinese_kiosk(qtbot: Any, tmp_path: Path) -> None:
    store, delegates = demo_store(tmp_path)
    context = make_context(store, tmp_path, language="zh_CN")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    try:
        foreign = with_language(store, first(delegates, lambda d: d.active and d.name_en != ""), "en")
        context.app.intake.submit(foreign.code, CodeSource.SCANNER)
        wait_state(qtbot, context, State.RESULT, State.PRINTING)
        result = window.screens[Mode.SELFSERVICE].result  # type: ignore[attr-defined]
        assert result.word.first == "WELCOME" and result.word.second == "欢迎"
        assert result.title.first == foreign.name_en
        context.app.flow.fire("reset", "next guest")
        chinese = with_language(store, first(delegates, lambda d: d.active and d.language == "zh"), "zh")
        context.app.intake.submit(chinese.code, CodeSource.SCANNER)
        qtbot.waitUntil(lambda: result.title.first == chinese.name, timeout=60000)
        assert result.word.first == "欢迎" and result.word.second == "WELCOME"
        assert "您的论坛" in result.advice.first
    finally:
        close(window, context)


def test_chinese_renders_with_the_bundled_font(qtbot: Any) -> None:
    from ui.shell.app import make_application

    app = make_application()
    metrics = QFontMetrics(app.font())
    assert "WenQuanYi" in app.font().family() or "Micro Hei" in app.font().family()
    assert all(metrics.inFontUcs4(ord(c)) for c in "欢迎请到服务台")


@pytest.mark.skipif(shutil.which(i18n_update.lupdate()) is None, reason="pyside6-lupdate is not installed")
def test_the_shipped_translation_files_are_up_to_date(tmp_path: Path) -> None:
    """resources/i18n/*.ts are what `python -m ui.i18n.update` makes from today's source and glossaries."""
    import xml.etree.ElementTree as ET

    def messages(path: Path) -> dict[tuple[str, str], str]:
        root = ET.parse(path).getroot()
        return {(c.findtext("name") or "", m.findtext("source") or ""): m.findtext("translation") or ""
                for c in root.iter("context") for m in c.iter("message")}  # fmt: skip

    i18n_update.update(tmp_path)
    for language in i18n_update.LANGUAGES:
        shipped = messages(i18n_update.I18N / f"{language}.ts")
        fresh = messages(tmp_path / f"{language}.ts")
        stale = sorted(
            f"[{ctx}] {src!r}" for (ctx, src), text in fresh.items() if shipped.get((ctx, src)) != text
        )
        assert stale == [], f"{language}.ts is stale: run `python -m ui.i18n.update`:\n" + "\n".join(stale)

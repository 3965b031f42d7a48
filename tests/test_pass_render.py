"""The Qt renderer: text kept as text in its PDF, a QR that scans on every stock, nothing cut off."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime
from itertools import combinations
from pathlib import Path

import numpy as np
import pytest
import zxingcpp

from kiosk.demo.samples import install_samples, sample_delegates, sample_event, sample_passes
from kiosk.printing.content import PassContent, build_content
from kiosk.printing.layout import layout_names, load_layout
from kiosk.store import Store

ROOT = Path(__file__).resolve().parents[1]
STOCKS = layout_names()
LONGEST = replace(
    sample_delegates()[3],
    name="买买提艾力·阿卜杜勒克里木·司马义·艾尔肯·托合提尼亚孜·努尔麦麦提·热合曼",
    organization="联合国教育、科学及文化组织（UNESCO）国际科学技术与创新战略研究中心亚太区域办公室驻中国西安代表处",
    title="高级项目官员兼国际合作与伙伴关系部门负责人",
)


def _qr_text(image: np.ndarray) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(image)]


def _gray(qimage) -> np.ndarray:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage

    grey = qimage.convertToFormat(QImage.Format.Format_Grayscale8)
    data = np.frombuffer(grey.constBits(), np.uint8, count=grey.bytesPerLine() * grey.height())
    return data.reshape(grey.height(), grey.bytesPerLine())[:, : grey.width()].copy()


def _pdftotext(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; scripts/install installs it")
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(text.stdout.split())


@pytest.fixture()
def roster_db(tmp_path) -> Path:
    db = tmp_path / "kiosk.sqlite"
    store = Store(db)
    install_samples(store, [*sample_delegates(), replace(LONGEST, id="d-long", code="L0NGNAMEC0DE2345")])
    store.close()
    return db


def test_pass_command_pdf_keeps_name_and_forums_as_text(roster_db, tmp_path):
    out = tmp_path / "zh.pdf"
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "pass",
            "K7QM2XWD9PRT4HNA",
            "--db",
            str(roster_db),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    text = _pdftotext(out)
    assert "欧阳娜娜" in text and "Ouyang Nana" in text
    for forum in (
        "2023西安“双中心”建设主题论坛",
        "2023光子产业暨硬科技成果转化论坛",
        "2023中国(西安)人工智能产业高峰论坛",
    ):
        assert forum in text.replace(" ", "")
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    assert "WenQuanYi" in fonts and " yes " in fonts  # the bundled font, embedded


def test_foreign_delegate_pass_is_in_english_with_the_chinese_forum_names(roster_db, tmp_path):
    import main

    out = tmp_path / "en.pdf"
    assert (
        main.run(
            ["pass", "W4TR8HJC2MVN6QXE", "--db", str(roster_db), "--out", str(out), "--layout", "a6-card"]
        )
        == 0
    )
    text = _pdftotext(out)
    assert "Maria-Josefina Fernández-Castellanos" in text
    assert (
        "Foreign Experts Symposium" in text and "2023 Xi'an 'Dual Centers' Construction Theme Forum" in text
    )
    # door signs are Chinese: each forum in English first, then its Chinese name
    assert text.index("Foreign Experts Symposium") < text.index("外国专家座谈会")
    assert "Hall B2" in text and "Hall Expo" not in text and "Desk desk" not in text


def test_pass_command_png_scans_to_the_badge_code(roster_db, tmp_path):
    import cv2

    import main

    out = tmp_path / "pass.png"
    assert (
        main.run(
            ["pass", "V9PA3KZM7TRD2HWQ", "--db", str(roster_db), "--out", str(out), "--layout", "label-62"]
        )
        == 0
    )
    assert _qr_text(cv2.imread(str(out), cv2.IMREAD_GRAYSCALE)) == ["V9PA3KZM7TRD2HWQ"]


def test_unknown_code_is_a_one_line_error(roster_db, tmp_path, capsys):
    import main

    assert main.run(["pass", "NOPE", "--db", str(roster_db), "--out", str(tmp_path / "x.pdf")]) == 2
    assert "no delegate" in capsys.readouterr().err


@pytest.mark.parametrize("stock", STOCKS)
def test_thermal_raster_qr_scans_on_every_stock(stock):
    from ui.passes.render import raster_image, render_raster

    for code_pass in sample_passes().values():
        raster = render_raster(code_pass, load_layout(stock))
        assert raster.width == round(load_layout(stock).printable_width_mm * load_layout(stock).dpi / 25.4)
        assert _qr_text(_gray(raster_image(raster))) == [code_pass.qr]


def _hardest() -> list[PassContent]:
    event, forums, categories = sample_event()
    issued = datetime(2023, 12, 6, 1, 0, tzinfo=UTC)
    twelve = tuple(f.id for f in forums)
    hard = replace(LONGEST, forums=twelve)
    return [
        build_content(
            hard, event, {f.id: f for f in forums}, {c.id: c for c in categories}, issued, "desk-12", lang
        )
        for lang in ("zh", "en")
    ]


@pytest.mark.parametrize("stock", STOCKS)
def test_longest_name_and_twelve_forums_fit_every_stock(stock):
    from ui.passes.render import measure, render_image

    layout = load_layout(stock)
    for content in _hardest():
        image = render_image(content, layout, printable=True)
        height_mm, flow = measure(content, layout, image, layout.dpi, layout.printable_width_mm, True)
        page_w, page_h = image.width(), image.height()
        if layout.height_mm is not None:
            assert abs(height_mm - layout.height_mm) < 0.01  # a card stays its size: it shrinks
        texts = [p for p in flow.placed if p.kind in ("text", "qr")]
        for item in flow.placed:  # nothing leaves the page
            r = item.rect
            assert r.left() >= -0.5 and r.top() >= -0.5, item
            assert r.right() <= page_w + 0.5 and r.bottom() <= page_h + 0.5, (stock, item.text, r, page_h)
        for a, b in combinations(texts, 2):  # nothing drawn over something else
            overlap = a.rect.intersected(b.rect)
            assert overlap.width() < 1 or overlap.height() < 1, (stock, a.text, b.text)
        drawn = " ".join(p.text for p in texts)
        assert content.name in drawn and content.organization in drawn
        assert all(f.name in drawn for f in content.forums)
        assert _qr_text(_gray(image)) == [content.qr]


def test_every_character_of_the_pass_is_in_the_bundled_font():
    from PySide6.QtGui import QFontMetricsF

    from ui.passes.fonts import font

    metrics = QFontMetricsF(font(10))
    for content in [*_hardest(), *sample_passes("zh").values(), *sample_passes("en").values()]:
        text = "".join(
            [
                content.name,
                content.latin_name,
                content.organization,
                content.title,
                content.category,
                content.event_name,
                content.issued,
                content.desk,
                *(f.name + f.other_name + f.when + f.hall for f in content.forums),
                *(content.label(k) for k in ("forums", "no_forums", "issued", "vip", "scan")),
                "★·–",
            ]
        )
        missing = {c for c in text if not c.isspace() and not metrics.inFontUcs4(ord(c))}
        assert not missing, f"tofu boxes for {missing}"

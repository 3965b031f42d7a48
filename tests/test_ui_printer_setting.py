"""The app's printer setting picks the real back end: PDF folder, Qt/CUPS queue or ESC/POS."""

from pathlib import Path

import pytest

from kiosk.printing.backends import PdfFolderPrinter
from kiosk.printing.escpos import EscposPrinter
from kiosk.store import Store
from ui.passes.printers import make_print_queue
from ui.passes.system_printer import QtSystemPrinter


@pytest.mark.parametrize(
    ("setting", "kind"),
    [("pdf", PdfFolderPrinter), ("cups:kiosk-pdf", QtSystemPrinter), ("escpos:127.0.0.1:9100", EscposPrinter),
     ("bogus:thing", PdfFolderPrinter)],
)  # fmt: skip
def test_printer_setting_chooses_the_back_end(
    qapp, event_store: Store, tmp_path: Path, setting: str, kind: type
):  # type: ignore[no-untyped-def]
    queue = make_print_queue(event_store, setting, tmp_path / "passes", "thermal-80")
    assert isinstance(queue.printer, kind)


def test_no_printer_means_no_queue(event_store: Store, tmp_path: Path):
    assert make_print_queue(event_store, "none", tmp_path, "thermal-80") is None

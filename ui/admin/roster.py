"""Admin tab: import a roster file in the background, with a progress bar and the rejected rows.

The import is ``kiosk.importers.apply.import_roster`` (one transaction, all or nothing for
the valid rows); this tab counts the rows first so the bar can show real progress, then
lists every rejected row with its line number and the reason in plain words.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.importers.apply import ImportReport, import_roster
from kiosk.store import Store
from ui.bridge import AppContext

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


def count_rows(path: Path) -> int:
    """Data rows in a roster file (lines minus the header); 0 when it cannot tell."""
    try:
        with path.open("rb") as handle:
            magic = handle.read(4)
        if path.suffix.lower() in (".xlsx", ".xlsm") or magic == b"PK\x03\x04":
            from openpyxl import load_workbook

            workbook = load_workbook(path, read_only=True)
            rows = workbook.active.max_row if workbook.active is not None else 0
            workbook.close()
            return max(0, (rows or 0) - 1)
        with path.open("rb") as handle:
            return max(0, sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b"")) - 1)
    except OSError:
        return 0


def run_import(store: Store, path: Path, replace: bool, progress: Callable[..., None]) -> ImportReport:
    """The import as the tab runs it: ("total", n) first, then the importer's own progress."""
    progress("total", count_rows(path))
    return import_roster(store, path, replace, lambda count, phase: progress(phase, count))


def reason_text(reason: str) -> str:
    return {
        "missing_name": translate("AdminRoster", "no name"),
        "missing_code": translate("AdminRoster", "no badge code"),
        "duplicate_code": translate("AdminRoster", "badge code used twice in the file"),
        "duplicate_id": translate("AdminRoster", "id used twice in the file"),
        "unknown_category": translate("AdminRoster", "unknown category"),
        "unknown_forum": translate("AdminRoster", "unknown forum"),
        "unknown_status": translate("AdminRoster", "unknown status"),
        "code_taken": translate("AdminRoster", "badge code belongs to someone else"),
    }.get(reason, reason)


def detail_text(message: str) -> str:
    """The offending value of a rejection (the importer's message is English; the value is data)."""
    line = re.search(r"on line (\d+)", message)
    if line:
        return translate("AdminRoster", "first used on line %1").replace("%1", line.group(1))
    quoted = re.search(r"'(.*)'|\"(.*)\"", message)
    if quoted:
        return quoted.group(1) or quoted.group(2) or ""
    return ""


class RosterTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.path = QLineEdit()
        self.path.setObjectName("rosterPath")
        self.browse = QPushButton()
        self.browse.clicked.connect(self._on_browse)
        self.replace = QCheckBox()
        self.start = QPushButton()
        self.start.setObjectName("primaryAction")
        self.start.clicked.connect(self.start_import)
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.rejected_title = QLabel()
        self.rejected_title.setObjectName("sectionTitle")
        self.rejected = QTableWidget(0, 3)
        self.rejected.setObjectName("rejectedRows")
        self.rejected.verticalHeader().setVisible(False)
        self.rejected.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.rejected.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.report: ImportReport | None = None
        self.total = 0

        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        actions = QHBoxLayout()
        actions.addWidget(self.replace, 1)
        actions.addWidget(self.start)
        layout = QVBoxLayout(self)
        self.file_label = QLabel()
        layout.addWidget(self.file_label)
        layout.addLayout(row)
        layout.addLayout(actions)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.rejected_title)
        layout.addWidget(self.rejected, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.file_label.setText(translate("AdminRoster", "Roster file (CSV in UTF-8 or GBK, or XLSX):"))
        self.path.setPlaceholderText(
            translate("AdminRoster", "Choose the file exported by the registration system")
        )
        self.browse.setText(translate("AdminRoster", "Choose file…"))
        self.replace.setText(translate("AdminRoster", "Full roster: cancel everyone who is not in this file"))
        self.start.setText(translate("AdminRoster", "Import"))
        self.rejected_title.setText(translate("AdminRoster", "Rejected rows"))
        self.rejected.setHorizontalHeaderLabels(
            [
                translate("AdminRoster", "Line"),
                translate("AdminRoster", "Problem"),
                translate("AdminRoster", "Detail"),
            ]
        )
        if self.report is not None:
            self.show_report(self.report)

    def _on_browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, translate("AdminRoster", "Roster file"), self.path.text(),
            translate("AdminRoster", "Rosters (*.csv *.xlsx *.txt);;All files (*)"),
        )  # fmt: skip
        if name:
            self.path.setText(name)

    def start_import(self) -> None:
        text = self.path.text().strip()
        if not text:
            self.summary.setText(translate("AdminRoster", "Choose a roster file first."))
            return
        self.start.setEnabled(False)
        self.report = None
        self.rejected.setRowCount(0)
        self.progress.setRange(0, 0)  # busy until the rows are counted
        self.summary.setText(translate("AdminRoster", "Importing…"))
        log.info("roster import started (replace=%s)", self.replace.isChecked())
        self.context.run_in_background(
            run_import, self.context.app.store, Path(text), self.replace.isChecked(),
            on_progress=self._on_progress, on_done=self._on_done, on_error=self._on_error,
        )  # fmt: skip

    def _on_progress(self, phase: str, count: int) -> None:
        if phase == "total":
            self.total = count
            if count:
                self.progress.setRange(0, count)
                self.progress.setValue(0)
        elif phase == "read" and self.total:
            self.progress.setValue(min(count, self.total))
            self.summary.setText(translate("AdminRoster", "Read %1 rows…").replace("%1", str(count)))
        elif phase == "applied":
            self.summary.setText(translate("AdminRoster", "Saving…"))

    def _on_done(self, report: ImportReport) -> None:
        self.start.setEnabled(True)
        self.progress.setRange(0, 100)
        self.progress.setValue(100 if report.error is None else 0)
        self.report = report
        self.show_report(report)
        if report.applied:
            self.context.events.roster_changed.emit()

    def _on_error(self, exc: BaseException) -> None:
        self.start.setEnabled(True)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.summary.setText(
            translate("AdminRoster", "The import failed; nothing was changed: %1").replace("%1", str(exc))
        )

    def show_report(self, report: ImportReport) -> None:
        if report.error is not None:
            self.summary.setText(
                translate("AdminRoster", "This file cannot be imported; nothing was changed: %1").replace(
                    "%1", report.error
                )
            )
        else:
            self.summary.setText(
                translate("AdminRoster", "%1 new, %2 updated, %3 unchanged, %4 cancelled; %5 rows rejected.")
                .replace("%1", str(report.imported)).replace("%2", str(report.updated))
                .replace("%3", str(report.unchanged)).replace("%4", str(report.revoked))
                .replace("%5", str(len(report.rejected)))
            )  # fmt: skip
        self.rejected.setRowCount(len(report.rejected))
        for row, rejection in enumerate(report.rejected):
            cells = (str(rejection.line), reason_text(rejection.reason), detail_text(rejection.message))
            for column, text in enumerate(cells):
                self.rejected.setItem(row, column, QTableWidgetItem(text))

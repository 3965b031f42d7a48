"""Admin tab: check a roster file, see what it would change, then import it, in the background.

"Check file" runs the import as a dry run (``import_roster(dry_run=True)``: the same work,
rolled back), so its counts (new, changed, unchanged, cancelled, rejected, kept with a warning)
are exactly what "Import" then does; "Import" is enabled only once the chosen file and the
full-roster choice have been checked. Both count the rows first so the bar shows real
progress, and list the rejected rows and the warnings with their line, the problem and what to
change in the file, in the operator's language (``ui.admin.import_problems``).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
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

from kiosk.errors import RosterFileError
from kiosk.importers.apply import ImportReport, import_roster
from kiosk.importers.rows import Rejection
from kiosk.importers.xlsx_guard import check_workbook
from kiosk.store import Store
from ui.admin.import_problems import detail_text, reason_text
from ui.bridge import AppContext

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


def count_rows(path: Path) -> int:
    """Data rows in a roster file (lines minus the header), for the progress bar; 0 when it cannot
    tell. A workbook is counted by the importer's own guard (zip directory, streamed sheets), never
    by openpyxl, which would load a zip bomb's shared strings before the import could refuse it."""
    try:
        with path.open("rb") as handle:
            magic = handle.read(4)
        if path.suffix.lower() in (".xlsx", ".xlsm") or magic == b"PK\x03\x04":
            sheets = check_workbook(path).values()
            return max(0, max((sheet.rows for sheet in sheets), default=0) - 1)
        with path.open("rb") as handle:
            return max(0, sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b"")) - 1)
    except (OSError, RosterFileError):
        return 0


def run_import(
    store: Store, path: Path, replace: bool, progress: Callable[..., None], dry_run: bool = False
) -> ImportReport:
    """The import as the tab runs it: ("total", n) first, then the importer's own progress."""
    progress("total", count_rows(path))
    return import_roster(store, path, replace, lambda count, phase: progress(phase, count), dry_run=dry_run)


SHOWN_ROWS = 500  # rejected rows and warnings listed (the summary counts them all)
WARNING_COLOUR = "#8D5A00"


class RosterTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.path = QLineEdit()
        self.path.setObjectName("rosterPath")
        self.browse = QPushButton()
        self.browse.clicked.connect(self._on_browse)
        self.replace = QCheckBox()
        self.check = QPushButton()
        self.check.setObjectName("primaryAction")
        self.check.clicked.connect(self.start_preview)
        self.start = QPushButton()
        self.start.setObjectName("primaryAction")
        self.start.setEnabled(False)  # until the file has been checked
        self.start.clicked.connect(self.start_import)
        self.path.textChanged.connect(self._on_choice_changed)
        self.replace.toggled.connect(self._on_choice_changed)
        self.checked: tuple[str, bool] | None = None  # the (file, full roster) the preview is of
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
        actions.addWidget(self.check)
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
        self.check.setText(translate("AdminRoster", "Check file"))
        self.start.setText(translate("AdminRoster", "Import"))
        self.rejected_title.setText(translate("AdminRoster", "Rejected rows and warnings"))
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

    def _choice(self) -> tuple[str, bool]:
        return self.path.text().strip(), self.replace.isChecked()

    def _on_choice_changed(self, *_: object) -> None:
        self.start.setEnabled(self.checked is not None and self.checked == self._choice())

    def start_preview(self) -> None:
        """Count what importing the chosen file would change, changing nothing."""
        self._run(dry_run=True)

    def start_import(self) -> None:
        if self.checked != self._choice():
            self.summary.setText(translate("AdminRoster", "Check the file first."))
            return
        self._run(dry_run=False)

    def _run(self, dry_run: bool) -> None:
        text, replace = self._choice()
        if not text:
            self.summary.setText(translate("AdminRoster", "Choose a roster file first."))
            return
        self.check.setEnabled(False)
        self.start.setEnabled(False)
        self.report = None
        self.rejected.setRowCount(0)
        self.progress.setRange(0, 0)  # busy until the rows are counted
        self.summary.setText(
            translate("AdminRoster", "Checking…") if dry_run else translate("AdminRoster", "Importing…")
        )
        log.info("roster %s started (replace=%s)", "check" if dry_run else "import", replace)
        self.context.run_in_background(
            functools.partial(run_import, dry_run=dry_run), self.context.app.store, Path(text), replace,
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
        self.check.setEnabled(True)
        self.checked = self._choice() if report.dry_run and report.error is None else None
        self._on_choice_changed()
        self.progress.setRange(0, 100)
        self.progress.setValue(100 if report.error is None else 0)
        self.report = report
        self.show_report(report)
        if report.applied and not report.dry_run:
            self.context.events.roster_changed.emit()

    def _on_error(self, exc: BaseException) -> None:
        self.check.setEnabled(True)
        self.checked = None
        self._on_choice_changed()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.summary.setText(
            translate("AdminRoster", "The import failed; nothing was changed: %1").replace("%1", str(exc))
        )

    def show_report(self, report: ImportReport) -> None:
        self.summary.setText(summary_text(report))
        rows: list[tuple[Rejection, bool]] = [(r, False) for r in report.rejected[:SHOWN_ROWS]]
        rows += [(w, True) for w in report.warnings[: SHOWN_ROWS - len(rows)]]
        self.rejected.setRowCount(len(rows))
        for row, (problem, kept) in enumerate(rows):
            line = str(problem.line) if problem.line else translate("AdminRoster", "file")
            for column, text in enumerate((line, reason_text(problem.reason), detail_text(problem))):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if kept:
                    item.setForeground(QColor(WARNING_COLOUR))
                self.rejected.setItem(row, column, item)
        self.rejected.resizeRowsToContents()


def summary_text(report: ImportReport) -> str:
    """The counts of a check or an import, in the operator's language."""
    if report.error is not None:
        return translate("AdminRoster", "This file cannot be imported; nothing was changed: %1").replace(
            "%1", report.error
        )
    if report.dry_run:
        text = translate("AdminRoster", "Checked, nothing changed yet. Importing this file would add %1 new, "
                         "change %2, leave %3 unchanged and cancel %4; %5 rows would be rejected and %6 kept "
                         "with a warning. Press Import to apply it.")  # fmt: skip
    else:
        text = translate("AdminRoster", "%1 new, %2 updated, %3 unchanged, %4 cancelled; %5 rows rejected, "
                         "%6 kept with a warning.")  # fmt: skip
    values = (report.imported, report.updated, report.unchanged, report.revoked, len(report.rejected),
              len(report.warnings))  # fmt: skip
    for number, value in enumerate(values, start=1):
        text = text.replace(f"%{number}", str(value))
    return text

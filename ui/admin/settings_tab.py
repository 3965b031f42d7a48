"""Admin tab: what this kiosk is — mode, gate, desk name, camera (with a preview), printer,
pass layout, language. Saved through ``KioskApp.update_settings`` into the store's meta.

Cameras are picked from the devices Qt lists and printers from the system's (CUPS) queues,
never typed. A new camera, printer or pass layout is used at once, and printing is turned on
or off at once, without a restart; "Print a test pass" sends a sample pass through the chosen
printer. Grabbing a preview frame runs on a worker thread: OpenCV may take a second per
device, and the UI never waits on a camera. The supervisor's phone is checked before anything
is saved (``kiosk.app.settings.check_phone``).
"""

from __future__ import annotations

import logging

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.errors import ErrorCode, KioskError
from kiosk.model import ENTRANCE
from ui.admin.devices import PREVIEW_SIZE, frame_pixmap, grab_frame, layouts, system_printers, video_inputs
from ui.admin.settings_words import problem_words, saved_words
from ui.admin.use_devices import pdf_home, print_sample, use_camera, use_printer
from ui.bridge import AppContext

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


class SettingsTab(QWidget):
    saved = Signal()  # the settings were stored (the admin screen's "back to" follows the mode)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.mode = QComboBox()
        self.gate = QComboBox()
        self.desk = QLineEdit()
        self.supervisor = QLineEdit()
        self.supervisor_phone = QLineEdit()
        self.supervisor_phone.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.language = QComboBox()
        self.language.addItem("中文", "zh_CN")
        self.language.addItem("English", "en")
        self.camera = QComboBox()
        self.find_button = QPushButton()
        self.find_button.clicked.connect(self.look_for_cameras)
        self.preview_button = QPushButton()
        self.preview_button.clicked.connect(self.preview)
        self.preview_label = QLabel()
        self.preview_label.setObjectName("cameraPreview")
        self.preview_label.setFixedSize(*PREVIEW_SIZE)
        self.preview_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_label.setWordWrap(True)
        self.printer = QComboBox()
        self.test_print = QPushButton()
        self.test_print.clicked.connect(self.print_test)
        self.escpos = QLineEdit()
        self.pdf_folder = QLineEdit()
        self.layout_box = QComboBox()
        self.reset = QSpinBox()
        self.reset.setRange(2, 60)
        self.sounds = QCheckBox()
        self.speech = QCheckBox()
        self.apply = QPushButton()
        self.apply.setObjectName("primaryAction")
        self.apply.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.cameras: list[tuple[str, str]] = video_inputs()
        self.pdf_home = pdf_home(context.app)  # where PDF passes go back to from another printer

        camera_row = QHBoxLayout()
        camera_row.addWidget(self.camera, 1)
        camera_row.addWidget(self.find_button)
        camera_row.addWidget(self.preview_button)
        printer_row = QHBoxLayout()
        printer_row.addWidget(self.printer, 1)
        printer_row.addWidget(self.test_print)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        left = QScrollArea()  # 48 px rows: the form scrolls rather than squeezing them
        left.setWidgetResizable(True)
        left.setFrameShape(QScrollArea.Shape.NoFrame)
        form_page = QWidget()
        form_page.setLayout(self.form)
        left.setWidget(form_page)
        right = QVBoxLayout()
        right.addWidget(self.preview_label)
        right.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(left, 1)
        top.addLayout(right)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.apply)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(bottom)
        self._camera_row, self._printer_row = camera_row, printer_row
        self.labels: list[QLabel] = []
        self.retranslate()

    # -- filling ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        if not self.labels:
            fields = (self.mode, self.gate, self.desk, self.supervisor, self.supervisor_phone, self.language,
                      self._camera_row,
                      self._printer_row, self.escpos, self.pdf_folder, self.layout_box, self.reset, self.sounds,
                      self.speech)  # fmt: skip
            for field in fields:
                label = QLabel()
                self.labels.append(label)
                self.form.addRow(label, field)
        texts = [
            translate("AdminSettings", "Mode"),
            translate("AdminSettings", "Gate"),
            translate("AdminSettings", "Desk name (in the journal)"),
            translate("AdminSettings", "Supervisor volunteers call (F8)"),
            translate("AdminSettings", "Supervisor's phone"),
            translate("AdminSettings", "Operator language"),
            translate("AdminSettings", "Camera"),
            translate("AdminSettings", "Printer"),
            translate("AdminSettings", "ESC/POS address (host:port)"),
            translate("AdminSettings", "PDF folder"),
            translate("AdminSettings", "Pass layout"),
            translate("AdminSettings", "Self-service: back to start after (seconds)"),
            translate("AdminSettings", "Sounds"),
            translate("AdminSettings", "Spoken prompts"),
        ]
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.find_button.setText(translate("AdminSettings", "Look for cameras"))
        self.preview_button.setText(translate("AdminSettings", "Preview"))
        self.test_print.setText(translate("AdminSettings", "Print a test pass"))
        self.sounds.setText(translate("AdminSettings", "Play a sound for each result"))
        self.speech.setText(translate("AdminSettings", "Then say the result in the guest's language"))
        self.escpos.setPlaceholderText("192.168.1.50:9100")
        self.supervisor.setPlaceholderText(translate("AdminSettings", "Name, e.g. Li Na"))
        self.supervisor_phone.setPlaceholderText(translate("AdminSettings", "e.g. 138 0000 1234"))
        self.pdf_folder.setPlaceholderText(
            translate("AdminSettings", "Default: the passes folder beside the database")
        )
        self.apply.setText(translate("AdminSettings", "Save settings"))
        if not self.preview_label.pixmap() or self.preview_label.pixmap().isNull():
            self.preview_label.setText(translate("AdminSettings", "No picture yet: press Preview"))
        self.load()

    def load(self) -> None:
        """Show the stored settings."""
        settings = self.context.app.settings
        language = "zh" if self.context.language.startswith("zh") else "en"
        self.mode.clear()
        for value, text in (("selfservice", translate("AdminSettings", "Self-service kiosk")),
                            ("desk", translate("AdminSettings", "Help desk")),
                            ("door", translate("AdminSettings", "Forum door"))):  # fmt: skip
            self.mode.addItem(text, value)
        self._select(self.mode, settings.mode)
        self.gate.clear()
        self.gate.addItem(translate("AdminSettings", "Main entrance"), ENTRANCE)
        for forum in self.context.app.service.forums.values():
            self.gate.addItem(
                f"{forum.name(language)} ({forum.hall})" if forum.hall else forum.name(language), forum.id
            )
        self._select(self.gate, settings.gate)
        self.desk.setText(settings.desk)
        self.supervisor.setText(settings.supervisor)
        self.supervisor_phone.setText(settings.supervisor_phone)
        self._select(self.language, self.context.language)
        self._fill_cameras(settings.camera)
        self.printer.clear()
        self.printer.addItem(translate("AdminSettings", "PDF folder (no paper)"), "pdf")
        for name in system_printers():
            self.printer.addItem(
                translate("AdminSettings", "System printer: %1").replace("%1", name), f"cups:{name}"
            )
        self.printer.addItem(translate("AdminSettings", "ESC/POS thermal printer (address below)"), "escpos")
        self.printer.addItem(translate("AdminSettings", "No printer"), "none")
        if settings.printer.startswith("escpos:"):
            self.escpos.setText(settings.printer.partition(":")[2])
            self._select(self.printer, "escpos")
        else:
            self._select(self.printer, settings.printer)
        self.pdf_folder.setText(settings.pdf_folder)
        self.layout_box.clear()
        for name, title in layouts():
            self.layout_box.addItem(title, name)
        self._select(self.layout_box, settings.layout)
        self.reset.setValue(settings.reset_seconds)
        self.sounds.setChecked(settings.sounds)
        self.speech.setChecked(settings.speech)

    def _fill_cameras(self, current: str) -> None:
        self.camera.clear()
        self.camera.addItem(translate("AdminSettings", "Demo badge video"), "demo")
        self.camera.addItem(translate("AdminSettings", "No camera"), "none")
        for value, name in self.cameras:
            self.camera.addItem(f"{name} ({value})", value)
        if self.camera.findData(current) < 0 and current:  # a video file or a camera not plugged in now
            self.camera.addItem(
                translate("AdminSettings", "As set before: %1").replace("%1", current), current
            )
        self._select(self.camera, current)

    @staticmethod
    def _select(box: QComboBox, value: str) -> None:
        index = box.findData(value)
        if index >= 0:
            box.setCurrentIndex(index)

    # -- cameras ----------------------------------------------------------------------------

    def look_for_cameras(self) -> None:
        """List the cameras Qt sees now (one plugged in after the app started, too)."""
        self.cameras = video_inputs()
        self._fill_cameras(self.camera_value())
        self.status.setText(
            translate("AdminSettings", "%1 camera(s) found").replace("%1", str(len(self.cameras))) if self.cameras
            else translate("AdminSettings", "No camera found: check the cable, or use the demo video")
        )  # fmt: skip

    def camera_value(self) -> str:
        return str(self.camera.currentData() or "none")

    def preview(self) -> None:
        """Show a frame: the running camera's latest if it is the chosen one, else one grabbed now."""
        value = self.camera_value()
        feed = self.context.app.camera
        if feed is not None and (value == "demo" or str(feed.source) == value):
            self._show_frame(feed.latest())
            return
        if value in ("demo", "none", ""):
            self._show_frame(None)
            return
        self.preview_label.setText(translate("AdminSettings", "Opening the camera…"))
        self.context.run_in_background(grab_frame, value, on_done=self._show_frame,
                                       on_error=lambda _e: self._show_frame(None))  # fmt: skip

    def _show_frame(self, frame: np.ndarray | None) -> None:
        if frame is None:
            self.preview_label.setPixmap(QPixmap())
            self.preview_label.setText(translate("AdminSettings", "No picture from this camera"))
            return
        self.preview_label.setPixmap(frame_pixmap(frame, *PREVIEW_SIZE))

    # -- saving -----------------------------------------------------------------------------

    def printer_value(self) -> str:
        value = self.printer.currentData() or "pdf"
        return f"escpos:{self.escpos.text().strip()}" if value == "escpos" else str(value)

    def save(self) -> None:
        previous = self.context.app.settings
        try:
            settings = self.context.app.update_settings(
                mode=self.mode.currentData(), gate=self.gate.currentData(),
                desk=self.desk.text().strip() or previous.desk, supervisor=self.supervisor.text().strip(),
                supervisor_phone=self.supervisor_phone.text(),
                camera=self.camera_value(),
                printer=self.printer_value(), pdf_folder=self.pdf_folder.text().strip(),
                layout=self.layout_box.currentData() or previous.layout, reset_seconds=self.reset.value(),
                sounds=self.sounds.isChecked(), speech=self.speech.isChecked(),
            )  # fmt: skip
        except KioskError as exc:  # nothing was saved: said in one line
            self.status.setText(problem_words(exc))
            if exc.code is ErrorCode.BAD_PHONE:
                self.supervisor_phone.setFocus()
                self.supervisor_phone.selectAll()
            return
        except Exception as exc:  # noqa: BLE001 - anything else is said, not raised
            self.status.setText(translate("AdminSettings", "Not saved: %1").replace("%1", str(exc)))
            return
        self.supervisor_phone.setText(settings.supervisor_phone)  # as stored: spaces tidied
        language = self.language.currentData()
        if language != self.context.language:
            self.context.set_language(language)
        if settings.camera != previous.camera:
            use_camera(self.context.app, settings.camera)
        queue = self.context.app.print_queue
        if (settings.printer, settings.pdf_folder) != (previous.printer, previous.pdf_folder):
            use_printer(self.context.app, settings.printer, settings.pdf_folder, self.pdf_home)
        self.status.setText(saved_words(queue, self.context.app.print_queue))
        log.info("settings saved: mode %s, gate %s", settings.mode, settings.gate)
        self.saved.emit()

    def print_test(self) -> None:
        """A sample pass through the chosen (saved) printer: it shows the printer, paper and layout work."""
        printer = print_sample(self.context.app)
        self.status.setText(
            translate("AdminSettings", "Test pass sent to %1: see the printer status.").replace("%1", printer)
            if printer else translate("AdminSettings", "Printing is off: choose a printer and save first.")
        )  # fmt: skip

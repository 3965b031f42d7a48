"""The admin screen (behind the PIN): settings, roster import, live statistics, VIPs, sync, data.

Each tab is its own module (``ui/admin_*.py``); this one puts them together, says which
mode the kiosk returns to, and retranslates everything when the operator language changes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.app.flow import Mode
from ui.admin.data import DataTab
from ui.admin.roster import RosterTab
from ui.admin.settings_tab import SettingsTab
from ui.admin.stats import StatsTab, VipTab
from ui.admin.sync_tab import SyncTab
from ui.bridge import AppContext

translate = QCoreApplication.translate
TOUCH_ROW = 48  # px: a finger's 9 mm on the kiosk screens (dropdown items, table rows, buttons)

STYLE = """
#adminScreen { background: #F5F5F5; }
#adminScreen QLabel, #adminScreen QCheckBox, #adminScreen QGroupBox { font-size: 17px; color: #212121; }
#adminScreen QLabel#adminTitle { font-size: 26px; font-weight: bold; }
#adminScreen QLabel#sectionTitle, #adminScreen QLabel#vipTitle { font-size: 18px; font-weight: bold; color: #37474F; }
#adminScreen QLabel#statsSummary, #adminScreen QLabel#importSummary { font-size: 19px; font-weight: bold; }
#adminScreen QTabBar::tab { font-size: 17px; padding: 10px 18px; color: #212121; }
#adminScreen QTabBar::tab:selected { background: white; font-weight: bold; border-bottom: 3px solid #1565C0; }
#adminScreen QLineEdit, #adminScreen QComboBox, #adminScreen QSpinBox { font-size: 17px; padding: 4px; min-height: 48px; color: #212121; background: white; }
#adminScreen QComboBox QAbstractItemView::item, #adminScreen QListWidget::item { min-height: 48px; }
#adminScreen QPushButton { font-size: 17px; min-height: 48px; padding: 4px 16px; color: #212121; background: #ECEFF1; border: 1px solid #90A4AE; border-radius: 6px; }
#adminScreen QPushButton#primaryAction { background: #1565C0; color: white; font-weight: bold; }
#adminScreen QPushButton#primaryAction:disabled { background: #B0BEC5; color: #ECEFF1; }
#adminScreen QPushButton#dangerAction { background: #C62828; color: white; font-weight: bold; }
#adminScreen QPushButton:disabled { background: #E0E0E0; color: #9E9E9E; }
#adminScreen QTableWidget, #adminScreen QListWidget { font-size: 16px; color: #212121; background: white; }
#adminScreen QProgressBar { font-size: 15px; min-height: 26px; text-align: center; color: #212121; }
#adminScreen QProgressBar::chunk { background: #2E7D32; }
#adminScreen QGroupBox { font-weight: bold; border: 1px solid #B0BEC5; border-radius: 6px; margin-top: 14px; padding: 12px; background: white; }
#adminScreen QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; }
#adminScreen QGroupBox#dangerBox { border: 2px solid #C62828; }
#adminScreen QLabel#cameraPreview { background: #263238; color: #ECEFF1; font-size: 15px; }
"""


def mode_name(mode: str) -> str:
    return {
        "selfservice": translate("AdminScreen", "self-service"),
        "desk": translate("AdminScreen", "help desk"),
        "door": translate("AdminScreen", "forum door"),
    }.get(mode, mode)


class AdminScreen(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("adminScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self.title = QLabel()
        self.title.setObjectName("adminTitle")
        self.leave = QPushButton()
        self.leave.setObjectName("primaryAction")
        self.leave.clicked.connect(self.leave_admin)
        self.settings_tab = SettingsTab(context)
        self.roster_tab = RosterTab(context)
        self.stats_tab = StatsTab(context)
        self.vip_tab = VipTab(context)
        self.sync_tab = SyncTab(context)
        self.data_tab = DataTab(context)
        self.tabs = QTabWidget()
        for tab in (
            self.settings_tab,
            self.roster_tab,
            self.stats_tab,
            self.vip_tab,
            self.sync_tab,
            self.data_tab,
        ):
            self.tabs.addTab(tab, "")
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.leave)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        QShortcut(QKeySequence("Ctrl+Q"), self, self.leave_admin,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)  # fmt: skip
        for index in range(self.tabs.count()):
            QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self, lambda i=index: self.tabs.setCurrentIndex(i),
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)  # fmt: skip
        context.events.language_changed.connect(lambda _code: self.retranslate())
        context.events.roster_changed.connect(self.settings_tab.load)
        self.settings_tab.saved.connect(self._show_leave)
        self.retranslate()
        for box in self.findChildren(QComboBox):
            box.setView(QListView())  # a styled view, so the item rows take the 48 px above
        for table in self.findChildren(QTableWidget):
            table.verticalHeader().setDefaultSectionSize(TOUCH_ROW)

    def retranslate(self) -> None:
        self.title.setText(translate("AdminScreen", "Administration"))
        self._show_leave()
        names = [
            translate("AdminScreen", "Settings"),
            translate("AdminScreen", "Roster import"),
            translate("AdminScreen", "Statistics"),
            translate("AdminScreen", "VIPs"),
            translate("AdminScreen", "Sync"),
            translate("AdminScreen", "Export and purge"),
        ]
        for index, name in enumerate(names):
            self.tabs.setTabText(index, name)
        for tab in (self.settings_tab, self.roster_tab, self.sync_tab, self.data_tab):
            tab.retranslate()
        if self.stats_tab.isVisible():
            self.stats_tab.refresh()
        if self.vip_tab.isVisible():
            self.vip_tab.refresh()

    def _show_leave(self) -> None:
        """The way out names the mode the kiosk returns to: the one just saved, too."""
        self.leave.setText(
            translate("AdminScreen", "Back to %1  [Ctrl+Q]").replace(
                "%1", mode_name(self.context.app.settings.mode)
            )
        )

    def leave_admin(self) -> None:
        """Back to the mode the settings name (the admin may just have changed it)."""
        try:
            mode = Mode(self.context.app.settings.mode)
        except ValueError:
            mode = Mode.SELFSERVICE
        self.context.app.flow.enter_mode(mode, "admin closed")

"""The desk's look: big type, high contrast, green for go, blue for the chosen, amber notes.

One style sheet for the desk screen, its card and its forms (object names set in those modules).
"""

STYLE = """
#deskScreen { background: #F5F5F5; }
#deskScreen QLineEdit#deskSearch { font-size: 24px; padding: 8px; border: 2px solid #1565C0; border-radius: 6px; background: white; color: #212121; }
#deskScreen QListWidget#deskResults { font-size: 18px; background: white; color: #212121; }
#deskScreen QListWidget#deskResults::item { padding: 6px; border-bottom: 1px solid #E0E0E0; }
#deskScreen QListWidget#deskResults::item:selected { background: #1565C0; color: white; }
#deskScreen QPushButton { font-size: 17px; min-height: 46px; padding: 4px 10px; background: #ECEFF1; color: #212121; border: 1px solid #90A4AE; border-radius: 6px; }
#deskScreen QPushButton:disabled { color: #9E9E9E; background: #F5F5F5; }
#deskScreen QPushButton#primaryAction { background: #2E7D32; color: white; font-weight: bold; }
#deskScreen QPushButton#primaryAction:disabled { background: #A5D6A7; color: #F1F8E9; }
#deskScreen QLabel#deskHint { font-size: 15px; color: #455A64; }
#delegateCard { background: white; border: 1px solid #CFD8DC; border-radius: 6px; }
#delegateCard QLabel { color: #212121; }
#delegateCard QLabel#cardName { font-size: 40px; font-weight: bold; }
#delegateCard QLabel#cardLatin { font-size: 26px; color: #37474F; }
#delegateCard QLabel#cardOrganization { font-size: 20px; }
#delegateCard QLabel#cardStatus { font-size: 20px; color: white; background: #C62828; padding: 6px; }
#delegateCard QLabel#cardNotes { font-size: 19px; background: #FFE082; color: #3E2723; padding: 6px 10px; border-radius: 4px; }
#delegateCard QLabel#cardHeading { font-size: 16px; font-weight: bold; color: #546E7A; margin-top: 8px; }
#delegateCard QLabel#cardForums { font-size: 18px; }
#delegateCard QLabel#cardPlaceholder { font-size: 22px; color: #607D8B; padding: 40px; }
#delegateCard QLabel#vipMark { font-size: 24px; font-weight: bold; color: #212121; background: #FFB300; padding: 4px 12px; border-radius: 4px; }
#delegateCard QTableWidget { font-size: 15px; color: #212121; }
#deskForm { background: white; border: 2px solid #1565C0; border-radius: 6px; }
#deskForm QLabel { font-size: 18px; color: #212121; }
#deskForm QLabel#formTitle { font-size: 28px; font-weight: bold; }
#deskForm QLabel#formWho { font-size: 20px; color: #37474F; }
#deskForm QListWidget#reasonPresets { font-size: 19px; }
#deskForm QListWidget#reasonPresets::item { padding: 6px; }
#deskForm QListWidget#reasonPresets::item:selected { background: #1565C0; color: white; }
#deskForm QListWidget#duplicatePeople { font-size: 19px; }
#deskForm QListWidget#duplicatePeople::item { padding: 8px; }
#deskForm QListWidget#duplicatePeople::item:selected { background: #1565C0; color: white; }
#deskScreen QLabel#deskLast { font-size: 16px; color: #263238; background: #ECEFF1; padding: 4px 6px; border-radius: 4px; }
#deskScreen QLabel#deskCount { font-size: 15px; color: #0D47A1; font-weight: bold; }
#deskGuidance { background: #FFF3E0; border: 1px solid #FFB74D; border-radius: 6px; }
#deskGuidance QLabel#guidanceText { font-size: 20px; color: #3E2723; font-weight: bold; }
#deskStatus { background: #ECEFF1; border-top: 1px solid #B0BEC5; }
#deskStatus QLabel { font-size: 15px; }
#deskStatus QLineEdit#deskOperator { font-size: 15px; padding: 2px 6px; min-width: 150px; }
#deskForm QLabel#formExplanation { font-size: 19px; color: #B71C1C; }
#deskForm QLabel#formError { font-size: 18px; color: #B71C1C; font-weight: bold; }
#deskForm QComboBox, #deskForm QLineEdit { font-size: 20px; padding: 6px; color: #212121; background: white; }
#deskForm QListWidget { font-size: 17px; color: #212121; }
#kioskCalls { background: #E3F2FD; border: 2px solid #1565C0; border-radius: 6px; }
#kioskCalls QLabel#kioskCallText { font-size: 19px; font-weight: bold; color: #0D47A1; }
#deskForm QPushButton#formConfirm { background: #1565C0; color: white; font-weight: bold; }
"""

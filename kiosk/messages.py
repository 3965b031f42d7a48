"""Plain-words explanations of each outcome, in Chinese and English, for the CLI and logs.

The app has its own translated texts (Qt's translation layer); these serve the
headless commands and the hub.
"""

from __future__ import annotations

import os
from zoneinfo import ZoneInfo

from kiosk.model import CodeKind, Decision, Outcome

TEXTS: dict[Outcome, tuple[str, str]] = {
    Outcome.ADMITTED: ("欢迎！", "Welcome!"),
    Outcome.ALREADY_CHECKED_IN: ("已于 {when} 在 {desk} 签到", "Already checked in at {when} at {desk}"),
    Outcome.UNKNOWN_BADGE: ("未识别的二维码，请到服务台", "Unknown badge: please go to the help desk"),
    Outcome.REVOKED: (
        "此胸卡已作废，请到服务台",
        "This badge is no longer valid: please go to the help desk",
    ),
    Outcome.NOT_REGISTERED: ("您未报名本论坛", "Not registered for this forum"),
    Outcome.TOO_EARLY: ("签到尚未开始", "Check-in has not opened yet"),
    Outcome.TOO_LATE: ("签到已结束", "Check-in has closed"),
    Outcome.FORUM_FULL: ("会场已满", "The room is full"),
    Outcome.INVALID_SIGNATURE: ("二维码无效（签名不符）", "Invalid badge (signature does not match)"),
    Outcome.WRONG_EVENT: ("此胸卡属于其他活动", "This badge is for another event"),
}
REENTRY = ("欢迎再次入场", "Welcome back (re-entry)")
# Why a signed code was refused, when the outcome alone does not say it.
WHY: dict[CodeKind, tuple[str, str]] = {
    CodeKind.UNTRUSTED: (
        "二维码无效：本机尚未信任此活动的公钥（运行 event trust PUBLIC.pem）",
        "Invalid badge: this kiosk trusts no key of this event yet (run `event trust PUBLIC.pem`)",
    ),
    CodeKind.FORGED: (
        "二维码无效：签名与已信任的公钥不符（可能是伪造的）",
        "Invalid badge: the signature does not match the trusted key (the code may be forged)",
    ),
}


def explain(decision: Decision, language: str = "en", timezone: str = "Asia/Shanghai") -> str:
    index = 0 if language.startswith("zh") else 1
    if decision.admitted and decision.reentry:
        return REENTRY[index]
    why = WHY.get(decision.code_kind) if decision.code_kind else None
    text = (why or TEXTS[decision.outcome])[index]
    first = decision.first_checkin
    if first is not None:
        when = first.at.astimezone(ZoneInfo(timezone)).strftime("%m-%d %H:%M")
        text = text.format(when=when, desk=first.desk)
    return text


ERROR_PREFIX = ("错误：", "error: ")


def cli_language() -> str:
    """The headless commands' language: $KIOSK_LANG, else the locale ($LC_ALL, $LC_MESSAGES, $LANG)."""
    for name in ("KIOSK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"

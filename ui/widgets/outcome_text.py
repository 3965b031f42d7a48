"""What a guest or volunteer reads for each outcome: a title and what to do, in a given language.

Source strings are English and marked for translation here (QT_TRANSLATE_NOOP); the
screens translate them into the delegate's language with ``AppContext.guest_text``.
"""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP

from kiosk.app.guest import Look, look
from kiosk.model import Decision, Delegate, Outcome
from kiosk.names import latin_name

CONTEXT = "Outcome"

TITLES: dict[Outcome, object] = {
    Outcome.ADMITTED: QT_TRANSLATE_NOOP("Outcome", "Welcome, %1"),
    Outcome.ALREADY_CHECKED_IN: QT_TRANSLATE_NOOP("Outcome", "Already checked in"),
    Outcome.UNKNOWN_BADGE: QT_TRANSLATE_NOOP("Outcome", "Badge not recognised"),
    Outcome.REVOKED: QT_TRANSLATE_NOOP("Outcome", "This badge is no longer valid"),
    Outcome.NOT_REGISTERED: QT_TRANSLATE_NOOP("Outcome", "Not registered for this forum"),
    Outcome.TOO_EARLY: QT_TRANSLATE_NOOP("Outcome", "Check-in has not opened yet"),
    Outcome.TOO_LATE: QT_TRANSLATE_NOOP("Outcome", "Check-in has closed"),
    Outcome.FORUM_FULL: QT_TRANSLATE_NOOP("Outcome", "The room is full"),
    Outcome.INVALID_SIGNATURE: QT_TRANSLATE_NOOP("Outcome", "Invalid badge"),
    Outcome.WRONG_EVENT: QT_TRANSLATE_NOOP("Outcome", "This badge is for another event"),
}
ADVICE: dict[Outcome, object] = {
    Outcome.ADMITTED: QT_TRANSLATE_NOOP("Outcome", "Your forums:"),
    Outcome.ALREADY_CHECKED_IN: QT_TRANSLATE_NOOP(
        "Outcome", "This badge was checked in on %1 at %2. Lost your pass? Please go to the help desk."),
    Outcome.UNKNOWN_BADGE: QT_TRANSLATE_NOOP("Outcome", "We could not find this code. Please go to the help desk."),
    Outcome.REVOKED: QT_TRANSLATE_NOOP("Outcome", "A new badge was issued to replace it. Please go to the help desk."),
    Outcome.NOT_REGISTERED: QT_TRANSLATE_NOOP("Outcome", "Your badge does not include this forum. Please ask a volunteer."),
    Outcome.TOO_EARLY: QT_TRANSLATE_NOOP("Outcome", "Please come back a little later."),
    Outcome.TOO_LATE: QT_TRANSLATE_NOOP("Outcome", "Please go to the help desk."),
    Outcome.FORUM_FULL: QT_TRANSLATE_NOOP("Outcome", "Please wait for a volunteer."),
    Outcome.INVALID_SIGNATURE: QT_TRANSLATE_NOOP("Outcome", "This code could not be verified. Please go to the help desk."),
    Outcome.WRONG_EVENT: QT_TRANSLATE_NOOP("Outcome", "Please go to the help desk."),
}  # fmt: skip
WELCOME_BACK = QT_TRANSLATE_NOOP("Outcome", "Welcome back, %1")
REENTRY = QT_TRANSLATE_NOOP("Outcome", "Re-entry")
CANCELLED = QT_TRANSLATE_NOOP("Outcome", "Your registration was cancelled. Please go to the help desk.")

# Chosen to stay apart under protanopia, deuteranopia and tritanopia (Machado 2009 simulation,
# CIELAB distance ≥ 37 between any two; tests/test_ui_colour_blind.py checks the rendered screens):
# a teal green and a deep red with white text (5.3:1, 9.5:1), an amber with dark text (12.9:1).
GREEN, RED, AMBER = "#00796B", "#8E0E0E", "#FFC107"
DARK_INK = "#1A1A1A"
# The one-word status beside the shape, the same in every language pair: (Chinese, English).
WORDS: dict[Look, tuple[str, str]] = {
    Look.WELCOME: ("欢迎", "WELCOME"),
    Look.DONE: ("已签到", "DONE"),
    Look.STAFF: ("请到服务台", "SEE STAFF"),
}
LOOK_COLORS: dict[Look, str] = {Look.WELCOME: GREEN, Look.DONE: AMBER, Look.STAFF: RED}


def ink_for(background: str) -> str:
    """Dark text on a light background, white on a dark one."""
    colour = background.lstrip("#")
    if len(colour) != 6:
        return "white"
    r, g, b = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
    return DARK_INK if 0.299 * r + 0.587 * g + 0.114 * b > 150 else "white"


@dataclass(frozen=True, slots=True)
class ResultText:
    title: str
    advice: str
    forums: tuple[str, ...]
    color: str
    language: str
    category: str = ""  # the delegate's category, shown on its colour band
    category_color: str = ""
    look: Look | None = None  # the shape and word beside the title
    title_second: str = ""  # the same in the guest's other language, shown beneath
    advice_second: str = ""
    category_second: str = ""


def display_name(delegate: Delegate | None, language: str) -> str:
    if delegate is None:
        return ""
    if language.startswith("zh"):
        return delegate.name
    return latin_name(delegate.name, delegate.name_en) or delegate.name


def guest_language(decision: Decision, fallback: str) -> str:
    delegate = decision.delegate
    if delegate is not None and delegate.language:
        return "zh_CN" if delegate.language.startswith("zh") else "en"
    return fallback


def describe(decision: Decision, context, language: str | None = None) -> ResultText:  # type: ignore[no-untyped-def]
    """The words and colour for a decision, in ``language`` (default: the delegate's)."""
    lang = language or guest_language(decision, context.language)

    def t(source: object) -> str:
        return str(context.guest_text(lang, CONTEXT, str(source)))

    name = display_name(decision.delegate, lang)
    outcome = decision.outcome
    forums: tuple[str, ...] = ()
    if decision.admitted:
        title = t(WELCOME_BACK if decision.reentry else TITLES[outcome]).replace("%1", name)
        if lang.startswith("zh"):
            title = title.replace(", ", " ").replace("，", " ")
        by_id = context.app.service.forums
        if decision.delegate is not None:
            forums = tuple(by_id[f].name(lang[:2]) for f in decision.delegate.forums if f in by_id)
        advice = t(REENTRY) if decision.reentry else (t(ADVICE[outcome]) if forums else "")
        category = context.app.categories().get(decision.delegate.category) if decision.delegate else None
        if category is None:
            return ResultText(title, advice, forums, GREEN, lang, look=Look.WELCOME)
        vip = " ★ VIP" if category.vip else ""
        return ResultText(title, advice, forums, GREEN, lang, category.name(lang[:2]) + vip, category.color,
                          look=Look.WELCOME)  # fmt: skip
    advice = t(ADVICE[outcome])
    if outcome is Outcome.ALREADY_CHECKED_IN and decision.first_checkin is not None:
        first = decision.first_checkin
        when = first.at.astimezone(ZoneInfo(context.app.service.event.timezone)).strftime("%m-%d %H:%M")
        advice = advice.replace("%1", when).replace("%2", first.desk)
    elif outcome is Outcome.REVOKED and decision.delegate is not None and not decision.delegate.active:
        advice = t(CANCELLED)
    title = t(TITLES[outcome])
    if name:
        title = f"{name} · {title}"
    shape = look(decision)
    return ResultText(title, advice, forums, LOOK_COLORS[shape], lang, look=shape)

"""What the self-service screen says about a decision, in both languages, fit for a public screen.

A welcome names the guest (it is their own name, for three seconds). A refusal never does, and
when the reason is about the person (``kiosk.app.guest.PERSONAL``: a cancelled or replaced
registration, a forum not booked) it only says where to find the staff; the desk sees why.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from kiosk.app.guest import look, says_reason
from kiosk.model import Decision, Outcome
from ui.bridge import AppContext
from ui.widgets.outcome_text import (
    ADVICE,
    LOOK_COLORS,
    REENTRY,
    TITLES,
    WELCOME_BACK,
    ResultText,
    display_name,
)

CONTEXT = "Outcome"
SEE_STAFF = str(QT_TRANSLATE_NOOP("Outcome", "Please see the staff at the help desk"))
SEE_STAFF_WHY = str(QT_TRANSLATE_NOOP("Outcome", "They will look at your registration with you."))
REPRINTED = str(QT_TRANSLATE_NOOP("Outcome", "Your pass is being printed again."))
SEND_TO_DESK = str(
    QT_TRANSLATE_NOOP("Outcome", "A volunteer will find your registration and print your pass.")
)


def _when(context: AppContext, decision: Decision, language: str) -> tuple[str, str]:
    first = decision.first_checkin
    if first is None:
        return "", ""
    from zoneinfo import ZoneInfo

    when = first.at.astimezone(ZoneInfo(context.app.service.event.timezone)).strftime("%m-%d %H:%M")
    return when, first.desk


def guest_result(
    decision: Decision, context: AppContext, first: str, second: str, reprinted: bool = False
) -> ResultText:
    """The result panel's text for ``decision``: ``first`` language large, ``second`` beneath.

    ``reprinted``: the re-scan reprinted the pass (``PassService.self_reprints``).
    """

    def t(language: str, source: object) -> str:
        return context.guest_text(language, CONTEXT, str(source))

    shape = look(decision)
    delegate = decision.delegate
    if decision.admitted:
        # the word beside the shape says welcome; the title is the guest's own name, in both scripts
        title, title2 = display_name(delegate, first), display_name(delegate, second)
        if decision.reentry:
            title, title2 = (
                t(lang, WELCOME_BACK).replace("%1", display_name(delegate, lang)) for lang in (first, second)
            )
        by_id = context.app.service.forums
        ids = [f for f in (delegate.forums if delegate else ()) if f in by_id]
        forums = tuple(f"{by_id[f].name(first[:2])}  ·  {by_id[f].name(second[:2])}" for f in ids)
        words = REENTRY if decision.reentry else ADVICE[Outcome.ADMITTED]
        said = (t(first, words), t(second, words)) if forums or decision.reentry else ("", "")
        category = context.app.categories().get(delegate.category) if delegate else None
        band = ("", "")
        if category is not None:
            vip = " ★ VIP" if category.vip else ""
            band = (category.name(first[:2]) + vip, category.name(second[:2]) + vip)
        return ResultText(title, said[0], forums, LOOK_COLORS[shape], first, band[0],
                          category.color if category else "", shape, title2, said[1], band[1])  # fmt: skip
    if not says_reason(decision):
        return ResultText(t(first, SEE_STAFF), t(first, SEE_STAFF_WHY), (), LOOK_COLORS[shape], first,
                          look=shape, title_second=t(second, SEE_STAFF), advice_second=t(second, SEE_STAFF_WHY))  # fmt: skip
    texts = []
    for lang in (first, second):
        advice = t(lang, ADVICE[decision.outcome])
        if reprinted:
            advice = t(lang, REPRINTED)
        elif decision.outcome is Outcome.ALREADY_CHECKED_IN and decision.first_checkin is not None:
            when, desk = _when(context, decision, lang)
            advice = advice.replace("%1", when).replace("%2", desk)
        texts.append((t(lang, TITLES[decision.outcome]), advice))
    (title, advice), (title2, advice2) = texts
    return ResultText(title, advice, (), LOOK_COLORS[shape], first, look=shape, title_second=title2,
                      advice_second=advice2)  # fmt: skip


def send_to_desk(context: AppContext, first: str, second: str) -> ResultText:
    """Too many wrong phone digits: the desk will help (nothing about who was searched)."""
    from kiosk.app.guest import Look

    def t(language: str, source: object) -> str:
        return context.guest_text(language, CONTEXT, str(source))

    return ResultText(t(first, SEE_STAFF), t(first, SEND_TO_DESK), (), LOOK_COLORS[Look.STAFF], first,
                      look=Look.STAFF, title_second=t(second, SEE_STAFF), advice_second=t(second, SEND_TO_DESK))  # fmt: skip

"""What the self-service screen says about a decision, in both languages, fit for a public screen.

A welcome names the guest (it is their own name, for three seconds). A refusal never does, and
when the reason is about the person (``kiosk.app.guest.PERSONAL``: a cancelled or replaced
registration, a forum not booked) it only says where to find the staff; the desk sees why.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from kiosk.app.guest import Look, look, says_reason
from kiosk.model import Decision, Outcome
from ui.bridge import AppContext
from ui.selfservice.facts import desk_text, help_desk_text, opening_text, time_text
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
CHECKED_IN = str(QT_TRANSLATE_NOOP("Outcome", "This badge was checked in %1 at %2. Lost your pass? Please go to the help desk."))  # fmt: skip # noqa: E501
REPRINTED_TITLE = str(QT_TRANSLATE_NOOP("Outcome", "Your pass is being printed again"))
REPRINTED = str(
    QT_TRANSLATE_NOOP("Outcome", "You are checked in. If no pass comes out, please go to the help desk.")
)
SEND_TO_DESK = str(
    QT_TRANSLATE_NOOP("Outcome", "A volunteer will find your registration and print your pass.")
)


def sentences(language: str, *parts: str) -> str:
    """Sentences one after the other: a space between them in English, none in Chinese."""
    return ("" if language.startswith("zh") else " ").join(part.strip() for part in parts if part.strip())


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
        why = [help_desk_text(context, lang) or t(lang, SEE_STAFF_WHY) for lang in (first, second)]
        return ResultText(t(first, SEE_STAFF), why[0], (), LOOK_COLORS[shape], first, look=shape,
                          title_second=t(second, SEE_STAFF), advice_second=why[1])  # fmt: skip
    title_source = REPRINTED_TITLE if reprinted else str(TITLES[decision.outcome])
    texts = [(t(lang, title_source), _advice(decision, context, lang, reprinted)) for lang in (first, second)]
    (title, advice), (title2, advice2) = texts
    return ResultText(title, advice, (), LOOK_COLORS[shape], first, look=shape, title_second=title2,
                      advice_second=advice2)  # fmt: skip


def _advice(decision: Decision, context: AppContext, lang: str, reprinted: bool) -> str:
    """What to do next, with the facts: when it opens, when and where the badge was used, the help desk."""
    outcome, first = decision.outcome, decision.first_checkin
    if reprinted:  # the title says it is printing again; this one is the last it prints
        return sentences(lang, context.guest_text(lang, CONTEXT, REPRINTED), help_desk_text(context, lang))
    if outcome is Outcome.ALREADY_CHECKED_IN and first is not None:
        return (context.guest_text(lang, CONTEXT, CHECKED_IN).replace("%1", time_text(context, lang, first.at))
                .replace("%2", desk_text(context, lang, first.desk)))  # fmt: skip
    if outcome in (Outcome.TOO_EARLY, Outcome.TOO_LATE):
        opening = opening_text(context, lang, closed=outcome is Outcome.TOO_LATE)
        if opening:
            return sentences(
                lang, opening, help_desk_text(context, lang) if outcome is Outcome.TOO_LATE else ""
            )
    advice = context.guest_text(lang, CONTEXT, str(ADVICE[outcome]))
    return sentences(lang, advice, help_desk_text(context, lang))


def send_to_desk(context: AppContext, first: str, second: str) -> ResultText:
    """Too many wrong phone digits: the desk will help (nothing about who was searched)."""

    def t(language: str, source: object) -> str:
        return context.guest_text(language, CONTEXT, str(source))

    advice = [
        sentences(lang, t(lang, SEND_TO_DESK), help_desk_text(context, lang)) for lang in (first, second)
    ]
    return ResultText(t(first, SEE_STAFF), advice[0], (), LOOK_COLORS[Look.STAFF], first,
                      look=Look.STAFF, title_second=t(second, SEE_STAFF), advice_second=advice[1])  # fmt: skip

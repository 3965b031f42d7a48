"""What the help desk decides without drawing anything: what Enter does, who a walk-in probably
already is, what a volunteer should do about a refusal, and this desk's counters for today.

The desk screen (``ui/desk``) asks these and translates the answers; tests drive them without Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from kiosk.app.intake import CodeSource
from kiosk.model import Action, Category, Decision, Delegate, Forum, Outcome
from kiosk.store import Store

GUEST_CATEGORIES = ("guest", "walkin", "walk_in", "visitor")  # ids an event may declare for walk-ins


class EnterKind(StrEnum):
    NOTHING = "nothing"  # an empty field
    CHECK_IN = "check_in"  # decide on ``code`` (a badge code, or the one person found)
    CHOOSE = "choose"  # several people match: the volunteer must pick one with the arrow keys
    NOBODY = "nobody"  # no one matches and it does not look like a code


@dataclass(frozen=True, slots=True)
class EnterAction:
    kind: EnterKind
    code: str = ""
    source: CodeSource = CodeSource.TYPED
    matches: int = 0


def looks_like_code(text: str) -> bool:
    return len(text) >= 6 and " " not in text and text.isascii() and text.isprintable()


def on_enter(
    text: str,
    results: Sequence[Delegate],
    highlighted: int,
    moved: bool,
    is_code: Callable[[str], bool],
) -> EnterAction:
    """What Enter in the desk's search field does.

    It checks in only a badge code, the one person a search found, or the row the volunteer
    moved to in the list (``moved``: they pressed ↑/↓ or clicked since the search ran). Many
    matches and no choice: nobody is checked in, the volunteer is asked to choose.
    """
    text = text.strip()
    if not text:
        return EnterAction(EnterKind.NOTHING)
    if moved and 0 <= highlighted < len(results):
        return EnterAction(EnterKind.CHECK_IN, results[highlighted].code, CodeSource.DESK_SEARCH)
    if is_code(text):
        return EnterAction(EnterKind.CHECK_IN, text, CodeSource.TYPED)
    if len(results) == 1:
        return EnterAction(EnterKind.CHECK_IN, results[0].code, CodeSource.DESK_SEARCH)
    if results:
        return EnterAction(EnterKind.CHOOSE, matches=len(results))
    if looks_like_code(text):
        return EnterAction(EnterKind.CHECK_IN, text, CodeSource.TYPED)  # decided: "unknown badge"
    return EnterAction(EnterKind.NOBODY)


# -- walk-ins ---------------------------------------------------------------------------------


def walkin_category(categories: Sequence[Category]) -> str:
    """The category a walk-in form starts with: the event's guest category, or none (no VIP by default)."""
    for category in categories:
        if category.id.lower() in GUEST_CATEGORIES and not category.vip:
            return category.id
    return ""


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


@dataclass(frozen=True, slots=True)
class Likely:
    """A delegate on the roster a walk-in probably is, and what they share."""

    delegate: Delegate
    same: tuple[str, ...]  # "name", "phone", "email"


WEIGHT = {"name": 1, "phone": 2, "email": 2}


def likely_same_person(store: Store, walkin: Delegate, limit: int = 5) -> list[Likely]:
    """Delegates with the walk-in's name, phone (its last 8 digits) or email; the likeliest first."""
    name = "".join(walkin.name.split())
    email = walkin.email.strip().lower()
    phone = _digits(walkin.phone)[-8:] if len(_digits(walkin.phone)) >= 7 else ""
    rows = store.query(
        "SELECT id FROM delegates WHERE (?1 != '' AND replace(name, ' ', '') = ?1) "
        "OR (?2 != '' AND lower(email) = ?2) "
        "OR (?3 != '' AND replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '+', ''), "
        "'(', ''), ')', '') LIKE '%' || ?3) LIMIT 50",
        (name, email, phone),
    )
    found: list[Likely] = []
    for (delegate_id,) in rows:
        delegate = store.roster.delegate(delegate_id)
        if delegate is None:
            continue
        same = tuple(
            what
            for what, hit in (
                ("name", bool(name) and "".join(delegate.name.split()) == name),
                ("phone", bool(phone) and _digits(delegate.phone).endswith(phone)),
                ("email", bool(email) and delegate.email.strip().lower() == email),
            )
            if hit
        )
        if same:
            found.append(Likely(delegate, same))
    # A phone or an email is a person; a name is often shared (王芳 is many people): weigh them so.
    found.sort(key=lambda x: (-sum(WEIGHT[w] for w in x.same), not x.delegate.active, x.delegate.name))
    return found[:limit]


# -- what to do about a refusal ---------------------------------------------------------------


class Step(StrEnum):
    """A one-key action the desk offers beside a refusal."""

    OVERRIDE = "override"  # admit anyway, with a reason
    PRINT = "reprint"  # print the pass (again)
    SUPERVISOR = "supervisor"  # call the desk supervisor
    WALKIN = "walkin"  # register on the spot


@dataclass(frozen=True, slots=True)
class Guidance:
    """What the volunteer should do: the decision's outcome with the facts to say it, and the keys."""

    outcome: Outcome
    steps: tuple[Step, ...]
    registered: tuple[Forum, ...] = ()  # the forums this person is registered for
    send_to: Forum | None = None  # of those, the one to send them to (now or next)
    cancelled_on: datetime | None = None  # when the roster cancelled them


def _send_to(forums: Sequence[Forum], now: datetime) -> Forum | None:
    timed = [f for f in forums if f.starts_at is not None]
    for forum in timed:
        assert forum.starts_at is not None
        if forum.starts_at <= now <= (forum.ends_at or forum.starts_at + timedelta(hours=2)):
            return forum
    upcoming = sorted((f for f in timed if f.starts_at and f.starts_at > now), key=lambda f: f.starts_at)  # type: ignore[arg-type, return-value]
    return upcoming[0] if upcoming else (forums[0] if forums else None)


def guidance(store: Store, decision: Decision, forums: dict[str, Forum], now: datetime) -> Guidance | None:
    """What to do about a refusal; None when the person was admitted."""
    if decision.admitted:
        return None
    delegate = decision.delegate
    outcome = decision.outcome
    if outcome is Outcome.NOT_REGISTERED and delegate is not None:
        registered = tuple(forums[f] for f in delegate.forums if f in forums)
        return Guidance(outcome, (Step.OVERRIDE, Step.SUPERVISOR), registered, _send_to(registered, now))
    if outcome is Outcome.REVOKED and delegate is not None and not delegate.active:
        row = store.query_one("SELECT updated_at FROM delegates WHERE id = ?", (delegate.id,))
        when = datetime.fromisoformat(row[0]) if row and row[0] else None
        return Guidance(outcome, (Step.OVERRIDE, Step.SUPERVISOR), cancelled_on=when)
    steps = {
        Outcome.ALREADY_CHECKED_IN: (Step.PRINT, Step.SUPERVISOR),
        Outcome.UNKNOWN_BADGE: (Step.WALKIN, Step.SUPERVISOR),
        Outcome.FORUM_FULL: (Step.OVERRIDE, Step.SUPERVISOR),
        Outcome.REVOKED: (Step.SUPERVISOR,),
        Outcome.INVALID_SIGNATURE: (Step.SUPERVISOR,),
    }.get(outcome, (Step.OVERRIDE, Step.SUPERVISOR) if delegate is not None else (Step.SUPERVISOR,))
    return Guidance(outcome, steps)


# -- this desk today --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DeskCounts:
    admitted: int = 0  # first admissions and re-entries decided here (scans, overrides, walk-ins)
    refused: int = 0
    walkins: int = 0
    overrides: int = 0


def desk_counts(store: Store, desk: str, now: datetime, tz: ZoneInfo) -> DeskCounts:
    """Today's (in the event's time zone) decisions made at this desk, rehearsal kept apart."""
    start = now.astimezone(tz).replace(hour=0, minute=0, second=0, microsecond=0)
    rows = store.query(
        "SELECT action, outcome, at FROM journal WHERE desk = ? AND origin = 'local' AND rehearsal = ? "
        "AND action IN ('scan', 'override', 'walkin')",
        (desk, int(store.rehearsal)),
    )
    admitted = refused = walkins = overrides = 0
    for action, outcome, at in rows:
        if datetime.fromisoformat(at) < start:
            continue
        if outcome == Outcome.ADMITTED:
            admitted += 1
            walkins += action == Action.WALKIN
            overrides += action == Action.OVERRIDE
        else:
            refused += 1
    return DeskCounts(admitted, refused, walkins, overrides)

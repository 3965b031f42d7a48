"""The domain's values: plain, immutable dataclasses with no I/O.

Everything the rest of the product passes around (the store, the rules, the
scan pipeline, the UI, the hub) is one of these.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

ENTRANCE = "entrance"


class Outcome(StrEnum):
    """The closed set of answers a gate gives. Used verbatim in JSON, tests and UI."""

    ADMITTED = "admitted"
    ALREADY_CHECKED_IN = "already_checked_in"
    UNKNOWN_BADGE = "unknown_badge"
    REVOKED = "revoked"
    NOT_REGISTERED = "not_registered"
    TOO_EARLY = "too_early"
    TOO_LATE = "too_late"
    FORUM_FULL = "forum_full"
    INVALID_SIGNATURE = "invalid_signature"
    WRONG_EVENT = "wrong_event"


class Mode(StrEnum):
    """What a kiosk is being used as: it decides which screens show and which decisions print."""

    SELFSERVICE = "selfservice"  # unattended: guests scan or search themselves
    DESK = "desk"  # a volunteer at a help desk
    DOOR = "door"  # a forum door: scan only
    ADMIN = "admin"  # the admin screen, behind the PIN


class Action(StrEnum):
    """What made a journal entry."""

    SCAN = "scan"  # a code from the camera, a scanner or typed at the desk
    OVERRIDE = "override"  # a volunteer admitted someone the rules refused
    VOID = "void"  # a compensating entry that cancels an earlier admission
    REPRINT = "reprint"  # a pass printed again
    REISSUE = "reissue"  # a new badge code replaced a lost one
    WALKIN = "walkin"  # a delegate registered on the spot
    PIN_FAILURE = "pin_failure"  # a wrong admin PIN at the kiosk
    PHONE_FAILURE = "phone_failure"  # wrong phone digits typed for a delegate at a self-service kiosk
    HELP_CALL = "help_call"  # a guest pressed Help at a self-service kiosk (the entry names the kiosk)
    EXIT = "exit"  # the holder left through this gate (uploaded to pretix as an exit)


class How(StrEnum):
    """How a journal entry's person was presented: what the audit reads beside the action.

    Stored as text, so an entry from a newer desk with a value this one does not know is kept
    as it came; ``""`` is an entry written before the journal recorded it.
    """

    CAMERA = "camera"  # a badge held up to the kiosk's camera
    SCANNER = "scanner"  # a USB barcode scanner
    TYPED = "typed"  # a badge code typed by a volunteer
    DESK_SEARCH = "desk_search"  # a volunteer searched the name and checked in the one found
    SELF_SEARCH = "self_search"  # a guest found their own name and confirmed their phone digits
    OVERRIDE = "override"  # a volunteer admitted someone the rules refused
    WALKIN = "walkin"  # registered on the spot
    UNKNOWN = ""


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    name_zh: str
    name_en: str
    starts_at: datetime
    ends_at: datetime
    timezone: str = "Asia/Shanghai"
    city: str = ""
    theme_zh: str = ""
    theme_en: str = ""
    checkin_opens_before: timedelta = timedelta(hours=24)
    # how the event presents itself to guests (the event file's "brand"): where the help desk
    # is, the event's logo (SVG text) and its colour
    help_desk_zh: str = ""
    help_desk_en: str = ""
    logo_svg: str = ""
    color: str = ""

    def name(self, language: str) -> str:
        return self.name_zh if language.startswith("zh") else self.name_en

    def help_desk(self, language: str) -> str:
        return (
            (self.help_desk_zh or self.help_desk_en)
            if language.startswith("zh")
            else (self.help_desk_en or self.help_desk_zh)
        )


@dataclass(frozen=True, slots=True)
class Forum:
    id: str
    name_zh: str
    name_en: str
    kind: str = "parallel"
    hall: str = ""
    capacity: int | None = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None

    def name(self, language: str) -> str:
        return self.name_zh if language.startswith("zh") else self.name_en


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    name_zh: str
    name_en: str
    color: str = "#455A64"
    vip: bool = False

    def name(self, language: str) -> str:
        return self.name_zh if language.startswith("zh") else self.name_en


PERSONAL: dict[str, bool] = {"personal": True}  # names a person: blanked by a purge
PRIVATE: dict[str, bool] = {"personal": True, "private": True}  # also kept out of to_json and exports


@dataclass(frozen=True, slots=True)
class Delegate:
    """A person on the roster. This field list is the one declaration of a delegate's columns:
    the store, the hub protocol, the purge and the export derive theirs from it."""

    id: str
    code: str
    name: str = field(metadata=PERSONAL)
    name_en: str = field(default="", metadata=PERSONAL)
    organization: str = field(default="", metadata=PERSONAL)
    title: str = field(default="", metadata=PERSONAL)
    phone: str = field(default="", metadata=PRIVATE)
    email: str = field(default="", metadata=PRIVATE)
    category: str = ""
    forums: tuple[str, ...] = ()
    status: str = "active"  # active | cancelled
    language: str = ""  # zh | en | "" (unknown)
    notes: dict[str, str] = field(default_factory=dict, metadata=PRIVATE)

    @property
    def active(self) -> bool:
        return self.status == "active"

    def to_json(self) -> dict[str, Any]:
        """The delegate without contact details and notes."""
        return {
            name: list(self.forums) if name == "forums" else getattr(self, name) for name in PUBLIC_FIELDS
        }


DELEGATE_FIELDS = tuple(f.name for f in fields(Delegate))
DELEGATE_TEXT_FIELDS = tuple(f.name for f in fields(Delegate) if f.type == "str")
PERSONAL_FIELDS = tuple(f.name for f in fields(Delegate) if f.metadata.get("personal"))
PUBLIC_FIELDS = tuple(f.name for f in fields(Delegate) if not f.metadata.get("private"))


@dataclass(frozen=True, slots=True)
class Badge:
    """A code printed on a badge. A reissued badge supersedes the old code."""

    code: str
    delegate_id: str
    serial: int = 1
    status: str = "active"  # active | superseded
    kind: str = "token"  # token (opaque, looked up in the roster) | signed

    @property
    def superseded(self) -> bool:
        return self.status == "superseded"


@dataclass(frozen=True, slots=True)
class Gate:
    """Where a kiosk stands, with the rules of that place.

    ``id`` is ``entrance`` or a forum id. Window offsets are relative to the
    event (entrance) or the forum (forum door).
    """

    id: str = ENTRANCE
    opens_before: timedelta = timedelta(hours=24)
    closes_after: timedelta = timedelta(0)
    allow_reentry: bool = False
    capacity: int | None = None

    @property
    def is_entrance(self) -> bool:
        return self.id == ENTRANCE

    @classmethod
    def entrance(cls, event: Event) -> Gate:
        return cls(ENTRANCE, opens_before=event.checkin_opens_before)

    @classmethod
    def for_forum(
        cls,
        forum: Forum,
        opens_before: timedelta = timedelta(minutes=30),
        closes_after: timedelta = timedelta(0),
        allow_reentry: bool = True,
    ) -> Gate:
        return cls(forum.id, opens_before, closes_after, allow_reentry, forum.capacity)


@dataclass(frozen=True, slots=True)
class CheckIn:
    """One journal entry. Never rewritten; a void is a new entry."""

    id: str
    at: datetime
    desk: str
    gate: str
    code: str
    outcome: Outcome
    delegate_id: str | None = None
    action: Action = Action.SCAN
    reason: str = ""
    voids: str | None = None
    rehearsal: bool = False
    origin: str = "local"
    how: str = How.UNKNOWN  # a How value (text: kept as another desk sent it)
    operator: str = ""  # the volunteer signed in at the desk, when one was

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": self.at.isoformat(),
            "desk": self.desk,
            "gate": self.gate,
            "code": self.code,
            "outcome": str(self.outcome),
            "delegate_id": self.delegate_id,
            "action": str(self.action),
            "reason": self.reason,
            "voids": self.voids,
            "rehearsal": self.rehearsal,
            "origin": self.origin,
            "how": str(self.how),
            "operator": self.operator,
        }


@dataclass(frozen=True, slots=True)
class SignedClaims:
    """What a verified signed badge code says about its holder."""

    event_id: str
    delegate_id: str
    serial: int
    category: str = ""
    forums: tuple[str, ...] = ()
    valid_until: datetime | None = None


class CodeKind(StrEnum):
    ROSTER = "roster"  # an opaque token found in the local roster
    SIGNED = "signed"  # a signed code whose signature checked out
    UNKNOWN = "unknown"  # neither in the roster nor a signed code
    FORGED = "forged"  # looks like a signed code, signature does not verify
    FOREIGN = "foreign"  # a signed code of another event
    UNTRUSTED = "untrusted"  # a signed code of this event, but this kiosk trusts no key of it yet


@dataclass(frozen=True, slots=True)
class ResolvedCode:
    """What a scanned code turned out to be, before the gate's rules apply."""

    code: str
    kind: CodeKind
    badge: Badge | None = None
    delegate: Delegate | None = None
    claims: SignedClaims | None = None


@dataclass(frozen=True, slots=True)
class GateHistory:
    """What the journal says about this delegate at this gate."""

    first_admission: CheckIn | None = None
    admitted_count: int = 0  # distinct delegates admitted at the gate so far
    occupancy: int = 0  # delegates in the room now: their last movement here is an admission
    inside: bool = False  # this delegate is in the room now (admitted, not left since)


@dataclass(frozen=True, slots=True)
class Decision:
    outcome: Outcome
    gate: str
    code: str
    delegate: Delegate | None = None
    reentry: bool = False
    first_checkin: CheckIn | None = None
    via_signature: bool = False  # admitted on a signed code the roster does not know yet
    occupancy: int | None = None  # delegates in the room (entries − exits), after this decision
    capacity: int | None = None
    admitted_today: int | None = None  # distinct delegates ever admitted at the gate, after this decision
    exit: bool = False  # the holder was let out through the gate (an exit scan), not in
    checkin_id: str | None = None
    reason: str = ""  # the registration system's own reason code (pretix: ok, unpaid, rules …)
    flags: tuple[str, ...] = ()  # e.g. rules_not_checked_offline: admitted, the desk should know
    code_kind: CodeKind | None = None  # on a refused code: unknown, forged, foreign or untrusted

    @property
    def admitted(self) -> bool:
        return self.outcome is Outcome.ADMITTED

"""Request and response shapes of the hub API (what its OpenAPI schema documents)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StrictBool, StringConstraints

from kiosk.model import Action, Outcome
from kiosk.sync.wire import MAX_BATCH

NO_NUL = r"^[^\x00]*$"
Text = Annotated[str, StringConstraints(max_length=2000, pattern=NO_NUL)]
Short = Annotated[str, StringConstraints(max_length=200, pattern=NO_NUL)]
Id = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=NO_NUL)]
Cell = Annotated[str, StringConstraints(max_length=2000, pattern=NO_NUL)] | int | float | None
MAX_UPLOAD_ROWS = 200_000


class Message(BaseModel):
    detail: str


class Health(BaseModel):
    status: str
    store: str


class Enrol(BaseModel):
    code: Annotated[str, StringConstraints(min_length=1, max_length=40, pattern=NO_NUL)]


class Enrolled(BaseModel):
    desk: str
    token: str


class Entry(BaseModel):
    """One journal entry as a desk journalled it."""

    model_config = ConfigDict(extra="ignore")
    id: Id
    at: AwareDatetime
    desk: Short = ""
    gate: Id
    code: Annotated[str, StringConstraints(max_length=600, pattern=NO_NUL)] = ""
    outcome: Outcome
    delegate_id: Short | None = None
    action: Action = Action.SCAN
    reason: Text = ""
    voids: Short | None = None
    rehearsal: StrictBool = False
    how: Short = ""  # camera, scanner, typed, desk_search, self_search, override, walkin ("" before)
    operator: Short = ""  # the volunteer signed in at the desk


class PulledEntry(Entry):
    seq: int
    origin: str


ForumId = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=r"^[^,\x00]*$")]


class DeskDelegate(BaseModel):
    """A delegate a desk registered on the spot (walk-in) or gave a new badge code (reissue)."""

    model_config = ConfigDict(extra="ignore")
    id: Id
    code: Id
    name: Id
    name_en: Short = ""
    organization: Short = ""
    title: Short = ""
    phone: Short = ""
    email: Short = ""
    category: Short = ""
    forums: Annotated[list[ForumId], Field(max_length=100)] = []
    status: Literal["active", "cancelled"] = "active"
    language: Short = ""
    notes: Annotated[dict[Short, Text], Field(max_length=50)] = {}


class Push(BaseModel):
    entries: Annotated[list[Entry], Field(max_length=MAX_BATCH)]
    delegates: Annotated[list[DeskDelegate], Field(max_length=MAX_BATCH)] = []


class PushResult(BaseModel):
    accepted: int
    duplicates: int
    delegates: int = 0  # walk-ins and reissued codes taken into the hub's roster


class CheckinPage(BaseModel):
    entries: list[PulledEntry]
    cursor: int
    roster_cursor: int


class DelegateOut(BaseModel):
    id: str
    code: str
    name: str
    name_en: str = ""
    organization: str = ""
    title: str = ""
    phone: str = ""
    email: str = ""
    category: str = ""
    forums: list[str] = []
    status: str = "active"
    language: str = ""
    notes: dict[str, str] = {}
    search: str = ""


class RosterChange(BaseModel):
    rev: int
    op: str  # upsert | revoke
    delegate: DelegateOut


class RosterPage(BaseModel):
    changes: list[RosterChange]
    cursor: int
    more: bool
    event_version: int


class RosterUpload(BaseModel):
    """Roster rows as a registration system exports them: column header -> cell."""

    rows: Annotated[list[dict[Short, Cell]], Field(max_length=MAX_UPLOAD_ROWS)]
    replace: bool = False


class Rejected(BaseModel):
    line: int
    reason: str
    message: str


class ImportResult(BaseModel):
    imported: int
    updated: int
    unchanged: int
    revoked: int = 0
    rejected: list[Rejected]
    warnings: list[Rejected] = []  # rows kept with a soft problem (an unknown category defaulted)
    error: str | None = None

"""``POST /v1/desks/health``: a desk's health with its sync contacts (kiosk/sync/health.py sends it).

The report is checked whole (a bad value is 422 and nothing is kept); the hub answers
with its own time, from which the desk works out its clock offset for the next report.
"""

from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StrictInt

from hub.api.models import Message, Short
from hub.store import HubStore
from hub.store.tokens import TokenInfo
from kiosk.sync.health import CAMERA_STATES, HEALTH_PATH, MODES, PRINTER_STATES
from kiosk.sync.wire import API

Count = Annotated[StrictInt, Field(ge=0, le=10**9)]


class DeskReport(BaseModel):
    """What a desk says about itself; the desk's name on the hub is its token's."""

    model_config = ConfigDict(extra="forbid")
    desk: Short = ""
    mode: Literal[MODES]  # type: ignore[valid-type]
    gate: Short = ""
    app_version: Short = ""
    last_decision_at: AwareDatetime | None = None
    backlog: Count = 0
    printer_state: Literal[PRINTER_STATES]  # type: ignore[valid-type]
    printer_queue: Count = 0
    camera_state: Literal[CAMERA_STATES]  # type: ignore[valid-type]
    clock_offset_s: Annotated[float, Field(ge=-1e9, le=1e9, allow_inf_nan=False)] | None = None
    disk_free_bytes: Annotated[StrictInt, Field(ge=0, le=2**62)] | None = None


class HealthAnswer(BaseModel):
    hub_time: str


def health_routes(store: HubStore, desk: Callable[..., Any]) -> APIRouter:
    router = APIRouter()

    @router.post(API + HEALTH_PATH, response_model=HealthAnswer, responses={401: {"model": Message}})
    def report(token: Annotated[TokenInfo, Depends(desk)], body: DeskReport) -> HealthAnswer:
        """Keep the desk's latest health; a change of its state goes into its history."""
        now = store.desks.report(token.desk, body.model_dump(mode="json"))
        return HealthAnswer(hub_time=now.isoformat())

    return router

"""The hub's HTTP API (FastAPI): /v1/health, /v1/event, /v1/roster, /v1/checkins.

Every route but health needs ``Authorization: Bearer <token>``; a wrong or
revoked token gets 401 and nothing else. Pulling check-ins long-polls: the
answer comes as soon as another desk pushes, or the roster moves, or ``wait``
seconds pass.
"""

import asyncio
import contextlib
import json
import logging
import sqlite3
import time
from collections.abc import AsyncIterator
from typing import Annotated, Any, cast

import psycopg
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from hub.api import models as m
from hub.api.changes import ChangeBus
from hub.api.dashboard import dashboard_routes
from hub.api.guard import GuardOptions, install, token_of
from hub.api.snapshot import Snapshot
from hub.store import HubStore, HubStoreError
from hub.store.tokens import TokenInfo
from kiosk.importers.apply import ImportReport
from kiosk.importers.readers import RosterFileError, cell_text
from kiosk.model import Action, CheckIn, Delegate

log = logging.getLogger(__name__)

MAX_WAIT = 25.0
BIGINT = 2**62
DENIED: dict[int | str, dict[str, Any]] = {
    401: {"model": m.Message, "description": "missing, wrong or revoked token"}
}


def create_app(
    store: HubStore,
    poll_interval: float = 0.25,
    max_wait: float = MAX_WAIT,
    coalesce: float = 0.1,
    guard: GuardOptions | None = None,
) -> FastAPI:
    """The API over a store. ``max_wait`` bounds a long-poll (the schema documents it); a woken
    long-poll lingers ``coalesce`` seconds so that check-ins arriving together leave together
    (under load, fifty desks then make a few requests per second each, not one per check-in)."""
    bus = ChangeBus(store, poll_interval)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        watcher = asyncio.create_task(bus.watch())
        yield
        watcher.cancel()
        bus.close()

    app = FastAPI(title="Forum kiosk hub", version="1", lifespan=lifespan)
    bearer = HTTPBearer(auto_error=False)

    def desk(
        request: Request, _: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
    ) -> TokenInfo:
        return cast(TokenInfo, token_of(request))  # checked by the guard before the body was read

    Desk = Annotated[TokenInfo, Depends(desk)]

    install(app, store.tokens, guard)

    async def store_down(request: Request, exc: Exception) -> JSONResponse:
        log.warning("hub: database error on %s (%s)", request.url.path, type(exc).__name__)
        return JSONResponse({"detail": "hub database unavailable"}, status_code=503)

    for error in (HubStoreError, sqlite3.Error, psycopg.Error):
        app.add_exception_handler(error, store_down)

    @app.get("/v1/health", response_model=m.Health)
    def health() -> m.Health:
        return m.Health(status="ok", store=store.kind)

    @app.post("/v1/enrol", response_model=m.Enrolled, responses={401: {"model": m.Message}})
    def enrol(body: m.Enrol) -> m.Enrolled:
        """A desk joins with a one-time enrolment code (``hub enrol``): its token, once."""
        joined = store.enrolments.redeem(body.code)
        if joined is None:
            log.warning("hub: an enrolment code was refused (unknown, used or expired)")
            raise HTTPException(
                401, "not an unused enrolment code: make a new one with `hub enrol DESK --url URL`"
            )
        log.info("hub: desk %s joined with an enrolment code", joined[0])
        return m.Enrolled(desk=joined[0], token=joined[1])

    @app.get("/v1/event", responses={**DENIED, 404: {"model": m.Message}})
    def event(token: Desk) -> dict[str, Any]:
        """The event, its forums and categories (the event file's format) and trusted public keys."""
        document = store.roster.event_document()
        if document is None:
            raise HTTPException(404, "no event on the hub yet: run `hub event import FILE.json`")
        return document

    @app.get("/v1/roster", responses={**DENIED, 200: {"model": m.RosterPage}})
    def roster(
        token: Desk,
        since: Annotated[int, Query(ge=0, le=BIGINT)] = 0,
        limit: Annotated[int, Query(ge=1, le=20000)] = 5000,
    ) -> Response:
        """Delegates changed after the cursor ``since`` (0: the whole roster), oldest change first."""
        rows, cursor, more = store.roster.changes(since, limit)
        ops = {"cancelled": "revoke"}
        changes = ",".join(
            f'{{"rev":{rev},"op":"{ops.get(status, "upsert")}","delegate":{body}}}'
            for rev, status, body in rows
        )
        event_version = store.roster.event_version()
        text = (f'{{"changes":[{changes}],"cursor":{cursor},"more":{json.dumps(more)},'
                f'"event_version":{event_version}}}')  # fmt: skip
        return Response(text, media_type="application/json")

    @app.post("/v1/roster", response_model=m.ImportResult, responses={**DENIED, 403: {"model": m.Message}})
    def upload_roster(token: Desk, upload: m.RosterUpload) -> m.ImportResult:
        """Admin tokens, and desk tokens allowed it (``--can roster``): roster rows (header -> cell),
        checked and reported row by row."""
        if not token.may("roster"):
            log.warning("hub: desk %s tried to change the roster without being allowed to", token.desk)
            raise HTTPException(
                403, "this token may not change the roster: an admin token, or one made with --can roster"
            )
        headers: list[str] = []
        for row in upload.rows:
            headers.extend(h for h in row if h not in headers)
        cells = [(i, [cell_text(row.get(h)) for h in headers]) for i, row in enumerate(upload.rows, start=1)]
        report = ImportReport()
        try:
            store.roster.import_rows(headers, cells, report, upload.replace)
        except RosterFileError as exc:
            report.rejected.clear()
            report.error = str(exc)
        if report.error:
            raise HTTPException(422, report.error)
        log.info("hub: %s changed the roster: %d new, %d updated, %d revoked, %d rejected", token.desk,
                 report.imported, report.updated, report.revoked, len(report.rejected))  # fmt: skip
        bus.kick_threadsafe()
        return m.ImportResult.model_validate(report.to_json() | {"revoked": report.revoked})

    @app.post("/v1/checkins", response_model=m.PushResult, responses=DENIED)
    def push(token: Desk, batch: m.Push) -> m.PushResult:
        """Journal entries from a desk; idempotent by entry id, so a batch sent twice adds nothing.
        Each entry is stored as the token's desk, whatever desk it names. Walk-ins and reissued
        codes reach the roster only from a token allowed them (``hub token create --can``)."""
        entries = [
            CheckIn(**(e.model_dump() | {"desk": token.desk, "origin": token.desk})) for e in batch.entries
        ]
        accepted, duplicates = store.checkins.push(entries, token.desk)
        delegates = 0
        if batch.delegates:
            made = {e.delegate_id: e.action for e in entries
                    if e.action in (Action.WALKIN, Action.REISSUE) and token.may(str(e.action))}  # fmt: skip
            given = [Delegate(**(d.model_dump() | {"forums": tuple(d.forums)})) for d in batch.delegates]
            delegates = store.roster.from_desk([(made[d.id], d) for d in given if d.id in made])
        if accepted or delegates:
            bus.kick_threadsafe()
        return m.PushResult(accepted=accepted, duplicates=duplicates, delegates=delegates)

    @app.get("/v1/checkins", responses={**DENIED, 200: {"model": m.CheckinPage}})
    async def pull(
        token: Desk,
        since: Annotated[int, Query(ge=0, le=BIGINT)] = 0,
        limit: Annotated[int, Query(ge=1, le=5000)] = 500,
        wait: Annotated[float, Query(ge=0, le=max_wait)] = 0,
        roster: Annotated[int, Query(ge=-1, le=BIGINT)] = -1,
    ) -> Response:
        """Other desks' entries after ``since``. With ``wait``, answers when there are some, when
        the roster cursor passes ``roster``, or after ``wait`` seconds."""
        deadline = time.monotonic() + wait
        while True:
            woken = bus.current()
            found = bus.recent.since(since, limit, token.desk)
            if found is None:  # older than what is kept in memory, or a cursor of another database
                entries, cursor = await run_in_threadpool(store.checkins.since, since, limit, token.desk)
                texts = [json.dumps(e.to_json() | {"seq": seq}, ensure_ascii=False) for seq, e in entries]
            else:
                texts, cursor = found
            roster_cursor = bus.recent.roster_cursor
            left = deadline - time.monotonic()
            if texts or left <= 0 or 0 <= roster < roster_cursor:
                break
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(woken.wait(), timeout=left)
            if woken.is_set() and coalesce:
                await asyncio.sleep(min(coalesce, max(0.0, deadline - time.monotonic())))
        body = f'{{"entries":[{",".join(texts)}],"cursor":{cursor},"roster_cursor":{roster_cursor}}}'
        return Response(body, media_type="application/json")

    app.state.snapshot = Snapshot(store, bus)  # one per hub process, shared by every dashboard
    app.include_router(dashboard_routes(store, app.state.snapshot, desk))
    return app

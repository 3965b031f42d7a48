"""``/dashboard``: the organisers' live page, served by the hub itself (no CDN, no second server).

Admins only. Without a valid session cookie every dashboard URL gives the login page (HTML)
or 401 (data), never data; a desk token is refused at login. The page gets its numbers
from ``/dashboard/events`` (server-sent events: a new snapshot whenever something moved),
and the check-ins from ``/dashboard/export.csv`` or ``.xlsx``.
"""

import contextlib
import logging
import tempfile
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, Field

from hub.api.desks import health_routes
from hub.api.sessions import COOKIE, PATH, Sessions
from hub.api.snapshot import Snapshot
from hub.store import HubStore
from hub.store.arrivals import export_rows
from kiosk.export import write_rows

log = logging.getLogger(__name__)

STATIC = Path(__file__).with_name("static")
FILES = {
    "dashboard.js": "text/javascript", "dashboard.css": "text/css", "uPlot.iife.min.js": "text/javascript",
    "uPlot.min.css": "text/css", "uPlot.LICENSE.txt": "text/plain",
}  # fmt: skip
RECHECK = 5.0  # seconds between a live stream's checks that its session still holds
HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


class Login(BaseModel):
    secret: Annotated[str, Field(min_length=1, max_length=300)]


def dashboard_routes(store: HubStore, snapshot: Snapshot, desk: Callable[..., Any]) -> APIRouter:
    """The dashboard's routes, and the desks' health report it shows."""
    router = APIRouter(include_in_schema=False)
    sessions = Sessions(store)

    def admin(request: Request) -> str:
        who = sessions.who(request)
        if who is None:
            raise HTTPException(401, "log in to the dashboard with an admin token or a login code")
        return who

    Admin = Annotated[str, Depends(admin)]

    def page(name: str) -> Response:
        return Response((STATIC / name).read_bytes(), media_type="text/html; charset=utf-8", headers=HEADERS)

    @router.get(PATH)
    def dashboard(request: Request) -> Response:
        return page("dashboard.html" if sessions.who(request) else "login.html")

    @router.post(PATH + "/login", status_code=204)
    def log_in(body: Login) -> Response:
        session = sessions.log_in(body.secret)
        if session is None:
            raise HTTPException(401, "not an admin token or an unused login code")
        log.info("dashboard: an admin logged in")
        response = Response(status_code=204, headers=HEADERS)
        sessions.set_cookie(response, session)
        return response

    @router.post(PATH + "/logout", status_code=204)
    def log_out(request: Request) -> Response:
        sessions.log_out(request)
        response = Response(status_code=204, headers=HEADERS)
        response.delete_cookie(COOKIE, path=PATH, httponly=True, samesite="strict")
        return response

    @router.get(PATH + "/static/{name}")
    def static(name: str) -> Response:
        if name not in FILES:
            raise HTTPException(404, "no such file")
        return Response((STATIC / name).read_bytes(), media_type=FILES[name],
                        headers={"Cache-Control": "max-age=300"})  # fmt: skip

    @router.get(PATH + "/data")
    async def data(who: Admin) -> Response:
        return Response(await snapshot.text(), media_type="application/json", headers=HEADERS)

    @router.get(PATH + "/events")
    async def events(request: Request, who: Admin) -> StreamingResponse:
        async def stream() -> AsyncIterator[str]:
            quiet, check_at = 0, time.monotonic() + RECHECK
            async with contextlib.aclosing(snapshot.follow()) as snapshots:
                async for text in snapshots:
                    if time.monotonic() >= check_at:  # logged out or expired, in any hub process
                        if await run_in_threadpool(sessions.who, request) is None:
                            return
                        check_at = time.monotonic() + RECHECK
                    if text is not None:
                        quiet = 0
                        yield f"data: {text}\n\n"
                    elif (quiet := quiet + 1) >= 15:
                        quiet = 0
                        yield ": still here\n\n"

        return StreamingResponse(stream(), media_type="text/event-stream",
                                 headers=HEADERS | {"X-Accel-Buffering": "no"})  # fmt: skip

    @router.get(PATH + "/export.{kind}")
    async def export(kind: str, who: Admin) -> Response:
        if kind not in ("csv", "xlsx"):
            raise HTTPException(404, "export to .csv or .xlsx")
        rows = await run_in_threadpool(export_rows, store)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"checkins.{kind}"
            await run_in_threadpool(write_rows, path, rows)
            body = path.read_bytes()
        media = "text/csv; charset=utf-8" if kind == "csv" else (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")  # fmt: skip
        disposition = {"Content-Disposition": f'attachment; filename="checkins.{kind}"'}
        return Response(body, media_type=media, headers=HEADERS | disposition)

    routes = APIRouter()
    routes.include_router(health_routes(store, desk))
    routes.include_router(router, include_in_schema=False)
    return routes

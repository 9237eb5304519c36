"""The FastAPI application: store ownership, error shape, dashboard files.

>>> from eventwire.api.app import create_app
>>> app = create_app(":memory:")            # doctest: +SKIP
>>> # uvicorn.run(app, host="127.0.0.1", port=8000)

While the app runs it owns the store read-write (DuckDB allows one writer per file); each
request gets its own cursor. Review endpoints need ``review_token`` (sent as
``Authorization: Bearer …``); without one configured they are refused.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import uvicorn
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventwire.api.dashboard_routes import dashboard_router
from eventwire.api.deps import WEB_DIR, AppState, token_refusal
from eventwire.api.guard import DEFAULT_MAX_BODY_BYTES, Guard, allowed_hosts_for
from eventwire.api.ingest import ingest_router
from eventwire.api.live import live_router
from eventwire.api.review_routes import review_router
from eventwire.api.routes import router
from eventwire.api.trends_routes import trends_router
from eventwire.config import VERSION, review_token_from_env
from eventwire.db import live
from eventwire.db.diagnose import damaged_store_error
from eventwire.db.reader import EventReader
from eventwire.db.review import ensure_review_tables
from eventwire.db.store import Store
from eventwire.errors import DataFileError, EventwireError

log = logging.getLogger("eventwire.api")


def error_response(status: int, code: str, message: str, details: Any = None) -> JSONResponse:
    """The one error shape: ``{"error": {"code", "message", "status"[, "details"]}}``."""
    body: dict[str, Any] = {"code": code, "message": message, "status": status}
    if details is not None:
        body["details"] = details
    return JSONResponse({"error": body}, status_code=status)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail
        if isinstance(detail, dict) and "code" in detail:
            response = error_response(exc.status_code, detail["code"], str(detail["message"]))
        else:
            response = error_response(
                exc.status_code, f"EW-API-{exc.status_code}", str(detail or "error")
            )
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [
            {"loc": [str(p) for p in err.get("loc", ())], "msg": str(err.get("msg", ""))}
            for err in exc.errors()
        ]
        first = details[0] if details else {"loc": [], "msg": "invalid request"}
        message = f"invalid {'.'.join(first['loc'][1:] or first['loc'])}: {first['msg']}"
        return error_response(422, "EW-API-422", message, details)

    @app.exception_handler(EventwireError)
    async def eventwire_error(request: Request, exc: EventwireError) -> JSONResponse:
        # a data file or index the server lacks is its state, not the request's fault
        status = 404 if exc.code.endswith("404") else 503 if isinstance(exc, DataFileError) else 400
        return error_response(status, exc.code, str(exc))

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> JSONResponse:
        damaged = damaged_store_error(exc, request.app.state.ew.db_path)
        if damaged is not None:
            log.error("%s", damaged)
            return error_response(503, damaged.code, str(damaged.args[0]))
        log.exception("unhandled error on %s", request.url.path)
        return error_response(500, "EW-API-500", f"internal error: {type(exc).__name__}")


def _install_docs(app: FastAPI) -> None:
    vendor = "/static/vendor/swagger-ui"

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        if not (WEB_DIR / "static" / "vendor" / "swagger-ui" / "swagger-ui-bundle.js").is_file():
            return HTMLResponse(
                "<h1>eventwire API</h1><p>The interactive docs need the front-end files "
                "(<code>make web</code>); the spec is at <a href='/openapi.json'>/openapi.json</a>."
                "</p>"
            )
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="eventwire API",
            swagger_js_url=f"{vendor}/swagger-ui-bundle.js",
            swagger_css_url=f"{vendor}/swagger-ui.css",
            swagger_favicon_url=f"{vendor}/favicon-32x32.png",
        )


def _cluster_pending(store: Store, settings: Any) -> None:
    """Cluster report events no canonical event holds yet (a run killed while clustering,
    or ``process --no-cluster``): the server owns the store, so its views start whole."""
    from eventwire.dedup.canonical import pending_count
    from eventwire.dedup.cluster import STAGE_NAME, cluster_store

    if pending_count(store):
        options = settings.options(STAGE_NAME) if settings is not None else None
        summary = cluster_store(store, options)
        log.warning("clustered %d pending events at start-up", summary.new_events)


def create_app(
    db_path: str | Path = "eventwire.duckdb",
    review_token: str | None = None,
    tiles: str | None = None,
    read_only: bool = False,
    settings: Any = None,
    allowed_hosts: frozenset[str] | None = None,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    publish_url: str | None = None,
) -> FastAPI:
    """Build the app over a store file (opened now, closed at shutdown).

    With ``publish_url`` (the URL this server answers at) the app publishes the store's
    discovery file at start-up and removes it at shutdown (:mod:`eventwire.db.live`): the
    CLI then writes through ``POST /ingest/items`` and reads snapshots.

    ``settings`` (a :class:`eventwire.config.Settings`) configures the pipeline of
    ``POST /ingest``; by default the default settings with this store. ``allowed_hosts``
    (None: any) and ``max_body_bytes`` configure the :class:`~eventwire.api.guard.Guard`.
    """
    store = Store.open(db_path, read_only=read_only)
    if not read_only:
        ensure_review_tables(store.con)
        _cluster_pending(store, settings)
    state = AppState(
        store=store,
        reader=EventReader(store),
        review_token=review_token or None,
        read_only=read_only,
        tiles=tiles,
        db_path=str(db_path),
        settings=settings,
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        found = live.publish(db_path, publish_url, read_only) if publish_url else None
        app.state.live = found
        try:
            yield
        finally:
            if found is not None:
                live.withdraw(found)
            store.close()

    app = FastAPI(
        title="eventwire",
        version=VERSION,
        description=(
            "Events extracted from reporting: who did what to whom, where, when, how many "
            "died, according to whom, from which words. Errors always have the shape "
            '`{"error": {"code", "message", "status"}}`.'
        ),
        lifespan=lifespan,
        docs_url=None,  # served below from the vendored swagger-ui: no CDN at run time
        redoc_url=None,
    )
    app.state.ew = state
    _install_error_handlers(app)
    app.add_middleware(
        Guard,
        check_token=lambda given: _token_refusal(app, state, given),
        allowed_hosts=allowed_hosts,
        max_body_bytes=max_body_bytes,
        tiles=tiles,
    )

    _install_docs(app)
    app.include_router(router)
    app.include_router(review_router)
    app.include_router(ingest_router)
    app.include_router(trends_router)
    app.include_router(dashboard_router)
    app.include_router(live_router)
    static = WEB_DIR / "static"
    if static.is_dir():
        app.mount("/static", StaticFiles(directory=static), name="static")
    return app


def _token_refusal(app: FastAPI, state: AppState, given: str | None) -> tuple[int, str, str] | None:
    """The Guard's check: the review token, or the discovery file's local token (whose
    routes check it again: it opens ``/ingest/items`` and ``/store/snapshot`` only)."""
    found: live.Discovery | None = getattr(app.state, "live", None)
    if found is not None and given and secrets.compare_digest(given.encode(), found.token.encode()):
        return None
    return token_refusal(state, given)


def serve_app(
    db_path: str | Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    review_token: str | None = None,
    tiles: str | None = None,
    read_only: bool = False,
    log_level: str = "warning",
    extra_hosts: tuple[str, ...] = (),
) -> None:
    """Serve the API and dashboard with uvicorn (blocks). Binds loopback unless told otherwise.

    ``review_token`` defaults to ``$EVENTWIRE_REVIEW_TOKEN``; without one, review is off.
    Only requests naming this server's own host (``host``, loopback names for a loopback
    bind, and ``extra_hosts``) are answered.
    """
    token = review_token if review_token is not None else review_token_from_env()
    app = create_app(
        db_path,
        review_token=token,
        tiles=tiles,
        read_only=read_only,
        allowed_hosts=allowed_hosts_for(host, port, extra_hosts),
        publish_url=f"http://{f'[{host}]' if ':' in host else host}:{port}",
    )
    uvicorn.run(app, host=host, port=port, log_level=log_level)

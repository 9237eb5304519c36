"""What the API's routers share: app state, per-request store access, auth, the event filter.

``app`` imports the routers and the routers import this module, never ``app``: the
dependency graph of ``eventwire.api`` has no cycle. Each request gets its own cursor of
the store the app owns (DuckDB connections are not shared across threads); FastAPI
caches a dependency within a request, so ``Cursor`` and ``Reader`` share that cursor.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

import duckdb
from fastapi import Depends, HTTPException, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from eventwire.api.schemas import ErrorResponse
from eventwire.db.filters import EventFilter
from eventwire.db.reader import EventReader
from eventwire.db.store import Store
from eventwire.errors import ConfigError

WEB_DIR = Path(str(resources.files("eventwire.web")))
ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorResponse, "description": "Not found"},
    422: {"model": ErrorResponse, "description": "Invalid parameters"},
}
AUTH_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorResponse, "description": "No token"},
    403: {"model": ErrorResponse, "description": "Wrong token, or review disabled"},
}


@dataclass
class AppState:
    """What the routes share: the store, its reader, the settings."""

    store: Store
    reader: EventReader
    review_token: str | None
    read_only: bool
    tiles: str | None
    db_path: str
    settings: Any = None  # eventwire.config.Settings for /ingest; None = defaults + db_path

    @property
    def review_enabled(self) -> bool:
        """Review (and ingest) needs a token and a writable store."""
        return bool(self.review_token) and not self.read_only


def get_state(request: Request) -> AppState:
    """The state :func:`eventwire.api.app.create_app` put on the app."""
    state: AppState = request.app.state.ew
    return state


State = Annotated[AppState, Depends(get_state)]


def get_reader(
    state: State,
    machine: Annotated[
        bool, Query(description="The untouched machine output, without analyst reviews.")
    ] = False,
) -> Iterator[EventReader]:
    """A reader of the app's store through a cursor of this request's own (reviews applied,
    unless ``?machine=true``)."""
    with state.reader.cursor(machine=machine) as reader:
        yield reader


Reader = Annotated[EventReader, Depends(get_reader)]


def get_cursor(reader: Reader) -> duckdb.DuckDBPyConnection:
    """This request's cursor, for the review and ingest writes (never the machine view)."""
    if reader.machine:
        raise HTTPException(
            422, {"code": "EW-API-422", "message": "machine=true is for reads; writes take none"}
        )
    return reader.con


Cursor = Annotated[duckdb.DuckDBPyConnection, Depends(get_cursor)]

bearer = HTTPBearer(auto_error=False, description="The review token given to `eventwire serve`.")


def token_refusal(state: AppState, given: str | None) -> tuple[int, str, str] | None:
    """(status, code, message) refusing a write that lacks the review token, else None.

    The one token check: the Guard middleware runs it before a request body is read,
    ``require_token`` again for the routes that declare it.
    """
    if not state.review_enabled:
        message = (
            "review is disabled on this server; start it with $EVENTWIRE_REVIEW_TOKEN or "
            "--review-token-file"
        )
        return 403, "EW-API-403", message
    if not given:
        return 401, "EW-API-401", "review needs 'Authorization: Bearer <token>'"
    assert state.review_token is not None  # review_enabled
    if not secrets.compare_digest(
        given.encode("utf-8", "surrogateescape"), state.review_token.encode("utf-8")
    ):
        return 403, "EW-API-403", "wrong review token"
    return None


def require_token(
    state: State,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    """Refuse unless the request carries the configured review token."""
    refusal = token_refusal(state, credentials.credentials if credentials else None)
    if refusal is not None:
        status, code, message = refusal
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        raise HTTPException(status, {"code": code, "message": message}, headers=headers)


Authorized = Annotated[None, Depends(require_token)]

_CSV = ", comma-separated."
_OLD = "Older name of `{}`."


def event_filter(
    since: Annotated[date | None, Query(description="Events on or after this date.")] = None,
    until: Annotated[date | None, Query(description="Events on or before this date.")] = None,
    bbox: Annotated[
        str | None,
        Query(
            max_length=200,
            description="min_lon,min_lat,max_lon,max_lat in degrees (min_lon > max_lon: "
            "across the antimeridian).",
        ),
    ] = None,
    country: Annotated[
        str | None,
        Query(max_length=1000, description=f"Country names or ISO codes (Somalia, SO){_CSV}"),
    ] = None,
    admin1: Annotated[str | None, Query(max_length=200)] = None,
    actor: Annotated[str | None, Query(max_length=200, description="Actor name contains.")] = None,
    type: Annotated[
        str | None,
        Query(max_length=2000, description=f"PLOVER types, ACLED event or sub-event types{_CSV}"),
    ] = None,
    acled_type: Annotated[
        str | None, Query(max_length=2000, description=f"ACLED event types{_CSV}")
    ] = None,
    sub_type: Annotated[
        str | None, Query(max_length=2000, description=f"ACLED sub-event types{_CSV}")
    ] = None,
    modality: Annotated[str | None, Query(max_length=200, description=f"Modalities{_CSV}")] = None,
    outlet: Annotated[str | None, Query(max_length=200, description="Outlet contains.")] = None,
    speaker: Annotated[str | None, Query(max_length=200, description="Speaker contains.")] = None,
    text: Annotated[
        str | None, Query(max_length=500, description="Sentence text contains.")
    ] = None,
    doc_id: Annotated[str | None, Query(max_length=200)] = None,
    min_sources: Annotated[int | None, Query(ge=1, le=10_000)] = None,
    scope: Annotated[
        Literal["conflict", "all"],
        Query(
            description="conflict (the default): only conflict incidents, i.e. events with an "
            "ACLED event type, asserted, neither a background recall (an incident dated well "
            "before its report) nor an aggregate (a total over a long period); all: every "
            "record, political interactions (a PLOVER type but no ACLED type) included."
        ),
    ] = "conflict",
    start: Annotated[date | None, Query(description=_OLD.format("since"))] = None,
    end: Annotated[date | None, Query(description=_OLD.format("until"))] = None,
    source: Annotated[str | None, Query(max_length=200, description=_OLD.format("outlet"))] = None,
    q: Annotated[str | None, Query(max_length=500, description=_OLD.format("text"))] = None,
) -> EventFilter:
    """The one event filter (:class:`~eventwire.db.filters.EventFilter`) from the query."""
    values = dict(locals())  # the parameters: nothing else is bound yet
    try:
        return EventFilter.from_options({k: v for k, v in values.items() if v not in (None, "")})
    except ConfigError as exc:
        raise HTTPException(
            422, {"code": "EW-API-422", "message": f"invalid filter: {exc}"}
        ) from None


Filter = Annotated[EventFilter, Depends(event_filter)]

"""Review endpoints: review an event's every field, merge or split canonical events, and
read the reviews and the audit trail.

Writes need the review token (``Authorization: Bearer …``): 401 without credentials, 403
with a wrong token or when the server was started without one. A review is applied in the
store at once: every read endpoint and export shows it (``?machine=true`` does not).
"""

from __future__ import annotations

from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, HTTPException, Query

from eventwire.api.deps import AUTH_ERRORS, ERRORS, Authorized, Cursor, State
from eventwire.api.schemas import ErrorResponse, MergeIn, ReviewIn, ReviewOut, SplitIn
from eventwire.db.review import add_review, list_audit, list_reviews, orphaned_reviews
from eventwire.db.review_clusters import (
    add_cluster_review,
    cluster_reviews,
    orphaned_cluster_reviews,
)
from eventwire.db.review_fields import ReviewError, actor_lookup, search_actors, search_places
from eventwire.db.store import Store

review_router = APIRouter(tags=["review"], responses={**AUTH_ERRORS, 422: ERRORS[422]})


# Codes of a field value the ontology, dictionary or gazetteer refuses: 422 like the
# request validation; other review errors keep their own code (404 unknown event, else 400).
_VALUE_CODES = frozenset(f"EW-REV-{n:03d}" for n in range(6, 20))


def _refused(exc: ReviewError | duckdb.TransactionException) -> Exception:
    """A review error as the API's error shape: 409 conflict, 422 a refused value."""
    if isinstance(exc, duckdb.TransactionException):  # a concurrent review of the same event
        return HTTPException(409, {"code": "EW-API-409", "message": f"conflict: {exc}"})
    if exc.code in _VALUE_CODES:
        return HTTPException(422, {"code": "EW-API-422", "message": str(exc)})
    return exc


@review_router.post(
    "/events/{event_id}/review",
    status_code=201,
    response_model=ReviewOut,
    responses={404: ERRORS[404]},
)
def review_event(
    event_id: str, body: ReviewIn, _: Authorized, state: State, cur: Cursor
) -> dict[str, Any]:
    """Store and apply a confirmation, correction or rejection, audited (who, when, before
    and after). Types are checked against the ontology; actors chosen by dictionary id and
    places by geonameid or name are completed from the actor dictionary and the gazetteer.
    The machine output is kept (``?machine=true``)."""
    changes = body.changes.model_dump(exclude_none=True) if body.changes else {}
    try:
        files = state.settings.user_actor_files if state.settings is not None else ()
        actors = actor_lookup(tuple(files))
        review = add_review(
            cur, event_id, body.action, changes, body.author, body.note, actors=actors
        )
    except (ReviewError, duckdb.TransactionException) as exc:
        raise _refused(exc) from exc
    review["created_at"] = review["created_at"].isoformat(timespec="seconds") + "Z"
    return review


def _cluster_review(
    state: Any,
    cur: duckdb.DuckDBPyConnection,
    action: str,
    canonical_ids: list[str],
    body: MergeIn | SplitIn,
    event_id: str | None,
) -> dict[str, Any]:
    """Store a merge or split of canonical events, then re-cluster so it shows at once."""
    try:
        review = add_cluster_review(cur, action, canonical_ids, body.author, event_id, body.note)
    except (ReviewError, duckdb.TransactionException) as exc:
        raise _refused(exc) from exc
    _recluster(state, cur)
    return {**review, "created_at": str(review["created_at"])}


def _recluster(state: Any, cur: duckdb.DuckDBPyConnection) -> None:
    from eventwire.dedup.cluster import STAGE_NAME, cluster_store

    options = state.settings.options(STAGE_NAME) if state.settings is not None else None
    cluster_store(Store(cur, state.db_path, read_only=False), options)


@review_router.post(
    "/canonical/{canonical_id}/merge", status_code=201, responses={404: ERRORS[404]}
)
def merge_canonical(
    canonical_id: str, body: MergeIn, _: Authorized, state: State, cur: Cursor
) -> dict[str, Any]:
    """Merge two canonical events into one (kept across re-clustering and re-coding)."""
    return _cluster_review(state, cur, "merge", [canonical_id, body.other], body, None)


@review_router.post(
    "/canonical/{canonical_id}/split", status_code=201, responses={404: ERRORS[404]}
)
def split_canonical(
    canonical_id: str, body: SplitIn, _: Authorized, state: State, cur: Cursor
) -> dict[str, Any]:
    """Take one report event out of a canonical event into one of its own."""
    return _cluster_review(state, cur, "split", [canonical_id], body, body.event_id)


@review_router.get("/lookup/actors")
def lookup_actors(
    state: State,
    q: Annotated[str, Query(min_length=2, max_length=200, description="Name part.")],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> dict[str, Any]:
    """Actor-dictionary entries to choose from when correcting an actor (review by id)."""
    files = tuple(state.settings.user_actor_files) if state.settings is not None else ()
    return {"items": search_actors(q, limit, files)}


@review_router.get(
    "/lookup/places",
    responses={503: {"model": ErrorResponse, "description": "Gazetteer index not built"}},
)
def lookup_places(
    q: Annotated[str, Query(min_length=2, max_length=200, description="Place name.")],
    country: Annotated[str | None, Query(min_length=2, max_length=2)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> dict[str, Any]:
    """Gazetteer places to choose from when correcting a location (review by geonameid)."""
    return {"items": search_places(q, country, limit)}


@review_router.get("/reviews")
def reviews(
    _: Authorized,
    cur: Cursor,
    orphaned: Annotated[bool, Query(description="Only reviews matching no event now.")] = False,
) -> dict[str, Any]:
    """Every review (event reviews and canonical merges/splits), or only the orphaned ones:
    reviews whose event is gone after re-coding, kept to be redone, never dropped."""
    if orphaned:
        return {"items": orphaned_reviews(cur), "clusters": orphaned_cluster_reviews(cur)}
    return {"items": list_reviews(cur), "clusters": cluster_reviews(cur)}


@review_router.get("/audit")
def audit(
    _: Authorized,
    cur: Cursor,
    event_id: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 200,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> dict[str, Any]:
    """The audit trail, newest first: who reviewed what, when, values before and after."""
    orphans = orphaned_reviews(cur)
    if event_id:
        orphans = [o for o in orphans if o["event_id"] == event_id]
    # Reviews whose event is gone (by id and by evidence span) are reported, never dropped.
    return {"items": list_audit(cur, event_id, limit, offset), "orphaned": orphans}

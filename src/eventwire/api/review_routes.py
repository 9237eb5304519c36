"""Review endpoints: confirm, correct or reject an event; read the audit trail.

Both need the review token (``Authorization: Bearer …``): 401 without credentials,
403 with a wrong token or when the server was started without one.
"""

from __future__ import annotations

import secrets
from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from eventwire.api.routes import ERRORS, Cursor, State
from eventwire.api.schemas import ErrorResponse, ReviewIn, ReviewOut

bearer = HTTPBearer(auto_error=False, description="The review token given to `eventwire serve`.")
AUTH_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorResponse, "description": "No token"},
    403: {"model": ErrorResponse, "description": "Wrong token, or review disabled"},
}
review_router = APIRouter(tags=["review"], responses={**AUTH_ERRORS, 422: ERRORS[422]})


def require_token(
    state: State,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    """Refuse unless the request carries the configured review token."""
    if not state.review_token or state.read_only:
        message = (
            "review is disabled on this server; start it with --review-token or "
            "$EVENTWIRE_REVIEW_TOKEN"
        )
        raise HTTPException(403, {"code": "EW-API-403", "message": message})
    if credentials is None or not credentials.credentials:
        raise HTTPException(
            401,
            {"code": "EW-API-401", "message": "review needs 'Authorization: Bearer <token>'"},
            headers={"WWW-Authenticate": "Bearer"},
        )
    given = credentials.credentials.encode("utf-8", "surrogateescape")
    if not secrets.compare_digest(given, state.review_token.encode("utf-8")):
        raise HTTPException(403, {"code": "EW-API-403", "message": "wrong review token"})


Authorized = Annotated[None, Depends(require_token)]


def _check_ontology(changes: dict[str, Any]) -> None:
    """Corrected types must exist in the ontology (PLOVER; ACLED crosswalk)."""
    from eventwire.ontology import load_ontology

    ontology = load_ontology()
    problems = []
    if "plover_type" in changes and changes["plover_type"] not in ontology.plover:
        problems.append(f"unknown PLOVER type {changes['plover_type']!r}")
    sub = changes.get("acled_sub_event_type")
    if sub is not None and sub not in ontology.sub_types:
        problems.append(f"unknown ACLED sub-event type {sub!r}")
    elif sub is not None and "acled_event_type" not in changes:
        changes["acled_event_type"] = ontology.acled_type(sub)
    acled = changes.get("acled_event_type")
    if acled is not None and acled not in ontology.event_types:
        problems.append(f"unknown ACLED event type {acled!r}")
    elif sub is not None and acled is not None and ontology.acled_type(sub) != acled:
        problems.append(f"{sub!r} is not a sub-event type of {acled!r}")
    if problems:
        raise HTTPException(422, {"code": "EW-API-422", "message": "; ".join(problems)})


@review_router.post(
    "/events/{event_id}/review",
    status_code=201,
    response_model=ReviewOut,
    responses={404: ERRORS[404]},
)
def review_event(event_id: str, body: ReviewIn, _: Authorized, cur: Cursor) -> dict[str, Any]:
    """Store a confirmation, correction or rejection (with author and time) in the audit trail.

    The machine output is kept unchanged; reviewed values are applied on read/export.
    """
    from eventwire.db.review import add_review

    changes = body.changes.model_dump(exclude_none=True) if body.changes else {}
    _check_ontology(changes)
    try:
        review = add_review(cur, event_id, body.action, changes, body.author, body.note)
    except duckdb.TransactionException as exc:  # a concurrent review of the same event
        raise HTTPException(409, {"code": "EW-API-409", "message": f"conflict: {exc}"}) from exc
    review["created_at"] = review["created_at"].isoformat(timespec="seconds") + "Z"
    return review


@review_router.get("/audit")
def audit(
    _: Authorized,
    cur: Cursor,
    event_id: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 200,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> dict[str, Any]:
    """The audit trail, newest first: who reviewed what, when, values before and after."""
    from eventwire.db.review import list_audit, orphaned_reviews

    orphans = orphaned_reviews(cur)
    if event_id:
        orphans = [o for o in orphans if o["event_id"] == event_id]
    # Reviews whose event is gone (by id and by evidence span) are reported, never dropped.
    return {"items": list_audit(cur, event_id, limit, offset), "orphaned": orphans}

"""Review endpoints: confirm, correct or reject an event; read the audit trail.

Both need the review token (``Authorization: Bearer …``): 401 without credentials,
403 with a wrong token or when the server was started without one.
"""

from __future__ import annotations

from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, HTTPException, Query

from eventwire.api.deps import AUTH_ERRORS, ERRORS, Authorized, Cursor
from eventwire.api.schemas import ReviewIn, ReviewOut
from eventwire.db.review import add_review, list_audit, orphaned_reviews
from eventwire.ontology import load_ontology

review_router = APIRouter(tags=["review"], responses={**AUTH_ERRORS, 422: ERRORS[422]})


def _check_ontology(changes: dict[str, Any]) -> None:
    """Corrected types must exist in the ontology (PLOVER; ACLED crosswalk)."""
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
    orphans = orphaned_reviews(cur)
    if event_id:
        orphans = [o for o in orphans if o["event_id"] == event_id]
    # Reviews whose event is gone (by id and by evidence span) are reported, never dropped.
    return {"items": list_audit(cur, event_id, limit, offset), "orphaned": orphans}

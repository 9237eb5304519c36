"""Analyst reviews: stored, audited, and applied to the store by default.

A review is stored in ``review_corrections``, keyed by the event id *and* its evidence span
(document, sentence span, trigger span), and audited in ``review_audit`` (who, when, the
values before and after). Reviews are *applied in the store*: ``events`` holds the reviewed
event (its record carries ``review``: status, author, the machine values it replaced) and
the untouched machine row moves to ``machine_events``; a rejected event leaves ``events``.
So every reader of ``events`` (exports in every format and level, ``stats``, the API, the
dashboard, clustering) sees reviewed values without a flag; :func:`machine_view` shows the
untouched machine output instead (``export --machine``, ``?machine=true``).

:func:`refresh_reviewed` re-applies the reviews of some documents after their machine events
changed (``process --reprocess``): each review re-attaches by event id, else by the evidence
span that overlaps most; one that matches nothing is marked orphaned (listed by
:func:`orphaned_reviews`, ``eventwire review list --orphaned``, ``GET /audit``), never dropped.

>>> import duckdb
>>> con = duckdb.connect()
>>> ensure_review_tables(con)
>>> list_audit(con)
[]
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import duckdb

from eventwire.db.diagnose import rollback
from eventwire.db.review_fields import (
    ACTIONS,
    CORRECTABLE,
    ActorLookup,
    PlaceLookup,
    ReviewError,
    dictionary_actor,
    gazetteer_place,
    resolve_changes,
    validate_action,
)
from eventwire.db.review_store import (
    _STATUS,
    MACHINE_TABLE,
    _rows,
    _span,
    ensure_review_tables,
    machine_view,
    refresh_in_transaction,
    refresh_reviewed,
    reviewed_record,
)
from eventwire.records.columns import REPORT

__all__ = [
    "ACTIONS",
    "CORRECTABLE",
    "MACHINE_TABLE",
    "ReviewError",
    "add_review",
    "apply_reviews",
    "ensure_review_tables",
    "list_audit",
    "list_reviews",
    "machine_view",
    "orphaned_reviews",
    "refresh_in_transaction",
    "refresh_reviewed",
    "reviewed_record",
]


def now() -> datetime:
    """The time of a review (UTC, naive as the store keeps it)."""
    return datetime.now(UTC).replace(tzinfo=None)


def _record(con: duckdb.DuckDBPyConnection, table: str, event_id: str) -> dict[str, Any] | None:
    row = con.execute(f"SELECT record FROM {table} WHERE event_id = ?", [event_id]).fetchall()
    return json.loads(row[0][0]) if row else None


def machine_record(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """The machine record of an event (reviewed or not, rejected too), or None."""
    return _record(con, MACHINE_TABLE, event_id) or _record(con, REPORT.table, event_id)


def current_record(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """The record as reviewed (a rejected one: its machine record marked rejected)."""
    found = _record(con, REPORT.table, event_id)
    if found is not None:
        return found
    machine = _record(con, MACHINE_TABLE, event_id)
    if machine is None:
        return None
    return reviewed_record(machine, list_reviews(con, event_id))


def audit(
    con: duckdb.DuckDBPyConnection,
    review_id: str,
    event_id: str,
    action: str,
    author: str,
    note: str | None,
    before: Any,
    after: Any,
    at: datetime,
) -> None:
    """Append one audit row (who, when, the values before and after)."""
    con.execute(
        "INSERT INTO review_audit VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            uuid.uuid4().hex[:16],
            review_id,
            event_id,
            action,
            author,
            note,
            json.dumps(before, ensure_ascii=False, sort_keys=True, default=str),
            json.dumps(after, ensure_ascii=False, sort_keys=True, default=str),
            at,
        ],
    )


def add_review(
    con: duckdb.DuckDBPyConnection,
    event_id: str,
    action: str,
    changes: dict[str, Any] | None,
    author: str,
    note: str | None = None,
    *,
    actors: ActorLookup = dictionary_actor,
    places: PlaceLookup = gazetteer_place,
) -> dict[str, Any]:
    """Check, store and apply a review of a stored event, with its audit row.

    Corrections are completed from the ontology, the actor dictionary and the gazetteer
    (:func:`~eventwire.db.review_fields.resolve_changes`). The event's document is
    refreshed in the same transaction, so every reader sees the review at once.
    """
    validate_action(action, changes)
    changes = resolve_changes(changes, actors, places) if action == "correct" else {}
    if not author or not author.strip():
        raise ReviewError("a review needs an author", "EW-REV-005")
    ensure_review_tables(con)
    machine = machine_record(con, event_id)
    if machine is None:
        raise ReviewError(f"no stored event {event_id!r}", "EW-REV-404")
    current = current_record(con, event_id) or machine
    s_start, s_end = _span(machine.get("span"))
    t_start, t_end = _span((machine.get("trigger") or {}).get("span"))
    at = now()
    review: dict[str, Any] = {
        "review_id": uuid.uuid4().hex[:16],
        "event_id": event_id,
        "doc_id": machine.get("doc_id"),
        "sentence_start": s_start,
        "sentence_end": s_end,
        "trigger_start": t_start,
        "trigger_end": t_end,
        "action": action,
        "changes": changes,
        "author": author.strip(),
        "note": note,
        "created_at": at,
    }
    status = (current.get("review") or {}).get("status")
    before = {k: current.get(k) for k in changes} if changes else {"status": status}
    after = changes or {"status": _STATUS[action]}
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(
            "INSERT INTO review_corrections VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false)",
            [
                *(review[k] for k in ("review_id", "event_id", "doc_id")),
                s_start,
                s_end,
                t_start,
                t_end,
                action,
                json.dumps(changes, ensure_ascii=False, sort_keys=True),
                review["author"],
                note,
                at,
                event_id,
            ],
        )
        audit(con, review["review_id"], event_id, action, review["author"], note, before, after, at)
        refresh_in_transaction(con, [str(machine.get("doc_id"))])
        con.execute("COMMIT")
    except duckdb.Error:
        rollback(con)
        raise
    return review


def list_audit(
    con: duckdb.DuckDBPyConnection, event_id: str | None = None, limit: int = 1000, offset: int = 0
) -> list[dict[str, Any]]:
    """Return audit rows, newest first, optionally for one event."""
    ensure_review_tables(con)
    sql = "SELECT * FROM review_audit"
    params: list[Any] = []
    if event_id:
        sql += " WHERE event_id = ?"
        params.append(event_id)
    sql += " ORDER BY created_at DESC, audit_id LIMIT ? OFFSET ?"
    params += [limit, offset]
    return _rows(con.execute(sql, params))


def list_reviews(
    con: duckdb.DuckDBPyConnection, event_id: str | None = None
) -> list[dict[str, Any]]:
    """Return stored reviews, oldest first, optionally of one event (as reviewed or now)."""
    ensure_review_tables(con)
    sql = "SELECT * FROM review_corrections"
    params: list[Any] = []
    if event_id:
        sql += " WHERE event_id = ? OR attached_event_id = ?"
        params += [event_id, event_id]
    sql += " ORDER BY created_at, review_id"
    return _rows(con.execute(sql, params))


def _evidence_key(review: dict[str, Any]) -> tuple[Any, ...]:
    return (
        review.get("doc_id"),
        review.get("sentence_start"),
        review.get("sentence_end"),
        review.get("trigger_start"),
        review.get("trigger_end"),
    )


def _record_key(record: dict[str, Any]) -> tuple[Any, ...]:
    s_start, s_end = _span(record.get("span"))
    t_start, t_end = _span((record.get("trigger") or {}).get("span"))
    return (record.get("doc_id"), s_start, s_end, t_start, t_end)


def apply_reviews(
    con: duckdb.DuckDBPyConnection,
    records: Iterable[dict[str, Any]],
    drop_rejected: bool = True,
) -> list[dict[str, Any]]:
    """Return *machine* records with their reviews applied (the store does this itself:
    :func:`refresh_reviewed`; this is for records read from elsewhere).

    A review matches a record by event id, or else by exact evidence span. Rejected events
    are left out unless ``drop_rejected`` is false (then ``review.status == "rejected"``).
    """
    ensure_review_tables(con)
    by_id: dict[str, list[dict[str, Any]]] = {}
    by_span: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for review in list_reviews(con):
        by_id.setdefault(review["event_id"], []).append(review)
        by_span.setdefault(_evidence_key(review), []).append(review)
    out = []
    for record in records:
        reviews = by_id.get(record.get("event_id", "")) or by_span.get(_record_key(record), [])
        new = reviewed_record(record, reviews)
        if drop_rejected and (new.get("review") or {}).get("status") == "rejected":
            continue
        out.append(new)
    return out


def orphaned_reviews(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Event reviews that match no stored event by id or evidence span (kept, to be listed;
    merges and splits: :func:`eventwire.db.review_clusters.orphaned_cluster_reviews`)."""
    ensure_review_tables(con)
    sql = f"""
        SELECT r.* FROM review_corrections r
        WHERE r.orphaned OR (
          NOT EXISTS (SELECT 1 FROM events e
                      WHERE e.event_id IN (r.event_id, r.attached_event_id))
          AND NOT EXISTS (SELECT 1 FROM {MACHINE_TABLE} m
                          WHERE m.event_id IN (r.event_id, r.attached_event_id))
          AND NOT EXISTS (
            SELECT 1 FROM events e
            WHERE e.doc_id = r.doc_id AND e.sentence_start = r.sentence_start
              AND e.sentence_end = r.sentence_end
              AND CAST(json_extract(e.record, '$.trigger.span[0]') AS INTEGER) = r.trigger_start
              AND CAST(json_extract(e.record, '$.trigger.span[1]') AS INTEGER) = r.trigger_end))
        ORDER BY r.created_at
    """
    return _rows(con.execute(sql))

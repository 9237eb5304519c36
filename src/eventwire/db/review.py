"""Analyst reviews: confirmations, corrections and rejections, with an audit trail.

Machine output is never overwritten. A review is stored next to it, keyed by the event id
*and* its evidence span (document, sentence span, trigger span), so it re-attaches to the
same event after reprocessing changes the id (the id hashes the PLOVER type). Every review
also appends a row to ``review_audit`` with the machine values before and the reviewed
values after. A review that matches no stored event any more is reported by
:func:`orphaned_reviews`, never dropped.

>>> import duckdb
>>> con = duckdb.connect()
>>> ensure_review_tables(con)
>>> list_audit(con)
[]
"""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

import duckdb

from eventwire.db.diagnose import rollback
from eventwire.errors import EventwireError

ACTIONS: tuple[str, ...] = ("confirm", "correct", "reject")
# Fields an analyst may correct, and the record keys they replace.
CORRECTABLE: tuple[str, ...] = (
    "plover_type",
    "plover_mode",
    "acled_event_type",
    "acled_sub_event_type",
    "actor1",
    "actor2",
    "location",
    "date",
    "fatalities",
    "modality",
)

_DDL = """
CREATE TABLE IF NOT EXISTS review_corrections (
    review_id VARCHAR PRIMARY KEY,
    event_id VARCHAR NOT NULL,
    doc_id VARCHAR,
    sentence_start INTEGER,
    sentence_end INTEGER,
    trigger_start INTEGER,
    trigger_end INTEGER,
    action VARCHAR NOT NULL,             -- confirm | correct | reject
    changes JSON,                        -- {field: reviewed value}; {} for confirm/reject
    author VARCHAR NOT NULL,
    note VARCHAR,
    created_at TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS review_audit (
    audit_id VARCHAR PRIMARY KEY,
    review_id VARCHAR,
    event_id VARCHAR,
    action VARCHAR NOT NULL,
    author VARCHAR NOT NULL,
    note VARCHAR,
    before JSON,                         -- machine values of the reviewed fields
    after JSON,                          -- reviewed values
    created_at TIMESTAMP NOT NULL
);
"""


class ReviewError(EventwireError):
    """A review cannot be stored (unknown event, bad action or field)."""

    code = "EW-REV-000"


def ensure_review_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create the review tables when they are missing (idempotent)."""
    con.execute(_DDL)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _span(value: Any) -> tuple[int | None, int | None]:
    if isinstance(value, (list, tuple)) and len(value) == 2:
        return value[0], value[1]
    return None, None


def _machine_record(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    row = con.execute("SELECT record FROM events WHERE event_id = ?", [event_id]).fetchone()
    return json.loads(row[0]) if row else None


def validate_changes(action: str, changes: dict[str, Any] | None) -> dict[str, Any]:
    """Check an action and its changes; return the changes to store."""
    if action not in ACTIONS:
        raise ReviewError(f"action {action!r} is not one of {', '.join(ACTIONS)}", "EW-REV-001")
    changes = dict(changes or {})
    unknown = sorted(set(changes) - set(CORRECTABLE))
    if unknown:
        raise ReviewError(
            f"cannot correct {', '.join(unknown)}; correctable fields: {', '.join(CORRECTABLE)}",
            "EW-REV-002",
        )
    if action == "correct" and not changes:
        raise ReviewError("a correction needs at least one changed field", "EW-REV-003")
    if action != "correct" and changes:
        raise ReviewError(f"{action!r} takes no changes; use action 'correct'", "EW-REV-004")
    return changes


def add_review(
    con: duckdb.DuckDBPyConnection,
    event_id: str,
    action: str,
    changes: dict[str, Any] | None,
    author: str,
    note: str | None = None,
) -> dict[str, Any]:
    """Store a review of a stored event and its audit row; return the stored review."""
    changes = validate_changes(action, changes)
    if "plover_type" in changes and "plover_mode" not in changes:
        changes["plover_mode"] = None  # the machine's mode belongs to the machine's type
    if not author or not author.strip():
        raise ReviewError("a review needs an author", "EW-REV-005")
    record = _machine_record(con, event_id)
    if record is None:
        raise ReviewError(f"no stored event {event_id!r}", "EW-REV-404")
    ensure_review_tables(con)
    s_start, s_end = _span(record.get("span"))
    t_start, t_end = _span((record.get("trigger") or {}).get("span"))
    now = _now()
    review = {
        "review_id": uuid.uuid4().hex[:16],
        "event_id": event_id,
        "doc_id": record.get("doc_id"),
        "sentence_start": s_start,
        "sentence_end": s_end,
        "trigger_start": t_start,
        "trigger_end": t_end,
        "action": action,
        "changes": changes,
        "author": author.strip(),
        "note": note,
        "created_at": now,
    }
    before = {key: record.get(key) for key in changes}
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(
            "INSERT INTO review_corrections VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                review["review_id"],
                event_id,
                review["doc_id"],
                s_start,
                s_end,
                t_start,
                t_end,
                action,
                json.dumps(changes, ensure_ascii=False, sort_keys=True),
                review["author"],
                note,
                now,
            ],
        )
        con.execute(
            "INSERT INTO review_audit VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                uuid.uuid4().hex[:16],
                review["review_id"],
                event_id,
                action,
                review["author"],
                note,
                json.dumps(before, ensure_ascii=False, sort_keys=True),
                json.dumps(changes, ensure_ascii=False, sort_keys=True),
                now,
            ],
        )
        con.execute("COMMIT")
    except duckdb.Error:
        rollback(con)
        raise
    return review


def _rows(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    cols = [d[0] for d in cur.description or ()]
    out = []
    for row in cur.fetchall():
        item = dict(zip(cols, row, strict=True))
        for key in ("changes", "before", "after"):
            if isinstance(item.get(key), str):
                item[key] = json.loads(item[key])
        if isinstance(item.get("created_at"), datetime):
            item["created_at"] = item["created_at"].isoformat(timespec="seconds") + "Z"
        out.append(item)
    return out


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
    """Return stored reviews, oldest first, optionally for one event id."""
    ensure_review_tables(con)
    sql = "SELECT * FROM review_corrections"
    params: list[Any] = []
    if event_id:
        sql += " WHERE event_id = ?"
        params.append(event_id)
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


EVIDENCE_KEYS: tuple[str, ...] = ("text", "span")


def _merge(value: Any, machine: Any) -> Any:
    """A reviewed object (actor, place, date) replaces the machine one but keeps its evidence.

    The words and span that the machine read stay, so the reviewed value still points at the
    text; every other key comes from the review (a corrected actor name does not keep the
    machine's inter code).
    """
    if isinstance(value, dict):
        merged = {
            k: machine[k] for k in EVIDENCE_KEYS if isinstance(machine, dict) and k in machine
        }
        merged.update(value)
        return merged
    return value


def reviewed_record(record: dict[str, Any], reviews: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Return a copy of a machine record with its reviews applied (oldest first).

    Corrections accumulate field by field; the latest action sets the status. The machine
    values of corrected fields are kept under ``review.machine``.
    """
    out = copy.deepcopy(record)
    if not reviews:
        return out
    machine: dict[str, Any] = {}
    for review in reviews:
        for key, value in (review.get("changes") or {}).items():
            machine.setdefault(key, copy.deepcopy(record.get(key)))
            out[key] = _merge(value, out.get(key))
    last = reviews[-1]
    status = {"confirm": "confirmed", "correct": "corrected", "reject": "rejected"}[last["action"]]
    if status == "confirmed" and machine:
        status = "corrected"
    out["review"] = {
        "status": status,
        "author": last.get("author"),
        "at": last.get("created_at"),
        "review_id": last.get("review_id"),
        "n_reviews": len(reviews),
        "machine": machine,
    }
    return out


def apply_reviews(
    con: duckdb.DuckDBPyConnection,
    records: Iterable[dict[str, Any]],
    drop_rejected: bool = True,
) -> list[dict[str, Any]]:
    """Return the records with reviewed values applied (for ``export --reviewed``).

    A review matches a record by event id, or else by evidence span (document, sentence span,
    trigger span) so that it survives reprocessing. Rejected events are left out unless
    ``drop_rejected`` is false, in which case they carry ``review.status == "rejected"``.
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
    """Return reviews that match no stored event by id or by evidence span (to report)."""
    ensure_review_tables(con)
    sql = """
        SELECT r.* FROM review_corrections r
        WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.event_id = r.event_id)
          AND NOT EXISTS (
            SELECT 1 FROM events e
            WHERE e.doc_id = r.doc_id AND e.sentence_start = r.sentence_start
              AND e.sentence_end = r.sentence_end
              AND CAST(json_extract(e.record, '$.trigger.span[0]') AS INTEGER) = r.trigger_start
              AND CAST(json_extract(e.record, '$.trigger.span[1]') AS INTEGER) = r.trigger_end)
        ORDER BY r.created_at
    """
    return _rows(con.execute(sql))

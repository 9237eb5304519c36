"""Applying reviews in the store: the review tables, ``machine_events``, re-attachment.

``events`` holds each reviewed event as reviewed (its record carries ``review``) and
``machine_events`` its untouched machine row; a rejected event is only there.
:func:`refresh_in_transaction` rebuilds that state for some documents after their machine
events changed or a review was added; :func:`machine_view` shows the machine output.
The review API itself (add, list, audit) is :mod:`eventwire.db.review`.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import duckdb
import pyarrow as pa

from eventwire.db.diagnose import rollback
from eventwire.records.columns import REPORT

MACHINE_TABLE = "machine_events"
_DDL = """
CREATE TABLE IF NOT EXISTS review_corrections (
    review_id VARCHAR PRIMARY KEY,
    event_id VARCHAR NOT NULL,           -- the event reviewed
    doc_id VARCHAR,                      -- its evidence: document, sentence and trigger span
    sentence_start INTEGER,
    sentence_end INTEGER,
    trigger_start INTEGER,
    trigger_end INTEGER,
    action VARCHAR NOT NULL,             -- confirm | correct | reject
    changes JSON,                        -- {field: reviewed value}; {} for confirm/reject
    author VARCHAR NOT NULL,
    note VARCHAR,
    created_at TIMESTAMP NOT NULL,
    attached_event_id VARCHAR,           -- the event it applies to now (after re-coding)
    orphaned BOOLEAN DEFAULT false       -- matches no event any more: listed, never dropped
);
CREATE TABLE IF NOT EXISTS review_clusters (
    review_id VARCHAR PRIMARY KEY,
    action VARCHAR NOT NULL,             -- merge | split
    event_ids JSON NOT NULL,             -- merge: one report event of each; split: the report
    canonical_ids JSON,                  -- the canonical events named by the analyst
    author VARCHAR NOT NULL,
    note VARCHAR,
    created_at TIMESTAMP NOT NULL,
    orphaned BOOLEAN DEFAULT false
);
CREATE TABLE IF NOT EXISTS review_audit (
    audit_id VARCHAR PRIMARY KEY,
    review_id VARCHAR,
    event_id VARCHAR,
    action VARCHAR NOT NULL,
    author VARCHAR NOT NULL,
    note VARCHAR,
    before JSON,                         -- values of the reviewed fields before the review
    after JSON,                          -- reviewed values
    created_at TIMESTAMP NOT NULL
);
"""
_STATUS = {"confirm": "confirmed", "correct": "corrected", "reject": "rejected"}


def review_ddl() -> str:
    """The review tables and ``machine_events`` (the events table's columns)."""
    machine = REPORT.ddl().replace(
        f"CREATE TABLE IF NOT EXISTS {REPORT.table} ",
        f"CREATE TABLE IF NOT EXISTS {MACHINE_TABLE} ",
    )
    return _DDL + machine


def ensure_review_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create the review tables when missing and add columns older ones lack (idempotent)."""
    rows = con.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_name IN ('review_corrections', 'review_clusters', 'review_audit', ?)",
        [MACHINE_TABLE],
    ).fetchall()
    have = {(t, c) for t, c in rows}
    if {t for t, _ in have} >= {"review_corrections", "review_clusters", "review_audit"} and (
        ("review_corrections", "orphaned") in have and (MACHINE_TABLE, "event_id") in have
    ):
        return
    con.execute(review_ddl())
    con.execute("ALTER TABLE review_corrections ADD COLUMN IF NOT EXISTS attached_event_id VARCHAR")
    con.execute("ALTER TABLE review_corrections ADD COLUMN IF NOT EXISTS orphaned BOOLEAN")
    con.execute("UPDATE review_corrections SET orphaned = coalesce(orphaned, false)")


def _span(value: Any) -> tuple[int | None, int | None]:
    if isinstance(value, (list, tuple)) and len(value) == 2:
        return value[0], value[1]
    return None, None


def _rows(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    cols = [d[0] for d in cur.description or ()]
    out = []
    for row in cur.fetchall():
        item = dict(zip(cols, row, strict=True))
        for key in ("changes", "before", "after", "event_ids", "canonical_ids"):
            if isinstance(item.get(key), str):
                item[key] = json.loads(item[key])
        if isinstance(item.get("created_at"), datetime):
            item["created_at"] = item["created_at"].isoformat(timespec="seconds") + "Z"
        out.append(item)
    return out


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
    out.pop("review", None)
    if not reviews:
        return out
    machine: dict[str, Any] = {}
    for review in reviews:
        for key, value in (review.get("changes") or {}).items():
            machine.setdefault(key, copy.deepcopy(record.get(key)))
            out[key] = _merge(value, out.get(key))
            if key == "attribution":
                machine.setdefault("attributed_to", record.get("attributed_to"))
                out["attributed_to"] = (value or {}).get("speaker")
    last = reviews[-1]
    status = _STATUS[last["action"]]
    if status == "confirmed" and machine:
        status = "corrected"
    at = last.get("created_at")
    out["review"] = {
        "status": status,
        "author": last.get("author"),
        "at": at.isoformat(timespec="seconds") + "Z" if isinstance(at, datetime) else at,
        "review_id": last.get("review_id"),
        "n_reviews": len(reviews),
        "machine": machine,
    }
    return out


def _overlap(a: tuple[Any, Any], b: tuple[Any, Any]) -> int:
    if None in a or None in b:
        return 0
    return int(max(0, min(a[1], b[1]) - max(a[0], b[0])))


def match_event(review: dict[str, Any], records: Sequence[dict[str, Any]]) -> str | None:
    """The event a review applies to among a document's records: by event id (as attached,
    then as reviewed), else the one whose trigger (then sentence) overlaps its evidence most."""
    ids = {r["event_id"] for r in records}
    for key in ("attached_event_id", "event_id"):
        if review.get(key) in ids:
            return str(review[key])
    trigger = (review.get("trigger_start"), review.get("trigger_end"))
    sentence = (review.get("sentence_start"), review.get("sentence_end"))
    best: tuple[int, int, str] | None = None
    for record in records:
        t = _overlap(trigger, _span((record.get("trigger") or {}).get("span")))
        s = _overlap(sentence, _span(record.get("span")))
        if not (t or s):
            continue
        score = (t, s, record["event_id"])
        if best is None or score[:2] > best[:2]:
            best = score
    return best[2] if best else None


def refresh_reviewed(
    con: duckdb.DuckDBPyConnection, doc_ids: Iterable[str] | None = None
) -> dict[str, int]:
    """Re-apply the reviews of some documents (all when None) in one transaction."""
    ensure_review_tables(con)
    con.execute("BEGIN TRANSACTION")
    try:
        out = refresh_in_transaction(con, doc_ids)
        con.execute("COMMIT")
    except duckdb.Error:
        rollback(con)
        raise
    return out


@contextmanager
def _scope(con: duckdb.DuckDBPyConnection, doc_ids: Iterable[str] | None) -> Iterator[str]:
    """SQL condition on ``doc_id`` for the documents (TRUE for all)."""
    if doc_ids is None:
        yield "TRUE"
        return
    con.register(
        "_ew_review_docs", pa.table({"doc_id": pa.array(sorted(set(doc_ids)), pa.string())})
    )
    try:
        yield "doc_id IN (SELECT doc_id FROM _ew_review_docs)"
    finally:
        con.unregister("_ew_review_docs")


def refresh_in_transaction(
    con: duckdb.DuckDBPyConnection, doc_ids: Iterable[str] | None = None
) -> dict[str, int]:
    """Within the caller's transaction: put the machine rows of the documents back, re-attach
    their reviews, write the reviewed rows, and drop the canonical events built on them (the
    next clustering rebuilds those). Returns counts: attached, orphaned, rejected.

    ``None`` means every document that has reviews or reviewed rows."""
    if doc_ids is None:
        doc_ids = [
            r[0]
            for r in con.execute(
                f"SELECT doc_id FROM {MACHINE_TABLE} UNION SELECT doc_id FROM "
                "review_corrections WHERE doc_id IS NOT NULL"
            ).fetchall()
        ]
    with _scope(con, doc_ids) as where:
        con.execute(
            f"DELETE FROM events WHERE event_id IN (SELECT event_id FROM {MACHINE_TABLE} "
            f"WHERE {where})"
        )
        con.execute(f"INSERT INTO events BY NAME SELECT * FROM {MACHINE_TABLE} WHERE {where}")
        con.execute(f"DELETE FROM {MACHINE_TABLE} WHERE {where}")
        reviews = _rows(
            con.execute(
                f"SELECT * FROM review_corrections WHERE {where} ORDER BY created_at, review_id"
            )
        )
        rows = con.execute(
            "SELECT event_id, record, pipeline_version, data_versions FROM events "
            f"WHERE {where} AND doc_id IN (SELECT doc_id FROM review_corrections)"
        ).fetchall()
        _drop_canonical(con, where)
    by_doc: dict[str, list[dict[str, Any]]] = {}
    meta: dict[str, tuple[str, str]] = {}
    for event_id, record, version, versions in rows:
        rec = json.loads(record)
        by_doc.setdefault(rec.get("doc_id"), []).append(rec)
        meta[event_id] = (version, versions)
    targets: dict[str, list[dict[str, Any]]] = {}
    orphans = 0
    for review in reviews:
        target = match_event(review, by_doc.get(str(review.get("doc_id")), []))
        orphans += target is None
        con.execute(
            "UPDATE review_corrections SET attached_event_id = ?, orphaned = ? WHERE review_id = ?",
            [target or review.get("attached_event_id"), target is None, review["review_id"]],
        )
        if target is not None:
            targets.setdefault(target, []).append(review)
    rejected = _write_reviewed(con, targets, by_doc, meta)
    return {"attached": len(reviews) - orphans, "orphaned": orphans, "rejected": rejected}


def _write_reviewed(
    con: duckdb.DuckDBPyConnection,
    targets: dict[str, list[dict[str, Any]]],
    by_doc: dict[str, list[dict[str, Any]]],
    meta: dict[str, tuple[str, str]],
) -> int:
    """Move the machine rows of reviewed events aside and write their reviewed rows."""
    if not targets:
        return 0
    from eventwire.records import dumps_record
    from eventwire.records.model import EventRecord, from_json

    records = {r["event_id"]: r for recs in by_doc.values() for r in recs}
    ids = pa.table({"event_id": pa.array(sorted(targets), pa.string())})
    con.register("_ew_review_ids", ids)
    try:
        con.execute(
            f"INSERT INTO {MACHINE_TABLE} BY NAME SELECT * FROM events "
            "WHERE event_id IN (SELECT event_id FROM _ew_review_ids)"
        )
        con.execute("DELETE FROM events WHERE event_id IN (SELECT event_id FROM _ew_review_ids)")
    finally:
        con.unregister("_ew_review_ids")
    rows = []
    rejected = 0
    for event_id, reviews in targets.items():
        new = reviewed_record(records[event_id], reviews)
        if new["review"]["status"] == "rejected":
            rejected += 1
            continue
        version, versions = meta[event_id]
        typed = from_json(EventRecord, new)
        rows.append(
            REPORT.row(
                typed, record=dumps_record(new), pipeline_version=version, data_versions=versions
            )
        )
    if rows:
        con.register("_ew_reviewed", pa.Table.from_pylist(rows, schema=REPORT.arrow_schema()))
        try:
            con.execute("INSERT INTO events BY NAME SELECT * FROM _ew_reviewed")
        finally:
            con.unregister("_ew_reviewed")
    return rejected


def _drop_canonical(con: duckdb.DuckDBPyConnection, where: str) -> None:
    """Drop the canonical events whose components hold events of the documents."""
    have = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'canonical_members'"
    ).fetchall()[0][0]
    if not have:
        return
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _ew_stale AS SELECT DISTINCT component_id "
        f"FROM canonical_members WHERE {where}"
    )
    for table in ("canonical_members", "canonical_events"):
        con.execute(
            f"DELETE FROM {table} WHERE component_id IN (SELECT component_id FROM _ew_stale)"
        )
    con.execute("DROP TABLE _ew_stale")


@contextmanager
def machine_view(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Within the block, ``events`` on this connection is the untouched machine output.

    A temporary view of that name shadows the table: the reviewed rows are swapped for
    the machine rows kept in ``machine_events`` (rejected events come back). Works on
    read-only connections; other connections and cursors keep seeing the reviewed table.
    """
    db = con.execute("SELECT current_database()").fetchall()[0][0].replace('"', '""')
    have = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [MACHINE_TABLE]
    ).fetchall()[0][0]
    if not have:
        yield
        return
    main = f'"{db}".main'
    con.execute(
        f"CREATE OR REPLACE TEMP VIEW events AS SELECT e.*, e.rowid AS rowid FROM {main}.events e "
        f"WHERE NOT EXISTS (SELECT 1 FROM {main}.{MACHINE_TABLE} m WHERE m.event_id = e.event_id) "
        f"UNION ALL BY NAME SELECT m.*, m.rowid + 4611686018427387904 AS rowid "
        f"FROM {main}.{MACHINE_TABLE} m"
    )
    try:
        yield
    finally:
        con.execute("DROP VIEW IF EXISTS temp.events")

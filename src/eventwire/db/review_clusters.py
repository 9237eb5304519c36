"""Analyst merges and splits of canonical events, kept as reviews and applied on clustering.

A merge says "these two canonical events are one": it is stored as one report event of
each (the smallest member id), a split as the report event taken out. Both survive
re-clustering and re-coding because they name report events, not canonical ids (which
clustering derives). :func:`apply_cluster_reviews` is the one hook clustering calls on its
machine clusters before writing canonical events; the merged cluster keeps one component
id, so incremental clustering always reloads its members together.

>>> from dataclasses import dataclass, field
>>> @dataclass
... class C:
...     canonical_id: str
...     component_id: str
...     members: list[str]
...     similarity: dict[str, float] = field(default_factory=dict)
>>> merged = apply_reviews_to([C("c1", "k1", ["a"]), C("c2", "k2", ["b", "c"])],
...                           [{"action": "merge", "event_ids": ["a", "b"]}])
>>> [(c.canonical_id, c.component_id, c.members) for c in merged]
[('c1', 'k1', ['a', 'b', 'c'])]
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import replace
from typing import Any, TypeVar

import duckdb

from eventwire.db.diagnose import rollback
from eventwire.db.review import audit, ensure_review_tables, now
from eventwire.db.review_fields import CLUSTER_ACTIONS, ReviewError
from eventwire.records import stable_id

T = TypeVar("T")


def _members(con: duckdb.DuckDBPyConnection, canonical_id: str) -> list[str]:
    rows = con.execute(
        "SELECT event_id FROM canonical_members WHERE canonical_id = ? ORDER BY event_id",
        [canonical_id],
    ).fetchall()
    if not rows:
        raise ReviewError(f"no canonical event {canonical_id!r}", "EW-REV-404")
    return [r[0] for r in rows]


def _anchors(
    action: str, canonical_ids: list[str], members: dict[str, list[str]], event_id: str | None
) -> list[str]:
    """The report events a merge (one of each canonical event) or a split names."""
    if action not in CLUSTER_ACTIONS:
        raise ReviewError(f"action {action!r} is not one of {CLUSTER_ACTIONS}", "EW-REV-020")
    if action == "merge":
        if len(members) != 2:
            raise ReviewError("a merge names two different canonical events", "EW-REV-021")
        return [members[cid][0] for cid in canonical_ids]
    if len(members) != 1 or event_id is None or event_id not in members[canonical_ids[0]]:
        raise ReviewError(
            "a split names one canonical event and one of its report events", "EW-REV-022"
        )
    if len(members[canonical_ids[0]]) < 2:
        raise ReviewError("a canonical event of one report cannot be split", "EW-REV-023")
    return [event_id]


def add_cluster_review(
    con: duckdb.DuckDBPyConnection,
    action: str,
    canonical_ids: Sequence[str],
    author: str,
    event_id: str | None = None,
    note: str | None = None,
) -> dict[str, Any]:
    """Merge two canonical events, or split report ``event_id`` out of one; audited.

    The canonical events concerned are dropped from the canonical tables, so the next
    clustering (``export --level canonical`` runs it when stale) rebuilds them with every
    merge and split applied.
    """
    if not author or not author.strip():
        raise ReviewError("a review needs an author", "EW-REV-005")
    ensure_review_tables(con)
    members = {cid: _members(con, cid) for cid in canonical_ids}
    anchors = _anchors(action, list(canonical_ids), members, event_id)
    at = now()
    review_id, author = uuid.uuid4().hex[:16], author.strip()
    review: dict[str, Any] = {
        "review_id": review_id,
        "action": action,
        "event_ids": anchors,
        "canonical_ids": list(canonical_ids),
        "author": author,
        "note": note,
        "created_at": at,
    }
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(
            "INSERT INTO review_clusters VALUES (?, ?, ?, ?, ?, ?, ?, false)",
            [
                review_id,
                action,
                json.dumps(anchors),
                json.dumps(list(canonical_ids)),
                author,
                note,
                at,
            ],
        )
        after = {"merged": anchors} if action == "merge" else {"split": event_id}
        before = {"members": members}
        audit(con, review_id, ",".join(canonical_ids), action, author, note, before, after, at)
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _ew_stale AS SELECT DISTINCT component_id FROM "
            "canonical_members WHERE canonical_id IN (SELECT unnest(?))",
            [list(canonical_ids)],
        )
        for table in ("canonical_members", "canonical_events"):
            con.execute(
                f"DELETE FROM {table} WHERE component_id IN (SELECT component_id FROM _ew_stale)"
            )
        con.execute("DROP TABLE _ew_stale")
        con.execute("COMMIT")
    except duckdb.Error:
        rollback(con)
        raise
    return review


def cluster_reviews(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """The merges and splits, oldest first."""
    ensure_review_tables(con)
    cur = con.execute("SELECT * FROM review_clusters ORDER BY created_at, review_id")
    cols = [d[0] for d in cur.description or ()]
    out = []
    for row in cur.fetchall():
        item = dict(zip(cols, row, strict=True))
        for key in ("event_ids", "canonical_ids"):
            if isinstance(item.get(key), str):
                item[key] = json.loads(item[key])
        item["created_at"] = str(item["created_at"])
        out.append(item)
    return out


def orphaned_cluster_reviews(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Merges and splits naming a report event the store no longer holds."""
    reviews = cluster_reviews(con)
    if not reviews:
        return []
    wanted = sorted({e for r in reviews for e in r["event_ids"]})
    have = {
        r[0]
        for r in con.execute(
            "SELECT event_id FROM events WHERE event_id IN (SELECT unnest(?))", [wanted]
        ).fetchall()
    }
    return [r for r in reviews if not set(r["event_ids"]) <= have]


def apply_reviews_to(clusters: Sequence[T], reviews: Sequence[dict[str, Any]]) -> list[T]:
    """The clusters with merges and splits applied in review order (pure).

    A cluster is any dataclass with ``canonical_id``, ``component_id``, ``members`` and
    ``similarity``. A review whose reports are not among the clusters is skipped.
    """
    out: list[Any] = list(clusters)
    for review in reviews:
        where = {m: n for n, c in enumerate(out) for m in c.members}
        ids = review["event_ids"]
        if not all(e in where for e in ids):
            continue
        if review["action"] == "merge":
            a, b = (out[where[e]] for e in ids)
            if a is b:
                continue
            keep, drop = (a, b) if a.canonical_id <= b.canonical_id else (b, a)
            merged = replace(
                keep,
                members=[*a.members, *b.members],
                similarity={**a.similarity, **b.similarity},
                component_id=a.component_id,
            )
            out = [merged if c is keep else c for c in out if c is not drop]
        else:
            (event,) = ids
            c = out[where[event]]
            if len(c.members) < 2:
                continue
            rest = [m for m in c.members if m != event]
            alone = stable_id("canonical", event)
            cid = c.canonical_id if c.canonical_id != alone else stable_id("canonical", rest[0])
            sims = {m: s for m, s in c.similarity.items() if m != event}
            out[where[event]] = replace(c, canonical_id=cid, members=rest, similarity=sims)
            out.append(replace(c, canonical_id=alone, members=[event], similarity={event: 1.0}))
    return out


def apply_cluster_reviews(con: duckdb.DuckDBPyConnection, clusters: Sequence[T]) -> list[T]:
    """The machine clusters with the analysts' merges and splits applied (dedup's hook)."""
    reviews = cluster_reviews(con)
    return apply_reviews_to(clusters, reviews) if reviews else list(clusters)

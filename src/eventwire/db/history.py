"""Superseded documents: an edited report (same input, new text) replaces its old version.

When a batch writes a document whose input (a file path, or ``file#record-id`` of a record
with its own id) already names a stored document with other text, the old version moves
to ``document_history`` (its document row and its event records, as JSON), its events and
canonical events go, its ledger row says ``superseded``, and reviews of its events are
listed as orphaned (never dropped). Inputs without a stable name (stdin, ``file#L3``
line numbers) never supersede anything.

>>> import duckdb
>>> con = duckdb.connect()
>>> con.execute(HISTORY_DDL) is not None
True
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import duckdb
import pyarrow as pa

HISTORY_DDL = """CREATE TABLE IF NOT EXISTS document_history (
    doc_id VARCHAR PRIMARY KEY,          -- the old version
    input VARCHAR,
    source_id VARCHAR,
    superseded_by VARCHAR,               -- the doc_id of the version that replaced it
    superseded_at TIMESTAMP,
    document JSON,                       -- its documents row
    events JSON                          -- its event records (machine and reviewed)
);
"""
SUPERSEDED_CODE = "EW-ING-020"


def supersede_in_transaction(
    con: duckdb.DuckDBPyConnection, docs: Sequence[tuple[str, str, str | None]], now: datetime
) -> list[tuple[str, str]]:
    """Within the caller's transaction, supersede the stored versions of ``docs``
    (``(doc_id, input, source_id)`` just written); return ``(old, new)`` doc id pairs."""
    named = [(d, i, s) for d, i, s in docs if i and i != "-"]
    if not named:
        return []
    con.register(
        "_ew_new_docs",
        pa.table(
            {
                "doc_id": pa.array([d for d, _, _ in named], pa.string()),
                "input": pa.array([i for _, i, _ in named], pa.string()),
                "source_id": pa.array([s for _, _, s in named], pa.string()),
            }
        ),
    )
    try:
        pairs = con.execute(
            "SELECT d.doc_id, n.doc_id FROM documents d JOIN _ew_new_docs n ON d.input = n.input "
            "WHERE d.doc_id <> n.doc_id AND d.doc_id NOT IN (SELECT doc_id FROM _ew_new_docs) "
            "AND (position('#' IN d.input) = 0 OR (d.source_id IS NOT NULL "
            "AND d.source_id = n.source_id AND d.input = n.input))"
        ).fetchall()
    finally:
        con.unregister("_ew_new_docs")
    for old, new in pairs:
        _supersede(con, old, new, now)
    return [(str(o), str(n)) for o, n in pairs]


def _supersede(con: duckdb.DuckDBPyConnection, old: str, new: str, now: datetime) -> None:
    from eventwire.db.review import MACHINE_TABLE, refresh_in_transaction

    con.execute(
        "INSERT OR REPLACE INTO document_history SELECT d.doc_id, d.input, d.source_id, ?, ?, "
        "to_json(d), (SELECT to_json(coalesce(list(json(r.record)), [])) FROM ("
        f"SELECT record FROM events WHERE doc_id = ? UNION ALL "
        f"SELECT record FROM {MACHINE_TABLE} WHERE doc_id = ?) r) "
        "FROM documents d WHERE d.doc_id = ?",
        [new, now, old, old, old],
    )
    for table in ("events", MACHINE_TABLE, "document_sources", "documents"):
        con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [old])
    con.execute(
        "UPDATE ledger SET status = 'superseded', code = ?, reason = ? WHERE doc_id = ? "
        "AND status = 'processed'",
        [SUPERSEDED_CODE, f"[{SUPERSEDED_CODE}] superseded by an edited version ({new})", old],
    )
    refresh_in_transaction(con, [old])  # its reviews: orphaned, listed, kept


def history(con: duckdb.DuckDBPyConnection, input: str | None = None) -> list[dict[str, Any]]:
    """The superseded versions (newest first), optionally of one input."""
    sql = "SELECT doc_id, input, source_id, superseded_by, superseded_at FROM document_history"
    params: list[Any] = []
    if input:
        sql += " WHERE input = ?"
        params.append(input)
    cur = con.execute(sql + " ORDER BY superseded_at DESC, doc_id", params)
    cols = [d[0] for d in cur.description or ()]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]

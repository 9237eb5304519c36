"""The sentence of every stored event, kept beside it, so that ``/events?q=`` scans
sentences instead of whole documents.

DuckDB's ``fts`` extension is downloaded on first ``INSTALL`` (it is not built into the
wheel) and the store must work offline, so the text filter keeps its plain meaning (the
event's sentence contains the query, case-insensitively, wildcards taken literally; see
:mod:`eventwire.db.filters`) and gets a smaller haystack instead: the table
``event_sentences(event_id, sentence_start, sentence_end, sentence)`` holds each event's
sentence, cut from its document once. A match is then one scan of short strings rather
than a scan of every document's text plus a slice per event.

The table is filled in SQL by :func:`sync`, which adds the events not yet in it (an event
whose sentence offsets changed counts as new). Rows of events deleted since are harmless:
the filter joins on the event's id and offsets. ``event_sentences_state`` remembers the
events table's row count and highest row id at the last sync, so that a query on an
unchanged store costs one cheap look (no sync). A read-only store uses the table only when
it is up to date (:func:`ensure`); otherwise the filter scans the documents as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the filters import this module; duckdb loads only with a store
    import duckdb

__all__ = ["TABLE", "ensure", "sentence_condition", "sync", "up_to_date"]

TABLE = "event_sentences"
STATE = "event_sentences_state"
DDL = f"""CREATE TABLE IF NOT EXISTS {TABLE} (
    event_id VARCHAR NOT NULL,
    sentence_start INTEGER,
    sentence_end INTEGER,
    sentence VARCHAR
);
CREATE TABLE IF NOT EXISTS {STATE} (n_events BIGINT, max_rowid BIGINT)"""
_MARK = "SELECT count(*), coalesce(max(rowid), -1) FROM events"
_KEY = "e.event_id = s.event_id AND e.sentence_start IS NOT DISTINCT FROM s.sentence_start "
_KEY += "AND e.sentence_end IS NOT DISTINCT FROM s.sentence_end"
_MISSING = f"FROM events e ANTI JOIN {TABLE} s ON {_KEY}"


def _exists(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
    ).fetchone()
    return bool(row and row[0])


def sync(con: duckdb.DuckDBPyConnection) -> int:
    """Create the table if needed and add the sentences of events not in it yet.

    Returns how many were added; one transaction of its own.
    """
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(DDL)
        mark = con.execute(_MARK).fetchone()
        row = con.execute(
            f"INSERT INTO {TABLE} SELECT e.event_id, e.sentence_start, e.sentence_end, "
            "substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) "
            f"FROM (SELECT e.* {_MISSING}) e JOIN documents d ON d.doc_id = e.doc_id"
        ).fetchone()
        con.execute(f"DELETE FROM {STATE}")
        con.execute(f"INSERT INTO {STATE} VALUES (?, ?)", list(mark or (0, -1)))
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return int(row[0]) if row else 0


def up_to_date(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the table was synced since the events table last changed in size."""
    if not _exists(con, STATE):
        return False
    state = con.execute(f"SELECT n_events, max_rowid FROM {STATE}").fetchone()
    return state is not None and tuple(state) == tuple(con.execute(_MARK).fetchone() or ())


def ensure(con: duckdb.DuckDBPyConnection, read_only: bool) -> bool:
    """Whether text filters on this connection may use the table: synced first when the
    store is writable and the events changed; a read-only store's must be up to date."""
    if not (_exists(con, "events") and _exists(con, "documents")):
        return False
    if up_to_date(con):
        return True
    if read_only:
        return False
    try:
        sync(con)
    except Exception:  # e.g. a write conflict with a concurrent request: scan this time
        return False
    return True


def sentence_condition(table: str, pattern_sql: str) -> str:
    """SQL: the event in ``table`` has a sentence matching ``pattern_sql`` (e.g. an
    ``ILIKE ? ESCAPE`` clause over the column ``s.sentence``)."""
    return (
        f"{table}.event_id IN (SELECT s.event_id FROM {TABLE} s WHERE {pattern_sql} "
        f"AND s.sentence_start IS NOT DISTINCT FROM {table}.sentence_start "
        f"AND s.sentence_end IS NOT DISTINCT FROM {table}.sentence_end)"
    )

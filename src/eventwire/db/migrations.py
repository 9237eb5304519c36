"""Schema versions: a ``meta`` row records the version; older stores are upgraded in place.

Each entry of ``MIGRATIONS`` upgrades a store from version ``n`` to ``n + 1``. A store
written by a newer eventwire than this one is refused with a clear message.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb

from eventwire.db.diagnose import rollback
from eventwire.errors import StoreError
from eventwire.records.columns import CANONICAL, added_in

SCHEMA_VERSION = 4


def _add_report_columns(con: duckdb.DuckDBPyConnection, version: int) -> None:
    """Add the report-level columns of a schema version, backfilled from each stored record.

    The canonical-event tables and the indexes are created afterwards by ``schema.sql``
    (every statement there is ``IF NOT EXISTS``).
    """
    have = _columns_of(con, "events")
    added = added_in(version)  # the columns of the spec marked since=version, with their paths
    for use in added:
        if use.name not in have:
            con.execute(f"ALTER TABLE events ADD COLUMN {use.name} {use.column.sql}")
    sets = ", ".join(
        f"{u.name} = TRY_CAST(json_extract_string(record, '{u.json_path()}') AS {u.column.sql})"
        for u in added
    )
    con.execute(f"UPDATE events SET {sets} WHERE record IS NOT NULL")


DOCUMENT_SOURCES_DDL = """CREATE TABLE IF NOT EXISTS document_sources (
    doc_id VARCHAR NOT NULL,
    input VARCHAR NOT NULL,
    source_id VARCHAR,
    source VARCHAR,
    url VARCHAR,
    title VARCHAR,
    published DATE,
    linked_at TIMESTAMP,
    PRIMARY KEY (doc_id, input)
);
"""


def _v1_to_v2(con: duckdb.DuckDBPyConnection) -> None:
    """Version 2: event columns for dedup and queries (ids, geonameid, toll range…)."""
    _add_report_columns(con, 2)


def _v2_to_v3(con: duckdb.DuckDBPyConnection) -> None:
    """Version 3: the incident flags ``background`` and ``aggregate`` on report and canonical
    events (false for records coded before incidents were flagged), and the
    ``document_sources`` table (each stored document its own first source)."""
    _add_report_columns(con, 3)
    # every stored document is its own first source
    con.execute(DOCUMENT_SOURCES_DDL)
    con.execute(
        "INSERT OR IGNORE INTO document_sources SELECT doc_id, input, source_id, source, url, "
        "title, published, processed_at FROM documents"
    )
    con.execute(
        "UPDATE events SET background = coalesce(background, false), "
        "aggregate = coalesce(aggregate, false)"
    )
    _add_canonical_flags(con)


def _add_canonical_flags(con: duckdb.DuckDBPyConnection) -> None:
    """The canonical flags, derived as clustering derives them: a canonical event is
    background (aggregate) only when all its member reports are; its JSON record gets them
    too. A store without canonical events yet gets the columns from ``schema.sql``."""
    have = _columns_of(con, "canonical_events")
    if not have:
        return
    for use in added_in(3, CANONICAL):
        if use.name not in have:
            con.execute(f"ALTER TABLE canonical_events ADD COLUMN {use.name} {use.column.sql}")
    con.execute(
        "UPDATE canonical_events c SET background = f.background, aggregate = f.aggregate "
        "FROM (SELECT m.canonical_id, coalesce(bool_and(e.background), false) AS background, "
        "coalesce(bool_and(e.aggregate), false) AS aggregate FROM canonical_members m "
        "JOIN events e USING (event_id) GROUP BY m.canonical_id) f "
        "WHERE c.canonical_id = f.canonical_id"
    )
    con.execute(
        "UPDATE canonical_events SET background = coalesce(background, false), "
        "aggregate = coalesce(aggregate, false)"
    )
    con.execute(
        "UPDATE canonical_events SET record = json_merge_patch(record, json_object("
        "'background', background, 'aggregate', aggregate)) WHERE record IS NOT NULL"
    )


def _columns_of(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    """The column names of a table (empty when there is no such table)."""
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]
    ).fetchall()
    return {row[0] for row in rows}


def v4_tables(con: duckdb.DuckDBPyConnection) -> None:
    """The tables of schema version 4 (idempotent): reviews applied in the store
    (``machine_events``, review tables with their re-attachment columns, merges and splits)
    and ``document_history`` (superseded versions of edited reports)."""
    from eventwire.db.history import HISTORY_DDL
    from eventwire.db.review import ensure_review_tables

    ensure_review_tables(con)
    con.execute(HISTORY_DDL)


def _v3_to_v4(con: duckdb.DuckDBPyConnection) -> None:
    """Version 4: analyst reviews are applied in the store, and edited reports supersede
    their old versions. Reviews stored before are re-attached and applied once."""
    from eventwire.db.review import refresh_in_transaction

    v4_tables(con)
    refresh_in_transaction(con)


# version n -> function upgrading a connection from n to n + 1
MIGRATIONS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
}


def current_version(con: duckdb.DuckDBPyConnection) -> int | None:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
    ).fetchall()  # fetchall: DuckDB 2 refuses new work while a result is unfinished
    if not exists or not exists[0][0]:
        return None
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    if not row:
        return None
    try:
        return int(row[0][0])
    except (TypeError, ValueError):
        raise StoreError(
            f"the store's schema version {row[0][0]!r} is not a version eventwire wrote (the "
            "meta table was edited, or the file is not an eventwire store); restore the file "
            "or code the inputs again into a new store",
            "EW-DB-023",
        ) from None


def drop_indexes(con: duckdb.DuckDBPyConnection, table: str) -> None:
    """Drop the secondary indexes of a table (``schema.sql`` recreates them)."""
    rows = con.execute(
        "SELECT index_name FROM duckdb_indexes() WHERE table_name = ?", [table]
    ).fetchall()
    for (name,) in rows:
        con.execute(f'DROP INDEX IF EXISTS "{name}"')


def check_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """Return the store's schema version; refuse one written by a newer eventwire."""
    version = current_version(con)
    if version is not None and version > SCHEMA_VERSION:
        raise StoreError(
            f"this store has schema version {version}, newer than this eventwire supports "
            f"({SCHEMA_VERSION}); upgrade eventwire (pip install -U eventwire) to read it",
            "EW-DB-020",
        )
    return version


def migrate(con: duckdb.DuckDBPyConnection, schema_sql: str) -> int:
    """Create a new store or upgrade an old one to ``SCHEMA_VERSION``; return the version."""
    version = check_version(con)
    if version is None:
        con.execute(schema_sql)
        v4_tables(con)
        con.execute(
            "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
        )
        return SCHEMA_VERSION
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise StoreError(f"no migration from schema version {version}", "EW-DB-021")
        con.execute("BEGIN TRANSACTION")
        try:
            step(con)
            version += 1
            con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(version)])
            con.execute("COMMIT")
        except duckdb.Error as exc:
            rollback(con)
            raise StoreError(
                f"upgrading the store from schema version {version} failed ({exc}); the store "
                "is unchanged: keep using the previous eventwire, or export it and re-process",
                "EW-DB-022",
            ) from exc
    con.execute(schema_sql)  # CREATE ... IF NOT EXISTS: idempotent
    v4_tables(con)
    return version

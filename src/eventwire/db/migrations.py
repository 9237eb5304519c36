"""Schema versions: a ``meta`` row records the version; older stores are upgraded in place.

Each entry of ``MIGRATIONS`` upgrades a store from version ``n`` to ``n + 1``. A store
written by a newer eventwire than this one is refused with a clear message.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb

from eventwire.errors import StoreError

SCHEMA_VERSION = 1

# version n -> function upgrading a connection from n to n + 1
MIGRATIONS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {}


def current_version(con: duckdb.DuckDBPyConnection) -> int | None:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
    ).fetchone()
    if not exists or not exists[0]:
        return None
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else None


def migrate(con: duckdb.DuckDBPyConnection, schema_sql: str) -> int:
    """Create a new store or upgrade an old one to ``SCHEMA_VERSION``; return the version."""
    version = current_version(con)
    if version is None:
        con.execute(schema_sql)
        con.execute(
            "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
        )
        return SCHEMA_VERSION
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"this store has schema version {version}, newer than this eventwire supports "
            f"({SCHEMA_VERSION}); upgrade eventwire",
            "EW-DB-020",
        )
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise StoreError(f"no migration from schema version {version}", "EW-DB-021")
        con.execute("BEGIN TRANSACTION")
        step(con)
        version += 1
        con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(version)])
        con.execute("COMMIT")
    con.execute(schema_sql)  # CREATE ... IF NOT EXISTS: idempotent
    return version

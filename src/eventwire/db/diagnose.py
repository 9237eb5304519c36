"""Store damage, told as such: DuckDB's low-level errors about a broken file become one
clear :class:`~eventwire.errors.StoreError` (``EW-DB-030``) wherever they surface, and
:func:`check_store` reads every stored value once to find damage before an export does.

>>> damaged_store_error(RuntimeError("Corrupt database file: checksum"), "ew.duckdb").code
'EW-DB-030'
>>> damaged_store_error(RuntimeError("division by zero"), "ew.duckdb") is None
True
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from typing import Any

import duckdb

from eventwire.errors import StoreError

# DuckDB's words for a file that is truncated, overwritten or not a database at all
_DAMAGE = re.compile(
    r"corrupt database file|checksum|could not read enough bytes|not a valid duckdb database"
    r"|invalid block|failed to read|bad block|database file .* is truncated",
    re.IGNORECASE,
)
DAMAGED = "EW-DB-030"


def damaged_store_error(exc: BaseException, path: str) -> StoreError | None:
    """The StoreError for an exception that says the store file is damaged, else None."""
    if not _DAMAGE.search(str(exc)):
        return None
    first = str(exc).splitlines()[0][:300]
    return StoreError(
        f"the store file {path!r} is damaged ({first}). Nothing was changed. Restore it from a "
        "backup, or code the inputs again into a new store (`eventwire process ... --db NEW`); "
        "`eventwire check` tells which tables can still be read, if the file opens",
        DAMAGED,
    )


@contextlib.contextmanager
def told_as_damage(path: str) -> Iterator[None]:
    """Re-raise a DuckDB error that means a damaged file as ``EW-DB-030``."""
    try:
        yield
    except duckdb.Error as exc:
        error = damaged_store_error(exc, path)
        if error is None:
            raise
        raise error from exc


def rollback(con: duckdb.DuckDBPyConnection) -> None:
    """ROLLBACK that never hides the error that made it necessary (on a damaged file the
    ROLLBACK fails too; the first error is the one that explains)."""
    with contextlib.suppress(duckdb.Error):
        con.execute("ROLLBACK")


def check_store(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Read every column of every table once; one row per table: rows, ok, problem."""
    tables = [
        r[0]
        for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
            "ORDER BY table_name"
        ).fetchall()
    ]
    out: list[dict[str, Any]] = []
    for table in tables:
        try:
            # hashing every row touches every block of every column
            row = con.execute(f'SELECT count(*), sum(hash(COLUMNS(*))) FROM "{table}"').fetchall()
            n = row[0][0]
            out.append({"table": table, "rows": int(n), "ok": True, "problem": None})
        except duckdb.Error as exc:
            problem = str(exc).splitlines()[0][:200]
            out.append({"table": table, "rows": None, "ok": False, "problem": problem})
    return out

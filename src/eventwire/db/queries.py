"""The flat columns of each level and the ``SELECT`` that export and the Python API run.

What to select is an :class:`~eventwire.db.filters.EventFilter` (the one filter of
``export``, ``stats``, the HTTP API and the Python API).

>>> sql, params = select_sql("report", EventFilter(country=("IQ",)), columns=("event_id",))
>>> sql, params
('SELECT event_id FROM events WHERE rowid IN (SELECT rowid FROM events WHERE country IN (?)) \
ORDER BY doc_id, sentence_start, event_id', ['IQ'])
"""

from __future__ import annotations

from typing import Any

from eventwire.db.filters import TABLES, EventFilter
from eventwire.records.columns import CANONICAL, REPORT

# Flat columns of each level (CSV, Parquet, the Python API, GeoJSON properties): the spec's.
REPORT_COLUMNS: tuple[str, ...] = REPORT.names("flat")
CANONICAL_COLUMNS: tuple[str, ...] = CANONICAL.names("flat")
COLUMNS: dict[str, tuple[str, ...]] = {"report": REPORT_COLUMNS, "canonical": CANONICAL_COLUMNS}
ORDER: dict[str, str] = {
    "report": "doc_id, sentence_start, event_id",
    "canonical": "date_start, canonical_id",
}


def select_sql(
    level: str,
    flt: EventFilter,
    columns: tuple[str, ...] | None = None,
    extra: tuple[str, ...] = (),
) -> tuple[str, list[Any]]:
    """``SELECT columns FROM <level table> WHERE … ORDER BY …`` and its parameters."""
    where, params = flt.where(level)
    cols = ", ".join((*(columns or COLUMNS[level]), *extra))
    table = TABLES[level]
    if where != "TRUE":
        # Filter on the narrow columns first, then read the wide ones (the JSON record) only
        # for matching rows: DuckDB turns the rowid semi-join into a late materialisation.
        where = f"rowid IN (SELECT rowid FROM {table} WHERE {where})"
    return f"SELECT {cols} FROM {table} WHERE {where} ORDER BY {ORDER[level]}", params

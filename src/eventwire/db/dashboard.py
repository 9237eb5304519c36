"""Aggregates of the dashboard: a timeline binned by its span, the countries present.

The timeline groups events by ACLED event type (the primary facet of the dashboard) or by
PLOVER type, in bins chosen from the span of the selection so that a chart stays readable
whatever the range (:func:`auto_interval`: a few days to a decade and more).

>>> auto_interval(None, None), auto_interval(date(2024, 1, 1), date(2024, 2, 1))
('day', 'day')
>>> auto_interval(date(2020, 1, 1), date(2020, 9, 1))
'week'
>>> auto_interval(date(2020, 1, 1), date(2022, 1, 1))
'month'
>>> auto_interval(date(2011, 1, 1), date(2025, 1, 1))
'year'
"""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb

from eventwire.db.countries import country_names
from eventwire.db.filters import TABLES, EventFilter

INTERVALS: tuple[str, ...] = ("day", "week", "month", "year")
FACETS: dict[str, str] = {"acled": "acled_event_type", "plover": "plover_type"}
# The longest span (days) each bin size is chosen for: about 100 bins or fewer.
SPANS: tuple[tuple[str, int], ...] = (("day", 92), ("week", 366), ("month", 10 * 366))


def auto_interval(first: date | None, last: date | None) -> str:
    """The bin size for events from ``first`` to ``last``: day, week, month or year."""
    days = (last - first).days if first and last else 0
    for interval, longest in SPANS:
        if days <= longest:
            return interval
    return "year"


def timeline(
    con: duckdb.DuckDBPyConnection,
    flt: EventFilter,
    level: str = "canonical",
    by: str = "acled",
    interval: str | None = None,
) -> dict[str, Any]:
    """Event counts per bin and type (``by``: ``acled`` event type or ``plover`` type).

    ``interval`` None: from the span of the dated events (:func:`auto_interval`). Events
    without the facet's type count under ``null``.
    """
    table, column = TABLES[level], FACETS[by]
    where, params = flt.where(level)
    base = f"FROM {table} WHERE {where} AND date_start IS NOT NULL"
    row = con.execute(f"SELECT min(date_start), max(date_start) {base}", params).fetchone()
    first, last = (row[0], row[1]) if row else (None, None)
    interval = interval or auto_interval(first, last)
    rows = con.execute(
        f"SELECT date_trunc('{interval}', date_start)::DATE AS period, {column} AS type, "
        f"count(*) AS n {base} GROUP BY ALL ORDER BY period, type NULLS LAST",
        params,
    ).fetchall()
    return {
        "level": level,
        "by": by,
        "interval": interval,
        "first_date": first.isoformat() if first else None,
        "last_date": last.isoformat() if last else None,
        "bins": [{"period": p.isoformat(), "type": t, "count": int(n)} for p, t, n in rows],
    }


def countries_present(
    con: duckdb.DuckDBPyConnection, flt: EventFilter, level: str = "canonical"
) -> list[dict[str, Any]]:
    """The countries of the selected events, with their names and event counts."""
    where, params = flt.where(level)
    rows = con.execute(
        f"SELECT country, count(*) AS n FROM {TABLES[level]} WHERE {where} "
        "AND country IS NOT NULL GROUP BY ALL ORDER BY n DESC, country",
        params,
    ).fetchall()
    names = country_names()
    return [{"code": c, "name": names.get(c, c), "events": int(n)} for c, n in rows]

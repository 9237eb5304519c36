"""SQL over the store for the HTTP API: filters, pages, aggregations.

All knowledge of the ``events``/``documents`` columns used by the API lives here and in
:mod:`eventwire.api.filters`, so a schema change touches two small modules. Every query
takes an open DuckDB connection (a cursor per request) and returns plain Python values::

    queries = Queries(con)
    page = queries.list_events(con.cursor(), EventFilter(type=("ASSAULT",)), 100, 0)
"""

from __future__ import annotations

import json
from typing import Any

import duckdb

from eventwire.api.filters import (
    EVENT_COLUMNS,
    INTERVALS,
    SENTENCE,
    SORTS,
    EventFilter,
    dicts,
    iso,
)
from eventwire.db.queries import contains, like

__all__ = ["EventFilter", "Queries"]


class Queries:
    """Query functions bound to what the store has (review tables, canonical tables)."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        tables = {
            r[0]: r[1]
            for r in con.execute(
                "SELECT table_name, list(column_name) FROM information_schema.columns "
                "GROUP BY table_name"
            ).fetchall()
        }
        self.has_reviews = "review_corrections" in tables
        # Two SQL snippets per source-count table: the ids of events with at least ? sources
        # (a semi-join for the filter), and the counts of a page of ids ({ids}).
        self.sources_sql: str | None = None
        self.sources_page_sql: str | None = None
        members, canon = tables.get("canonical_members", []), tables.get("canonical_events", [])
        if {"event_id", "canonical_id"} <= set(members) and {"canonical_id", "n_sources"} <= set(
            canon
        ):
            join = (
                "FROM canonical_members m JOIN canonical_events c "
                "ON c.canonical_id = m.canonical_id"
            )
            self.sources_sql = f"SELECT m.event_id {join} WHERE c.n_sources >= ?"
            self.sources_page_sql = (
                f"SELECT m.event_id, max(c.n_sources) {join} WHERE m.event_id IN ({{ids}}) "
                "GROUP BY 1"
            )
        for table, columns in sorted(tables.items()):
            count = next((c for c in ("n_sources", "source_count") if c in columns), None)
            if self.sources_sql is None and "event_id" in columns and count:
                self.sources_sql = f'SELECT event_id FROM "{table}" WHERE "{count}" >= ?'
                self.sources_page_sql = (
                    f'SELECT event_id, max("{count}") FROM "{table}" '
                    "WHERE event_id IN ({ids}) GROUP BY 1"
                )

    FROM = "events e"

    def _where(self, flt: EventFilter) -> tuple[str, list[Any]]:
        return flt.where(self.sources_sql)

    def count_events(self, con: duckdb.DuckDBPyConnection, flt: EventFilter) -> int:
        where, params = self._where(flt)
        row = con.execute(f"SELECT count(*) FROM {self.FROM} WHERE {where}", params).fetchone()
        return int(row[0]) if row else 0

    def list_events(
        self,
        con: duckdb.DuckDBPyConnection,
        flt: EventFilter,
        limit: int,
        offset: int,
        sort: str = "-date",
    ) -> list[dict[str, Any]]:
        """One page of events: ids first (cheap top-N), then the columns of those rows only."""
        where, params = self._where(flt)
        ids = [
            r[0]
            for r in con.execute(
                f"SELECT e.event_id FROM {self.FROM} WHERE {where} "
                f"ORDER BY {SORTS.get(sort, SORTS['-date'])} LIMIT ? OFFSET ?",
                [*params, limit, offset],
            ).fetchall()
        ]
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        cols = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
        rows = dicts(
            con.execute(
                f"SELECT {cols}, json_extract_string(e.record, '$.trigger.text') AS trigger, "
                f"{SENTENCE} AS sentence FROM events e WHERE e.event_id IN ({marks})",
                ids,
            )
        )
        # Small keyed look-ups merged here: correlated subqueries cost more than the page.
        sources: dict[str, int] = {}
        if self.sources_page_sql:
            sources = dict(con.execute(self.sources_page_sql.format(ids=marks), ids).fetchall())
        reviews: dict[str, str] = {}
        if self.has_reviews:
            reviews = dict(
                con.execute(
                    "SELECT event_id, arg_max(action, created_at) FROM review_corrections "
                    f"WHERE event_id IN ({marks}) GROUP BY 1",
                    ids,
                ).fetchall()
            )
        for row in rows:
            row["n_sources"] = int(sources.get(row["event_id"]) or 1)
            row["review_status"] = reviews.get(row["event_id"])
        order = {event_id: i for i, event_id in enumerate(ids)}
        return sorted(rows, key=lambda row: order[row["event_id"]])

    def event(self, con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
        row = con.execute("SELECT record FROM events WHERE event_id = ?", [event_id]).fetchone()
        return json.loads(row[0]) if row else None

    def document(self, con: duckdb.DuckDBPyConnection, doc_id: str) -> dict[str, Any] | None:
        cur = con.execute(
            "SELECT doc_id, source_id, title, published, source, url, author, language, "
            "country, text, segments FROM documents WHERE doc_id = ?",
            [doc_id],
        )
        rows = dicts(cur)
        if not rows:
            return None
        doc = rows[0]
        doc["segments"] = json.loads(doc["segments"]) if doc.get("segments") else []
        records = [
            json.loads(r[0])
            for r in con.execute(
                "SELECT record FROM events WHERE doc_id = ? ORDER BY sentence_start, event_id",
                [doc_id],
            ).fetchall()
        ]
        doc["events"] = records
        return doc

    def stats(
        self,
        con: duckdb.DuckDBPyConnection,
        flt: EventFilter,
        interval: str | None,
        top: int = 15,
        edges: int = 60,
    ) -> dict[str, Any]:
        where, params = self._where(flt)
        base = f"FROM {self.FROM} WHERE {where}"
        total = con.execute(
            f"SELECT count(*), coalesce(sum(e.fatalities), 0), count(DISTINCT e.doc_id), "
            f"min(e.date_start), max(e.date_start) {base}",
            params,
        ).fetchone()
        assert total is not None
        lo, hi = total[3], total[4]
        if interval not in INTERVALS:
            days = (hi - lo).days if lo and hi else 0
            interval = "day" if days <= 120 else "week" if days <= 3 * 365 else "month"
        timeline = con.execute(
            f"SELECT date_trunc('{interval}', e.date_start)::DATE AS period, "
            f"coalesce(e.plover_type, 'UNKNOWN') AS type, count(*) AS n {base} "
            "AND e.date_start IS NOT NULL GROUP BY ALL ORDER BY period, type",
            params,
        ).fetchall()
        return {
            "total": int(total[0]),
            "fatalities": int(total[1]),
            "documents": int(total[2]),
            "first_date": iso(lo),
            "last_date": iso(hi),
            "by_type": self._counts(con, "e.plover_type", base, params),
            "by_acled_type": self._counts(con, "e.acled_event_type", base, params),
            "by_country": self._counts(con, "e.country", base, params, top),
            "by_modality": self._counts(con, "e.modality", base, params),
            "interval": interval,
            "timeline": [{"period": iso(p), "type": t, "count": int(n)} for p, t, n in timeline],
            "top_actors": self._top_actors(con, base, params, top),
            "network": self._network(con, base, params, edges),
        }

    @staticmethod
    def _counts(
        con: duckdb.DuckDBPyConnection, column: str, base: str, params: list[Any], top: int = 50
    ) -> list[dict[str, Any]]:
        rows = con.execute(
            f"SELECT {column} AS key, count(*) AS n {base} GROUP BY ALL "
            "ORDER BY n DESC, key NULLS LAST LIMIT ?",
            [*params, top],
        ).fetchall()
        return [{"key": k, "count": int(n)} for k, n in rows]

    @staticmethod
    def _top_actors(
        con: duckdb.DuckDBPyConnection, base: str, params: list[Any], top: int
    ) -> list[dict[str, Any]]:
        rows = con.execute(
            f"WITH f AS (SELECT e.actor1_name, e.actor2_name {base}) "
            "SELECT name, count(*) AS n FROM ("
            "SELECT actor1_name AS name FROM f UNION ALL SELECT actor2_name FROM f) "
            "WHERE name IS NOT NULL GROUP BY name ORDER BY n DESC, name LIMIT ?",
            [*params, top],
        ).fetchall()
        return [{"name": k, "count": int(n)} for k, n in rows]

    @staticmethod
    def _network(
        con: duckdb.DuckDBPyConnection, base: str, params: list[Any], edges: int
    ) -> list[dict[str, Any]]:
        rows = con.execute(
            f"SELECT e.actor1_name, e.actor2_name, count(*) AS n, "
            f"coalesce(sum(e.fatalities), 0) AS killed {base} "
            "AND e.actor1_name IS NOT NULL AND e.actor2_name IS NOT NULL "
            "GROUP BY ALL ORDER BY n DESC, 1, 2 LIMIT ?",
            [*params, edges],
        ).fetchall()
        return [
            {"source": a, "target": b, "weight": int(n), "fatalities": int(k)}
            for a, b, n, k in rows
        ]

    def map_features(
        self, con: duckdb.DuckDBPyConnection, flt: EventFilter, zoom: int, max_points: int
    ) -> dict[str, Any]:
        """Individual points when few, else a grid of cells (count, dominant type)."""
        where, params = self._where(flt)
        base = f"FROM {self.FROM} WHERE {where} AND e.lat IS NOT NULL AND e.lon IS NOT NULL"
        row = con.execute(f"SELECT count(*) {base}", params).fetchone()
        n = int(row[0]) if row else 0
        if n <= max_points:
            rows = con.execute(
                f"SELECT e.event_id, e.lat, e.lon, e.plover_type, e.location_name, "
                f"e.date_start {base} ORDER BY e.event_id",
                params,
            ).fetchall()
            points = [
                {"event_id": i, "lat": la, "lon": lo, "type": t, "place": p, "date": iso(d)}
                for i, la, lo, t, p, d in rows
            ]
            return {"mode": "points", "total": n, "points": points, "cells": []}
        cell = 360.0 / (2 ** max(0, min(zoom, 18))) / 8
        rows = con.execute(
            f"SELECT floor(e.lat / ?) AS gy, floor(e.lon / ?) AS gx, count(*) AS n, "
            f"avg(e.lat), avg(e.lon), mode(e.plover_type) {base} GROUP BY gy, gx "
            "ORDER BY n DESC LIMIT 5000",
            [cell, cell, *params],
        ).fetchall()
        cells = [{"lat": la, "lon": lo, "count": int(c), "type": t} for _, _, c, la, lo, t in rows]
        return {"mode": "grid", "total": n, "cell_degrees": cell, "points": [], "cells": cells}

    def actors(
        self,
        con: duckdb.DuckDBPyConnection,
        flt: EventFilter,
        q: str | None,
        limit: int,
        offset: int,
    ) -> list[dict[str, Any]]:
        where, params = self._where(flt)
        rows = con.execute(
            f"WITH f AS (SELECT e.actor1_name, e.actor1_inter, e.actor2_name, e.actor2_inter "
            f"FROM {self.FROM} WHERE {where}), "
            "u AS (SELECT actor1_name AS name, actor1_inter AS inter, 1 AS role FROM f "
            "UNION ALL SELECT actor2_name, actor2_inter, 2 FROM f) "
            "SELECT name, mode(inter) AS inter, count(*) AS n, count(*) FILTER (role = 1), "
            "count(*) FILTER (role = 2) FROM u WHERE name IS NOT NULL "
            f"{'AND ' + contains('name') if q else ''} "
            "GROUP BY name ORDER BY n DESC, name LIMIT ? OFFSET ?",
            [*params, *([like(q)] if q else []), limit, offset],
        ).fetchall()
        return [
            {"name": a, "inter": i, "events": int(n), "as_actor1": int(n1), "as_actor2": int(n2)}
            for a, i, n, n1, n2 in rows
        ]

    def places(
        self,
        con: duckdb.DuckDBPyConnection,
        flt: EventFilter,
        q: str | None,
        limit: int,
        offset: int,
    ) -> list[dict[str, Any]]:
        where, params = self._where(flt)
        rows = con.execute(
            f"SELECT e.location_name, e.country, e.admin1, avg(e.lat), avg(e.lon), "
            f"min(e.geo_precision), count(*) AS n FROM {self.FROM} WHERE {where} "
            f"AND e.location_name IS NOT NULL {'AND ' + contains('e.location_name') if q else ''}"
            " GROUP BY ALL ORDER BY n DESC, 1 LIMIT ? OFFSET ?",
            [*params, *([like(q)] if q else []), limit, offset],
        ).fetchall()
        return [
            {
                "name": a,
                "country": c,
                "admin1": ad,
                "lat": la,
                "lon": lo,
                "precision": p,
                "events": int(n),
            }
            for a, c, ad, la, lo, p, n in rows
        ]

    def counts(self, con: duckdb.DuckDBPyConnection) -> dict[str, int]:
        out = {}
        for table in ("documents", "events"):
            row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
            out[table] = int(row[0]) if row else 0
        return out

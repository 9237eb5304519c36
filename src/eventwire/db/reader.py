"""Read-only queries over a store for the HTTP API and the dashboard: pages, aggregates, map.

All knowledge of the ``events``/``documents`` columns the API shows lives here; what to
select is the one :class:`~eventwire.db.filters.EventFilter`. A reader is bound to one
store connection; :meth:`EventReader.cursor` gives one per request (DuckDB connections are
not shared across threads)::

    reader = EventReader(store)
    with reader.cursor() as request:
        page = request.list_events(EventFilter(type=("ASSAULT",)), 100, 0)
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from typing import Any

import duckdb

from eventwire.db import textindex
from eventwire.db.filters import CONFLICT, TABLES, EventFilter, contains, like
from eventwire.db.review import current_record, machine_record, machine_view
from eventwire.db.store import Store
from eventwire.records.columns import CANONICAL, REPORT

__all__ = ["CANONICAL_COLUMNS", "EVENT_COLUMNS", "INTERVALS", "SORTS", "EventReader"]

# The stored event columns the API returns: the spec's ``api`` columns (the others it
# lists — trigger, sentence, n_sources, review_status — are computed by the queries).
EVENT_COLUMNS: tuple[str, ...] = tuple(u.name for u in REPORT.stored() if "api" in u.exports)
SORTS: dict[str, str] = {
    "date": "date_start ASC NULLS LAST, event_id",
    "-date": "date_start DESC NULLS LAST, event_id",
    "fatalities": "fatalities ASC NULLS LAST, event_id",
    "-fatalities": "fatalities DESC NULLS LAST, event_id",
    "confidence": "confidence ASC NULLS LAST, event_id",
    "-confidence": "confidence DESC NULLS LAST, event_id",
    "id": "event_id",
}
# The canonical columns the API returns (``event_id`` is the canonical id: /events/{id} opens
# the merged record), and the sorts over the canonical table.
CANONICAL_COLUMNS: tuple[str, ...] = tuple(u.name for u in CANONICAL.stored() if "api" in u.exports)
CANONICAL_SORTS: dict[str, str] = {
    key: sql.replace("event_id", "canonical_id") for key, sql in SORTS.items()
}
INTERVALS: tuple[str, ...] = ("day", "week", "month")
SENTENCE = "json_extract_string(record, '$.sentence')"
# Reviews are applied in the store: a reviewed record carries its status (shown as the
# action: confirm, correct, reject).
REVIEW_STATUS = (
    "CASE json_extract_string(record, '$.review.status') WHEN 'confirmed' THEN 'confirm' "
    "WHEN 'corrected' THEN 'correct' WHEN 'rejected' THEN 'reject' END"
)


def iso(value: Any) -> str | None:
    """A date as ISO text (JSON has no dates); other values as text; None stays None."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return None if value is None else str(value)


def dicts(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """The rows of an executed query as dicts, dates as ISO text."""
    cols = [d[0] for d in cur.description or ()]
    out = []
    for row in cur.fetchall():
        item = {}
        for key, value in zip(cols, row, strict=True):
            item[key] = value.isoformat() if isinstance(value, (date, datetime)) else value
        out.append(item)
    return out


def has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    """Whether the store has a table ``name`` (review tables exist only once written)."""
    rows = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
    ).fetchall()
    return bool(rows[0][0])


class EventReader:
    """The API's read-only queries over one store (report-level events and documents)."""

    def __init__(self, store: Store, has_reviews: bool | None = None) -> None:
        self.store = store
        self.con = store.con
        self.machine = False  # reads the machine output (a cursor of ``cursor(machine=True)``)
        self.has_reviews = (
            has_table(self.con, "machine_events") if has_reviews is None else has_reviews
        )

    @contextmanager
    def cursor(self, machine: bool = False) -> Iterator[EventReader]:
        """A reader over the same store through a cursor of its own (one per request).

        Its events are the reviewed ones (reviews are applied in the store), or with
        ``machine`` the untouched machine output (:func:`~eventwire.db.review.machine_view`).
        """
        cur = self.con.cursor()
        try:
            reader = EventReader(
                Store(cur, self.store.path, self.store.read_only), self.has_reviews
            )
            reader.machine = machine
            if machine:
                with machine_view(cur):
                    yield reader
            else:
                yield reader
        finally:
            cur.close()

    def _where(self, flt: EventFilter, level: str = "report") -> tuple[str, list[Any]]:
        """``flt`` as SQL over the level's events; over report events a text filter scans
        the event_sentences table when it is (or, on a writable store, can be brought) up
        to date."""
        text_index = (
            level == "report"
            and bool(flt.text)
            and textindex.ensure(self.con, self.store.read_only)
        )
        return flt.where(level, text_index=text_index)

    def count_events(self, flt: EventFilter, level: str = "report") -> int:
        """How many events of the level (report events, or canonical events) match."""
        where, params = self._where(flt, level)
        row = self.con.execute(
            f"SELECT count(*) FROM {TABLES[level]} WHERE {where}", params
        ).fetchone()
        return int(row[0]) if row else 0

    def list_canonical(
        self, flt: EventFilter, limit: int, offset: int, sort: str = "-date"
    ) -> list[dict[str, Any]]:
        """One page of canonical events (each incident once): the canonical columns, the
        outlets (``sources``) and ``event_id`` (the canonical id, which /events/{id} opens)."""
        where, params = self._where(flt, "canonical")
        cols = ", ".join(CANONICAL_COLUMNS)
        rows = dicts(
            self.con.execute(
                f"SELECT {cols}, json_extract_string(record, '$.sources') AS _sources, "
                f"{CANONICAL.sql_expr('sentence')} AS sentence FROM canonical_events "
                f"WHERE {where} ORDER BY {CANONICAL_SORTS.get(sort, CANONICAL_SORTS['-date'])} "
                "LIMIT ? OFFSET ?",
                [*params, limit, offset],
            )
        )
        for row in rows:
            row["event_id"] = row["canonical_id"]
            row["sources"] = json.loads(row.pop("_sources") or "[]")
        return rows

    def list_events(
        self,
        flt: EventFilter,
        limit: int,
        offset: int,
        sort: str = "-date",
    ) -> list[dict[str, Any]]:
        """One page of events: ids first (cheap top-N), then the columns of those rows only."""
        where, params = self._where(flt)
        ids = [
            r[0]
            for r in self.con.execute(
                f"SELECT event_id FROM events WHERE {where} "
                f"ORDER BY {SORTS.get(sort, SORTS['-date'])} LIMIT ? OFFSET ?",
                [*params, limit, offset],
            ).fetchall()
        ]
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        cols = ", ".join(EVENT_COLUMNS)
        rows = dicts(
            self.con.execute(
                f"SELECT {cols}, json_extract_string(record, '$.trigger.text') AS trigger, "
                f"{SENTENCE} AS sentence, {REVIEW_STATUS} AS _review_status "
                f"FROM events WHERE event_id IN ({marks})",
                ids,
            )
        )
        # Small keyed look-ups merged here: correlated subqueries cost more than the page.
        sources = dict(
            self.con.execute(
                "SELECT m.event_id, max(c.n_sources) FROM canonical_members m JOIN "
                f"canonical_events c USING (canonical_id) WHERE m.event_id IN ({marks}) "
                "GROUP BY 1",
                ids,
            ).fetchall()
        )
        for row in rows:
            row["n_sources"] = int(sources.get(row["event_id"]) or 1)
            row["review_status"] = row.pop("_review_status")
        order = {event_id: i for i, event_id in enumerate(ids)}
        return sorted(rows, key=lambda row: order[row["event_id"]])

    def event(self, event_id: str) -> dict[str, Any] | None:
        """The JSON record of one event as reviewed (a rejected one too, marked so), or None."""
        row = self.con.execute(
            "SELECT record FROM events WHERE event_id = ?", [event_id]
        ).fetchone()
        if row:
            return dict(json.loads(row[0]))
        return current_record(self.con, event_id) if self.has_reviews else None

    def machine_event(self, event_id: str) -> dict[str, Any] | None:
        """The untouched machine record of one event, or None."""
        return machine_record(self.con, event_id) if self.has_reviews else self.event(event_id)

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """A document's text and metadata with the records of its events, or None."""
        cur = self.con.execute(
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
            for r in self.con.execute(
                "SELECT record FROM events WHERE doc_id = ? ORDER BY sentence_start, event_id",
                [doc_id],
            ).fetchall()
        ]
        doc["events"] = records
        return doc

    def stats(
        self,
        flt: EventFilter,
        interval: str | None,
        top: int = 15,
        edges: int = 60,
        level: str = "report",
    ) -> dict[str, Any]:
        """Totals, counts by type/country/modality, a timeline, top actors and edges.

        Everything counts the filter's scope at ``level`` (``report`` events, or
        ``canonical`` events: each incident once); ``records`` and ``conflict`` count the
        records and the conflict incidents among them under the other filters, whatever the
        scope. ``reports`` is how many report events the counted events draw on.
        """
        table = TABLES[level]
        where, params = self._where(flt, level)
        base = f"FROM {table} WHERE {where}"
        every, every_params = self._where(replace(flt, scope="all"), level)
        scoped = self.con.execute(
            f"SELECT count(*), count(*) FILTER (WHERE {CONFLICT[0]}) FROM {table} WHERE {every}",
            [*CONFLICT[1], *every_params],
        ).fetchone()
        assert scoped is not None
        docs, reports = "count(DISTINCT doc_id)", "count(*)"
        if level == "canonical":  # the documents and report events behind the canonical ones
            members = f"FROM canonical_members WHERE canonical_id IN (SELECT canonical_id {base})"
            docs, reports = (
                f"(SELECT count(DISTINCT doc_id) {members})",
                f"(SELECT count(*) {members})",
            )
        total = self.con.execute(
            f"SELECT count(*), coalesce(sum(fatalities), 0), {docs}, "
            f"min(date_start), max(date_start), {reports} {base}",
            [*params, *params, *params] if level == "canonical" else params,
        ).fetchone()
        assert total is not None
        lo, hi = total[3], total[4]
        if interval not in INTERVALS:
            days = (hi - lo).days if lo and hi else 0
            interval = "day" if days <= 120 else "week" if days <= 3 * 365 else "month"
        timeline = self.con.execute(
            f"SELECT date_trunc('{interval}', date_start)::DATE AS period, "
            f"coalesce(plover_type, 'UNKNOWN') AS type, count(*) AS n {base} "
            "AND date_start IS NOT NULL GROUP BY ALL ORDER BY period, type",
            params,
        ).fetchall()
        return {
            "scope": flt.scope,
            "level": level,
            "total": int(total[0]),
            "reports": int(total[5]),
            "records": int(scoped[0]),
            "conflict": int(scoped[1]),
            "fatalities": int(total[1]),
            "documents": int(total[2]),
            "first_date": iso(lo),
            "last_date": iso(hi),
            "by_type": self._counts("plover_type", base, params),
            "by_acled_type": self._counts("acled_event_type", base, params),
            "by_country": self._counts("country", base, params, top),
            "by_modality": self._counts("modality", base, params),
            "interval": interval,
            "timeline": [{"period": iso(p), "type": t, "count": int(n)} for p, t, n in timeline],
            "top_actors": self._top_actors(base, params, top),
            "network": self._network(base, params, edges),
        }

    def _counts(
        self, column: str, base: str, params: list[Any], top: int = 50
    ) -> list[dict[str, Any]]:
        """The ``top`` most frequent values of ``column``."""
        rows = self.con.execute(
            f"SELECT {column} AS key, count(*) AS n {base} GROUP BY ALL "
            "ORDER BY n DESC, key NULLS LAST LIMIT ?",
            [*params, top],
        ).fetchall()
        return [{"key": k, "count": int(n)} for k, n in rows]

    def _top_actors(self, base: str, params: list[Any], top: int) -> list[dict[str, Any]]:
        """Actors by number of events, as actor1 or actor2."""
        rows = self.con.execute(
            f"WITH f AS (SELECT actor1_name, actor2_name {base}) "
            "SELECT name, count(*) AS n FROM ("
            "SELECT actor1_name AS name FROM f UNION ALL SELECT actor2_name FROM f) "
            "WHERE name IS NOT NULL GROUP BY name ORDER BY n DESC, name LIMIT ?",
            [*params, top],
        ).fetchall()
        return [{"name": k, "count": int(n)} for k, n in rows]

    def _network(self, base: str, params: list[Any], edges: int) -> list[dict[str, Any]]:
        """The ``edges`` most frequent actor1 → actor2 pairs, with fatalities."""
        rows = self.con.execute(
            f"SELECT actor1_name, actor2_name, count(*) AS n, "
            f"coalesce(sum(fatalities), 0) AS killed, mode(acled_event_type), "
            f"mode(actor1_inter), mode(actor2_inter) {base} "
            "AND actor1_name IS NOT NULL AND actor2_name IS NOT NULL "
            "GROUP BY actor1_name, actor2_name ORDER BY n DESC, 1, 2 LIMIT ?",
            [*params, edges],
        ).fetchall()
        return [  # type: the most frequent ACLED type; inter: ACLED inter codes (None: uncoded)
            {
                "source": a,
                "target": b,
                "weight": int(n),
                "fatalities": int(k),
                "type": t,
                "source_inter": i1,
                "target_inter": i2,
            }
            for a, b, n, k, t, i1, i2 in rows
        ]

    def map_features(
        self, flt: EventFilter, zoom: int, max_points: int, level: str = "report"
    ) -> dict[str, Any]:
        """Individual points when few, else a grid of cells (count, dominant type).

        A point carries what the dashboard's popup shows (date, PLOVER and ACLED type,
        actors, place, admin1, country, fatalities) and its ACLED geo-precision, drawn as
        the location's uncertainty; a cell's type is the ACLED type, else the PLOVER one.
        At the canonical level each incident is one point (its ``event_id`` the canonical
        id)."""
        where, params = self._where(flt, level)
        key = "canonical_id" if level == "canonical" else "event_id"
        base = f"FROM {TABLES[level]} WHERE {where} AND lat IS NOT NULL AND lon IS NOT NULL"
        row = self.con.execute(f"SELECT count(*) {base}", params).fetchone()
        n = int(row[0]) if row else 0
        if n <= max_points:
            cur = self.con.execute(
                f"SELECT {key} AS event_id, lat, lon, plover_type AS type, "
                "location_name AS place, date_start AS date, acled_event_type AS acled_type, "
                "actor1_name AS actor1, actor2_name AS actor2, fatalities, "
                f"geo_precision AS precision, admin1, country {base} ORDER BY {key}",
                params,
            )
            points = dicts(cur)
            for point in points:
                point["date"] = iso(point["date"])
            return {"mode": "points", "level": level, "total": n, "points": points, "cells": []}
        cell = 360.0 / (2 ** max(0, min(zoom, 18))) / 8
        rows = self.con.execute(
            f"SELECT floor(lat / ?) AS gy, floor(lon / ?) AS gx, count(*) AS n, "
            f"avg(lat), avg(lon), mode(coalesce(acled_event_type, plover_type)) {base} "
            "GROUP BY gy, gx "
            "ORDER BY n DESC LIMIT 5000",
            [cell, cell, *params],
        ).fetchall()
        cells = [{"lat": la, "lon": lo, "count": int(c), "type": t} for _, _, c, la, lo, t in rows]
        return {
            "mode": "grid",
            "level": level,
            "total": n,
            "cell_degrees": cell,
            "points": [],
            "cells": cells,
        }

    def actors(
        self,
        flt: EventFilter,
        q: str | None,
        limit: int,
        offset: int,
    ) -> list[dict[str, Any]]:
        """Actor names with their event counts (as actor1 and actor2), ``q`` in the name."""
        where, params = self._where(flt)
        rows = self.con.execute(
            f"WITH f AS (SELECT actor1_name, actor1_inter, actor2_name, actor2_inter "
            f"FROM events WHERE {where}), "
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
        flt: EventFilter,
        q: str | None,
        limit: int,
        offset: int,
    ) -> list[dict[str, Any]]:
        """Event locations with coordinates, precision and event counts, ``q`` in the name."""
        where, params = self._where(flt)
        rows = self.con.execute(
            f"SELECT location_name, country, admin1, avg(lat), avg(lon), "
            f"min(geo_precision), count(*) AS n FROM events WHERE {where} "
            f"AND location_name IS NOT NULL {'AND ' + contains('location_name') if q else ''}"
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

    def counts(self) -> dict[str, int]:
        """How many documents and report-level events the store holds."""
        out = {}
        for table in ("documents", "events"):
            row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
            out[table] = int(row[0]) if row else 0
        return out

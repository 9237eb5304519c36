"""Canonical events in the store: incremental clustering and merging of reports.

``run_clustering`` (called by :func:`eventwire.dedup.cluster.cluster_store`) finds report-level
events that no canonical event contains yet, the clustered events they could join, and
the components those belong to; it reclusters only that part, passes the clusters through
:func:`finalise_clusters` (the one place where the clusters of a run are settled before
they are written) and replaces their rows in ``canonical_events`` / ``canonical_members``
in one transaction. ``events`` is only read. How a cluster becomes one record is
:mod:`eventwire.dedup.merge`.
"""

from __future__ import annotations

import functools
import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime, timedelta
from typing import Any

import pyarrow as pa

from eventwire.db.diagnose import rollback
from eventwire.db.review_clusters import apply_cluster_reviews
from eventwire.db.store import Store
from eventwire.dedup.cities import fill_city_radii
from eventwire.dedup.linkage import Cluster, cluster_events, linked_events
from eventwire.dedup.merge import merge_cluster, merge_record
from eventwire.dedup.namesakes import namesake_names
from eventwire.dedup.patrons import patron_alternation
from eventwire.dedup.report import border_twins, country_evidence
from eventwire.dedup.revisions import fill_revised_tolls
from eventwire.dedup.rules import DedupOptions, ReportEvent, group_key, loose_place
from eventwire.dedup.shortnames import SHORT_KEY_SQL, short_keys
from eventwire.errors import StoreError
from eventwire.records.columns import REPORT

__all__ = [
    "ClusterSummary",
    "canonical_record",
    "finalise_clusters",
    "merge_record",
    "pending_count",
    "run_clustering",
]

# ReportEvent fields that are no column of the events table: read from the JSON record.
_FROM_RECORD = {
    "actor1_claimed": "coalesce(json_extract(e.record, '$.actor1.claimed')::BOOLEAN, FALSE)",
    "date_text": "json_extract_string(e.record, '$.date.text')",
    "fatalities_text": "json_extract_string(e.record, '$.fatalities.text')",
    "place_fallback": "json_extract_string(e.record, '$.location.fallback')",
    # the date expression right after the attribution's verb ("officials said on Sunday")
    "statement_date": "coalesce(json_extract(e.record, '$.date.span[0]')::INTEGER - "
    "json_extract(e.record, '$.attribution.span[1]')::INTEGER BETWEEN 0 AND 2, FALSE)",
    "actor1_text": "json_extract_string(e.record, '$.actor1.text')",
    "actor2_text": "json_extract_string(e.record, '$.actor2.text')",
    # a date read outside the event's sentence (the dateline's "Sept 16")
    "date_borrowed": "coalesce(NOT (json_extract(e.record, '$.date.span[0]')::INTEGER "
    "BETWEEN e.sentence_start AND e.sentence_end), FALSE)",
    "city_km": "NULL::DOUBLE",  # filled by fill_city_radii
    "trigger_text": "json_extract_string(e.record, '$.trigger.text')",
    "attribution_verb": "json_extract_string(e.record, '$.attribution.verb')",
    # a date inside the toll's words ("the toll rose to 17 on Saturday"): the update's day;
    # a possessive day ("Friday's bombing … has risen to seven") names the incident's
    "date_in_toll": "coalesce(json_extract(e.record, '$.date.span[0]')::INTEGER BETWEEN "
    "json_extract(e.record, '$.fatalities.span[0]')::INTEGER AND "
    "json_extract(e.record, '$.fatalities.span[1]')::INTEGER AND NOT regexp_matches(substr("
    "json_extract_string(e.record, '$.sentence'), json_extract(e.record, '$.date.span[1]')"
    "::INTEGER - e.sentence_start + 1, 2), '^[''’]s'), FALSE)",
}
# A loose place in SQL (rules.loose_place; a reference point is "near", precision 2).
_LOOSE_SQL = (
    "e.geo_precision >= 2 OR json_extract_string(e.record, '$.location.fallback') "
    "IN ('sentence', 'paragraph', 'document')"
)
# A place that may say nothing of the country (report.country_evidence; a superset in SQL).
_COUNTRYLESS_SQL = (
    "(json_extract_string(e.record, '$.location.fallback') IN ('paragraph', 'document') OR "
    "(e.geo_precision >= 3 AND regexp_matches(json_extract_string(e.record, '$.sentence'), "
    "'borders?\\s+with', 'i')) OR e.location_name IN ({twins}) OR "
    # a bare namesake town ("Tripoli", Libya's or Lebanon's; namesakes.bare_namesake)
    "e.location_name IN ({namesakes}) OR "
    # "the Iran-backed rebels" read as Iran (report.country_evidence, patrons.patron_place)
    "regexp_matches(json_extract_string(e.record, '$.sentence'), '\\w-(?:{patrons})\\b', 'i') OR "
    # "Yemen's Red Sea port" read as Sudan's state (owners.owned_abroad): a possessive, up to
    # two lower-case words, then the place's name (accents stripped on both sides)
    "regexp_matches(strip_accents(json_extract_string(e.record, '$.sentence')), "
    "'[''’]s\\s+(?:the\\s+)?(?:[a-z][\\w-]*\\s+){{0,2}}\\Q' || "
    "strip_accents(e.location_name) || '\\E', 'i'))"
)


@functools.cache
def _countryless_sql() -> str:
    """``_COUNTRYLESS_SQL`` with the border twins' names (report.border_twins) and the patron
    words (patrons.patron_alternation) as literals."""
    names = sorted({name for _, name in border_twins()})
    twins = ", ".join("'" + n.replace("'", "''") + "'" for n in names)
    namesakes = ", ".join("'" + n.replace("'", "''") + "'" for n in namesake_names())
    return _COUNTRYLESS_SQL.format(twins=twins, namesakes=namesakes, patrons=patron_alternation())


# Report events read per query by _load (bounds DuckDB's memory while clustering).
LOAD_ROWS = 1024
# SELECT list that fills a ReportEvent (in field order) from the events table ``e``.
_SELECT = ", ".join(
    _FROM_RECORD.get(f.name) or REPORT.sql_expr(f.name, alias="e") for f in fields(ReportEvent)
)


@dataclass
class ClusterSummary:
    """What one clustering run did."""

    new_events: int = 0  # report events clustered for the first time
    vanished_events: int = 0  # members whose report event is gone (reprocessed documents)
    components: int = 0  # candidate-graph components reclustered
    canonical_written: int = 0  # canonical events (re)written by this run
    canonical_total: int = 0  # canonical events in the store afterwards
    seconds: float = 0.0
    rebuilt: bool = False


def _load(
    store: Store, where: str, params: Sequence[Any] = (), opts: DedupOptions | None = None
) -> list[ReportEvent]:
    """The stored report events matching ``where`` (in row order), large cities' radii
    filled in. Read ``LOAD_ROWS`` rows per query: DuckDB's memory for the JSON fields
    grows with the rows of one query (~60 kB each), not with the rows already read.
    ``where`` is evaluated once: the row ids it selects are registered as a table and each
    query reads its slice of them (rather than filtering the events again per slice)."""
    con, args = store.con, list(params)
    ids = [
        r[0] for r in con.execute(f"SELECT e.rowid FROM events e WHERE {where}", args).fetchall()
    ]
    ids.sort()
    out: list[ReportEvent] = []
    if len(ids) <= LOAD_ROWS:  # one query: the filter runs once either way
        if ids:
            rows = con.execute(
                f"SELECT {_SELECT} FROM events e WHERE ({where}) AND e.rowid BETWEEN ? AND ? "
                "ORDER BY e.rowid",
                [*args, ids[0], ids[-1]],
            ).fetchall()
            out.extend(ReportEvent(*row) for row in rows)
    else:
        con.register("_ew_load", pa.table({"rid": pa.array(ids, pa.int64())}))
        try:
            for i in range(0, len(ids), LOAD_ROWS):
                lo, hi = ids[i], ids[min(i + LOAD_ROWS, len(ids)) - 1]
                rows = con.execute(
                    f"SELECT {_SELECT} FROM events e WHERE e.rowid BETWEEN ? AND ? AND e.rowid "
                    "IN (SELECT rid FROM _ew_load WHERE rid BETWEEN ? AND ?) ORDER BY e.rowid",
                    [lo, hi, lo, hi],
                ).fetchall()
                out.extend(ReportEvent(*row) for row in rows)
        finally:
            con.unregister("_ew_load")
    fill_city_radii(out, opts or DedupOptions())
    fill_revised_tolls(out)
    return out


def _options_key(opts: DedupOptions) -> str:
    return json.dumps(asdict(opts), sort_keys=True)


def canonical_record(con: Any, canonical_id: str) -> dict[str, Any] | None:
    """The JSON record of one canonical event (with its ``merge_reasons``), or None."""
    row = con.execute(
        "SELECT record FROM canonical_events WHERE canonical_id = ?", [canonical_id]
    ).fetchone()
    if not row:
        return None
    record: dict[str, Any] = json.loads(row[0])
    return record


def pending_count(store: Store) -> int:
    """Report events not yet in any canonical event, plus members whose event vanished."""
    row = store.con.execute(
        "SELECT (SELECT count(*) FROM events e WHERE NOT EXISTS "
        "(SELECT 1 FROM canonical_members m WHERE m.event_id = e.event_id)) + "
        "(SELECT count(*) FROM canonical_members m WHERE NOT EXISTS "
        "(SELECT 1 FROM events e WHERE e.event_id = m.event_id))"
    ).fetchall()
    return int(row[0][0]) if row else 0


def run_clustering(store: Store, opts: DedupOptions, *, rebuild: bool = False) -> ClusterSummary:
    """Cluster what is new in the store (everything when ``rebuild`` or options changed)."""
    started = time.perf_counter()
    if store.read_only:
        raise StoreError(
            "clustering writes canonical events: open the store read-write", "EW-DB-030"
        )
    con = store.con
    summary = ClusterSummary()
    row = con.execute("SELECT value FROM meta WHERE key = 'dedup_options'").fetchall()
    if row and row[0][0] != _options_key(opts):
        rebuild = True  # thresholds changed: the stored components no longer hold
    summary.rebuilt = rebuild
    if rebuild:
        new = _load(store, "TRUE", opts=opts)
        affected: set[str] = {
            r[0]
            for r in con.execute("SELECT DISTINCT component_id FROM canonical_members").fetchall()
        }
        universe = new
    else:
        new = _load(
            store,
            "NOT EXISTS (SELECT 1 FROM canonical_members m WHERE m.event_id = e.event_id)",
            opts=opts,
        )
        affected = {
            r[0]
            for r in con.execute(
                "SELECT DISTINCT component_id FROM canonical_members m WHERE NOT EXISTS "
                "(SELECT 1 FROM events e WHERE e.event_id = m.event_id)"
            ).fetchall()
        }
        summary.vanished_events = int(
            con.execute(
                "SELECT count(*) FROM canonical_members m WHERE NOT EXISTS "
                "(SELECT 1 FROM events e WHERE e.event_id = m.event_id)"
            ).fetchall()[0][0]
        )
        if not new and not affected:
            summary.canonical_total = _count(store)
            summary.seconds = time.perf_counter() - started
            return summary
        affected |= _touched_components(store, new, opts)
        universe = new + _component_events(store, affected, opts)
    summary.new_events = len(new)
    by_id = {e.event_id: e for e in universe}
    clusters = finalise_clusters(store, cluster_events(universe, opts), by_id)
    # components clustered by this run (a component's id follows its smallest member, so a
    # touched one may come back under a new id: count it once), or the ones that emptied
    summary.components = len({c.component_id for c in clusters}) or len(affected)
    _replace(store, affected, clusters, by_id, rebuild, opts)
    summary.canonical_written = len(clusters)
    summary.canonical_total = _count(store)
    summary.seconds = time.perf_counter() - started
    return summary


def finalise_clusters(
    store: Store, clusters: list[Cluster], by_id: dict[str, ReportEvent]
) -> list[Cluster]:
    """The clusters of this run as they will be written: the one place to settle them.

    Every clustering run (incremental or a rebuild) passes its clusters through here
    before they are merged and written, so a step that must change what the clustering
    decided is one call in this function: analysts' merges and splits (stored as reviews,
    naming report events) are applied to the machine's clusters here.
    """
    del by_id  # the report events, for a step that needs more than their ids
    return apply_cluster_reviews(store.con, clusters)


def _count(store: Store) -> int:
    row = store.con.execute("SELECT count(*) FROM canonical_events").fetchall()
    return int(row[0][0]) if row else 0


def _touched_components(store: Store, new: list[ReportEvent], opts: DedupOptions) -> set[str]:
    """Components of clustered events that a new event is compatible with."""
    dated = [e for e in new if e.start is not None and e.end is not None and e.plover_type]
    if not dated:
        return set()
    reach = timedelta(days=opts.date_slack_days + opts.max_range_days)
    lo = min(e.start for e in dated if e.start) - reach
    hi = max(e.end for e in dated if e.end) + reach
    types = sorted({e.plover_type for e in dated if e.plover_type})
    where = (
        "EXISTS (SELECT 1 FROM canonical_members m WHERE m.event_id = e.event_id) "
        f"AND e.plover_type IN ({', '.join('?' for _ in types)}) "
        "AND coalesce(e.date_end, e.date_start, e.published) >= ? "
        "AND coalesce(e.date_start, e.date_end, e.published) <= ?"
    )
    params: list[Any] = [*types, lo, hi]
    countries = {country_evidence(e) for e in dated}
    if None not in countries:  # events with another country cannot be compatible, …
        where += f" AND (e.country IS NULL OR {_countryless_sql()} OR "
        where += f"e.country IN ({', '.join('?' for _ in countries)})"
        params.extend(sorted(c for c in countries if c))
        # … unless the same named group's report was placed abroad (rules.strong_identity):
        # any of its reports where a new one's place is loose, else its loose ones
        named: dict[str, bool] = {}
        for e in dated:
            if key := group_key(e):
                named[key[3:]] = named.get(key[3:], False) or loose_place(e)
        for any_place in (True, False):
            ids = sorted(k for k, loose in named.items() if loose is any_place)
            if ids:
                where += f" OR (e.actor1_id IN ({', '.join('?' for _ in ids)})"
                where += ")" if any_place else f" AND ({_LOOSE_SQL}))"
                params.extend(ids)
        # … or a town whose name begins like a new one's ("Fada" / "Fada N'Gourma", abroad)
        keys = [short_keys(e.location_name, e.geo_precision) for e in dated]
        shorts = sorted({k[1] for k in keys if k is not None})
        if shorts:
            where += f" OR (e.geo_precision <= 2 AND {SHORT_KEY_SQL} IN ("
            where += ", ".join("?" for _ in shorts) + "))"
            params.extend(shorts)
        where += ")"
    window = _load(store, where, params, opts)
    if not window:
        return set()
    linked = linked_events(dated, window, opts)
    if not linked:
        return set()
    return _components_of(store, linked)


def _components_of(store: Store, event_ids: Iterable[str]) -> set[str]:
    ids = pa.table({"event_id": sorted(event_ids)})
    store.con.register("_ew_ids", ids)
    try:
        rows = store.con.execute(
            "SELECT DISTINCT component_id FROM canonical_members JOIN _ew_ids USING (event_id)"
        ).fetchall()
    finally:
        store.con.unregister("_ew_ids")
    return {r[0] for r in rows}


def _component_events(
    store: Store, component_ids: set[str], opts: DedupOptions
) -> list[ReportEvent]:
    if not component_ids:
        return []
    store.con.register("_ew_comp", pa.table({"component_id": sorted(component_ids)}))
    try:
        return _load(
            store,
            "e.event_id IN (SELECT m.event_id FROM canonical_members m "
            "JOIN _ew_comp USING (component_id))",
            opts=opts,
        )
    finally:
        store.con.unregister("_ew_comp")


def _replace(
    store: Store,
    affected: set[str],
    clusters: list[Cluster],
    by_id: dict[str, ReportEvent],
    rebuild: bool,
    opts: DedupOptions,
) -> None:
    now = datetime.now(UTC).replace(tzinfo=None)
    canon_rows = [merge_cluster(c, [by_id[i] for i in c.members], now, opts) for c in clusters]
    member_rows = [
        {
            "event_id": i,
            "canonical_id": c.canonical_id,
            "component_id": c.component_id,
            "doc_id": by_id[i].doc_id,
            "similarity": c.similarity.get(i),
        }
        for c in clusters
        for i in c.members
    ]
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        if rebuild:
            con.execute("DELETE FROM canonical_members")
            con.execute("DELETE FROM canonical_events")
        elif affected:
            con.register("_ew_comp", pa.table({"component_id": sorted(affected)}))
            for table in ("canonical_members", "canonical_events"):
                con.execute(
                    f"DELETE FROM {table} WHERE component_id IN (SELECT component_id FROM _ew_comp)"
                )
            con.unregister("_ew_comp")
        for table, rows in (("canonical_events", canon_rows), ("canonical_members", member_rows)):
            if rows:
                con.register("_ew_rows", pa.Table.from_pylist(rows))
                con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _ew_rows")
                con.unregister("_ew_rows")
        con.execute("INSERT OR REPLACE INTO meta VALUES ('dedup_options', ?)", [_options_key(opts)])
        con.execute("COMMIT")
    except Exception as exc:
        rollback(con)
        raise StoreError(f"writing canonical events failed: {exc}", "EW-DB-031") from exc

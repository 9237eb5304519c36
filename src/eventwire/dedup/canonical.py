"""Canonical events in the store: incremental clustering and merging of reports.

``run_clustering`` (called by :func:`eventwire.dedup.cluster.cluster_store`) finds report-level
events that no canonical event contains yet, the clustered events they could join, and
the components those belong to; it reclusters only that part and replaces its rows in
``canonical_events`` / ``canonical_members`` in one transaction. ``events`` is only read.

Merging a cluster: fatalities best from the latest report (ties: the most specific, i.e.
the narrowest low–high range), low/high across all reports; the most precise place
(geo precision 1 before 2 before 3) and date (the narrowest range); the most frequent
type, mode and actors; confidence ``1 - Π(1 - cᵢ)`` over the reports times the mean
similarity of the cluster. A canonical event is ``background`` (``aggregate``) only when
every one of its reports is.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pyarrow as pa

from eventwire.db.diagnose import rollback
from eventwire.db.review_clusters import apply_cluster_reviews
from eventwire.db.store import Store
from eventwire.dedup.linkage import Cluster, cluster_events, linked_events
from eventwire.dedup.rules import DedupOptions, ReportEvent
from eventwire.errors import StoreError
from eventwire.records.columns import CANONICAL, REPORT
from eventwire.records.model import (
    ActorRef,
    CanonicalRecord,
    DateRange,
    FatalityRange,
    PlaceRef,
    ReportRef,
    dumps_record,
)

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "range": 3, "year": 4, "publication": 5}

# SELECT list that fills a ReportEvent (in field order) from the events table ``e``.
_SELECT = ", ".join(REPORT.sql_expr(f.name, alias="e") for f in fields(ReportEvent))


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


def _load(store: Store, where: str, params: Sequence[Any] = ()) -> list[ReportEvent]:
    rows = store.con.execute(f"SELECT {_SELECT} FROM events e WHERE {where}", list(params))
    out: list[ReportEvent] = []
    while batch := rows.fetchmany(10_000):
        out.extend(ReportEvent(*row) for row in batch)
    return out


def _options_key(opts: DedupOptions) -> str:
    return json.dumps(asdict(opts), sort_keys=True)


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
        new = _load(store, "TRUE")
        affected: set[str] = {
            r[0]
            for r in con.execute("SELECT DISTINCT component_id FROM canonical_members").fetchall()
        }
        universe = new
    else:
        new = _load(
            store, "NOT EXISTS (SELECT 1 FROM canonical_members m WHERE m.event_id = e.event_id)"
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
        universe = new + _component_events(store, affected)
    summary.new_events = len(new)
    clusters = apply_cluster_reviews(con, cluster_events(universe, opts))  # analysts' merges
    by_id = {e.event_id: e for e in universe}
    summary.components = len({c.component_id for c in clusters} | affected)
    _replace(store, affected, clusters, by_id, rebuild, opts)
    summary.canonical_written = len(clusters)
    summary.canonical_total = _count(store)
    summary.seconds = time.perf_counter() - started
    return summary


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
    countries = {e.country for e in dated}
    if None not in countries:  # events with another country cannot be compatible
        where += f" AND (e.country IS NULL OR e.country IN ({', '.join('?' for _ in countries)}))"
        params.extend(sorted(c for c in countries if c))
    window = _load(store, where, params)
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


def _component_events(store: Store, component_ids: set[str]) -> list[ReportEvent]:
    if not component_ids:
        return []
    store.con.register("_ew_comp", pa.table({"component_id": sorted(component_ids)}))
    try:
        return _load(
            store,
            "e.event_id IN (SELECT m.event_id FROM canonical_members m "
            "JOIN _ew_comp USING (component_id))",
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
    canon_rows = [merge_cluster(c, [by_id[i] for i in c.members], now) for c in clusters]
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


def _most_common(values: Iterable[Any]) -> Any:
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    return min(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[0]


def _pick_actor(members: list[ReportEvent], role: int) -> ActorRef | None:
    def triple(e: ReportEvent) -> tuple[str | None, str | None, int | None]:
        if role == 1:
            return e.actor1_id, e.actor1_name, e.actor1_inter
        return e.actor2_id, e.actor2_name, e.actor2_inter

    found = [triple(e) for e in members if triple(e)[1] or triple(e)[0]]
    coded = [t for t in found if t[0]] or found
    best = _most_common(coded)
    if best is None:
        return None
    return ActorRef(id=best[0], name=best[1], inter=best[2])


def _fatalities(members: list[ReportEvent]) -> FatalityRange | None:
    reported = [e for e in members if e.fatalities is not None]
    if not reported:
        return None

    def spread(e: ReportEvent) -> int:
        lo = e.fatalities_low if e.fatalities_low is not None else e.fatalities
        hi = e.fatalities_high if e.fatalities_high is not None else e.fatalities
        return (hi or 0) - (lo or 0)

    latest = min(
        reported,
        key=lambda e: (
            -(e.published or date.min).toordinal(),
            spread(e),
            -(e.confidence or 0.0),
            e.event_id,
        ),
    )
    lows = [e.fatalities_low if e.fatalities_low is not None else e.fatalities for e in reported]
    highs = [e.fatalities_high if e.fatalities_high is not None else e.fatalities for e in reported]
    return FatalityRange(
        best=latest.fatalities,
        low=min(v for v in lows if v is not None),
        high=max(v for v in highs if v is not None),
    )


def _place(members: list[ReportEvent]) -> PlaceRef | None:
    """The most precise place (then the most confident report)."""
    placed = [e for e in members if e.lat is not None and e.lon is not None]
    if not placed:
        return None
    p = min(placed, key=lambda e: (e.geo_precision or 9, -(e.confidence or 0.0), e.event_id))
    return PlaceRef(
        p.location_name, p.geonameid, p.lat, p.lon, p.admin1, p.country, p.geo_precision
    )


def _date(members: list[ReportEvent]) -> DateRange | None:
    """The narrowest date range (then the most precise)."""
    dated = [e for e in members if e.start is not None]
    if not dated:
        return None
    when = min(
        dated,
        key=lambda e: (
            (e.end - e.start).days if e.end and e.start else 9999,
            _PRECISION_RANK.get(e.date_precision or "", 9),
            e.start,
            e.event_id,
        ),
    )
    return DateRange(start=when.start, end=when.end, precision=when.date_precision)


def _outlet_names(event: ReportEvent) -> list[str]:
    """The outlets that carried an event's document: its own and those linked to it (the
    same text under another id or outlet)."""
    linked = json.loads(event.sources) if event.sources else []
    names = [str(o) for o in linked if isinstance(o, str) and o.strip()]
    return names or ([event.source] if event.source else [])


def _outlets(event: ReportEvent) -> set[str]:
    """Distinct sources an event counts for (a document without an outlet counts once)."""
    return {o.strip().casefold() for o in _outlet_names(event)} or {f"doc:{event.doc_id}"}


def merge_record(cluster: Cluster, members: list[ReportEvent]) -> CanonicalRecord:
    """The canonical record of one cluster of report-level events."""
    members = sorted(members, key=lambda e: e.event_id)
    place = _place(members)
    outlets = {o for e in members for o in _outlets(e)}
    published = [e.published for e in members if e.published]
    cohesion = sum(cluster.similarity.values()) / len(cluster.similarity)
    miss = 1.0
    for e in members:
        miss *= 1.0 - min(max(e.confidence or 0.0, 0.0), 0.99)
    rep = max(members, key=lambda e: (e.confidence or 0.0, e.published or date.min, e.event_id))
    return CanonicalRecord(
        canonical_id=cluster.canonical_id,
        plover_type=rep.plover_type,
        plover_mode=_most_common(e.plover_mode for e in members),
        acled_event_type=_most_common(e.acled_event_type for e in members),
        acled_sub_event_type=_most_common(e.acled_sub_event_type for e in members),
        cameo_root=_most_common(e.cameo_root for e in members),
        actor1=_pick_actor(members, 1),
        actor2=_pick_actor(members, 2),
        location=place,
        country=place.country if place else _most_common(e.country for e in members),
        date=_date(members),
        fatalities=_fatalities(members),
        modality=rep.modality,
        n_reports=len(members),
        n_sources=len(outlets),
        sources=tuple(sorted({o for e in members for o in _outlet_names(e)})),
        confidence=round(min(0.99, (1.0 - miss) * cohesion), 4),
        first_published=min(published) if published else None,
        last_published=max(published) if published else None,
        sentence=rep.sentence,
        reports=tuple(
            ReportRef(
                event_id=e.event_id,
                doc_id=e.doc_id,
                source=e.source,
                published=e.published,
                fatalities=e.fatalities,
                similarity=cluster.similarity.get(e.event_id),
            )
            for e in members
        ),
        background=all(bool(e.background) for e in members),
        aggregate=all(bool(e.aggregate) for e in members),
    )


def merge_cluster(cluster: Cluster, members: list[ReportEvent], now: datetime) -> dict[str, Any]:
    """The canonical_events row (with its JSON record) of one cluster."""
    record = merge_record(cluster, members)
    return CANONICAL.row(
        record,
        component_id=cluster.component_id,
        record=dumps_record(record),
        clustered_at=now,
    )

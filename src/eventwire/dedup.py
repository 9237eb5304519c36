"""One event, many reports: cluster report-level events into canonical events.

Two report-level events may describe the same real-world event when they are
*compatible*: same PLOVER type (and ACLED type and mode when both have one), same
modality, overlapping date ranges (± ``date_slack_days``), places within a distance that
depends on their precision (and never two different precise places), and actors that do
not contradict each other. Events of one document are never merged: the report itself
tells them apart (ACLED splits one text into several rows for several places).

Clustering is deterministic and order-independent: compatible pairs form a candidate
graph; each connected component is clustered greedily (complete linkage: a report joins
the best cluster all of whose members it is compatible with) in a fixed order derived
from the events themselves (date, then event id). A canonical id is a hash of the
smallest member event id, so the same reports give the same ids whatever order they
arrived in. :func:`cluster_store` is incremental: it re-clusters only the components that
new reports touch, and never changes the report-level events.

>>> from datetime import date
>>> a = ReportEvent("e1", "d1", "ASSAULT", date_start=date(2024, 5, 1), lat=33.3, lon=44.4,
...                 geo_precision=1, location_name="Baghdad", country="IQ")
>>> b = ReportEvent("e2", "d2", "ASSAULT", date_start=date(2024, 5, 1), lat=33.31, lon=44.41,
...                 geo_precision=1, location_name="Baghdad", country="IQ")
>>> [sorted(c.members) for c in cluster_events([a, b])]
[['e1', 'e2']]
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from eventwire.errors import ConfigError
from eventwire.records import stable_id

if TYPE_CHECKING:
    from eventwire.db.canonical import ClusterSummary
    from eventwire.db.store import Store

__all__ = [
    "Cluster",
    "DedupOptions",
    "ReportEvent",
    "cluster_events",
    "cluster_store",
    "similarity",
]

STAGE_NAME = "eventwire.dedup.v1"  # settings.options(STAGE_NAME) holds DedupOptions fields


@dataclass(frozen=True)
class DedupOptions:
    """Thresholds of the compatibility test (``[stage_options."eventwire.dedup.v1"]``)."""

    date_slack_days: int = 1  # ranges this close still overlap (unless both are exact days)
    max_range_days: int = 31  # events dated more vaguely than this are never merged
    km_precision1: float = 25.0  # max distance when the coarser place is a town
    km_precision2: float = 75.0  # … is "near"/part of a region
    km_precision3: float = 250.0  # … is a province or larger
    km_no_precision: float = 50.0  # coordinates without a precision
    named_precision: int = 2  # two different places this precise are two events
    min_similarity: float = 0.55  # mean similarity a report needs to join a cluster
    swapped_actor_penalty: float = 0.8  # actor1/actor2 swapped between two reports
    merge_modalities: tuple[str, ...] = ("asserted", "habitual")

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any] | None) -> DedupOptions:
        """Build options from a settings mapping; an unknown key is a configuration error."""
        if not values:
            return cls()
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ConfigError(f"unknown dedup option(s) {', '.join(unknown)}; known: "
                              f"{', '.join(sorted(known))}", "EW-CFG-020")
        kwargs: dict[str, Any] = {
            k: (tuple(v) if k == "merge_modalities" else v) for k, v in values.items()
        }
        return cls(**kwargs)

    def max_km(self, precision: int | None) -> float:
        return {1: self.km_precision1, 2: self.km_precision2, 3: self.km_precision3}.get(
            precision or 0, self.km_no_precision
        )


@dataclass(slots=True)
class ReportEvent:
    """The fields of a stored report-level event that clustering and merging use."""

    event_id: str
    doc_id: str
    plover_type: str | None
    plover_mode: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    cameo_root: str | None = None
    actor1_id: str | None = None
    actor1_name: str | None = None
    actor1_inter: int | None = None
    actor2_id: str | None = None
    actor2_name: str | None = None
    actor2_inter: int | None = None
    location_name: str | None = None
    geonameid: int | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None
    date_start: date | None = None
    date_end: date | None = None
    date_precision: str | None = None
    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    modality: str | None = "asserted"
    source: str | None = None
    published: date | None = None
    confidence: float | None = 0.5
    sentence: str | None = None

    @property
    def start(self) -> date | None:
        return self.date_start or self.date_end or self.published

    @property
    def end(self) -> date | None:
        return self.date_end or self.date_start or self.published

    @property
    def has_point(self) -> bool:
        return self.lat is not None and self.lon is not None

    def same_place(self, other: ReportEvent) -> bool | None:
        """True/False when both places are identified (gazetteer id, else name), else None."""
        if self.geonameid is not None and other.geonameid is not None:
            return self.geonameid == other.geonameid
        mine, theirs = _norm(self.location_name), _norm(other.location_name)
        if mine is None or theirs is None:
            return None
        return mine == theirs


@dataclass
class Cluster:
    """A canonical event in the making: member event ids and their mean similarity."""

    canonical_id: str
    component_id: str
    members: list[str]
    similarity: dict[str, float] = field(default_factory=dict)  # member -> mean sim to others


def _norm(text: str | None) -> str | None:
    if not text:
        return None
    return " ".join(text.casefold().replace("the ", " ").split()) or None


def _actor_key(actor_id: str | None, name: str | None) -> str | None:
    return f"id:{actor_id}" if actor_id else (f"n:{_norm(name)}" if _norm(name) else None)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _actor_score(
    key_a: str | None,
    inter_a: int | None,
    coded_a: bool,
    key_b: str | None,
    inter_b: int | None,
    coded_b: bool,
) -> float | None:
    """1 same actor, 0.5 unknown / not contradicted, None contradicted."""
    if key_a is None or key_b is None:
        return 0.5
    if key_a == key_b:
        return 1.0
    if inter_a is not None and inter_b is not None and inter_a != inter_b:
        return None
    if coded_a and coded_b:
        return None  # two different dictionary actors
    return 0.5


def _actors(a: ReportEvent, b: ReportEvent, opts: DedupOptions) -> tuple[float, int] | None:
    """Mean actor score and the number of positively matched roles (best of direct/swapped)."""
    ra = [
        (_actor_key(a.actor1_id, a.actor1_name), a.actor1_inter, a.actor1_id is not None),
        (_actor_key(a.actor2_id, a.actor2_name), a.actor2_inter, a.actor2_id is not None),
    ]
    rb = [
        (_actor_key(b.actor1_id, b.actor1_name), b.actor1_inter, b.actor1_id is not None),
        (_actor_key(b.actor2_id, b.actor2_name), b.actor2_inter, b.actor2_id is not None),
    ]
    best: tuple[float, int] | None = None
    for order, factor in (((0, 1), 1.0), ((1, 0), opts.swapped_actor_penalty)):
        scores = [_actor_score(*ra[i], *rb[j]) for i, j in zip((0, 1), order, strict=True)]
        if any(s is None for s in scores):
            continue
        vals = [s for s in scores if s is not None]
        matched = sum(1 for s in vals if s == 1.0)
        if factor < 1.0 and matched == 0:
            continue  # swapping only helps when it matches something
        cand = (factor * sum(vals) / 2, matched)
        if best is None or cand > best:
            best = cand
    return best


def _dates(a: ReportEvent, b: ReportEvent, opts: DedupOptions) -> float | None:
    a0, a1, b0, b1 = a.start, a.end, b.start, b.end
    if a0 is None or a1 is None or b0 is None or b1 is None:
        return None
    overlap = a0 <= b1 and b0 <= a1
    if overlap:
        return 1.0
    if a.date_precision == "day" and b.date_precision == "day":
        return None  # two explicit, different days: two events (daily protests, raids)
    slack = timedelta(days=opts.date_slack_days)
    if a0 - slack > b1 or b0 - slack > a1:
        return None
    return 0.6


def _places(a: ReportEvent, b: ReportEvent, opts: DedupOptions) -> tuple[float, bool] | None:
    """Place score and whether the places positively match; None when they contradict."""
    if a.country and b.country and a.country != b.country:
        return None
    if a.admin1 and b.admin1 and _norm(a.admin1) != _norm(b.admin1):
        return None  # different provinces
    if not (a.has_point and b.has_point):
        return 0.5, False
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    same = a.same_place(b)
    if same:
        return 1.0, True
    if same is False and max(a.geo_precision or 9, b.geo_precision or 9) <= opts.named_precision:
        return None  # two different named places: two events (ACLED splits reports this way)
    coarser = max(a.geo_precision or 4, b.geo_precision or 4)
    limit = opts.max_km(None if coarser == 4 else coarser)
    dist = haversine_km(a.lat, a.lon, b.lat, b.lon)
    if dist > limit:
        return None
    return 1.0 - 0.5 * dist / limit, True


def similarity(a: ReportEvent, b: ReportEvent, opts: DedupOptions | None = None) -> float | None:
    """Similarity 0..1 of two report-level events, or None when they cannot be one event."""
    opts = opts or DedupOptions()
    if a.doc_id == b.doc_id or a.plover_type != b.plover_type or a.plover_type is None:
        return None
    if (a.modality or "asserted") != (b.modality or "asserted"):
        return None
    if (a.modality or "asserted") not in opts.merge_modalities:
        return None
    for x, y in ((a.acled_event_type, b.acled_event_type), (a.plover_mode, b.plover_mode)):
        if x and y and x != y:
            return None
    if not (_mergeable_dates(a, opts) and _mergeable_dates(b, opts)):
        return None
    date_score = _dates(a, b, opts)
    if date_score is None:
        return None
    place = _places(a, b, opts)
    if place is None:
        return None
    actors = _actors(a, b, opts)
    if actors is None:
        return None
    place_score, place_match = place
    actor_score, matched_roles = actors
    # Evidence: a matching place, or the same country and at least one matching actor.
    if not place_match and not (a.country and a.country == b.country and matched_roles):
        return None
    sub = (
        1.0 if a.acled_sub_event_type and a.acled_sub_event_type == b.acled_sub_event_type else 0.5
    )
    score = 0.35 * place_score + 0.35 * actor_score + 0.2 * date_score + 0.1 * sub
    return score if score >= opts.min_similarity else None


def _mergeable_dates(e: ReportEvent, opts: DedupOptions) -> bool:
    if e.start is None or e.end is None:
        return False
    return (e.end - e.start).days <= opts.max_range_days


def candidate_edges(
    events: Sequence[ReportEvent], opts: DedupOptions
) -> dict[tuple[str, str], float]:
    """All compatible pairs ``(smaller id, larger id) -> similarity`` (a date-sorted sweep)."""
    edges: dict[tuple[str, str], float] = {}
    blocks: dict[tuple[str, str], list[ReportEvent]] = defaultdict(list)
    for e in events:
        if e.plover_type and _mergeable_dates(e, opts):
            blocks[(e.plover_type, e.modality or "asserted")].append(e)
    slack = timedelta(days=opts.date_slack_days)
    for block in blocks.values():
        block.sort(key=_order_key)
        active: dict[str | None, list[ReportEvent]] = defaultdict(list)
        for n, e in enumerate(block):
            assert e.start is not None
            if n % 256 == 0:  # drop events that ended too long ago to overlap anything now
                for key in list(active):
                    active[key] = [m for m in active[key] if m.end and m.end + slack >= e.start]
            pools = active.values() if e.country is None else (active[e.country], active[None])
            for pool in pools:
                for m in pool:
                    if m.end is None or m.end + slack < e.start:
                        continue
                    sim = similarity(e, m, opts)
                    if sim is not None:
                        edges[_pair(e.event_id, m.event_id)] = sim
            active[e.country].append(e)
    return edges


def linked_events(
    new: Sequence[ReportEvent], others: Sequence[ReportEvent], opts: DedupOptions
) -> set[str]:
    """Ids of ``others`` compatible with at least one of ``new`` (pairs among ``others``
    are not examined: this is how incremental clustering finds what a new report touches)."""
    reach = timedelta(days=opts.date_slack_days + opts.max_range_days)
    slack = timedelta(days=opts.date_slack_days)
    groups: dict[tuple[str, str, str | None], list[ReportEvent]] = defaultdict(list)
    for m in others:
        if m.plover_type and _mergeable_dates(m, opts):
            groups[(m.plover_type, m.modality or "asserted", m.country)].append(m)
    starts: dict[tuple[str, str, str | None], list[date]] = {}
    for key, members in groups.items():
        members.sort(key=_order_key)
        starts[key] = [m.start or date.min for m in members]
    found: set[str] = set()
    for e in new:
        if not (e.plover_type and _mergeable_dates(e, opts)) or e.start is None or e.end is None:
            continue
        block = (e.plover_type, e.modality or "asserted")
        keys = [k for k in groups if k[:2] == block] if e.country is None else \
            [(*block, e.country), (*block, None)]
        for key in keys:
            members = groups.get(key)
            if not members:
                continue
            lo = bisect_left(starts[key], e.start - reach)
            hi = bisect_right(starts[key], e.end + slack)
            for m in members[lo:hi]:
                if m.event_id not in found and similarity(e, m, opts) is not None:
                    found.add(m.event_id)
    return found


def _pair(x: str, y: str) -> tuple[str, str]:
    return (x, y) if x < y else (y, x)


def _order_key(e: ReportEvent) -> tuple[date, date, str]:
    return (e.start or date.min, e.end or date.min, e.event_id)


def components(ids: Iterable[str], edges: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Connected components (union-find), each sorted, listed by smallest id."""
    parent: dict[str, str] = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for x, y in edges:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)
    groups: dict[str, list[str]] = defaultdict(list)
    for i in parent:
        groups[find(i)].append(i)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])


def _cluster_component(
    members: list[ReportEvent], edges: Mapping[tuple[str, str], float], opts: DedupOptions
) -> list[list[str]]:
    """Greedy complete-linkage clustering of one component, in date order."""
    done: list[list[ReportEvent]] = []
    clusters: list[list[ReportEvent]] = []  # still open: every member may overlap what comes
    min_end: list[date] = []
    slack = timedelta(days=opts.date_slack_days)
    for e in sorted(members, key=_order_key):
        start = e.start or date.min
        if any(end + slack < start for end in min_end):  # close clusters that cannot grow
            keep = [i for i, end in enumerate(min_end) if end + slack >= start]
            kept = set(keep)
            done.extend(c for i, c in enumerate(clusters) if i not in kept)
            clusters = [clusters[i] for i in keep]
            min_end = [min_end[i] for i in keep]
        best: tuple[float, str] | None = None
        best_idx = -1
        for idx, cluster in enumerate(clusters):
            sims = [edges.get(_pair(e.event_id, m.event_id)) for m in cluster]
            if any(s is None for s in sims):
                continue
            mean = sum(s for s in sims if s is not None) / len(sims)
            if mean < opts.min_similarity:
                continue
            seed = min(m.event_id for m in cluster)
            # highest mean similarity wins; ties go to the cluster with the smallest seed id
            if best is None or mean > best[0] or (mean == best[0] and seed < best[1]):
                best, best_idx = (mean, seed), idx
        if best_idx >= 0:
            clusters[best_idx].append(e)
            min_end[best_idx] = min(min_end[best_idx], e.end or date.min)
        else:
            clusters.append([e])
            min_end.append(e.end or date.min)
    return [sorted(m.event_id for m in c) for c in done + clusters]


def cluster_events(
    events: Sequence[ReportEvent], opts: DedupOptions | None = None
) -> list[Cluster]:
    """Cluster report-level events into canonical events (same input set → same output)."""
    opts = opts or DedupOptions()
    by_id = {e.event_id: e for e in events}
    edges = candidate_edges(list(by_id.values()), opts)
    out: list[Cluster] = []
    for comp in components(by_id, edges):
        component_id = stable_id("component", comp[0])
        groups = (
            _cluster_component([by_id[i] for i in comp], edges, opts) if len(comp) > 1 else [comp]
        )
        for group in groups:
            sims: dict[str, float] = {}
            for i in group:
                others = [edges[_pair(i, j)] for j in group if j != i]
                sims[i] = round(sum(others) / len(others), 4) if others else 1.0
            out.append(Cluster(stable_id("canonical", group[0]), component_id, group, sims))
    out.sort(key=lambda c: c.canonical_id)
    return out


def cluster_store(
    store: Store,
    options: DedupOptions | Mapping[str, Any] | None = None,
    *,
    rebuild: bool = False,
) -> ClusterSummary:
    """Cluster the store's not-yet-clustered report events into its canonical tables.

    Incremental: only components touched by new (or vanished) report events are redone;
    ``rebuild=True`` reclusters everything. Report-level events are never modified. Call
    it after each ``process`` run (``eventwire export --level canonical`` calls it too
    when the canonical tables are stale).

    >>> from eventwire.db.store import Store
    >>> cluster_store(Store.open(":memory:")).new_events
    0
    """
    from eventwire.db.canonical import run_clustering

    opts = options if isinstance(options, DedupOptions) else DedupOptions.from_mapping(options)
    return run_clustering(store, opts, rebuild=rebuild)

"""Complete-linkage clustering of report-level events (pure: no store, no I/O).

Two report-level events may describe the same real-world event when they are
*compatible* (:func:`eventwire.dedup.rules.compare`: type family, event dates, time of
day, precision-aware places, actors, tolls). Events of one document are kept apart (the
report itself tells them apart; ACLED splits one text into several rows for several
places) unless the report tells one incident twice (a nearby village, no second toll):
such events follow their *lead* (the one with the toll), and only the lead is matched
against other reports.

Clustering is deterministic and order-independent: compatible pairs form a candidate
graph; each connected component is clustered greedily (complete linkage: a report joins
the best cluster all of whose members it is compatible with) in a fixed order derived
from the events themselves (date, then event id). A canonical id is a hash of the
smallest member event id, so the same reports give the same ids whatever order they
arrived in. :func:`eventwire.dedup.cluster.cluster_store` runs this incrementally over a
store (see :mod:`eventwire.dedup.canonical`).

>>> from datetime import date
>>> a = ReportEvent("e1", "d1", "ASSAULT", date_start=date(2024, 5, 1), lat=33.3, lon=44.4,
...                 geo_precision=1, location_name="Baghdad", country="IQ")
>>> b = ReportEvent("e2", "d2", "ASSAULT", date_start=date(2024, 5, 1), lat=33.31, lon=44.41,
...                 geo_precision=1, location_name="Baghdad", country="IQ")
>>> [sorted(c.members) for c in cluster_events([a, b])]
[['e1', 'e2']]
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date, timedelta

from eventwire.dedup.namesakes import bare_namesake
from eventwire.dedup.report import country_evidence
from eventwire.dedup.rules import (
    DedupOptions,
    ReportEvent,
    _mergeable_dates,
    compare,
    earliest,
    group_key,
    loose_place,
    similarity,
    tolls_agree,
)
from eventwire.dedup.shortnames import short_keys
from eventwire.dedup.tolls import is_update
from eventwire.records import stable_id


@dataclass
class Cluster:
    """A canonical event in the making: member event ids and their mean similarity."""

    canonical_id: str
    component_id: str
    members: list[str]
    similarity: dict[str, float] = field(default_factory=dict)  # member -> mean sim to others


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
        # a named group's events by group, to look abroad (a geocoder's other country): all
        # of them, and those whose place is loose (only a loose place may be misread abroad)
        by_group: dict[str, list[ReportEvent]] = defaultdict(list)
        loose_group: dict[str, list[ReportEvent]] = defaultdict(list)
        by_short: dict[str, list[ReportEvent]] = defaultdict(list)  # "Fada" / "Fada N'Gourma"
        for n, e in enumerate(block):
            assert e.start is not None
            if n % 256 == 0:  # drop events that ended too long ago to overlap anything now
                # (a later event's window may open a slack before its start: a claim's day)
                horizon = e.start - 2 * slack
                for key in list(active):
                    active[key] = [m for m in active[key] if m.end and m.end >= horizon]
                for groups_of in (by_group, loose_group, by_short):
                    for name in list(groups_of):
                        groups_of[name] = [m for m in groups_of[name] if m.end and m.end >= horizon]
            first = earliest(e, opts)
            group = group_key(e)
            loose = loose_place(e)
            country = country_evidence(e)  # None: a border's country, a place off the sentence
            pools = active.values() if country is None else (active[country], active[None])
            if group is not None and country is not None:  # a geocoder's other country
                abroad = (by_group if loose else loose_group)[group]
                pools = (*pools, [m for m in abroad if m.country not in (None, e.country)])
            short = short_keys(e.location_name, e.geo_precision)
            if short is not None and country is not None:  # a town's short name read abroad
                twins = by_short[short[1]]
                pools = (*pools, [m for m in twins if m.country not in (None, country)])
            for pool in pools:
                for m in pool:
                    if m.end is None or first is None or m.end + slack < first:
                        continue
                    sim = similarity(e, m, opts)
                    if sim is not None:
                        edges[_pair(e.event_id, m.event_id)] = sim
            active[country].append(e)
            if short is not None:
                by_short[short[0]].append(e)
            if group is not None:
                by_group[group].append(e)
                if loose:
                    loose_group[group].append(e)
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
            groups[(m.plover_type, m.modality or "asserted", country_evidence(m))].append(m)
    starts: dict[tuple[str, str, str | None], list[date]] = {}
    for key, members in groups.items():
        members.sort(key=_order_key)
        starts[key] = [m.start or date.min for m in members]
    # a named group's events in any country (a geocoder's other country; rules.strong_identity)
    by_group: dict[tuple[str, str, str], list[ReportEvent]] = defaultdict(list)
    for (ptype, modality, _), members in groups.items():
        for m in members:
            if (name := group_key(m)) is not None:
                by_group[(ptype, modality, name)].append(m)
    by_short: dict[tuple[str, str, str], list[ReportEvent]] = defaultdict(list)
    for (ptype, modality, _), members in groups.items():
        for m in members:  # by the first word of a town's name: "Fada" for "Fada N'Gourma"
            if m.country and (filed := short_keys(m.location_name, m.geo_precision)):
                by_short[(ptype, modality, filed[0])].append(m)
    for members in by_short.values():
        members.sort(key=_order_key)
    found: set[str] = set()
    for e in new:
        if not (e.plover_type and _mergeable_dates(e, opts)) or e.start is None or e.end is None:
            continue
        block = (e.plover_type, e.modality or "asserted")
        country = country_evidence(e)
        keys = (
            [k for k in groups if k[:2] == block]
            if country is None
            else [(*block, country), (*block, None)]
        )
        pools = [(groups[k], starts[k]) for k in keys if k in groups]
        name = group_key(e) if country is not None else None
        if name is not None and (abroad := by_group.get((*block, name))):
            loose = loose_place(e)
            abroad = [
                m
                for m in abroad
                if m.country not in (None, e.country) and (loose or loose_place(m))
            ]
            abroad.sort(key=_order_key)
            pools.append((abroad, [m.start or date.min for m in abroad]))
        if country is not None and (short := short_keys(e.location_name, e.geo_precision)):
            twins = [m for m in by_short.get((*block, short[1]), []) if m.country != country]
            pools.append((twins, [m.start or date.min for m in twins]))
        for pool, days in pools:
            lo = bisect_left(days, e.start - reach)
            hi = bisect_right(days, e.end + 2 * slack)  # a claim dated after the act
            for m in pool[lo:hi]:
                if m.event_id not in found and similarity(e, m, opts) is not None:
                    found.add(m.event_id)
    return found


def _pair(x: str, y: str) -> tuple[str, str]:
    return (x, y) if x < y else (y, x)


def _order_key(e: ReportEvent) -> tuple[date, date, str]:
    return (e.start or date.min, e.end or date.min, e.event_id)


def _greedy_key(e: ReportEvent) -> tuple[date, date, bool, str]:
    """The greedy pass's order: by event date, and a toll update ("Medics raised the death
    toll from Sunday's drone strike on a fishing boat to 10") after the other reports of its
    day, so that it meets every cluster of that day, not only those that sort before it."""
    return (e.start or date.min, e.end or date.min, is_update(e), e.event_id)


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


def _joining(
    e: ReportEvent,
    cluster: list[ReportEvent],
    edges: Mapping[tuple[str, str], float],
    dropped: AbstractSet[tuple[str, str]],
    opts: DedupOptions,
) -> list[float] | None:
    """The similarities of ``e`` to each member of ``cluster``, or None when it cannot join:
    it must link to one member at least, and be one incident with every other, or at least
    contradict none of them (:func:`compare` without place evidence: "Monday's massacre in
    Mamove", placed nowhere, names the village of one report but not the other's "North
    Kivu"); a link dropped for a better candidate (:func:`prefer_agreeing_tolls`) stays out."""
    sims = [edges.get(_pair(e.event_id, m.event_id)) for m in cluster]
    if all(s is None for s in sims):
        return None
    return _cross(e, cluster, sims, dropped, opts)


def _cross(
    e: ReportEvent,
    cluster: list[ReportEvent],
    sims: list[float | None],
    dropped: AbstractSet[tuple[str, str]],
    opts: DedupOptions,
) -> list[float] | None:
    """``sims`` (the links of ``e`` to each member of ``cluster``, None: no link) with each
    missing one filled by :func:`compare` without place evidence, or None if one contradicts."""
    out: list[float] = []
    for m, sim in zip(cluster, sims, strict=True):
        if sim is None:
            if _pair(e.event_id, m.event_id) in dropped:
                return None
            link = compare(e, m, opts, evidence=False)
            if link is None:
                return None
            sim = link.score
        out.append(sim)
    return out


def _cluster_component(
    members: list[ReportEvent],
    edges: Mapping[tuple[str, str], float],
    opts: DedupOptions,
    dropped: AbstractSet[tuple[str, str]] = frozenset(),
) -> list[list[str]]:
    """Greedy complete-linkage clustering of one component, in date order."""
    done: list[list[ReportEvent]] = []
    clusters: list[list[ReportEvent]] = []  # still open: every member may overlap what comes
    min_end: list[date] = []
    slack = timedelta(days=opts.date_slack_days)
    for e in sorted(members, key=_greedy_key):
        # a cluster closes when no later event can overlap it: a later claim's window opens
        # a slack before its day ("IS claimed on Tuesday the raid of two days before")
        start = (e.start or date.min) - slack if e.start else date.min
        if any(end + slack < start for end in min_end):  # close clusters that cannot grow
            keep = [i for i, end in enumerate(min_end) if end + slack >= start]
            kept = set(keep)
            done.extend(c for i, c in enumerate(clusters) if i not in kept)
            clusters = [clusters[i] for i in keep]
            min_end = [min_end[i] for i in keep]
        best: tuple[float, str] | None = None
        best_idx = -1
        for idx, cluster in enumerate(clusters):
            sims = _joining(e, cluster, edges, dropped, opts)
            if sims is None:
                continue
            mean = sum(sims) / len(sims)
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
    return _join_clusters(done + clusters, edges, dropped, opts)


def _join_clusters(
    clusters: list[list[ReportEvent]],
    edges: Mapping[tuple[str, str], float],
    dropped: AbstractSet[tuple[str, str]],
    opts: DedupOptions,
) -> list[list[str]]:
    """Join two clusters the greedy pass left apart when a report of one links to a report
    of the other and every other pair is one incident or contradicts nothing (see
    :func:`_joining`): the greedy pass saw "Monday's massacre in Mamove" (placed nowhere)
    before the Beni report it names the village of, and "North Kivu"'s report, which it
    cannot link to alone, first. Best mean similarity first, ties by the smallest ids."""
    if len(clusters) < 2:
        return [sorted(m.event_id for m in c) for c in clusters]
    ids = sorted(m.event_id for c in clusters for m in c)
    where = {m.event_id: n for n, c in enumerate(clusters) for m in c}
    while True:
        best: tuple[float, str, int, int] | None = None
        pairs = {
            (min(where[x], where[y]), max(where[x], where[y]))
            for n, x in enumerate(ids)
            for y in ids[n + 1 :]
            if where[x] != where[y] and (x, y) in edges
        }
        for i, j in sorted(pairs):
            sims: list[float] = []
            for m in clusters[j]:  # one link across is enough (the pair came from one)
                links = [edges.get(_pair(m.event_id, o.event_id)) for o in clusters[i]]
                got = _cross(m, clusters[i], links, dropped, opts)
                if got is None:
                    sims = []
                    break
                sims.extend(got)
            mean = sum(sims) / len(sims) if sims else 0.0
            if not sims or mean < opts.min_similarity:
                continue
            seed = min(e.event_id for e in clusters[i] + clusters[j])
            if best is None or mean > best[0] or (mean == best[0] and seed < best[1]):
                best = (mean, seed, i, j)
        if best is None:
            break
        _, _, i, j = best
        clusters[i] = clusters[i] + clusters[j]
        clusters[j] = []
        where.update({m.event_id: i for m in clusters[i]})
    return [sorted(m.event_id for m in c) for c in clusters if c]


def lead_key(e: ReportEvent) -> tuple[bool, bool, bool, bool, int, float, str]:
    """Order of the events of one report as its lead reading (smallest first): a reading
    whose actor1 the coder inferred from no words ("Rioters" for "during dawn prayers")
    comes after one whose actor1 the report names ("Gunmen killed 12 worshippers")."""
    return (
        e.fatalities is None,
        bool(e.statement_date),
        bool(e.date_borrowed),
        e.actor1_text == "",
        e.geo_precision or 9,
        -(e.confidence or 0.0),
        e.event_id,
    )


def _report_leads(
    by_id: Mapping[str, ReportEvent], edges: Mapping[tuple[str, str], float]
) -> dict[str, str]:
    """Events of one report linked as one incident told twice -> the one that speaks for them
    (the one with a toll, then one dated by its own clause rather than by when a source
    spoke or by the dateline, then the most precise place, then the most confident reading,
    then the smallest id); only the lead
    is matched against other reports."""
    same = [(x, y) for x, y in edges if by_id[x].doc_id == by_id[y].doc_id]
    if not same:
        return {}
    ids = {i for pair in same for i in pair}
    lead: dict[str, str] = {}
    for group in components(ids, same):
        best = min((by_id[i] for i in group), key=lead_key)
        lead.update({i: best.event_id for i in group})
    return lead


def prefer_agreeing_tolls(
    by_id: Mapping[str, ReportEvent], edges: dict[tuple[str, str], float], opts: DedupOptions
) -> dict[tuple[str, str], float]:
    """Drop the links of a loosely placed report (a country, a province, a place read outside
    its clause) or one dated by the day a source spoke (a claim: "said on Tuesday its fighters
    had assassinated the commissioner and two bodyguards") to other reports whose toll differs
    from its own, when another report it links to tells the same dead and cannot be one
    incident with them: "five killed by a Russian bomb in Ukraine's second-largest city" is
    the Kharkiv report of five dead, not the same day's Chuhuiv strike that killed two; the
    claim of three dead is the morning's shooting, not the night's raid on a base that killed
    six. With no such better candidate, or when the better one and
    the other may be one incident (two tolls of one attack), the links stay."""
    tolled: dict[str, list[str]] = defaultdict(list)
    for x, y in edges:
        for e, m in ((x, y), (y, x)):
            ev = by_id[e]
            # or dated by when one spoke, or a bare namesake town ("Tripoli": which one?)
            loose = loose_place(ev) or bool(ev.statement_date) or bool(bare_namesake(ev))
            if ev.fatalities is not None and by_id[m].fatalities is not None and loose:
                tolled[e].append(m)
    drop: set[tuple[str, str]] = set()
    for e, others in tolled.items():
        agree = [m for m in others if tolls_agree(by_id[e], by_id[m], opts)]
        same = [m for m in agree if by_id[m].fatalities == by_id[e].fatalities]
        if same and len(same) < len(agree):
            agree = same  # the same dead before a count another report may have raised
        if agree and len(agree) < len(others):
            drop.update(
                _pair(e, m)
                for m in others
                if m not in agree
                and not any(_one_incident(by_id, m, a, edges, opts) for a in agree)
            )
    if not drop:
        return edges
    return {k: v for k, v in edges.items() if k not in drop}


def _one_incident(
    by_id: Mapping[str, ReportEvent],
    x: str,
    y: str,
    edges: Mapping[tuple[str, str], float],
    opts: DedupOptions,
) -> bool:
    """Whether two reports may be one incident: linked, or contradicting nothing but the place
    evidence one of them lacks (a toll update placed nowhere: "the toll from Friday night's
    attack on Yelwata climbed to 20" and the other outlet's 15 dead in "Benue state")."""
    return _pair(x, y) in edges or compare(by_id[x], by_id[y], opts, evidence=False) is not None


def cluster_events(
    events: Sequence[ReportEvent], opts: DedupOptions | None = None
) -> list[Cluster]:
    """Cluster report-level events into canonical events (same input set → same output)."""
    opts = opts or DedupOptions()
    by_id = {e.event_id: e for e in events}
    found = candidate_edges(list(by_id.values()), opts)
    edges = prefer_agreeing_tolls(by_id, found, opts)
    dropped = found.keys() - edges.keys()
    lead = _report_leads(by_id, edges)
    out: list[Cluster] = []
    for comp in components(by_id, edges):
        component_id = stable_id("component", comp[0])
        leads = [by_id[i] for i in comp if lead.get(i, i) == i]
        groups = (
            _cluster_component(leads, edges, opts, dropped)
            if len(leads) > 1
            else [[leads[0].event_id]]
        )
        if len(leads) < len(comp):  # an incident a report told twice follows its lead
            joined = {g[0]: g for g in groups}
            where = {i: g[0] for g in groups for i in g}
            for i in comp:
                if lead.get(i, i) != i:
                    joined[where[lead[i]]].append(i)
            groups = [sorted(g) for g in joined.values()]
        for group in groups:
            sims: dict[str, float] = {}
            for i in group:
                pairs = (edges.get(_pair(i, j)) for j in group if j != i)
                others = [s for s in pairs if s is not None]
                sims[i] = round(sum(others) / len(others), 4) if others else 1.0
            out.append(Cluster(stable_id("canonical", group[0]), component_id, group, sims))
    out.sort(key=lambda c: c.canonical_id)
    return out

"""A report the greedy pass put in one cluster that links far better to another.

The greedy pass of :mod:`eventwire.dedup.linkage` takes a component's reports in date order,
and a report joins the best cluster open *when it comes*: a toll update ("Medics raised the
death toll from Sunday's drone strike on a fishing boat to 10", placed by its dateline at
Mokha) that comes before the Mokha report of that strike joins the only cluster open, the
same Sunday's shelling of Hays 70 km away (a weak place, one family of modes, civilians on
both sides), and the Mokha report, which the shelling contradicts (two towns), stays alone.
:func:`reassign` then moves a report to another cluster when it is one incident with every
member there, links to one of them at least, and its mean similarity there exceeds its
mean similarity to the rest of its own cluster by ``MOVE_MARGIN``; the best move first,
until none is left (each report moves once at most). The cluster it leaves must keep a
direct link between every member and another (a report that joined through the moved one
alone would hold no link of its own to the rest).

>>> from eventwire.dedup.report import ReportEvent
>>> a, b, c = (ReportEvent(i, "d" + i, "ASSAULT") for i in "abc")
>>> sims = {("a", "c"): 0.6, ("b", "c"): 0.9}
>>> cross = lambda e, cl, s: [x if x is not None else 0.7 for x in s]
>>> [[m.event_id for m in cl] for cl in reassign([[a, c], [b]], sims, cross)]
[['a'], ['b', 'c']]
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from eventwire.dedup.report import ReportEvent

MOVE_MARGIN = 0.1  # how much better a report must link to the other cluster to move there

Cross = Callable[[ReportEvent, list[ReportEvent], list[float | None]], list[float] | None]


def _pair(x: str, y: str) -> tuple[str, str]:
    return (x, y) if x < y else (y, x)


def _sims(
    e: ReportEvent, cluster: list[ReportEvent], edges: Mapping[tuple[str, str], float]
) -> list[float | None]:
    return [edges.get(_pair(e.event_id, m.event_id)) for m in cluster]


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


def _still_linked(rest: list[ReportEvent], edges: Mapping[tuple[str, str], float]) -> bool:
    """Whether every member of ``rest`` keeps a direct link to another member."""
    if len(rest) < 2:
        return True
    return all(
        any(edges.get(_pair(e.event_id, m.event_id)) is not None for m in rest if m is not e)
        for e in rest
    )


def _best_move(
    clusters: list[list[ReportEvent]],
    edges: Mapping[tuple[str, str], float],
    cross: Cross,
    moved: set[str],
) -> tuple[float, str, int, int] | None:
    """(gain, event id, from, to) of the best move, or None."""
    best: tuple[float, str, int, int] | None = None
    for i, cluster in enumerate(clusters):
        if len(cluster) < 2:
            continue  # a lone report joining another cluster is the join pass's work
        for e in cluster:
            if e.event_id in moved:
                continue
            rest = [m for m in cluster if m is not e]
            here = cross(e, rest, _sims(e, rest, edges))
            if here is None or not _still_linked(rest, edges):
                continue
            for j, other in enumerate(clusters):
                sims = _sims(e, other, edges)
                if j == i or all(s is None for s in sims):
                    continue
                there = cross(e, other, sims)
                if there is None:
                    continue
                gain = _mean(there) - _mean(here)
                if gain >= MOVE_MARGIN and (
                    best is None or gain > best[0] or (gain == best[0] and e.event_id < best[1])
                ):
                    best = (gain, e.event_id, i, j)
    return best


def reassign(
    clusters: list[list[ReportEvent]],
    edges: Mapping[tuple[str, str], float],
    cross: Cross,
) -> list[list[ReportEvent]]:
    """The clusters with each report that links far better to another cluster moved there
    (see the module's docstring); empty clusters dropped."""
    clusters = [list(c) for c in clusters]
    moved: set[str] = set()
    while (move := _best_move(clusters, edges, cross, moved)) is not None:
        _, event_id, i, j = move
        e = next(m for m in clusters[i] if m.event_id == event_id)
        clusters[i].remove(e)
        clusters[j].append(e)
        moved.add(event_id)
    return [c for c in clusters if c]

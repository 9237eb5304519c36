"""One event, many reports: cluster a store's report-level events into canonical events.

The rules that say when two reports may describe the same event are in
:mod:`eventwire.dedup.rules`, the clustering itself in :mod:`eventwire.dedup.linkage`, and
the store side (what is new, merging a cluster, the canonical tables) in
:mod:`eventwire.dedup.canonical`. :func:`cluster_store` is incremental: it re-clusters only
the components that new reports touch, and never changes the report-level events
(the clustering is shown in :mod:`eventwire.dedup.linkage`'s example).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from eventwire.dedup.canonical import ClusterSummary, run_clustering
from eventwire.dedup.linkage import Cluster, cluster_events
from eventwire.dedup.rules import DedupOptions, ReportEvent, similarity

if TYPE_CHECKING:
    from eventwire.db.store import Store

__all__ = [
    "STAGE_NAME",
    "Cluster",
    "ClusterSummary",
    "DedupOptions",
    "ReportEvent",
    "cluster_events",
    "cluster_store",
    "similarity",
]

STAGE_NAME = "eventwire.dedup.v1"  # settings.options(STAGE_NAME) holds DedupOptions fields


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
    opts = options if isinstance(options, DedupOptions) else DedupOptions.from_mapping(options)
    return run_clustering(store, opts, rebuild=rebuild)

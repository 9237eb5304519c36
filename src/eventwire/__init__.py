"""eventwire: conflict and political reporting in, a geolocated, source-attributed dataset out.

>>> import eventwire
>>> summary = eventwire.process(["reports/"], db="events.duckdb")  # doctest: +SKIP
>>> eventwire.open("events.duckdb").events(country="IQ").num_rows  # doctest: +SKIP
42
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from eventwire.config import VERSION as __version__

__all__ = ["EventStore", "__version__", "cluster_store", "geoparse", "open", "process"]

if TYPE_CHECKING:
    from eventwire.client import EventStore, geoparse, process
    from eventwire.client import open_store as open
    from eventwire.dedup.cluster import cluster_store

# The API is imported on first use, so `import eventwire` stays light for worker processes.
_LAZY: dict[str, tuple[str, str]] = {
    "EventStore": ("eventwire.client", "EventStore"),
    "cluster_store": ("eventwire.dedup.cluster", "cluster_store"),
    "geoparse": ("eventwire.client", "geoparse"),
    "open": ("eventwire.client", "open_store"),
    "process": ("eventwire.client", "process"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")

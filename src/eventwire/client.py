"""The Python API: ``eventwire.process(paths, db=...)`` and ``eventwire.open(path)``.

>>> import eventwire
>>> with eventwire.open(":memory:") as events:
...     events.events(country="IQ").num_rows
0
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa

from eventwire.config import load_settings
from eventwire.db.filters import EventFilter, parse_date
from eventwire.db.queries import select_sql
from eventwire.db.store import Store
from eventwire.dedup.canonical import pending_count
from eventwire.dedup.cluster import cluster_store
from eventwire.run.runner import process as run_process

__all__ = ["EventStore", "geoparse", "open_store", "process"]


def geoparse(
    text: str, *, config: str | Path | None = None, **options: Any
) -> list[dict[str, Any]]:
    """Every toponym of ``text``, resolved against the offline gazetteer (with the dense
    layers ``eventwire gazetteer add`` installed): one dict per mention with ``text``,
    ``start``, ``end`` (``text[start:end]`` is the mention), ``name``, ``geonameid``,
    ``lat``, ``lon``, ``country``, ``admin1``, ``feature`` and ``precision``.

    >>> eventwire.geoparse("Clashes in Kidal and near Gao.")  # doctest: +SKIP
    """
    from eventwire.pipeline.places.geoparse import geoparse as run_geoparse

    settings = load_settings(config_file=config, **options) if config or options else None
    return run_geoparse(text, settings)


def process(
    paths: str | Path | Iterable[str | Path],
    db: str | Path | None = None,
    *,
    config: str | Path | None = None,
    workers: int = 1,
    engine: str = "local",
    ray_address: str | None = None,
    published: date | str | None = None,
    source: str | None = None,
    retry_failed: bool = False,
    batch_size: int | None = None,
    cluster: bool = True,
    **options: Any,
) -> Any:
    """Process files or directories into a store and return the run's ``RunSummary``.

    The same run as ``eventwire process`` (:class:`eventwire.run.runner.Runner`): ``engine``
    ``"local"`` with ``workers`` processes, or ``"ray"`` (joining ``ray_address`` if given).
    ``options`` are settings (``prefilter=True``, ``spacy_model=...``, ``stage_options=...``).
    With ``cluster`` (the default) the new report events are then clustered into canonical
    events (:func:`eventwire.dedup.cluster.cluster_store`).
    """
    inputs = [str(paths)] if isinstance(paths, (str, Path)) else [str(p) for p in paths]
    settings = load_settings(config_file=config, db=str(db) if db is not None else None, **options)
    return run_process(
        inputs,
        settings,
        engine=engine,
        workers=workers,
        address=ray_address,
        published=parse_date(published, "published"),
        source=source,
        retry_failed=retry_failed,
        batch_size=batch_size,
        cluster=cluster,
    )


class EventStore:
    """A store opened for analysis: every query returns a ``pyarrow.Table``.

    Use ``table.to_pandas()`` (with pandas installed) or ``polars.from_arrow(table)``.
    Filters (all optional) are those of ``eventwire export`` and the HTTP API
    (:class:`~eventwire.db.filters.EventFilter`): ``since``, ``until`` (dates or ISO
    strings), ``country`` (ISO2 codes), ``admin1``, ``bbox`` ("minlon,minlat,maxlon,maxlat"
    or a 4-tuple), ``type`` (PLOVER type, ACLED event type or sub-event type),
    ``acled_type``, ``sub_type``, ``actor`` (part of a name), ``modality``, ``speaker``,
    ``outlet``, ``text`` (part of the sentence), ``doc_id``, ``min_sources``, ``scope``
    (``all``, the default: every record; ``conflict``: conflict incidents only). List filters
    take a comma-separated string or a list; an unknown name or a bad value is a
    :class:`~eventwire.errors.ConfigError`.
    """

    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def path(self) -> str:
        return self.store.path

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<EventStore {self.path!r} {self.counts()}>"

    def _table(self, sql: str, params: list[Any]) -> pa.Table:
        return self.store.con.sql(sql, params=params).to_arrow_table()

    def events(self, *, record: bool = False, **filters: Any) -> pa.Table:
        """Report-level events (one row per event mention) with their sentence."""
        flt = EventFilter.from_options(filters)
        extra = ("json_extract_string(record, '$.sentence') AS sentence",)
        sql, params = select_sql("report", flt, extra=(*extra, *(("record",) if record else ())))
        return self._table(sql, params)

    def canonical_events(self, *, record: bool = False, **filters: Any) -> pa.Table:
        """Canonical (deduplicated) events with source counts and fatality ranges.

        Clusters what is new first when the store is writable; a read-only store answers
        with the canonical events as last clustered (see :attr:`pending`).
        """
        if not self.store.read_only and self.pending:
            self.cluster()
        flt = EventFilter.from_options(filters)
        sql, params = select_sql("canonical", flt, extra=("record",) if record else ())
        return self._table(sql, params)

    def members(self, canonical_id: str | None = None) -> pa.Table:
        """Which report events make up which canonical event, with their similarity."""
        sql = "SELECT * FROM canonical_members"
        params: list[Any] = []
        if canonical_id:
            sql += " WHERE canonical_id = ?"
            params.append(canonical_id)
        return self._table(sql + " ORDER BY canonical_id, event_id", params)

    def records(self, level: str = "report", **filters: Any) -> Iterator[dict[str, Any]]:
        """The JSON records (DESIGN.md contract, or the canonical record) one by one."""
        from eventwire.db.exports import records  # lazy: exports load pyarrow.dataset, pandas

        return records(self.store, level, EventFilter.from_options(filters))

    def documents(self, *, text: bool = False) -> pa.Table:
        """Stored documents (metadata; the full text with ``text=True``)."""
        cols = (
            "doc_id, source_id, input, title, published, source, url, language, country, "
            "pipeline_version, processed_at" + (", text" if text else "")
        )
        return self._table(f"SELECT {cols} FROM documents ORDER BY doc_id", [])

    def ledger(self) -> pa.Table:
        """Every input and what happened to it."""
        return self._table("SELECT * FROM ledger ORDER BY recorded_at, input", [])

    def counts(self) -> dict[str, int]:
        return self.store.counts()

    @property
    def pending(self) -> int:
        """Report events not yet clustered into canonical events."""
        return pending_count(self.store)

    def cluster(self, *, rebuild: bool = False, **options: Any) -> Any:
        """Cluster new report events into canonical events (needs a writable store)."""
        return cluster_store(self.store, options or None, rebuild=rebuild)


def open_store(path: str | Path | None = None, *, read_only: bool | None = None) -> EventStore:
    """Open a store for queries (``eventwire.open``); default: $EVENTWIRE_DB or eventwire.duckdb.

    Files open read-only by default (several readers may share a file; a missing file is
    an error); ``":memory:"`` and ``read_only=False`` give a writable store.
    """
    target = str(path) if path is not None else load_settings().db
    if read_only is None:
        read_only = target != ":memory:"
    return EventStore(Store.open(target, read_only=read_only))

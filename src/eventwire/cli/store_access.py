"""Open the store for reading or for writing: directly, or through the server that owns it.

The one place a command decides how to reach a store (``docs/live-store.md``). Without a
server the store is opened directly, as always. While ``eventwire serve`` owns it (its
discovery file is beside the store and it answers ``/health``), DuckDB lets no other
process open the file, so:

* :func:`open_for_reading` asks the server for a snapshot (a private copy, made in
  milliseconds) and opens that; ``stats``, ``ledger``, ``check``, ``export`` (and any new
  reading command, such as ``trends``) use it and need not know which path was taken;
* :func:`process_inputs` reads the inputs here and sends them, in batches, to the server's
  ``POST /ingest/items``: the server is the single writer;
* :func:`open_for_writing` is for commands that must write the file themselves: it refuses
  with a clear message while a server owns the store.

Each prints one line on stderr saying which path it took.
"""

from __future__ import annotations

import contextlib
import json
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire.cli.common import err_console
from eventwire.db import live
from eventwire.errors import StoreError

if TYPE_CHECKING:  # duckdb and the runner load only when a command opens the store
    from eventwire.config import Settings
    from eventwire.db.store import Store
    from eventwire.pipeline.read.readers import Item
    from eventwire.run.executors import Executor
    from eventwire.run.reprocess import Reprocess
    from eventwire.run.runner import ProgressCallback, RunSummary

__all__ = ["Served", "locate", "open_for_reading", "open_for_writing", "process_inputs"]

# Never through $HTTP_PROXY: the server is on this machine and the request carries its token.
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))
BATCH_BYTES = 16 * 2**20  # text per request, well under the server's 64 MiB body limit
HEALTH_WAIT_S = 10.0  # a server that has just published its file binds its port within this
LOCKED_WAIT_S = 5.0  # a locked store whose server is still starting publishes within this


@dataclass(frozen=True)
class Served:
    """A live server owning the store, and how to talk to it."""

    discovery: live.Discovery

    def say(self, what: str) -> None:
        """The one line telling the user which path a command took."""
        d = self.discovery
        err_console.print(
            f"eventwire: store is served by pid {d.pid} at {d.url}: {what}", soft_wrap=True
        )

    def call(
        self, path: str, body: Mapping[str, Any] | None = None, timeout: float = 3600.0
    ) -> Any:
        """POST ``body`` (JSON) with the local token, or GET without one; the JSON answer."""
        d = self.discovery
        data = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        method = "GET" if body is None else "POST"
        request = urllib.request.Request(d.url + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        if body is not None:
            request.add_header("Authorization", f"Bearer {d.token}")
        try:
            with _DIRECT.open(request, timeout=timeout) as response:
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            raise StoreError(
                f"the server of {d.store!r} (pid {d.pid}, {d.url}) refused {path}: "
                f"{_error_message(exc)}",
                "EW-DB-044",
            ) from exc
        except (OSError, ValueError) as exc:
            raise StoreError(
                f"the server of {d.store!r} (pid {d.pid}, {d.url}) did not answer {path}: {exc}",
                "EW-DB-044",
            ) from exc

    def healthy(self) -> bool:
        try:
            return bool(self.call("/health", timeout=2.0).get("status") == "ok")
        except StoreError:
            return False


def _error_message(exc: urllib.error.HTTPError) -> str:
    try:
        return str(json.loads(exc.read().decode("utf-8"))["error"]["message"])
    except (ValueError, KeyError, TypeError, OSError):
        return f"HTTP {exc.code}"


def locate(db: str) -> Served | None:
    """The live server owning ``db``, or None: open it directly.

    A stale discovery file (its server was killed) or a server that does not answer within
    :data:`HEALTH_WAIT_S` is reported on stderr and ignored.
    """
    found = live.find_server(db)
    if found.ignored:
        err_console.print(f"eventwire: {found.ignored}; opening the store directly", soft_wrap=True)
    if found.discovery is None:
        return None
    served = Served(found.discovery)
    deadline = time.monotonic() + HEALTH_WAIT_S
    while True:
        if served.healthy():
            return served
        if time.monotonic() > deadline or live.find_server(db).discovery != found.discovery:
            break
        time.sleep(0.2)
    d = found.discovery
    err_console.print(
        f"eventwire: the server of this store (pid {d.pid}, {d.url}) does not answer; "
        "opening the store directly",
        soft_wrap=True,
    )
    return None


def _await_server(db: str, exc: StoreError) -> Served:
    """After a lock error: the server that is starting on ``db``, else re-raise ``exc``."""
    if exc.code != "EW-DB-002":
        raise exc
    deadline = time.monotonic() + LOCKED_WAIT_S
    while time.monotonic() < deadline:
        if live.find_server(db).discovery is not None:
            served = locate(db)
            if served is not None:
                return served
            break
        time.sleep(0.25)
    raise exc


@contextlib.contextmanager
def open_for_reading(
    db: str, *, cluster_options: Mapping[str, Any] | None = None, writable: bool = False
) -> Iterator[Store]:
    """The store to read: ``db`` itself, or a snapshot of it when a server owns it.

    ``cluster_options`` (the dedup stage's options) first clusters report events no
    canonical event holds yet, for commands reading canonical events. ``writable`` opens a
    store the command may write scratch tables into (a snapshot is always a private copy).
    """
    from eventwire.db.store import Store

    served = locate(db)
    if served is None:
        try:
            if cluster_options is not None:
                _refresh_canonical(db, cluster_options)
            store = Store.open(db, read_only=not writable)
        except StoreError as exc:
            served = _await_server(db, exc)
    if served is not None:
        started = time.perf_counter()
        path = Path(str(served.call("/store/snapshot", {})["path"]))
        if path.parent != Path(served.discovery.snapshots):
            where = served.discovery.snapshots
            raise StoreError(f"the server answered a snapshot outside {where}", "EW-DB-044")
        served.say(
            f"reading a snapshot the server made ({(time.perf_counter() - started) * 1000:.0f} ms)"
        )
        try:
            # a private copy, thrown away after: read-write where the command may write
            store = Store.open(path, read_only=not writable and cluster_options is None)
            if cluster_options is not None:
                _cluster(store, cluster_options)
        except BaseException:
            live.remove_snapshot(path)
            raise
    try:
        yield store
    finally:
        store.close()
        if served is not None:
            live.remove_snapshot(path)


def open_for_writing(db: str) -> Store:
    """``db`` opened read-write; refused while a server owns it (stop it, or go through it)."""
    from eventwire.db.store import Store

    served = locate(db)
    if served is not None:
        d = served.discovery
        raise StoreError(
            f"store {db!r} is served by pid {d.pid} at {d.url}; this command writes the store "
            "itself: stop the server first",
            "EW-DB-041",
        )
    return Store.open(db)


def _refresh_canonical(db: str, options: Mapping[str, Any]) -> None:
    """Re-cluster when report events are not all in canonical events yet (direct access)."""
    from eventwire.db.store import Store
    from eventwire.dedup.canonical import pending_count

    with Store.open(db, read_only=True) as store:
        pending = pending_count(store)
    if pending:
        with Store.open(db) as store:
            _cluster(store, options)


def _cluster(store: Store, options: Mapping[str, Any]) -> None:
    from eventwire.dedup.canonical import pending_count
    from eventwire.dedup.cluster import cluster_store

    if pending_count(store):
        summary = cluster_store(store, dict(options))
        err_console.print(
            f"clustered {summary.new_events} new report events "
            f"({summary.canonical_total} canonical events)"
        )


# -- writing: process ------------------------------------------------------------------
def process_inputs(
    inputs: list[str],
    settings: Settings,
    *,
    executor: Executor | None = None,
    published: date | None = None,
    source: str | None = None,
    retry_failed: bool = False,
    batch_size: int | None = None,
    on_result: ProgressCallback | None = None,
    cluster: bool = True,
    retry: bool = False,
    reprocess: Reprocess | None = None,
) -> RunSummary:
    """``process``: run here on the store, or send read inputs to the server that owns it.

    ``--retry`` and ``--reprocess`` run only here: they rewrite stored documents, which the
    server's ingest route does not do, so beside a server they are refused (EW-DB-045)."""
    from eventwire.run.runner import process as run_process

    served = locate(settings.db)
    if served is None:
        try:
            return run_process(
                inputs,
                settings,
                executor=executor,
                published=published,
                source=source,
                retry_failed=retry_failed,
                batch_size=batch_size,
                on_result=on_result,
                cluster=cluster,
                retry=retry,
                reprocess=reprocess,
            )
        except StoreError as exc:  # the store was locked before anything was written
            served = _await_server(settings.db, exc)
    if retry or reprocess is not None:
        d = served.discovery
        raise StoreError(
            f"store {settings.db!r} is served by pid {d.pid} at {d.url}: --retry and "
            "--reprocess rewrite stored documents and run only on a store no server holds; "
            "stop the server, run them, then serve again",
            "EW-DB-045",
        )
    if served.discovery.read_only:
        d = served.discovery
        raise StoreError(
            f"store {settings.db!r} is served read-only by pid {d.pid} at {d.url}: nothing can "
            "write it; stop that server, or serve it without --read-only",
            "EW-DB-043",
        )
    served.say("writing through the server")
    return _through_server(
        served,
        inputs,
        settings,
        published,
        source,
        retry_failed,
        batch_size or 32,
        on_result,
        cluster,
    )


def _through_server(
    served: Served,
    inputs: list[str],
    settings: Settings,
    published: date | None,
    source: str | None,
    retry_failed: bool,
    batch_size: int,
    on_result: ProgressCallback | None,
    cluster: bool,
) -> RunSummary:
    """Read here (this command's limits and defaults), code and store there, batch by batch."""
    from eventwire.dedup.canonical import ClusterSummary
    from eventwire.records import LedgerEntry
    from eventwire.run.runner import RunSummary, make_reader

    started = time.perf_counter()
    summary = RunSummary()
    reader = make_reader(settings, published, source)
    for batch, last in _batches(reader.read(inputs), batch_size):
        body = {
            "items": [_item_json(item) for item in batch],
            "retry_failed": retry_failed,
            "cluster": cluster and last,
        }
        answer = served.call("/ingest/items", body)
        summary.already_done += int(answer["already_done"])
        summary.events += int(answer["events"])
        for row in answer["entries"]:
            entry = LedgerEntry(content_hash=None, **row)
            summary.counts[entry.status] += 1
            if entry.status in {"rejected", "failed"}:
                summary.problems.append(entry)
            if on_result is not None:
                on_result(entry)
        if answer.get("clusters"):
            summary.clusters = ClusterSummary(**answer["clusters"])
    summary.seconds = time.perf_counter() - started
    return summary


def _batches(items: Iterable[Item], size: int) -> Iterator[tuple[list[Item], bool]]:
    """``(batch, is_last)``: ``size`` items or :data:`BATCH_BYTES` of text, whichever comes
    first; one empty batch for no input (the server still clusters)."""
    batch: list[Item] = []
    pending: list[Item] | None = None
    text = 0
    for item in items:
        batch.append(item)
        text += len(item.document.text) * 2 if item.document is not None else 0
        if len(batch) >= size or text >= BATCH_BYTES:
            text = 0
            if pending is not None:
                yield pending, False
            pending, batch = batch, []
    if pending is not None:
        yield pending, not batch
    if batch or pending is None:
        yield batch, True


def _item_json(item: Item) -> dict[str, Any]:
    """An :class:`Item` as ``POST /ingest/items`` takes it."""
    out: dict[str, Any] = {"input": item.input, "content_hash": item.content_hash}
    if item.rejected is not None:
        r = item.rejected
        out["rejected"] = {
            "status": r.status,
            "reason": r.reason,
            "code": r.code,
            "doc_id": r.doc_id,
            "source_id": r.source_id,
            "stage": r.stage,
        }
        return out
    from eventwire.records.document import READ_FIELDS

    doc = item.document
    assert doc is not None
    document = {name: getattr(doc, name) for name in READ_FIELDS if name != "notes"}
    document["published"] = doc.published.isoformat() if doc.published else None
    document["notes"] = [
        {"stage": n.stage, "code": n.code, "message": n.message} for n in doc.notes
    ]
    out["document"] = document
    return out

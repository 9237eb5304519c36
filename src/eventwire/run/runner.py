"""The one runner: plan against the ledger, run on an executor, write, then cluster.

The parent process reads inputs, decides what still needs doing (the ledger makes a
re-run idempotent and a killed run resumable, and ``retry_failed`` re-runs what failed),
hands the documents to an executor (:mod:`eventwire.run.executors`: this process, a
process pool or Ray), writes the results in batches, one transaction each, reports every
ledger row to a progress callback, and afterwards clusters the new events into canonical
events. Only the executor differs between ``--workers 1``, ``--workers N`` and
``--engine ray``; every option behaves the same on each.

>>> summary = process(["reports/"], load_settings(db="events.duckdb"))  # doctest: +SKIP
>>> summary.counts["processed"]  # doctest: +SKIP
9
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from eventwire.config import Settings
from eventwire.datafiles import data_versions_json
from eventwire.pipeline.base import Pipeline
from eventwire.pipeline.read.readers import Item, Reader, ReaderOptions
from eventwire.records import Document, DocumentSource, LedgerEntry
from eventwire.run.collector import run_thresholds
from eventwire.run.executors import Executor, Result, Task, make_executor
from eventwire.run.parquet import ParquetSink, default_parquet_dir
from eventwire.run.reprocess import RETRY_STATUSES, Reprocess, retry_inputs, stored_documents

# A run given no batch size commits up to the executor's default_batch_size ledger rows per
# transaction (fewer, larger transactions cost the store less), but never waits longer
# than this after the previous commit, so progress and the store stay close to the work.
FLUSH_WAIT_S = 5.0

if TYPE_CHECKING:  # the store (duckdb, pyarrow) is imported only when a run writes to it
    from eventwire.db.store import Store
    from eventwire.dedup.canonical import ClusterSummary

__all__ = ["BatchWriter", "RunSummary", "Runner", "extract", "plan", "process"]

ProgressCallback = Callable[[LedgerEntry], None]


@dataclass
class RunSummary:
    """What a ``process`` run did."""

    counts: Counter[str] = field(default_factory=Counter)  # by ledger status
    already_done: int = 0  # inputs found in the ledger from an earlier run
    events: int = 0
    words: int = 0
    seconds: float = 0.0  # reading, running and writing (clustering has its own)
    problems: list[LedgerEntry] = field(default_factory=list)
    clusters: ClusterSummary | None = None  # the clustering afterwards, when asked for
    reprocessed: int = 0  # stored documents re-coded (--reprocess)
    orphaned: list[dict[str, Any]] = field(default_factory=list)  # reviews matching no event

    @property
    def exit_code(self) -> int:
        """0 when everything went through, 1 when something was rejected or failed."""
        return 1 if self.counts["rejected"] or self.counts["failed"] else 0


def make_reader(
    settings: Settings,
    published: date | None,
    source: str | None,
    input_names: Mapping[str, str] | None = None,
) -> Reader:
    """The Reader for a run: the settings' limits plus the run's default date and outlet
    (and the ledger names of files that must not appear under their paths)."""
    return Reader(
        ReaderOptions(
            published=published,
            source=source,
            max_chars=settings.max_chars,
            min_chars=settings.min_chars,
            languages=settings.languages,
            input_names=dict(input_names or {}),
            follow_links=settings.follow_links,
        )
    )


@dataclass
class Planned:
    """An input the plan says must run, and its document."""

    item: Item
    document: Document


def plan(
    items: Iterable[Item],
    store: Store,
    summary: RunSummary,
    retry_failed: bool,
    ledger_out: list[LedgerEntry],
    retry: frozenset[str] = frozenset(),
) -> Iterator[Planned]:
    """Yield what must be processed; record rejections and duplicates; skip finished inputs.

    Inputs already in the ledger count as ``already_done``, except failed ones when
    ``retry_failed`` and those whose status is in ``retry``. Rejections and same-text
    duplicates (linked to the stored document) go to ``ledger_out``.
    """
    known = store.ledger_keys()
    doc_inputs = store.document_inputs()
    for item in items:
        key = (item.input, item.content_hash or "")
        previous = known.get(key)
        again = (retry_failed and previous == "failed") or previous in retry
        if previous is not None and not again:
            summary.already_done += 1
            continue
        if item.rejected is not None:
            ledger_out.append(item.rejected)
            known[key] = item.rejected.status
            continue
        doc = item.document
        assert doc is not None
        first = doc_inputs.get(doc.doc_id)
        if first is not None and first != doc.input:
            # the same text under another id or outlet: not coded again, but linked to the
            # stored document, whose events then carry this input's id and outlet too
            ledger_out.append(
                LedgerEntry(
                    input=item.input,
                    content_hash=item.content_hash,
                    status="processed",
                    code="EW-ING-009",
                    doc_id=doc.doc_id,
                    source_id=doc.source_id,
                    reason=f"[EW-ING-009] same text as {first}: linked to document "
                    f"{doc.doc_id} as another source of its events",
                    link=DocumentSource.of(doc),
                )
            )
            known[key] = "processed"
            continue
        doc_inputs[doc.doc_id] = doc.input
        known[key] = "processing"
        yield Planned(item, doc)


class BatchWriter:
    """Buffer pipeline results and write them to the store in batches, one transaction each.

    Counts every ledger row into the run's summary and reports it to ``on_result`` once it
    is committed. ``on_flush`` sees each batch's documents after the store write (a
    :class:`~eventwire.run.parquet.ParquetSink` appends them to Parquet). A batch is
    written once it holds ``batch_size`` ledger rows or, with ``max_wait_s``, once that
    many seconds have passed since the last write.
    """

    def __init__(
        self,
        store: Store,
        summary: RunSummary,
        versions: str,
        batch_size: int,
        on_result: ProgressCallback | None = None,
        on_flush: Callable[[list[Document]], None] | None = None,
        replace: bool = False,
        max_wait_s: float | None = None,
    ) -> None:
        self.store = store
        self.max_wait_s = max_wait_s
        self.last_write = time.monotonic()
        self.replace = replace  # re-coded stored documents replace their previous rows
        self.summary = summary
        self.versions = versions
        self.batch_size = batch_size
        self.on_result = on_result
        self.on_flush = on_flush
        self.ledger: list[LedgerEntry] = []
        self.docs: list[Document] = []

    def add(self, result: Result) -> None:
        """Buffer one result (with the rejections planned before it, in input order)."""
        doc, entry, carried = result
        self.ledger.extend(carried)
        self.ledger.append(entry)
        if doc is not None:
            self.docs.append(doc)
            self.summary.events += len(doc.events)
            self.summary.words += len(doc.text.split())
        if len(self.ledger) >= self.batch_size or (
            self.max_wait_s is not None and time.monotonic() - self.last_write >= self.max_wait_s
        ):
            self.flush()

    def flush(self, trailing: Iterable[LedgerEntry] = ()) -> None:
        """Write what is buffered, plus ``trailing`` ledger rows, in one transaction."""
        self.ledger.extend(trailing)
        if not (self.ledger or self.docs):
            return
        self.store.write_batch(
            self.docs, self.ledger, self.versions, replace=self.replace, supersede=True
        )
        if self.on_flush is not None:
            self.on_flush(self.docs)
        for entry in self.ledger:
            self.summary.counts[entry.status] += 1
            if entry.status in {"rejected", "failed"}:
                self.summary.problems.append(entry)
            if self.on_result is not None:
                self.on_result(entry)
        self.ledger.clear()
        self.docs.clear()
        self.last_write = time.monotonic()


class Runner:
    """One run path for every executor: plan, execute, write in batches, cluster.

    ``batch_size`` is ledger rows per store transaction (when None: the executor's
    default, 128, and at most ``FLUSH_WAIT_S`` between transactions); ``on_result`` sees
    every ledger row once it is committed; ``retry_failed`` re-runs inputs whose ledger
    row says ``failed``; ``cluster`` clusters what is new into canonical events once the
    run has written everything (options: the ``eventwire.dedup.v1`` stage options);
    ``parquet_dir`` also appends event rows to a hive-partitioned Parquet dataset there.
    """

    def __init__(
        self,
        settings: Settings,
        executor: Executor | None = None,
        *,
        published: date | None = None,
        source: str | None = None,
        retry_failed: bool = False,
        batch_size: int | None = None,
        on_result: ProgressCallback | None = None,
        cluster: bool = False,
        parquet_dir: str | None = None,
        input_names: Mapping[str, str] | None = None,
        retry: bool = False,
        reprocess: Reprocess | None = None,
    ) -> None:
        self.settings = settings
        self.retry = RETRY_STATUSES if retry else frozenset()
        self.reprocess = reprocess
        self.executor = executor or make_executor(settings)
        self.reader = make_reader(settings, published, source, input_names)
        self.retry_failed = retry_failed
        self.batch_size = batch_size or self.executor.default_batch_size
        self.max_wait_s = None if batch_size else FLUSH_WAIT_S
        self.on_result = on_result
        self.cluster = cluster
        self.parquet_dir = parquet_dir

    def run(self, inputs: Iterable[str], store: Store | None = None) -> RunSummary:
        """Process inputs into ``store`` (else the store ``settings.db`` names)."""
        started = time.perf_counter()
        summary = RunSummary()
        own_store = store is None
        if store is None:
            from eventwire.db.store import Store

            store = Store.open(self.settings.db)
        with run_thresholds():  # the collector runs less often while coding and writing
            try:
                if self.reprocess is not None:
                    self._reprocess(store, summary, self.reprocess)
                else:
                    inputs = list(inputs)
                    if self.retry and not inputs:
                        inputs = retry_inputs(store)
                    self._execute(inputs, store, summary)
                summary.seconds = time.perf_counter() - started
                if self.cluster:
                    from eventwire.dedup.cluster import STAGE_NAME, cluster_store

                    summary.clusters = cluster_store(store, self.settings.options(STAGE_NAME))
            finally:
                if own_store:
                    store.close()
        return summary

    def _execute(self, inputs: Iterable[str], store: Store, summary: RunSummary) -> None:
        versions = data_versions_json()
        sink = ParquetSink(self.parquet_dir)
        on_flush = sink.write if self.parquet_dir else None
        writer = BatchWriter(
            store,
            summary,
            versions,
            self.batch_size,
            self.on_result,
            on_flush,
            False,
            self.max_wait_s,
        )
        plan_ledger: list[LedgerEntry] = []
        self.reader.options.known = store.ledger_keys()  # feeds fetch no page for these
        pending = plan(
            self.reader.read(inputs), store, summary, self.retry_failed, plan_ledger, self.retry
        )

        def tasks() -> Iterator[Task]:
            # Consumed by the executor as it hands documents out, in this thread.
            for p in pending:
                carried = list(plan_ledger)
                plan_ledger.clear()
                yield p.document, versions, p.item.content_hash, carried

        with closing(self.executor.map(tasks())) as results:
            for result in results:
                writer.add(result)
        writer.flush(trailing=plan_ledger)

    def _reprocess(self, store: Store, summary: RunSummary, selection: Reprocess) -> None:
        """Re-code stored documents from their stored text; list reviews left orphaned."""
        from eventwire.db.review import orphaned_reviews
        from eventwire.db.review_clusters import orphaned_cluster_reviews

        versions = data_versions_json()
        writer = BatchWriter(
            store,
            summary,
            versions,
            self.batch_size,
            self.on_result,
            replace=True,
            max_wait_s=self.max_wait_s,
        )

        def tasks() -> Iterator[Task]:
            for doc, content_hash in stored_documents(store, selection):
                summary.reprocessed += 1
                yield doc, versions, content_hash, []

        with closing(self.executor.map(tasks())) as results:
            for result in results:
                writer.add(result)
        writer.flush()
        summary.orphaned = orphaned_reviews(store.con) + orphaned_cluster_reviews(store.con)


def process(
    inputs: Iterable[str],
    settings: Settings,
    *,
    engine: str = "local",
    workers: int = 1,
    address: str | None = None,
    executor: Executor | None = None,
    published: date | None = None,
    source: str | None = None,
    retry_failed: bool = False,
    batch_size: int | None = None,
    on_result: ProgressCallback | None = None,
    cluster: bool = False,
    parquet_dir: str | None = None,
    store: Store | None = None,
    input_names: Mapping[str, str] | None = None,
    retry: bool = False,
    reprocess: Reprocess | None = None,
) -> RunSummary:
    """Process inputs into the store named by ``settings.db`` (or ``store``); return a summary.

    The executor is ``executor``, else the one ``engine``/``workers``/``address`` name
    (:func:`~eventwire.run.executors.make_executor`). On Ray, event rows also go to
    Parquet beside the store unless ``parquet_dir`` says where
    (:func:`~eventwire.run.parquet.default_parquet_dir`). The other options are
    :class:`Runner`'s; ``retry`` re-runs rejected and failed inputs (those of the ledger
    when no inputs are given), ``reprocess`` re-codes stored documents instead of reading
    inputs (:mod:`eventwire.run.reprocess`).
    """
    executor = executor or make_executor(settings, engine, workers, address)
    if parquet_dir is None and executor.name == "ray":
        parquet_dir = default_parquet_dir(settings)
    runner = Runner(
        settings,
        executor,
        published=published,
        source=source,
        retry_failed=retry_failed,
        batch_size=batch_size,
        on_result=on_result,
        cluster=cluster,
        parquet_dir=parquet_dir,
        input_names=input_names,
        retry=retry,
        reprocess=reprocess,
    )
    return runner.run(inputs, store)


def extract(text: str, settings: Settings, published: date | None = None, **meta: Any) -> Document:
    """Run the pipeline on one text without a store and return the Document."""
    from eventwire.pipeline.read.readers import clean_text

    pipeline = Pipeline.from_settings(settings)
    doc = Document(
        text=clean_text(text),
        published=published,
        published_source="option" if published else "unknown",
        input="-",
        **meta,
    )
    return pipeline(doc)

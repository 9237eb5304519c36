"""Run the pipeline over inputs and write documents, events and ledger rows to the store.

The parent process reads inputs, decides what still needs doing (the ledger makes a
re-run idempotent and a killed run resumable), hands documents to one or more worker
processes, and writes their results in batches, one transaction each.

>>> summary = process(["reports/"], load_settings(db="events.duckdb"))  # doctest: +SKIP
>>> summary.counts["processed"]  # doctest: +SKIP
9
"""

from __future__ import annotations

import multiprocessing as mp
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from eventwire.config import VERSION as __version__
from eventwire.config import Settings
from eventwire.datafiles import data_versions_json
from eventwire.errors import EventwireError, StageError
from eventwire.pipeline.base import Pipeline
from eventwire.pipeline.read.readers import Item, Reader, ReaderOptions
from eventwire.records import Document, LedgerEntry

if TYPE_CHECKING:  # the store (duckdb, pyarrow) is imported only when a run writes to it
    from eventwire.db.store import Store

ProgressCallback = Callable[[LedgerEntry], None]


@dataclass
class RunSummary:
    """What a ``process`` run did."""

    counts: Counter[str] = field(default_factory=Counter)  # by ledger status
    already_done: int = 0  # inputs found in the ledger from an earlier run
    events: int = 0
    words: int = 0
    seconds: float = 0.0
    problems: list[LedgerEntry] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 when everything went through, 1 when something was rejected or failed."""
        return 1 if self.counts["rejected"] or self.counts["failed"] else 0


# -- worker side ----------------------------------------------------------------------
_WORKER_PIPELINE: Pipeline | None = None


def _init_worker(settings: Settings) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = Pipeline.from_settings(settings)


def run_document(
    pipeline: Pipeline, doc: Document, data_versions: str
) -> tuple[Document | None, LedgerEntry]:
    """Run the pipeline on one document; a failure becomes a ``failed`` ledger row."""
    started = time.perf_counter()
    entry = LedgerEntry(
        input=doc.input,
        content_hash=None,
        status="processed",
        doc_id=doc.doc_id,
        source_id=doc.source_id,
        pipeline_version=__version__,
        data_versions=data_versions,
    )
    try:
        doc = pipeline(doc)
    except EventwireError as exc:
        entry.status = "rejected" if not isinstance(exc, StageError) else "failed"
        entry.code = exc.code
        entry.reason = str(exc)
        entry.stage = exc.stage if isinstance(exc, StageError) else None
        entry.seconds = time.perf_counter() - started
        return None, entry
    entry.n_events = len(doc.events)
    entry.seconds = time.perf_counter() - started
    return doc, entry


Task = tuple[Document, str, "str | None", list[LedgerEntry]]
Result = tuple["Document | None", LedgerEntry, list[LedgerEntry]]


def _run_task(pipeline: Pipeline, task: Task) -> Result:
    doc, versions, digest, carried = task
    result, entry = run_document(pipeline, doc, versions)
    entry.content_hash = digest
    return result, entry, carried


def _worker_run(task: Task) -> Result:
    assert _WORKER_PIPELINE is not None
    return _run_task(_WORKER_PIPELINE, task)


# -- parent side ----------------------------------------------------------------------
def make_reader(settings: Settings, published: date | None, source: str | None) -> Reader:
    """The Reader for a run: the settings' limits plus the run's default date and outlet."""
    return Reader(
        ReaderOptions(
            published=published,
            source=source,
            max_chars=settings.max_chars,
            min_chars=settings.min_chars,
            languages=settings.languages,
        )
    )


@dataclass
class _Pending:
    item: Item
    document: Document


def _plan(
    items: Iterable[Item],
    store: Store,
    summary: RunSummary,
    retry_failed: bool,
    ledger_out: list[LedgerEntry],
) -> Iterator[_Pending]:
    """Yield what must be processed; record rejections and duplicates; skip finished inputs."""
    known = store.ledger_keys()
    doc_inputs = store.document_inputs()
    for item in items:
        key = (item.input, item.content_hash or "")
        previous = known.get(key)
        if previous is not None and not (retry_failed and previous == "failed"):
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
            ledger_out.append(
                LedgerEntry(
                    input=item.input,
                    content_hash=item.content_hash,
                    status="skipped",
                    code="EW-ING-009",
                    doc_id=doc.doc_id,
                    source_id=doc.source_id,
                    reason=f"[EW-ING-009] same text as {first} "
                    f"(already stored as document {doc.doc_id})",
                )
            )
            known[key] = "skipped"
            continue
        doc_inputs[doc.doc_id] = doc.input
        known[key] = "processing"
        yield _Pending(item, doc)


class BatchWriter:
    """Buffer pipeline results and write them to the store in batches, one transaction each.

    Counts every ledger row into the run's summary and reports it to ``on_result`` once it
    is committed. ``on_flush`` sees each batch's documents after the store write (the Ray
    engine appends them to Parquet).
    """

    def __init__(
        self,
        store: Store,
        summary: RunSummary,
        versions: str,
        batch_size: int,
        on_result: ProgressCallback | None = None,
        on_flush: Callable[[list[Document]], None] | None = None,
    ) -> None:
        self.store = store
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
        if len(self.ledger) >= self.batch_size:
            self.flush()

    def flush(self, trailing: Iterable[LedgerEntry] = ()) -> None:
        """Write what is buffered, plus ``trailing`` ledger rows, in one transaction."""
        self.ledger.extend(trailing)
        if not (self.ledger or self.docs):
            return
        self.store.write_batch(self.docs, self.ledger, self.versions)
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


def process(
    inputs: Iterable[str],
    settings: Settings,
    *,
    workers: int = 1,
    published: date | None = None,
    source: str | None = None,
    retry_failed: bool = False,
    batch_size: int = 32,
    on_result: ProgressCallback | None = None,
    store: Store | None = None,
) -> RunSummary:
    """Process inputs into the store named by ``settings.db``; return a summary."""
    started = time.perf_counter()
    summary = RunSummary()
    versions = data_versions_json()
    reader = make_reader(settings, published, source)
    own_store = store is None
    if store is None:
        from eventwire.db.store import Store

        store = Store.open(settings.db)
    writer = BatchWriter(store, summary, versions, batch_size, on_result)
    plan_ledger: list[LedgerEntry] = []
    try:
        pending = _plan(reader.read(inputs), store, summary, retry_failed, plan_ledger)

        def tasks() -> Iterator[Task]:
            # Runs in the pool's feeder thread when workers > 1: it touches only plan_ledger.
            for p in pending:
                carried = list(plan_ledger)
                plan_ledger.clear()
                yield p.document, versions, p.item.content_hash, carried

        if workers <= 1:
            pipeline = Pipeline.from_settings(settings)
            for task in tasks():
                writer.add(_run_task(pipeline, task))
        else:
            ctx = mp.get_context("spawn")
            with ctx.Pool(workers, initializer=_init_worker, initargs=(settings,)) as pool:
                for result in pool.imap(_worker_run, tasks(), chunksize=2):
                    writer.add(result)
        writer.flush(trailing=plan_ledger)
    finally:
        if own_store:
            store.close()
    summary.seconds = time.perf_counter() - started
    return summary


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

"""The per-document work every executor does, and the time budget that bounds it.

:func:`run_task` runs one planned document through a Pipeline and turns the outcome into
its ledger row; every executor (this process, a pool worker, a Ray actor) calls it, so
results are the same whatever runs them. A document that outlives
``Settings.doc_timeout_s`` is stopped by :func:`time_budget` and recorded as
``failed`` with EW-RUN-002, and the batch goes on.
"""

from __future__ import annotations

import copy
import signal
import threading
import time
from collections.abc import Generator, Iterator, Sequence
from contextlib import contextmanager
from types import FrameType
from typing import Any

from eventwire.config import VERSION as __version__
from eventwire.errors import EventwireError, StageError
from eventwire.pipeline.base import Pipeline
from eventwire.records import Document, LedgerEntry

__all__ = [
    "DocumentTimeout",
    "Result",
    "Results",
    "Task",
    "failed_result",
    "new_entry",
    "parse_ahead",
    "run_document",
    "run_task",
    "run_tasks",
    "time_budget",
    "timeout_reason",
]

# A planned document: (document, data versions JSON, content hash, ledger rows planned
# before it, which travel with it so that rows reach the store in input order).
Task = tuple[Document, str, "str | None", list[LedgerEntry]]
# What a task gives back: (finished document or None, its ledger row, the carried rows).
Result = tuple["Document | None", LedgerEntry, list[LedgerEntry]]
Results = Generator[Result, None, None]

TIMEOUT_CODE = "EW-RUN-002"
DOCS_AHEAD = 16  # documents whose candidate sentences are parsed in one nlp.pipe call
# Stages that may run before the parser on a shallow copy of a document: they only assign
# new values to its fields (so the copy leaves the document itself as it was).
COPY_SAFE_STAGES = frozenset({"eventwire.structure.v1"})


class DocumentTimeout(BaseException):
    """Raised inside the pipeline when a document's time budget runs out.

    A ``BaseException``, like ``KeyboardInterrupt``, so that a stage's ``except Exception``
    cannot swallow it; :func:`run_document` turns it into a ``failed`` ledger row.
    """

    def __init__(self, seconds: float, stage: str | None) -> None:
        super().__init__(seconds, stage)
        self.seconds = seconds
        self.stage = stage  # the stage that was running, when known


def timeout_reason(seconds: float, stage: str | None, killed: bool = False) -> str:
    """The ledger reason of a document stopped after ``seconds`` (EW-RUN-002)."""
    where = f" in stage {stage}" if stage else ""
    how = "; its worker did not stop and was killed" if killed else ""
    return f"[{TIMEOUT_CODE}] document took longer than {seconds:g} s (doc_timeout_s){where}{how}"


def _running_stage(frame: FrameType | None) -> str | None:
    """The name of the stage Pipeline.__call__ is running in ``frame``'s call chain."""
    target = Pipeline.__call__.__code__
    while frame is not None:
        if frame.f_code is target:
            stage = frame.f_locals.get("stage")
            return str(getattr(stage, "name", "")) or None
        frame = frame.f_back
    return None


def _timers_available() -> bool:
    """Signals reach Python code only in the main thread, and only where setitimer exists."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise :class:`DocumentTimeout` in the block once it has run ``seconds`` (0: no limit).

    In the main thread of a POSIX process it uses ``SIGALRM`` (a real-time interval timer),
    which also cuts a sleeping system call short. In any other thread (Ray runs an actor's
    batches in one) a watchdog thread raises the exception in the running thread instead,
    which takes effect at its next Python instruction. Either way code inside a C extension
    is interrupted only when it returns to Python; pool workers have a hard limit on top
    (:mod:`eventwire.run.pool`).
    """
    if seconds <= 0:
        yield
        return
    if not _timers_available():
        with _watchdog(seconds):
            yield
        return

    def expire(signum: int, frame: FrameType | None) -> Any:
        raise DocumentTimeout(seconds, _running_stage(frame))

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:  # even when the alarm's handler runs just before the timer is cleared
            signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)


@contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    """Raise DocumentTimeout in this thread after ``seconds``, from a timer thread.

    ``PyThreadState_SetAsyncExc`` takes an exception class, so the class is made with the
    budget and the running stage baked in. A lock keeps the timer from firing once the
    block is done. An exception sent but not yet delivered when the block ends is taken
    here, in a short loop, never left for later code: it is not withdrawn with a NULL
    call, which in CPython 3.11 leaves the interpreter's async-exception flag set and
    slows every thread to a crawl from then on.
    """
    import ctypes
    import sys

    target = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def fire() -> None:
        with lock:
            if state["done"]:
                return
            state["fired"] = True
            stage = _running_stage(sys._current_frames().get(target))
            expired = type(
                "DocumentTimeoutNow",
                (DocumentTimeout,),
                {"__init__": lambda self: DocumentTimeout.__init__(self, seconds, stage)},
            )
            ctypes.pythonapi.PyThreadState_SetAsyncExc(
                ctypes.c_ulong(target), ctypes.py_object(expired)
            )

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        try:
            with lock:
                state["done"] = True
            timer.cancel()
        finally:
            if state["fired"]:
                _take_pending_timeout()


def _take_pending_timeout() -> None:
    """Run a few instructions so that a DocumentTimeout still pending for this thread is
    delivered, and dropped, here (one already delivered leaves nothing to take)."""
    try:
        for _ in range(100_000):
            pass
    except DocumentTimeout:
        pass


def new_entry(doc: Document, data_versions: str) -> LedgerEntry:
    """The ledger row of a document about to run (``processed`` until something fails)."""
    return LedgerEntry(
        input=doc.input,
        content_hash=None,
        status="processed",
        doc_id=doc.doc_id,
        source_id=doc.source_id,
        pipeline_version=__version__,
        data_versions=data_versions,
    )


def failed_result(task: Task, code: str, reason: str, seconds: float = 0.0) -> Result:
    """The ``failed`` result of a task that could not finish (its worker died, say)."""
    doc, versions, digest, carried = task
    entry = new_entry(doc, versions)
    entry.content_hash = digest
    entry.status, entry.code, entry.reason, entry.seconds = "failed", code, reason, seconds
    return None, entry, carried


def run_document(
    pipeline: Pipeline, doc: Document, data_versions: str
) -> tuple[Document | None, LedgerEntry]:
    """Run the pipeline on one document within ``doc_timeout_s``; a failure becomes a
    ``failed`` ledger row (an unusable document a ``rejected`` one)."""
    started = time.perf_counter()
    entry = new_entry(doc, data_versions)
    try:
        with time_budget(pipeline.settings.doc_timeout_s):
            doc = pipeline(doc)
    except EventwireError as exc:
        entry.status = "rejected" if not isinstance(exc, StageError) else "failed"
        entry.code = exc.code
        entry.reason = str(exc)
        entry.stage = exc.stage if isinstance(exc, StageError) else None
        entry.seconds = time.perf_counter() - started
        return None, entry
    except DocumentTimeout as exc:
        entry.status = "failed"
        entry.code = TIMEOUT_CODE
        entry.reason = timeout_reason(exc.seconds, exc.stage)
        entry.stage = exc.stage
        entry.seconds = time.perf_counter() - started
        return None, entry
    entry.n_events = len(doc.events)
    entry.seconds = time.perf_counter() - started
    return doc, entry


def parse_ahead(pipeline: Pipeline, docs: Sequence[Document]) -> None:
    """Parse the candidate sentences of ``docs`` together, before each runs on its own.

    spaCy is much faster on one call with many short texts than on many calls with few;
    the results wait in the stage that has ``parse_ahead`` (the NLP stage) for each
    document's own run. The stages before it run here on a shallow copy of each
    document, and only when they are known to leave the document alone
    (``COPY_SAFE_STAGES``); a document they fail on, or that runs out of time here, is
    simply left to its own run, which then fails it the usual way. The others' own runs
    take those stages' results from the copy (``Pipeline.ran_ahead``) instead of running
    them twice. The output is the same with or without this step.
    """
    index = next((i for i, s in enumerate(pipeline.stages) if hasattr(s, "parse_ahead")), None)
    if index is None or len(docs) < 2:
        return
    head = pipeline.stages[:index]
    if any(stage.name not in COPY_SAFE_STAGES for stage in head):
        return
    budget = pipeline.settings.doc_timeout_s
    runs: list[tuple[Document, Document, Document]] = []
    for doc in docs:
        probe = copy.copy(doc)
        timings = dict(doc.timings)
        try:
            with time_budget(budget):
                for stage in head:
                    started = time.perf_counter()
                    probe = stage(probe)
                    timings[stage.name] = timings.get(stage.name, 0.0) + (
                        time.perf_counter() - started
                    )
        except (Exception, DocumentTimeout):  # its own run will say what went wrong
            continue
        probe.timings = timings
        runs.append((doc, copy.copy(doc), probe))
    try:
        with time_budget(budget):
            ready = [(id(doc), probe) for doc, _, probe in runs]
            pipeline.stages[index].parse_ahead(ready)  # type: ignore[attr-defined]
    except (Exception, DocumentTimeout):  # every document then parses in its own run
        pipeline.ran_ahead([], 0)
        return
    # each document's own run starts at the parser: the stages before it ran here
    pipeline.ran_ahead(runs, index)


def run_tasks(pipeline: Pipeline, tasks: Sequence[Task]) -> list[Result]:
    """Run several tasks, their candidate sentences parsed together (:func:`parse_ahead`)."""
    parse_ahead(pipeline, [task[0] for task in tasks])
    return [run_task(pipeline, task) for task in tasks]


def run_task(pipeline: Pipeline, task: Task) -> Result:
    """The per-document work every executor does: run the document, stamp its hash."""
    doc, versions, digest, carried = task
    result, entry = run_document(pipeline, doc, versions)
    entry.content_hash = digest
    return result, entry, carried

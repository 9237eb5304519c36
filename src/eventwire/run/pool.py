"""The process pool of ``--workers N``, which survives a dying worker.

Each worker is a spawned process that builds one Pipeline and then codes the documents
handed to it over its own pipe in chunks of up to ``DOCS_AHEAD``: the candidate sentences
of a chunk are parsed in one ``nlp.pipe`` call (:func:`~eventwire.run.tasks.parse_ahead`,
as the serial executor does), then each document runs on its own. The worker says when it
starts parsing a chunk ahead (``ahead``) and when it starts and finishes each document
(``begin``, ``done``), so the parent always knows which documents each worker holds and
which one it is coding. When a worker dies (``kill -9``, the OOM killer, a segfault,
``os._exit``) only the document it was coding is lost: it is recorded as ``failed`` with
EW-RUN-001 and the exit status, the rest of its chunk goes back to the queue, a fresh
worker takes the dead one's place and the run goes on; a rerun with ``--retry-failed``
codes it again. A worker that dies while parsing a chunk ahead has no single document to
blame: its documents go back one per message (no parsing ahead), so that a document that
kills workers is found and costs only itself. A worker still busy ``HARD_GRACE_S`` after
its document's ``doc_timeout_s`` ran out (stuck in C code, where ``SIGALRM`` cannot stop
it) is killed and the document recorded as timed out (EW-RUN-002); parsing a chunk ahead
gets one budget per document of the chunk and one for the parse.

``concurrent.futures.ProcessPoolExecutor`` is not used because it kills every worker when
one dies (losing the documents the others were coding and reloading every Pipeline), and
it cannot say which process died or how.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

from eventwire.config import Settings, one_thread_per_worker
from eventwire.errors import ConfigError, EventwireError
from eventwire.pipeline.base import Pipeline
from eventwire.run.collector import use_run_thresholds
from eventwire.run.tasks import (
    DOCS_AHEAD,
    Result,
    Results,
    Task,
    failed_result,
    parse_ahead,
    run_task,
    timeout_reason,
)

HARD_GRACE_S = 30.0  # how long past doc_timeout_s a worker may stay busy before it is killed
CHUNK = DOCS_AHEAD  # documents per message to a worker (parsed ahead together)
WINDOW_PER_WORKER = 3 * CHUNK  # documents out ahead of the oldest unfinished one, per worker
MAX_START_DEATHS = 3  # workers in a row that die before they are ready: give up

Chunk = list[tuple[int, Task]]  # (input position, task) pairs sent to a worker at once


def available_cpus() -> int:
    """The cores this process may run on (its CPU affinity, else the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def auto_workers(cpus: int | None = None) -> int:
    """``--workers auto``: one worker per available core, at least one.

    The parent reads, plans and writes while the workers code, but it mostly waits; one
    worker per core keeps every core busy without two workers sharing one.

    >>> auto_workers(1), auto_workers(2), auto_workers(16)
    (1, 2, 16)
    """
    return max(1, cpus if cpus is not None else available_cpus())


def parse_workers(value: str | int) -> int:
    """A ``--workers`` value: a positive number or ``auto``; ValueError otherwise.

    >>> parse_workers("3"), parse_workers(" AUTO ") >= 1
    (3, True)
    """
    text = str(value).strip().lower()
    if text == "auto":
        return auto_workers()
    number = int(text)
    if number < 1:
        raise ValueError(f"workers must be at least 1, not {number}")
    return number


def _worker_main(conn: Connection, settings: Settings) -> None:
    """A worker: build the Pipeline, say ready, then code each chunk sent until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    one_thread_per_worker()  # before the Pipeline loads numpy and the model
    use_run_thresholds()  # a worker codes documents and nothing else
    try:
        pipeline = Pipeline.from_settings(settings)
    except EventwireError as exc:
        message = exc.args[0] if exc.args else ""
        conn.send(("error", isinstance(exc, ConfigError), str(message), exc.code))
        return
    conn.send(("ready", None))
    while True:
        try:
            message = conn.recv()
        except EOFError:  # the parent has gone
            return
        if message is None:
            return
        _run_chunk(conn, pipeline, message)


def _run_chunk(conn: Connection, pipeline: Pipeline, chunk: Chunk) -> None:
    """Parse the chunk's candidate sentences together, then code each document, saying
    when each step starts and sending each result as soon as it is ready."""
    if len(chunk) > 1:
        conn.send(("ahead", len(chunk)))
        parse_ahead(pipeline, [task[0] for _, task in chunk])
    for seq, task in chunk:
        conn.send(("begin", seq))
        result = run_task(pipeline, task)
        try:
            conn.send(("done", seq, result))
        except Exception as exc:  # e.g. a result that cannot be pickled
            conn.send(("unsent", seq, f"{type(exc).__name__}: {exc}"))


@dataclass
class _Worker:
    """The parent's handle on one worker process and the documents it holds."""

    process: BaseProcess
    conn: Connection
    ready: bool = False
    held: dict[int, Task] = field(default_factory=dict)  # sent, not yet done, by position
    seq: int | None = None  # the document it is coding now (after "begin"), by position
    started: float = 0.0  # when its current step (parse ahead, or document) began
    deadline: float | None = None  # when it is overdue (None: not busy, or no time budget)

    @property
    def task(self) -> Task | None:
        """The document it is coding now, if any."""
        return self.held.get(self.seq) if self.seq is not None else None


def exit_status(exitcode: int | None) -> str:
    """How a process ended, for a ledger reason: ``signal 9 (SIGKILL)`` or ``exit code 1``."""
    if exitcode is None:
        return "unknown exit status"
    if exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            return f"signal {-exitcode}"
        return f"signal {-exitcode} ({name})"
    return f"exit code {exitcode}"


@dataclass
class _Run:
    """The state of one ``PoolExecutor.map``: workers, documents out, results waiting."""

    settings: Settings
    ctx: Any = field(default_factory=lambda: mp.get_context("spawn"))
    workers: list[_Worker] = field(default_factory=list)
    done: dict[int, Result] = field(default_factory=dict)
    start_deaths: int = 0
    # documents of dead workers to hand out again, with whether each goes alone
    again: deque[tuple[int, Task, bool]] = field(default_factory=deque)

    def start_worker(self) -> _Worker:
        parent, child = self.ctx.Pipe()
        process = self.ctx.Process(
            target=_worker_main, args=(child, self.settings), name="eventwire-worker", daemon=True
        )
        process.start()
        child.close()
        worker = _Worker(process, parent)
        self.workers.append(worker)
        return worker

    def hand_out(self, worker: _Worker, chunk: Chunk) -> bool:
        """Send a chunk of tasks to a worker; False when the worker has just died (its
        documents are then queued again)."""
        worker.held.update(chunk)
        try:
            worker.conn.send(chunk)
        except OSError:  # its death is taken in by the next check
            return False
        return True

    def step(self, worker: _Worker, seq: int | None, budgets: int) -> None:
        """The worker began a step (a document, or parsing a chunk ahead) that may take
        ``budgets`` time budgets."""
        worker.seq, worker.started = seq, time.monotonic()
        budget = self.settings.doc_timeout_s
        worker.deadline = worker.started + budgets * budget + HARD_GRACE_S if budget > 0 else None

    def finish(self, worker: _Worker, seq: int, result: Result) -> None:
        self.done[seq] = result
        worker.held.pop(seq, None)
        if worker.seq == seq:
            worker.seq, worker.deadline = None, None

    def receive(self, worker: _Worker) -> None:
        """Handle every message waiting from ``worker``."""
        while worker.conn.poll():
            message = worker.conn.recv()
            kind = message[0]
            if kind == "ready":
                worker.ready, self.start_deaths = True, 0
            elif kind == "ahead":
                self.step(worker, None, message[1] + 1)
            elif kind == "begin":
                self.step(worker, message[1], 1)
            elif kind == "done":
                self.finish(worker, message[1], message[2])
            elif kind == "unsent":
                task = worker.held[message[1]]
                reason = f"[EW-RUN-003] the worker could not send the result back: {message[2]}"
                self.finish(worker, message[1], failed_result(task, "EW-RUN-003", reason))
            else:  # "error": the worker could not build its Pipeline (as SerialExecutor raises)
                _, config, text, code = message
                raise (ConfigError if config else EventwireError)(text, code)

    def bury(self, worker: _Worker, reason: str, code: str = "EW-RUN-001") -> None:
        """Record the dead ``worker``'s document as failed, queue the rest of what it held
        again, and start another worker in its place."""
        worker.process.join(5)
        with contextlib.suppress(EOFError, OSError):  # what it said before it died
            self.receive(worker)
        worker.conn.close()
        self.workers.remove(worker)
        task, seq = worker.task, worker.seq
        if task is not None and seq is not None:
            seconds = time.monotonic() - worker.started
            self.finish(worker, seq, failed_result(task, code, reason, seconds))
        # died inside a document: the others are innocent; outside one (parsing the chunk
        # ahead), any of them may be to blame, so each goes alone and is found out
        alone = task is None
        self.again.extend((s, t, alone) for s, t in sorted(worker.held.items()))
        if not worker.ready:
            self.start_deaths += 1
            if self.start_deaths >= MAX_START_DEATHS:
                raise EventwireError(
                    f"pool workers keep dying before they are ready (last: "
                    f"{exit_status(worker.process.exitcode)}); try --workers 1 to see why",
                    "EW-RUN-004",
                )
        self.start_worker()

    def check(self, ready: list[Any]) -> None:
        """Take in results, bury dead workers and kill those far past their time budget."""
        budget = self.settings.doc_timeout_s
        for worker in list(self.workers):
            if worker.conn in ready or worker.process.sentinel in ready:
                with contextlib.suppress(EOFError, OSError):  # EOF: it died while sending
                    self.receive(worker)
            if not worker.process.is_alive():
                worker.process.join(5)
                status = exit_status(worker.process.exitcode)
                self.bury(
                    worker,
                    f"[EW-RUN-001] worker process died ({status}) while coding this document; "
                    "rerun with --retry-failed to try it again",
                )
            elif self.overdue(worker, budget):
                worker.process.kill()
                self.bury(worker, timeout_reason(budget, None, killed=True), "EW-RUN-002")

    @staticmethod
    def overdue(worker: _Worker, budget: float) -> bool:
        """Whether ``worker`` is still busy with its step far past the time budget."""
        return budget > 0 and worker.deadline is not None and time.monotonic() > worker.deadline

    def next_deadline(self) -> float | None:
        """Seconds until the earliest hard time limit of a busy worker (None: no limit)."""
        deadlines = [w.deadline for w in self.workers if w.deadline is not None]
        if self.settings.doc_timeout_s <= 0 or not deadlines:
            return None
        return max(0.0, min(deadlines) - time.monotonic() + 0.05)

    def stop(self) -> None:
        """Ask idle workers to stop, kill busy ones (an interrupted run) and the slow."""
        for worker in self.workers:
            if worker.held:
                worker.process.kill()
                continue
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        for worker in self.workers:
            worker.process.join(5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
        self.workers.clear()


class PoolExecutor:
    """Runs tasks on ``workers`` spawned processes, each with its own Pipeline.

    A worker that dies costs only the document it was coding (recorded as ``failed``);
    see :mod:`eventwire.run.pool`. The task iterable is consumed in the caller's thread.
    """

    name = "pool"
    default_batch_size = 128  # the runner also commits at least every FLUSH_WAIT_S

    def __init__(self, settings: Settings, workers: int) -> None:
        self.settings = settings
        self.workers = max(1, workers)

    def map(self, tasks: Iterable[Task]) -> Results:
        run = _Run(self.settings)
        queue = _Queue(iter(tasks), run.again, WINDOW_PER_WORKER * self.workers)
        if queue.exhausted:  # no tasks, no workers
            return
        try:
            for _ in range(self.workers):
                run.start_worker()
            while True:
                for worker in run.workers:
                    # a worker gets its next chunk while it still has half of one to code
                    if worker.ready and len(worker.held) <= CHUNK // 2:
                        chunk = queue.take()
                        if chunk:
                            run.hand_out(worker, chunk)
                while queue.next_out in run.done:
                    yield run.done.pop(queue.next_out)
                    queue.next_out += 1
                if queue.finished:
                    return
                handles = [w.conn for w in run.workers] + [w.process.sentinel for w in run.workers]
                run.check(wait(handles, timeout=run.next_deadline()))
        finally:
            run.stop()


@dataclass
class _Queue:
    """The documents still to hand out: those of dead workers first, then new ones, never
    more than ``window`` past the oldest unfinished one (so results wait in memory only
    that long)."""

    todo: Iterator[Task]
    again: deque[tuple[int, Task, bool]]
    window: int
    next_seq: int = 0  # input position of the next new document
    next_out: int = 0  # input position of the next result to yield
    held: Task | None = None  # the next new document, read ahead

    def __post_init__(self) -> None:
        self.held = next(self.todo, None)

    @property
    def exhausted(self) -> bool:
        return self.held is None and not self.again

    @property
    def finished(self) -> bool:
        return self.exhausted and self.next_out == self.next_seq

    def take(self) -> Chunk:
        """The next chunk for a worker (empty when there is none to give now)."""
        if self.again:
            seq, task, alone = self.again.popleft()
            chunk = [(seq, task)]
            while not alone and self.again and len(chunk) < CHUNK and not self.again[0][2]:
                seq, task, _ = self.again.popleft()
                chunk.append((seq, task))
            return chunk
        chunk = []
        while self.held is not None and len(chunk) < CHUNK:
            if self.next_seq - self.next_out >= self.window:
                break
            chunk.append((self.next_seq, self.held))
            self.next_seq += 1
            self.held = next(self.todo, None)
        return chunk

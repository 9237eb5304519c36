"""The process pool hands out chunks: what goes back to the queue when a worker dies.

Workers get up to ``CHUNK`` documents per message (parsed ahead together). A worker that
dies inside a document costs that document only; the rest of its chunk is handed out
again as chunks. One that dies outside a document (parsing the chunk ahead) has no single
document to blame, so each of its documents goes out alone. The end-to-end behaviour with
real faults is in ``test_runner_faults.py``.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque

from eventwire.config import load_settings
from eventwire.records import Document
from eventwire.run.pool import CHUNK, _Queue, _Run, _Worker
from eventwire.run.tasks import Task

STRUCTURE_ONLY = ("eventwire.structure.v1",)


def make_tasks(n: int) -> list[Task]:
    return [(Document(text=f"Note {i} on the harbour works."), "{}", f"h{i}", []) for i in range(n)]


def test_the_queue_hands_out_chunks_within_the_window() -> None:
    queue = _Queue(iter(make_tasks(40)), deque(), window=2 * CHUNK)
    first = queue.take()
    second = queue.take()
    assert [s for s, _ in first] == list(range(CHUNK))
    assert [s for s, _ in second] == list(range(CHUNK, 2 * CHUNK))
    assert queue.take() == []  # the window is full until results are yielded
    queue.next_out = CHUNK
    assert [s for s, _ in queue.take()] == list(range(2 * CHUNK, 40))
    assert queue.exhausted and not queue.finished


def test_documents_sent_back_alone_go_out_one_per_chunk() -> None:
    tasks = make_tasks(5)
    again = deque([(0, tasks[0], True), (1, tasks[1], True), (3, tasks[3], False)])
    again.append((4, tasks[4], False))
    queue = _Queue(iter([]), again, window=CHUNK)
    assert [s for s, _ in queue.take()] == [0]
    assert [s for s, _ in queue.take()] == [1]
    assert [s for s, _ in queue.take()] == [3, 4]
    assert queue.take() == [] and queue.exhausted


def _dead_worker(run: _Run, held: dict[int, Task], seq: int | None) -> _Worker:
    """A real process that has exited, as the parent sees a worker that died."""
    ctx = mp.get_context("spawn")
    parent, child = ctx.Pipe()
    process = ctx.Process(target=_exit_at_once)
    process.start()
    process.join(60)
    child.close()
    worker = _Worker(process, parent, ready=True, held=dict(held), seq=seq)
    run.workers.append(worker)
    return worker


def _exit_at_once() -> None:
    raise SystemExit(3)


def test_a_death_inside_a_document_costs_that_document_only() -> None:
    tasks = make_tasks(4)
    run = _Run(load_settings(env={}, stages=STRUCTURE_ONLY))
    try:
        worker = _dead_worker(run, dict(enumerate(tasks)), seq=1)
        run.bury(worker, "[EW-RUN-001] worker process died")
        assert list(run.done) == [1]
        assert run.done[1][1].status == "failed" and run.done[1][1].code == "EW-RUN-001"
        assert [(s, alone) for s, _, alone in run.again] == [(0, False), (2, False), (3, False)]
        assert len(run.workers) == 1 and run.workers[0] is not worker  # a fresh one
    finally:
        run.stop()


def test_a_death_while_parsing_ahead_sends_every_document_back_alone() -> None:
    tasks = make_tasks(3)
    run = _Run(load_settings(env={}, stages=STRUCTURE_ONLY))
    try:
        worker = _dead_worker(run, dict(enumerate(tasks)), seq=None)
        run.bury(worker, "[EW-RUN-001] worker process died")
        assert run.done == {}
        assert [(s, alone) for s, _, alone in run.again] == [(0, True), (1, True), (2, True)]
    finally:
        run.stop()

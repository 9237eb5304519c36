"""Executors: where the per-document work of a run happens.

An executor turns planned tasks into results, in input order, and nothing else: planning
against the ledger, batching store writes, progress, retries and clustering belong to the
:class:`~eventwire.run.runner.Runner`, so every run option behaves the same on every
executor. Three are built in:

- :class:`SerialExecutor`: one Pipeline in this process (``--workers 1``);
- :class:`~eventwire.run.pool.PoolExecutor`: spawned worker processes, one Pipeline
  each (``--workers N``); a worker that dies costs only the document it was coding;
- :class:`RayExecutor`: a Ray Data actor pool on a local or remote Ray cluster
  (``--engine ray``; Ray is imported only when one is built).

Each worker builds the Pipeline (spaCy model, dictionaries, gazetteer) once and runs
:func:`~eventwire.run.tasks.run_task` per document, so results are the same whatever
runs them, and every document has the same time budget (``doc_timeout_s``).
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator
from typing import Any, Protocol

from eventwire.config import Settings, quiet_ray_usage_stats
from eventwire.errors import ConfigError
from eventwire.pipeline.base import Pipeline
from eventwire.run.collector import run_thresholds, use_run_thresholds
from eventwire.run.pool import PoolExecutor
from eventwire.run.tasks import (
    DOCS_AHEAD,
    Result,
    Results,
    Task,
    run_document,
    run_task,
    run_tasks,
)

__all__ = [
    "ENGINES",
    "Executor",
    "PoolExecutor",
    "RayExecutor",
    "Result",
    "Results",
    "SerialExecutor",
    "Task",
    "make_executor",
    "run_document",
    "run_task",
    "run_tasks",
]

ENGINES = ("local", "ray")
RAY_EXTRA = "pip install 'eventwire[ray]'"
DOCS_PER_BATCH = 4  # documents per Ray map_batches call: small, so actors share work evenly


class Executor(Protocol):
    """Runs tasks and yields their results in input order.

    ``map`` is a generator: it starts its workers when first advanced and stops them when
    exhausted or closed. ``default_batch_size`` is the store transaction size a run uses
    when none is given.
    """

    @property
    def name(self) -> str: ...

    @property
    def default_batch_size(self) -> int: ...

    def map(self, tasks: Iterable[Task]) -> Results: ...


def chunked(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    """The tasks in lists of ``size`` (the last may be shorter), read lazily."""
    chunk: list[Task] = []
    for task in tasks:
        chunk.append(task)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class SerialExecutor:
    """Runs every task in this process with one Pipeline (built on first use, then kept).

    Tasks are taken ``DOCS_AHEAD`` at a time so that their candidate sentences are parsed
    in one call (:func:`~eventwire.run.tasks.run_tasks`); results still come one by one,
    in input order. While it runs, the garbage collector runs less often
    (:func:`~eventwire.run.collector.run_thresholds`).
    """

    name = "serial"
    default_batch_size = 128  # the runner also commits at least every FLUSH_WAIT_S

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._pipeline: Pipeline | None = None

    def map(self, tasks: Iterable[Task]) -> Results:
        if self._pipeline is None:
            self._pipeline = Pipeline.from_settings(self.settings)
        pipeline = self._pipeline
        with run_thresholds():
            for chunk in chunked(tasks, DOCS_AHEAD):
                yield from run_tasks(pipeline, chunk)


# -- Ray --------------------------------------------------------------------------------
def import_ray() -> Any:
    """Import Ray Data, or explain which extra to install."""
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise ConfigError(
            f"--engine ray needs Ray Data, which is not installed ({exc}); install it with "
            f"{RAY_EXTRA} (or use --engine local)",
            "EW-CFG-030",
        ) from exc
    return ray


def start_ray(ray: Any, workers: int, address: str | None) -> bool:
    """Join ``address`` or start a local cluster; return True when this call started Ray."""
    if ray.is_initialized():
        return False
    import logging

    logging.getLogger("ray").setLevel(logging.WARNING)  # no INFO chatter on the terminal
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    # Local clusters must not phone home; workers must not print to our stdout.
    quiet_ray_usage_stats()
    kwargs: dict[str, Any] = {
        "include_dashboard": False,
        "log_to_driver": False,
        "logging_level": "ERROR",
    }
    if address:
        ray.init(address=address, **kwargs)
    else:
        ray.init(num_cpus=max(1, workers), **kwargs)
    return True


class PipelineActor:
    """A Ray actor that builds the Pipeline once and runs batches of pickled tasks."""

    def __init__(self, settings: Settings) -> None:
        use_run_thresholds()  # the actor's process codes documents and nothing else
        self.pipeline = Pipeline.from_settings(settings)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        tasks: list[Task] = [pickle.loads(payload) for payload in batch["task"]]
        results = [pickle.dumps(r, protocol=5) for r in run_tasks(self.pipeline, tasks)]
        return {"seq": batch["seq"], "result": results}


class RayExecutor:
    """Runs tasks on a Ray Data actor pool of ``workers`` actors, one CPU each.

    The tasks become a Ray Dataset (so they are all planned before Ray starts);
    ``map_batches`` runs them through :class:`PipelineActor` and the results stream back
    in input order. A local cluster with ``workers`` CPUs is started, and shut down
    afterwards, unless Ray is already initialised or ``address`` names a cluster to join.
    No tasks, no cluster.
    """

    name = "ray"
    default_batch_size = 128  # store rows per transaction: 128 writes ~2x faster than 32

    def __init__(self, settings: Settings, workers: int, address: str | None = None) -> None:
        self.ray = import_ray()  # fail before anything is read or written
        self.settings = settings
        self.workers = max(1, workers)
        self.address = address

    def map(self, tasks: Iterable[Task]) -> Results:
        todo = list(tasks)
        if not todo:
            return
        started = start_ray(self.ray, self.workers, self.address)
        try:
            yield from self._results(todo)
        finally:
            if started:
                self.ray.shutdown()

    def _results(self, tasks: list[Task]) -> Results:
        ray = self.ray
        ctx = ray.data.DataContext.get_current()
        ctx.execution_options.preserve_order = True  # same order as the other executors
        ctx.enable_progress_bars = False
        rows = [{"seq": i, "task": pickle.dumps(t, protocol=5)} for i, t in enumerate(tasks)]
        blocks = max(1, min(len(rows), self.workers * 8))
        ds = ray.data.from_items(rows, override_num_blocks=blocks)
        ds = ds.map_batches(
            PipelineActor,
            fn_constructor_args=(self.settings,),
            batch_size=DOCS_PER_BATCH,
            batch_format="numpy",
            num_cpus=1,
            compute=ray.data.ActorPoolStrategy(size=self.workers),
        )
        for batch in ds.iter_batches(batch_size=None, batch_format="numpy"):
            for payload in batch["result"]:
                yield pickle.loads(payload)


def make_executor(
    settings: Settings, engine: str = "local", workers: int = 1, address: str | None = None
) -> Executor:
    """The executor for ``--engine``/``--workers``: local 1 = serial, local N = pool, ray."""
    if engine == "ray":
        return RayExecutor(settings, workers, address)
    if engine != "local":
        raise ConfigError(f"unknown engine {engine!r}; use {' or '.join(ENGINES)}", "EW-CFG-031")
    return SerialExecutor(settings) if workers <= 1 else PoolExecutor(settings, workers)

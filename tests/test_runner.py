"""The one runner: every executor writes the same store, and every run option (retry of
failed inputs, batch size, progress, clustering afterwards) behaves the same on each."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import eventwire.dedup.cluster
from eventwire.config import Settings, load_settings
from eventwire.db.store import Store
from eventwire.pipeline.base import Resources, register_stage
from eventwire.records import Document, LedgerEntry
from eventwire.run.executors import (
    Executor,
    PoolExecutor,
    RayExecutor,
    SerialExecutor,
    make_executor,
)
from eventwire.run.runner import Runner, process

# Our own short reports (not from the corpus). r5 repeats r1's text (linked to r1's document),
# r3 and r7 are too short (skipped by the reader), r2 has no event.
ATTACK = (
    "Gunmen killed two police officers in Mosul on Monday. Later, a roadside bomb exploded "
    "near a market in Kirkuk, wounding four civilians."
)
REPORTS = [
    {"id": "r1", "published": "2021-03-02", "text": ATTACK},
    {
        "id": "r2",
        "published": "2021-03-03",
        "text": "The city council approved a new budget for parks and libraries on Tuesday.",
    },
    {"id": "r3", "text": "ok"},
    {
        "id": "r4",
        "published": "2021-04-10",
        "text": "Hundreds of protesters marched through Basra demanding jobs and electricity. "
        "Police fired tear gas to disperse them.",
    },
    {"id": "r5", "published": "2021-03-02", "text": ATTACK},
    {
        "id": "r6",
        "published": "2021-03-02",
        "text": "Two police officers were killed by gunmen in Mosul on Monday, officials said.",
    },
    {"id": "r7", "text": "no"},
]
RUN_BY_PIPELINE = ["r1", "r2", "r4", "r6"]  # the inputs that reach an executor
BROKEN = "test.runner.broken.v1"


class Broken:
    """A stage that fails every document (so the ledger says ``failed``)."""

    name = BROKEN
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def __call__(self, doc: Document) -> Document:
        raise RuntimeError("broken on purpose")


@register_stage(BROKEN)
def _make_broken(settings: Settings, resources: Resources) -> Broken:
    return Broken()


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("in") / "reports.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in REPORTS), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def serial() -> SerialExecutor:
    """One in-process executor for the module: it builds the Pipeline once."""
    return SerialExecutor(load_settings(env={}))


def dump(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table a run writes, without the columns that hold wall-clock times."""
    queries = {
        "documents": "SELECT * EXCLUDE (processed_at) FROM documents ORDER BY doc_id",
        "events": "SELECT * FROM events ORDER BY event_id",
        "ledger": "SELECT * EXCLUDE (recorded_at, seconds) FROM ledger ORDER BY input",
        "canonical": "SELECT * EXCLUDE (clustered_at) FROM canonical_events ORDER BY 1",
        "members": "SELECT * FROM canonical_members ORDER BY ALL",
        "sources": "SELECT * EXCLUDE (linked_at) FROM document_sources ORDER BY ALL",
    }
    with Store.open(str(db), read_only=True) as store:
        return {name: store.con.execute(sql).fetchall() for name, sql in queries.items()}


@pytest.fixture(scope="module")
def reference(
    source: Path, serial: SerialExecutor, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, list[tuple[Any, ...]]]:
    """The store a plain serial run (default batch size, clustering) writes."""
    db = tmp_path_factory.mktemp("ref") / "ref.duckdb"
    summary = Runner(load_settings(env={}, db=str(db)), serial, cluster=True).run([str(source)])
    # r5 (r1's text) is processed by a link to r1's document, not run again
    assert summary.events > 0 and summary.counts["processed"] == len(RUN_BY_PIPELINE) + 1
    tables = dump(db)
    assert tables["events"] and tables["canonical"]  # so the comparisons mean something
    return tables


class Counting:
    """Records every ``Store.write_batch`` and ``cluster_store`` call of a run."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, store: Store) -> None:
        self.batches: list[list[LedgerEntry]] = []
        self.clusterings = 0
        write, cluster = store.write_batch, eventwire.dedup.cluster.cluster_store

        def write_batch(docs: Any, ledger: Any, versions: str = "{}", **kwargs: Any) -> None:
            self.batches.append(list(ledger))
            write(docs, ledger, versions, **kwargs)

        def cluster_store(*args: Any, **kwargs: Any) -> Any:
            self.clusterings += 1
            return cluster(*args, **kwargs)

        monkeypatch.setattr(store, "write_batch", write_batch)
        monkeypatch.setattr(eventwire.dedup.cluster, "cluster_store", cluster_store)


def _pool() -> Executor:
    return PoolExecutor(load_settings(env={}), workers=2)


def _ray() -> Executor:
    pytest.importorskip("ray.data")
    return RayExecutor(load_settings(env={}), workers=2)


@pytest.fixture(
    params=[
        "serial",
        "pool",
        pytest.param("ray", marks=pytest.mark.slow),
    ]
)
def executor(request: pytest.FixtureRequest, serial: SerialExecutor) -> Iterator[Executor]:
    yield {"serial": lambda: serial, "pool": _pool, "ray": _ray}[request.param]()


def test_every_executor_writes_the_same_store(
    executor: Executor,
    source: Path,
    reference: dict[str, list[tuple[Any, ...]]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = tmp_path / "ew.duckdb"
    # First a run whose pipeline fails every document: failed rows for the retry to redo.
    broken = load_settings(env={}, db=str(db), stages=(BROKEN,))
    first = Runner(broken, SerialExecutor(broken)).run([str(source)])
    assert first.counts["failed"] == len(RUN_BY_PIPELINE) and first.exit_code == 1
    settings = load_settings(env={}, db=str(db))
    with Store.open(str(db)) as store:
        # Without retry_failed nothing runs again.
        again = Runner(settings, executor).run([str(source)], store)
        assert again.already_done == len(REPORTS) and not again.counts
        counting = Counting(monkeypatch, store)
        seen: list[LedgerEntry] = []
        summary = Runner(
            settings,
            executor,
            retry_failed=True,
            batch_size=3,
            on_result=seen.append,
            cluster=True,
        ).run([str(source)], store)
    # retry_failed re-ran exactly the failed inputs; the rejections and the duplicate stay.
    assert summary.counts == {"processed": len(RUN_BY_PIPELINE)}
    assert summary.already_done == len(REPORTS) - len(RUN_BY_PIPELINE)
    # batch_size: transactions of 3 ledger rows, the remainder in a last one.
    assert [len(batch) for batch in counting.batches] == [3, 1]
    # progress: every ledger row the run wrote, in the order it was committed.
    written = [entry.input for batch in counting.batches for entry in batch]
    assert [entry.input for entry in seen] == written
    assert sorted(i.rsplit("#", 1)[1] for i in written) == RUN_BY_PIPELINE
    # clustering: once, after everything was written, covering every new event.
    assert counting.clusterings == 1
    assert summary.clusters is not None and summary.clusters.new_events == summary.events
    assert dump(db) == reference


def test_plain_runs_batch_with_rejections_in_input_order(
    source: Path, serial: SerialExecutor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = load_settings(env={}, db=str(tmp_path / "ew.duckdb"))
    with Store.open(settings.db) as store:
        counting = Counting(monkeypatch, store)
        seen: list[str] = []
        summary = Runner(
            settings, serial, batch_size=2, on_result=lambda e: seen.append(e.input)
        ).run([str(source)], store)
        stored = {row["input"] for row in store.ledger()}
    # r3 travels with r4 and r5 with r6, so rows reach the store in input order; the
    # trailing skipped r7 gets a transaction of its own.
    ids = [[e.input.rsplit("#", 1)[1] for e in batch] for batch in counting.batches]
    assert ids == [["r1", "r2"], ["r3", "r4"], ["r5", "r6"], ["r7"]]
    assert seen == [e.input for batch in counting.batches for e in batch]
    assert set(seen) == stored and len(seen) == len(REPORTS)
    assert counting.clusterings == 0 and summary.clusters is None  # not asked for
    # r5 is processed by linking it to r1's document; r3 and r7 are skipped
    assert summary.counts == {"processed": len(RUN_BY_PIPELINE) + 1, "skipped": 2}


def test_the_front_doors_cluster_through_the_runner(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    import eventwire
    from eventwire.cli import app

    calls: list[str] = []
    cluster = eventwire.dedup.cluster.cluster_store

    def counting(store: Store, *args: Any, **kwargs: Any) -> Any:
        calls.append(store.path)
        return cluster(store, *args, **kwargs)

    monkeypatch.setattr(eventwire.dedup.cluster, "cluster_store", counting)
    cli_db, api_db = str(tmp_path / "cli.duckdb"), str(tmp_path / "api.duckdb")
    result = CliRunner().invoke(app, ["process", str(source), "--db", cli_db, "-q"])
    assert result.exit_code == 0, result.output
    assert "new events clustered" in result.stderr
    summary = eventwire.process(source, db=api_db, batch_size=2)
    assert calls == [cli_db, api_db]
    assert summary.clusters is not None and summary.clusters.new_events == summary.events
    result = CliRunner().invoke(app, ["process", str(source), "--db", cli_db, "--no-cluster"])
    assert "already in the ledger" in result.stderr and calls == [cli_db, api_db]
    assert dump(Path(cli_db)) == dump(Path(api_db))


def test_make_executor_follows_engine_and_workers() -> None:
    settings = load_settings(env={})
    assert isinstance(make_executor(settings), SerialExecutor)
    assert isinstance(make_executor(settings, "local", workers=1), SerialExecutor)
    pool = make_executor(settings, "local", workers=3)
    assert isinstance(pool, PoolExecutor) and pool.workers == 3
    from eventwire.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown engine"):
        make_executor(settings, "dask")
    assert process([], settings.replace(db=":memory:")).counts == {}

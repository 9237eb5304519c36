"""The runner's batch writer: a transaction per ``batch_size`` ledger rows, and with a
wait limit (runs given no batch size) also once the limit has passed since the last one."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.records import LedgerEntry
from eventwire.run import runner as runner_mod
from eventwire.run.runner import BatchWriter, RunSummary


class FakeStore:
    """Records the ledger inputs of every write_batch call (one transaction each)."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def write_batch(self, docs: Any, ledger: Any, *args: Any, **kwargs: Any) -> None:
        self.batches.append([entry.input for entry in ledger])


def _result(name: str) -> tuple[None, LedgerEntry, list[LedgerEntry]]:
    return None, LedgerEntry(input=name, content_hash=None, status="rejected"), []


def test_rows_are_written_per_batch_size_without_a_wait_limit() -> None:
    store = FakeStore()
    writer = BatchWriter(store, RunSummary(), "{}", 3)  # type: ignore[arg-type]
    for name in "abcdefg":
        writer.add(_result(name))
    writer.flush()
    assert store.batches == [["a", "b", "c"], ["d", "e", "f"], ["g"]]


def test_a_wait_limit_writes_what_waited_too_long(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [100.0]
    monkeypatch.setattr(runner_mod.time, "monotonic", lambda: clock[0])
    store = FakeStore()
    seen: list[str] = []
    writer = BatchWriter(
        store,  # type: ignore[arg-type]
        RunSummary(),
        "{}",
        128,
        on_result=lambda e: seen.append(e.input),
        max_wait_s=5.0,
    )
    for name, at in (("a", 101.0), ("b", 104.9), ("c", 105.0), ("d", 106.0), ("e", 110.0)):
        clock[0] = at
        writer.add(_result(name))
    assert store.batches == [["a", "b", "c"], ["d", "e"]]  # 5 s after 100, then after 105
    assert seen == ["a", "b", "c", "d", "e"]  # each reported once its batch is committed
    writer.flush()
    assert store.batches == [["a", "b", "c"], ["d", "e"]]  # nothing left: no empty write


def test_runs_without_a_batch_size_get_the_wait_limit() -> None:
    from eventwire.config import Settings
    from eventwire.run.executors import SerialExecutor

    settings = Settings()
    default = runner_mod.Runner(settings, SerialExecutor(settings))
    asked = runner_mod.Runner(settings, SerialExecutor(settings), batch_size=7)
    assert (default.batch_size, default.max_wait_s) == (128, runner_mod.FLUSH_WAIT_S)
    assert (asked.batch_size, asked.max_wait_s) == (7, None)

"""The Python API: eventwire.process / eventwire.open and the package's public names."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pyarrow as pa
import pytest

import eventwire
from eventwire.client import EventStore
from eventwire.db.store import Store
from eventwire.errors import ConfigError, StoreError
from test_dedup import attack_reports


def test_all_is_sorted_and_every_name_exists() -> None:
    assert eventwire.__all__ == sorted(eventwire.__all__)
    for name in eventwire.__all__:
        assert getattr(eventwire, name) is not None
    with pytest.raises(AttributeError):
        eventwire.no_such_name  # noqa: B018


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "events.duckdb"
    with Store.open(path) as store:
        store.write_batch(attack_reports(), [])
    return path


def test_open_events_returns_arrow_with_filters(db: Path) -> None:
    with eventwire.open(db) as events:
        assert isinstance(events, EventStore) and events.store.read_only
        table = events.events(country="IQ", since=date(2024, 3, 4), until="2024-03-04")
        assert isinstance(table, pa.Table) and table.num_rows == 5
        assert "sentence" in table.column_names and "record" not in table.column_names
        frame = pl.from_arrow(table)
        assert isinstance(frame, pl.DataFrame)
        assert frame.filter(pl.col("plover_mode") == "explosives").height == 3
        assert events.events(type="Attack", record=True).num_rows == 2
        assert events.events(actor="islamic").num_rows == 1
        assert events.events(bbox=(0, 0, 10, 10)).num_rows == 0
        assert events.documents().num_rows == 4 and "text" not in events.documents().column_names
        assert events.documents(text=True).column("text")[0].as_py()
        assert events.ledger().num_rows == 0
        assert events.pending == 5  # nothing clustered yet, and read-only cannot cluster
        assert events.canonical_events().num_rows == 0


def test_canonical_events_cluster_a_writable_store(db: Path) -> None:
    with eventwire.open(db, read_only=False) as events:
        table = events.canonical_events(min_sources=3)
        assert table.num_rows == 1
        row = table.to_pylist()[0]
        assert (row["n_sources"], row["fatalities_low"], row["fatalities_high"]) == (3, 10, 14)
        members = events.members(row["canonical_id"])
        assert members.num_rows == 3
        assert len(list(events.records("canonical"))) == 2
        assert events.cluster().new_events == 0


def test_bad_filters_and_missing_store(db: Path, tmp_path: Path) -> None:
    with eventwire.open(db) as events, pytest.raises(ConfigError, match="unknown filter"):
        events.events(colour="red")
    with pytest.raises(StoreError, match="does not exist"):
        eventwire.open(tmp_path / "missing.duckdb")


@pytest.mark.slow
def test_process_then_open(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "one.txt").write_text(
        "Militants attacked a police checkpoint in Kirkuk on Sunday, killing two officers, "
        "the provincial police chief said.",
        encoding="utf-8",
    )
    db = tmp_path / "events.duckdb"
    summary = eventwire.process([reports], db=db, published="2024-05-06")
    assert summary.counts["processed"] == 1 and summary.exit_code == 0
    with eventwire.open(db) as events:
        assert events.documents().num_rows == 1
        assert events.ledger().column("status").to_pylist() == ["processed"]
        assert events.pending == 0  # process clustered what it wrote
        assert events.canonical_events().num_rows == events.events().num_rows

"""``--engine ray``: a clear error without Ray, Parquet rows, and output identical to local."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from eventwire.config import load_settings
from eventwire.db.store import Store
from eventwire.errors import ConfigError
from eventwire.records import Document, Event, Place, Span, When
from eventwire.run.executors import import_ray, make_executor
from eventwire.run.parquet import ParquetSink, default_parquet_dir, event_rows
from eventwire.run.runner import process

# Our own short reports (not from the corpus): one with events, one without, one too short.
REPORTS = [
    {
        "id": "r1",
        "published": "2021-03-02",
        "text": "Gunmen killed two police officers in Mosul on Monday. Later, a roadside bomb "
        "exploded near a market in Kirkuk, wounding four civilians.",
    },
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
]


def test_missing_ray_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(ConfigError, match=r"eventwire\[ray\]") as info:
        import_ray()
    assert info.value.code == "EW-CFG-030"
    with pytest.raises(ConfigError, match=r"eventwire\[ray\]"):  # before any input is read
        make_executor(load_settings(env={}), "ray", workers=2)


def test_default_parquet_dir_sits_beside_the_store(tmp_path: Path) -> None:
    settings = load_settings(env={}, db=str(tmp_path / "x.duckdb"))
    assert default_parquet_dir(settings) == str(tmp_path / "x.events.parquet")
    assert default_parquet_dir(settings.replace(db=":memory:")) is None
    custom = settings.replace(stage_options={"eventwire.scale": {"parquet_dir": "out/"}})
    assert default_parquet_dir(custom) == "out/"


def _doc_with_event() -> Document:
    from datetime import date

    text = "Rebels shelled Aleppo in June."
    doc = Document(text=text, published=date(2016, 7, 1))
    from eventwire.records import Sentence

    doc.sentences = [Sentence(0, len(text), text)]
    event = Event(
        doc_id=doc.doc_id,
        trigger=Span(7, 14, "trigger", "shelled"),
        sentence_index=0,
        plover_type="ASSAULT",
        location=Place("Aleppo", 15, 21, country="SY", lat=36.2, lon=37.16),
        date=When("in June", date(2016, 6, 1), date(2016, 6, 30), "month"),
    )
    doc.events = [
        event,
        Event(
            doc_id=doc.doc_id,
            trigger=Span(7, 14, "trigger", "shelled"),
            sentence_index=0,
            plover_type="ASSAULT",
        ),
    ]
    return doc


def test_event_rows_partition_by_event_month_then_publication(tmp_path: Path) -> None:
    rows = event_rows(_doc_with_event())
    assert [r["month"] for r in rows] == ["2016-06", "2016-07"]
    assert json.loads(rows[0]["record"])["event_id"] == rows[0]["event_id"]
    import pyarrow.dataset as pads

    sink = ParquetSink(str(tmp_path / "p"))
    sink.write([_doc_with_event()])
    assert sorted(p.name for p in (tmp_path / "p").iterdir()) == ["month=2016-06", "month=2016-07"]
    table = pads.dataset(tmp_path / "p", format="parquet", partitioning="hive").to_table()
    assert sorted(table.column("event_id").to_pylist()) == sorted(r["event_id"] for r in rows)


def _store_dump(path: Path) -> tuple[list[dict[str, object]], list[tuple[object, ...]]]:
    with Store.open(str(path), read_only=True) as store:
        events = list(store.event_records())
        ledger = sorted(
            (r["input"], r["status"], r["code"], r["doc_id"], r["n_events"]) for r in store.ledger()
        )
    return events, ledger


@pytest.mark.slow
def test_ray_output_is_identical_to_local(tmp_path: Path) -> None:
    pytest.importorskip("ray.data")

    source = tmp_path / "reports.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in REPORTS), encoding="utf-8")
    local_db, ray_db = tmp_path / "local.duckdb", tmp_path / "ray.duckdb"
    local = process([str(source)], load_settings(env={}, db=str(local_db)))
    assert not (tmp_path / "local.events.parquet").exists()  # Parquet is for Ray runs
    remote = process([str(source)], load_settings(env={}, db=str(ray_db)), engine="ray")
    assert local.events > 0  # the reports carry events, so the comparison means something
    assert remote.counts == local.counts
    assert remote.events == local.events
    local_events, local_ledger = _store_dump(local_db)
    ray_events, ray_ledger = _store_dump(ray_db)
    assert ray_events == local_events
    assert ray_ledger == local_ledger
    assert len(ray_ledger) == len(REPORTS)
    parquet = tmp_path / "ray.events.parquet"
    if local_events:
        import pyarrow.dataset as pads

        table = pads.dataset(parquet, format="parquet", partitioning="hive").to_table()
        assert sorted(table.column("event_id").to_pylist()) == sorted(
            e["event_id"] for e in local_events
        )
    # a second run finds everything in the ledger and starts no cluster
    again = process([str(source)], load_settings(env={}, db=str(ray_db)), engine="ray")
    assert again.already_done == len(REPORTS) and not again.counts

"""The same text under another id or outlet is linked to the stored document (issue 21, item 6).

A wire story two outlets ran, or two ACLED rows sharing one note, is coded once; every
input carrying it becomes a source of the document's events (``source_ids``, ``sources``)
and counts as a source of the canonical event.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from eventwire.config import load_settings
from eventwire.db.migrations import drop_indexes
from eventwire.db.store import Store
from eventwire.dedup.cluster import cluster_store
from eventwire.records import Document, DocumentSource, LedgerEntry
from eventwire.run.runner import process

WIRE = (
    "Gunmen killed two police officers at a checkpoint in Mosul on Monday, officials said. "
    "The attackers fled in a white car."
)
ROWS = [
    {"id": "wire-1", "source": "Daily Wire One", "published": "2024-05-07", "text": WIRE},
    {"id": "wire-2", "source": "Evening Two", "published": "2024-05-07", "text": WIRE},
    {"id": "wire-3", "source": "Daily Wire One", "published": "2024-05-08", "text": WIRE},
]
STAGES = ("eventwire.structure.v1", "eventwire.nlp.v1", "eventwire.events.v1")


def _run(tmp_path: Path, rows: list[dict[str, str]], name: str = "feed.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = tmp_path / "ew.duckdb"
    settings = load_settings(config_file=None, env={}, db=str(db), stages=STAGES)
    process([str(path)], settings)
    return db


def _records(db: Path) -> list[dict[str, object]]:
    with Store.open(db, read_only=True) as store:
        return list(store.event_records())


def test_a_twin_text_is_linked_not_dropped(tmp_path: Path) -> None:
    db = _run(tmp_path, ROWS)
    records = _records(db)
    assert records, "the coder found no event in the wire story"
    for record in records:
        assert record["source_id"] == "wire-1"
        assert record["source_ids"] == ["wire-1", "wire-2", "wire-3"]
        assert record["sources"] == ["Daily Wire One", "Evening Two"]  # outlets once each
    with Store.open(db, read_only=True) as store:
        ledger = {r["input"].rsplit("#", 1)[1]: r for r in store.ledger()}
        assert store.counts()["documents"] == 1
    assert [ledger[i]["status"] for i in ("wire-1", "wire-2", "wire-3")] == ["processed"] * 3
    assert ledger["wire-2"]["code"] == "EW-ING-009" and "linked" in ledger["wire-2"]["reason"]
    # a rerun finds every input in the ledger and changes nothing
    _run(tmp_path, ROWS)
    assert _records(db) == records


def test_linked_outlets_count_as_sources_of_the_canonical_event(tmp_path: Path) -> None:
    db = _run(tmp_path, ROWS)
    with Store.open(db) as store:
        cluster_store(store)
        rows = store.con.execute("SELECT n_reports, n_sources, record FROM canonical_events")
        canonical = rows.fetchall()
    assert canonical and all(n_reports == 1 and n == 2 for n_reports, n, _ in canonical)
    assert json.loads(canonical[0][2])["sources"] == ["Daily Wire One", "Evening Two"]


def test_a_link_written_before_its_document_still_reaches_the_events(tmp_path: Path) -> None:
    """Workers may return the first twin after the second's ledger row was written."""
    settings = load_settings(config_file=None, env={}, stages=STAGES)
    from eventwire.pipeline.base import Pipeline

    doc = Pipeline.from_settings(settings)(
        Document(text=WIRE, source_id="a", source="Outlet A", input="f.jsonl#a")
    )
    twin = Document(text=WIRE, source_id="b", source="Outlet B", input="f.jsonl#b")
    link = LedgerEntry(
        "f.jsonl#b", "h-b", "processed", doc_id=doc.doc_id, link=DocumentSource.of(twin)
    )
    with Store.open(tmp_path / "race.duckdb") as store:
        store.write_batch([], [link])
        store.write_batch([doc], [LedgerEntry("f.jsonl#a", "h-a", "processed")])
        records = list(store.event_records())
    assert records and all(r["source_ids"] == ["a", "b"] for r in records)


def test_version_2_store_gets_each_document_as_its_first_source(tmp_path: Path) -> None:
    db = _run(tmp_path, ROWS[:1])
    with Store.open(db) as store:  # step the store back to version 2
        drop_indexes(store.con, "events")
        store.con.execute("DROP TABLE document_sources")
        store.con.execute("ALTER TABLE events DROP COLUMN background")
        store.con.execute("ALTER TABLE events DROP COLUMN aggregate")
        store.con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    con = duckdb.connect(str(db))
    assert con.execute("SELECT value FROM meta").fetchall()[0][0] == "2"
    con.close()
    _run(tmp_path, ROWS[1:2], name="more.jsonl")  # upgrades, then links the twin
    for record in _records(db):
        assert record["source_ids"] == ["wire-1", "wire-2"]
    with Store.open(db, read_only=True) as store:
        got = store.con.execute("SELECT input, linked_at FROM document_sources").fetchall()
    assert sorted(i.rsplit("#", 1)[1] for i, _ in got) == ["wire-1", "wire-2"]
    assert all(
        isinstance(at, datetime) and at <= datetime.now(UTC).replace(tzinfo=None) for _, at in got
    )


def test_the_server_clusters_what_a_killed_run_left_pending(tmp_path: Path) -> None:
    """A run killed while clustering (here: run without it) leaves report events outside
    every canonical event; the server owns the store and clusters them as it starts, and
    ``POST /ingest`` clusters what it adds."""
    from fastapi.testclient import TestClient

    from eventwire.api.app import create_app

    db = _run(tmp_path, ROWS[:1])  # process() without cluster=True
    with Store.open(db, read_only=True) as store:
        assert store.counts()["events"] > 0 and store.counts()["canonical_events"] == 0
    settings = load_settings(config_file=None, env={}, db=str(db), stages=STAGES)
    other = "Rebels shelled a village near Idlib on Tuesday, killing four farmers, residents said."
    body = {"documents": [{"id": "x1", "text": other, "published": "2024-05-08"}]}
    with TestClient(create_app(db, review_token="t", settings=settings)) as client:
        started = client.get("/health").json()
        response = client.post("/ingest", json=body, headers={"Authorization": "Bearer t"})
        assert response.status_code == 200 and response.json()["processed"] == 1
    with Store.open(db, read_only=True) as store:
        pending = store.con.execute(
            "SELECT count(*) FROM events WHERE event_id NOT IN "
            "(SELECT event_id FROM canonical_members)"
        ).fetchall()[0][0]
        assert store.counts()["canonical_events"] >= 2
    assert started["events"] > 0 and pending == 0

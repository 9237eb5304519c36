"""The store: schema versions and migrations, indexes, the v2 columns, canonical tables."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import pytest

from eventwire.db.migrations import SCHEMA_VERSION, current_version, drop_indexes
from eventwire.db.store import Store, schema_sql
from eventwire.dedup.cluster import cluster_store
from eventwire.errors import StoreError
from eventwire.records import Actor, Document, Event, Fatalities, Place, Sentence, Span
from scope_docs import scope_documents

# The version-1 schema as shipped in eventwire 0.1.0 (the tables a v1 store holds).
V1_SCHEMA = """
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE documents (doc_id VARCHAR PRIMARY KEY, source_id VARCHAR, input VARCHAR,
    title VARCHAR, published DATE, published_source VARCHAR, source VARCHAR, url VARCHAR,
    author VARCHAR, language VARCHAR, encoding VARCHAR, country VARCHAR, text VARCHAR,
    segments JSON, sentences JSON, places JSON, notes JSON, pipeline_version VARCHAR,
    data_versions JSON, processed_at TIMESTAMP);
CREATE TABLE events (event_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL,
    source_id VARCHAR, plover_type VARCHAR, plover_mode VARCHAR, acled_event_type VARCHAR,
    acled_sub_event_type VARCHAR, cameo_root VARCHAR, actor1_name VARCHAR,
    actor1_inter INTEGER, actor2_name VARCHAR, actor2_inter INTEGER, location_name VARCHAR,
    country VARCHAR, admin1 VARCHAR, lat DOUBLE, lon DOUBLE, geo_precision INTEGER,
    date_start DATE, date_end DATE, date_precision VARCHAR, fatalities INTEGER,
    modality VARCHAR, attributed_to VARCHAR, source VARCHAR, confidence DOUBLE,
    sentence_start INTEGER, sentence_end INTEGER, record JSON, pipeline_version VARCHAR,
    data_versions JSON);
CREATE TABLE ledger (input VARCHAR NOT NULL, content_hash VARCHAR NOT NULL,
    status VARCHAR NOT NULL, reason VARCHAR, code VARCHAR, doc_id VARCHAR, source_id VARCHAR,
    n_events INTEGER, seconds DOUBLE, stage VARCHAR, pipeline_version VARCHAR,
    data_versions JSON, recorded_at TIMESTAMP, PRIMARY KEY (input, content_hash));
INSERT INTO meta VALUES ('schema_version', '1');
"""

V1_RECORD = {
    "event_id": "e1",
    "doc_id": "d1",
    "plover_type": "ASSAULT",
    "actor1": {"id": "ISIS", "name": "Islamic State"},
    "actor2": None,
    "location": {"name": "Mosul", "geonameid": 99072, "lat": 36.34, "lon": 43.13},
    "fatalities": {"best": 4, "low": 3, "high": 5},
    "published": "2016-10-18",
}


def make_v1_store(path: Path) -> None:
    con = duckdb.connect(str(path))
    con.execute(V1_SCHEMA)
    con.execute(
        "INSERT INTO events (event_id, doc_id, plover_type, lat, lon, date_start, record) "
        "VALUES ('e1', 'd1', 'ASSAULT', 36.34, 43.13, DATE '2016-10-17', ?)",
        [json.dumps(V1_RECORD)],
    )
    con.close()


def test_version_1_store_is_upgraded_and_backfilled(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    make_v1_store(path)
    with Store.open(path) as store:
        assert current_version(store.con) == SCHEMA_VERSION == 4
        row = store.con.execute(
            "SELECT actor1_id, actor2_id, geonameid, fatalities_low, fatalities_high, published, "
            "background, aggregate FROM events WHERE event_id = 'e1'"
        ).fetchall()[0]
        assert row[:5] == ("ISIS", None, 99072, 3, 5)
        assert str(row[5]) == "2016-10-18"
        assert row[6:] == (False, False)  # coded before incidents were flagged
        assert store.counts() == {"documents": 0, "events": 1, "ledger": 0, "canonical_events": 0}
        assert [r["event_id"] for r in store.event_records()] == ["e1"]


def test_version_2_background_flag_is_backfilled_from_the_record(tmp_path: Path) -> None:
    path = tmp_path / "v2.duckdb"
    make_v1_store(path)
    with Store.open(path) as store:  # now at the newest version; step back to 2
        drop_indexes(store.con, "events")
        store.con.execute("ALTER TABLE events DROP COLUMN background")
        store.con.execute("ALTER TABLE events DROP COLUMN aggregate")
        store.con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
        record = {**V1_RECORD, "event_id": "e2", "background": True, "aggregate": False}
        store.con.execute(
            "INSERT INTO events (event_id, doc_id, record) VALUES ('e2', 'd1', ?)",
            [json.dumps(record)],
        )
    with Store.open(path) as store:
        rows = store.con.execute(
            "SELECT event_id, background, aggregate FROM events ORDER BY event_id"
        ).fetchall()
    assert rows == [("e1", False, False), ("e2", True, False)]


def test_version_2_canonical_events_get_the_flags_of_their_reports(tmp_path: Path) -> None:
    """A v2 store with canonical events: the v3 migration adds the canonical flags, true only
    when every member report has it, to the columns and to the canonical JSON record."""
    path = tmp_path / "v2-canonical.duckdb"
    with Store.open(path) as store:
        store.write_batch(scope_documents(), [])
        cluster_store(store)
        con = store.con
        # step back to version 2: no flag columns, and no flags in the canonical records
        for table in ("events", "canonical_events"):
            drop_indexes(con, table)
            con.execute(f"ALTER TABLE {table} DROP COLUMN background")
            con.execute(f"ALTER TABLE {table} DROP COLUMN aggregate")
        con.execute(
            "UPDATE canonical_events SET record = json_merge_patch(record, "
            '\'{"background": null, "aggregate": null}\')'
        )
        ddl = schema_sql()
        con.execute(ddl[ddl.index("CREATE INDEX") :])  # a v2 store had its indexes
        con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
        assert "background" not in con.execute("SELECT record FROM canonical_events").fetchone()[0]
    with Store.open(path) as store:
        assert current_version(store.con) == SCHEMA_VERSION == 4
        rows = store.con.execute(
            "SELECT n_reports, background, aggregate, record FROM canonical_events"
        ).fetchall()
        again = cluster_store(store, rebuild=True)  # what clustering derives anew
        fresh = store.con.execute(
            "SELECT n_reports, background, aggregate FROM canonical_events"
        ).fetchall()
    assert sorted(r[:3] for r in rows) == sorted(fresh) and again.canonical_written == 7
    assert sorted((bg, agg) for _, bg, agg, _ in rows).count((True, False)) == 1
    assert sorted((bg, agg) for _, bg, agg, _ in rows).count((False, True)) == 1
    for _, background, aggregate, record in rows:
        data = json.loads(record)
        assert (data["background"], data["aggregate"]) == (background, aggregate)


def test_version_1_store_opened_read_only_is_upgraded_once(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    make_v1_store(path)
    with Store.open(path, read_only=True) as store:
        assert store.read_only
        assert current_version(store.con) == SCHEMA_VERSION
        assert store.counts()["canonical_events"] == 0


@pytest.mark.parametrize("read_only", [False, True])
def test_newer_store_is_refused_clearly(tmp_path: Path, read_only: bool) -> None:
    path = tmp_path / "new.duckdb"
    Store.open(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="newer than this eventwire") as info:
        Store.open(path, read_only=read_only)
    assert info.value.code == "EW-DB-020"


def test_failed_migration_leaves_the_store_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    make_v1_store(path)
    con = duckdb.connect(str(path))
    con.execute("ALTER TABLE events RENAME TO events_moved")  # a damaged v1 store
    con.close()
    with pytest.raises(StoreError) as info:
        Store.open(path)
    assert info.value.code == "EW-DB-022"
    con = duckdb.connect(str(path))
    assert current_version(con) == 1
    con.close()


def test_indexes_for_time_space_actor_queries() -> None:
    with Store.open(":memory:") as store:
        names = {
            r[0] for r in store.con.execute("SELECT index_name FROM duckdb_indexes()").fetchall()
        }
    assert {
        "events_date_idx",
        "events_actor1_idx",
        "events_actor2_idx",
        "events_doc_idx",
        "canonical_date_idx",
        "members_component_idx",
    } <= names


def test_reopening_is_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    for _ in range(2):
        with Store.open(path) as store:
            assert current_version(store.con) == SCHEMA_VERSION


def test_write_batch_fills_version_2_columns() -> None:
    text = "Gunmen killed four people in Mosul on Monday."
    doc = Document(text=text, source="Example Wire", published=date(2016, 10, 18))
    doc.sentences = [Sentence(0, len(text), text)]
    event = Event(
        doc_id=doc.doc_id,
        trigger=Span(7, 13, "trigger", "killed"),
        sentence_index=0,
        plover_type="ASSAULT",
    )
    event.actor1 = Actor("Gunmen", 0, 6, name="gunmen", actor_id="GEN-GUNMEN", inter=3)
    event.location = Place(
        "Mosul",
        29,
        34,
        name="Mosul",
        geonameid=99072,
        lat=36.34,
        lon=43.13,
        country="IQ",
        precision=1,
    )
    event.fatalities = Fatalities("four", best=4, low=4, high=4)
    doc.events = [event]
    with Store.open(":memory:") as store:
        store.write_batch([doc], [])
        row = store.con.execute(
            "SELECT actor1_id, geonameid, fatalities_low, fatalities_high, published, source "
            "FROM events"
        ).fetchall()[0]
        assert row[:4] == ("GEN-GUNMEN", 99072, 4, 4)
        assert str(row[4]) == "2016-10-18" and row[5] == "Example Wire"
        assert store.document(doc.doc_id)["source"] == "Example Wire"  # type: ignore[index]
        assert store.document("missing") is None


def test_read_only_missing_store_is_explained(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(tmp_path / "nope.duckdb", read_only=True)


def test_compact_rewrites_in_date_order_and_keeps_everything(tmp_path: Path) -> None:
    from synth_events import insert_synthetic, synthetic_events

    with Store.open(tmp_path / "c.duckdb") as store:
        insert_synthetic(store.con, synthetic_events(500, seed=2))
        before = sorted(r["event_id"] for r in store.event_records())
        store.compact()
        assert sorted(r["event_id"] for r in store.event_records()) == before
        dates = [r[0] for r in store.con.execute("SELECT date_start FROM events").fetchall()]
        assert dates == sorted(dates)
        names = {
            r[0] for r in store.con.execute("SELECT index_name FROM duckdb_indexes()").fetchall()
        }
        assert "events_date_idx" in names
    with Store.open(tmp_path / "c.duckdb", read_only=True) as ro, pytest.raises(StoreError):
        ro.compact()

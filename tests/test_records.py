"""The typed event record and the column spec: golden records; tables, exports and the API
follow the spec.

The golden files in tests/golden/records/ pin the full JSONL record of three short reports
(``reports.json``, our own writing) at the report and the canonical level; refresh them with
``pytest --update-golden tests/test_records.py`` and read the diff before committing.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from eventwire.api.app import create_app
from eventwire.db.exports import ACLED_COLUMNS, TEXT_WRITERS, write_parquet
from eventwire.db.queries import EventFilter
from eventwire.db.store import Store
from eventwire.dedup.cluster import cluster_store
from eventwire.pipeline.base import Pipeline
from eventwire.records import Document, EventRecord, dumps_record, event_record, from_json
from eventwire.records.columns import CANONICAL, LEVELS, REPORT, Level
from eventwire.records.model import RECORD_TYPES

GOLDEN = Path(__file__).parent / "golden" / "records"


@pytest.fixture(scope="module")
def golden_docs(pipeline: Pipeline) -> list[Document]:
    reports = json.loads((GOLDEN / "reports.json").read_text(encoding="utf-8"))
    return [
        pipeline(
            Document(
                text=r["text"],
                source_id=r["source_id"],
                source=r["source"],
                title=r["title"],
                url=r["url"],
                published=date.fromisoformat(r["published"]),
                published_source="record",
                input=f"reports.json#{r['source_id']}",
            )
        )
        for r in reports
    ]


@pytest.fixture(scope="module")
def golden_db(golden_docs: list[Document], tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("records") / "golden.duckdb"
    with Store.open(path) as store:
        store.write_batch(golden_docs, [])
        cluster_store(store)
    return path


@pytest.fixture
def store(golden_db: Path) -> Iterator[Store]:
    with Store.open(golden_db, read_only=True) as s:
        yield s


def _golden(name: str, lines: list[str], update: bool) -> None:
    path = GOLDEN / name
    got = "\n".join(lines) + "\n"
    if update or not path.exists():
        path.write_text(got, encoding="utf-8")
    assert got == path.read_text(encoding="utf-8")


def test_golden_report_records(golden_docs: list[Document], update_golden: bool) -> None:
    lines = [dumps_record(event_record(e, doc)) for doc in golden_docs for e in doc.events]
    _golden("report.jsonl", lines, update_golden)


def test_golden_canonical_records(store: Store, update_golden: bool) -> None:
    rows = store.con.execute("SELECT record FROM canonical_events ORDER BY canonical_id")
    lines = [dumps_record(json.loads(r)) for (r,) in rows.fetchall()]
    _golden("canonical.jsonl", lines, update_golden)


def test_golden_set_covers_merging_and_the_record_parts() -> None:
    """The golden reports keep a merged event, a fatality range, an attribution, a place."""
    report = [json.loads(x) for x in (GOLDEN / "report.jsonl").read_text().splitlines()]
    canonical = [json.loads(x) for x in (GOLDEN / "canonical.jsonl").read_text().splitlines()]
    assert any(c["n_reports"] >= 2 for c in canonical)
    assert any((r["fatalities"] or {}).get("low") != (r["fatalities"] or {}).get("high")
               for r in report)  # fmt: skip
    assert any(r["attribution"] for r in report)
    assert any(r["location"] and r["location"]["geonameid"] for r in report)


def test_golden_spans_point_at_their_words(golden_docs: list[Document]) -> None:
    """Every span of a record cuts its own text out of the report (offsets are evidence)."""
    texts = {doc.doc_id: doc.text for doc in golden_docs}
    lines = (GOLDEN / "report.jsonl").read_text(encoding="utf-8").splitlines()
    checked = 0
    for record in map(json.loads, lines):
        text = texts[record["doc_id"]]
        parts = [record[k] for k in ("trigger", "actor1", "actor2", "location", "date")]
        parts += [record["fatalities"], *record["assoc_actors"]]
        for part in parts:
            if part and part["span"][0] >= 0:
                start, end = part["span"]
                assert text[start:end] == part["text"], (record["event_id"], part)
                checked += 1
        for ev in record["evidence"]:
            assert text[ev["start"] : ev["end"]] == ev["text"]
        start, end = record["span"]
        assert text[start:end] == record["sentence"]
    assert checked >= 3 * len(lines)


def _stored(store: Store, level: Level) -> list[dict[str, Any]]:
    cur = store.con.execute(f"SELECT * FROM {level.table} ORDER BY {level.key}")
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


@pytest.mark.parametrize("level", [REPORT, CANONICAL], ids=lambda v: v.name)
def test_stored_rows_are_the_spec_read_off_the_typed_record(store: Store, level: Level) -> None:
    """Every stored record reads back into its typed form unchanged, and every flat column
    holds what the spec's path reads off that typed record."""
    rows = _stored(store, level)
    assert rows
    for row in rows:
        data = json.loads(row["record"])
        typed = from_json(RECORD_TYPES[level.name], data)
        assert typed.to_json() == data
        for use in level.stored():
            if use.path is not None:
                assert row[use.name] == use.value(typed), (level.name, use.name)


def test_typed_record_is_frozen(golden_docs: list[Document]) -> None:
    doc = golden_docs[0]
    record = EventRecord.of(doc.events[0], doc)
    with pytest.raises(AttributeError):
        record.event_id = "x"  # type: ignore[misc]


def test_store_tables_are_the_spec(tmp_path: Path) -> None:
    """A new store's events tables have the spec's columns, in order, with its types."""
    with Store.open(tmp_path / "s.duckdb") as store:
        for level in LEVELS.values():
            got = store.con.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_name = ? ORDER BY ordinal_position",
                [level.table],
            ).fetchall()
            assert got == [(u.name, u.column.sql) for u in level.stored()]


def test_store_schema_is_pinned(update_golden: bool) -> None:
    """The stored layout of schema version 2. A change here breaks stores that exist:
    it needs a migration in db/migrations.py (and SCHEMA_VERSION + 1), not just a refresh."""
    lines = [
        f"{level.table}.{u.name} {u.column.sql} {u.constraint}".rstrip()
        for level in LEVELS.values()
        for u in level.stored()
    ]
    _golden("schema.txt", lines, update_golden)


@pytest.mark.parametrize("level", [REPORT, CANONICAL], ids=lambda v: v.name)
def test_exports_carry_the_spec_columns(store: Store, level: Level, tmp_path: Path) -> None:
    flt = EventFilter()
    out = io.StringIO()
    TEXT_WRITERS["csv"](store, level.name, flt, out)
    assert tuple(out.getvalue().splitlines()[0].split(",")) == level.names("flat")
    out = io.StringIO()
    TEXT_WRITERS["acled-csv"](store, level.name, flt, out)
    assert tuple(out.getvalue().splitlines()[0].split(",")) == ACLED_COLUMNS
    out = io.StringIO()
    n = TEXT_WRITERS["geojson"](store, level.name, flt, out)
    features = json.loads(out.getvalue())["features"]
    assert n == len(features) > 0
    assert all(tuple(f["properties"]) == level.names("geojson") for f in features)
    path = tmp_path / f"{level.name}.parquet"
    write_parquet(store, level.name, flt, path, partition=False)
    assert pq.read_schema(path).equals(level.arrow_schema(level.names("parquet")))


def test_events_openapi_lists_exactly_the_spec_fields(golden_db: Path) -> None:
    with TestClient(create_app(golden_db)) as client:
        spec = client.get("/openapi.json").json()
        page = spec["paths"]["/events"]["get"]["responses"]["200"]["content"]
        refs = [s["$ref"].rsplit("/", 1)[1] for s in page["application/json"]["schema"]["anyOf"]]
        assert refs == ["EventPage", "CanonicalPage"]  # ?level=report (default) | canonical
        schemas = spec["components"]["schemas"]
        fields = {}
        for page_ref in refs:
            item = schemas[page_ref]["properties"]["items"]["items"]["$ref"].rsplit("/", 1)[1]
            fields[page_ref] = tuple(schemas[item]["properties"])
        assert fields["EventPage"] == REPORT.names("api")
        extra = ("event_id", "sources", "sentence")
        assert sorted(fields["CanonicalPage"]) == sorted((*CANONICAL.names("api"), *extra))
        items = client.get("/events").json()["items"]
        merged = client.get("/events", params={"level": "canonical"}).json()["items"]
    assert items and all(tuple(item) == REPORT.names("api") for item in items)
    assert merged and all(set(item) == set(fields["CanonicalPage"]) for item in merged)


def test_sentence_at_finds_the_sentence_holding_an_offset() -> None:
    from eventwire.records import Document, Sentence

    text = "Gunmen struck. Police  arrived."
    doc = Document(text=text)
    assert doc.sentence_at(3) is None  # no sentences yet
    doc.sentences = [Sentence(0, 14, text[:14], 0), Sentence(16, 31, text[16:], 0)]
    assert [doc.sentence_at(i) for i in (0, 13, 14, 15, 16, 30, 31)] == [
        0,
        0,
        None,
        None,
        1,
        1,
        None,
    ]

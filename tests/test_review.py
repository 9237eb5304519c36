"""Analyst reviews: stored beside machine output, audited, re-attached after reprocessing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import duckdb
import pytest

from eventwire.db.review import (
    ReviewError,
    add_review,
    apply_reviews,
    ensure_review_tables,
    list_audit,
    list_reviews,
    orphaned_reviews,
    refresh_reviewed,
    reviewed_record,
)
from eventwire.db.store import Store
from synth_docs import synthetic_documents


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open(":memory:") as s:
        s.write_batch(synthetic_documents(6, seed=5), [])
        ensure_review_tables(s.con)
        yield s


def _records(store: Store) -> list[dict[str, Any]]:
    return list(store.event_records())


def test_correction_is_audited_applied_and_machine_output_kept(store: Store) -> None:
    rec = _records(store)[0]
    before = store.con.execute(
        "SELECT record FROM events WHERE event_id = ?", [rec["event_id"]]
    ).fetchone()
    changes = {
        "plover_type": "COERCE",
        "actor1": {"name": "Police Forces", "inter": 1},
        "location": {"name": "Basra", "lat": 30.5, "lon": 47.8, "country": "IQ"},
        "date": {"start": "2024-01-02", "end": "2024-01-02", "precision": "day"},
    }
    review = add_review(store.con, rec["event_id"], "correct", changes, " ann ", "checked")
    assert review["author"] == "ann" and review["trigger_start"] == rec["trigger"]["span"][0]
    kept = store.con.execute(
        "SELECT record FROM machine_events WHERE event_id = ?", [rec["event_id"]]
    ).fetchone()
    assert before == kept  # the machine output is kept aside, unchanged
    audit = list_audit(store.con, rec["event_id"])
    assert len(audit) == 1 and audit[0]["author"] == "ann" and audit[0]["note"] == "checked"
    assert audit[0]["before"]["plover_type"] == rec["plover_type"]
    assert audit[0]["after"]["plover_type"] == "COERCE"
    assert audit[0]["after"]["plover_mode"] is None  # a new type drops the machine's mode
    out = apply_reviews(store.con, [rec])[0]
    stored = next(r for r in _records(store) if r["event_id"] == rec["event_id"])
    assert stored == out  # the store holds the reviewed record: every reader sees it
    assert out["plover_type"] == "COERCE" and out["plover_mode"] is None
    assert out["cameo_root"] == "17"
    actor = out["actor1"]
    assert (actor["name"], actor["inter"], actor["id"]) == ("Police Forces", 1, None)
    assert (actor["text"], actor["span"]) == (rec["actor1"]["text"], rec["actor1"]["span"])
    assert out["location"]["lat"] == 30.5 and out["location"]["span"] == rec["location"]["span"]
    assert out["date"]["start"] == "2024-01-02"
    assert out["review"]["status"] == "corrected"
    assert out["review"]["machine"]["plover_type"] == rec["plover_type"]
    assert out["actor2"] == rec["actor2"]


def test_latest_action_sets_status_and_corrections_accumulate(store: Store) -> None:
    rec = _records(store)[1]
    add_review(store.con, rec["event_id"], "correct", {"modality": "negated"}, "a")
    add_review(store.con, rec["event_id"], "correct", {"plover_type": "PROTEST"}, "b")
    add_review(store.con, rec["event_id"], "confirm", None, "c")
    out = reviewed_record(rec, list_reviews(store.con, rec["event_id"]))
    assert (out["modality"], out["plover_type"]) == ("negated", "PROTEST")
    assert out["review"]["status"] == "corrected" and out["review"]["author"] == "c"
    assert out["review"]["n_reviews"] == 3
    assert [a["author"] for a in list_audit(store.con, rec["event_id"])] == ["c", "b", "a"]


def test_rejected_events_are_dropped_or_marked(store: Store) -> None:
    recs = _records(store)
    add_review(store.con, recs[0]["event_id"], "reject", None, "ann", "not an event")
    kept = apply_reviews(store.con, recs)
    assert len(kept) == len(recs) - 1
    assert recs[0]["event_id"] not in {r["event_id"] for r in kept}
    marked = apply_reviews(store.con, recs, drop_rejected=False)
    assert marked[0]["review"]["status"] == "rejected"
    assert all("review" not in r for r in marked[1:])
    assert recs[0]["event_id"] not in {r["event_id"] for r in _records(store)}
    machine = store.con.execute("SELECT event_id FROM machine_events").fetchall()
    assert machine == [(recs[0]["event_id"],)]  # the store left it out; its machine row is kept


def test_review_reattaches_by_evidence_span_after_reprocessing(store: Store) -> None:
    rec = _records(store)[2]
    civilians = {"name": "Civilians", "inter": 7}
    add_review(store.con, rec["event_id"], "correct", {"actor2": civilians}, "ann")
    # Reprocessing recodes the type, so the event id (a hash of the type) changes.
    new = json.loads(json.dumps(rec))
    new["event_id"] = "reprocessed-id"
    new["plover_type"] = "MOBILIZE"
    for table in ("events", "machine_events"):
        store.con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [rec["doc_id"]])
    store.con.execute(
        "INSERT INTO events (event_id, doc_id, sentence_start, sentence_end, record) "
        "VALUES (?, ?, ?, ?, ?)",
        [new["event_id"], new["doc_id"], new["span"][0], new["span"][1], json.dumps(new)],
    )
    assert refresh_reviewed(store.con, [rec["doc_id"]])["attached"] == 1
    out = next(r for r in _records(store) if r["doc_id"] == rec["doc_id"])
    assert out["actor2"]["name"] == "Civilians" and out["event_id"] == "reprocessed-id"
    assert out["plover_type"] == "MOBILIZE"  # the new machine type: only actor2 was reviewed
    assert orphaned_reviews(store.con) == []
    assert list_reviews(store.con)[0]["attached_event_id"] == "reprocessed-id"
    # When the evidence is gone too, the review is reported, not dropped.
    for table in ("events", "machine_events"):
        store.con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [rec["doc_id"]])
    assert refresh_reviewed(store.con, [rec["doc_id"]])["orphaned"] == 1
    orphans = orphaned_reviews(store.con)
    assert [o["event_id"] for o in orphans] == [rec["event_id"]] and orphans[0]["orphaned"]
    assert len(list_reviews(store.con)) == 1


@pytest.mark.parametrize(
    ("action", "changes", "code"),
    [
        ("delete", None, "EW-REV-001"),
        ("correct", {"text": "x"}, "EW-REV-002"),
        ("correct", {"plover_type": "NOPE"}, "EW-REV-006"),
        ("correct", {"actor1": {"name": "Someone"}}, "EW-REV-014"),
        ("correct", {}, "EW-REV-003"),
        ("confirm", {"plover_type": "AID"}, "EW-REV-004"),
    ],
)
def test_invalid_reviews_are_refused(
    store: Store, action: str, changes: dict[str, Any] | None, code: str
) -> None:
    rec = _records(store)[0]
    with pytest.raises(ReviewError) as info:
        add_review(store.con, rec["event_id"], action, changes, "ann")
    assert info.value.code == code
    assert list_reviews(store.con) == [] and list_audit(store.con) == []


def test_unknown_event_and_missing_author(store: Store) -> None:
    with pytest.raises(ReviewError, match="EW-REV-404"):
        add_review(store.con, "nope", "confirm", None, "ann")
    rec = _records(store)[0]
    with pytest.raises(ReviewError, match="EW-REV-005"):
        add_review(store.con, rec["event_id"], "confirm", None, "  ")


def test_tables_are_idempotent_and_empty_store_has_no_audit() -> None:
    con = duckdb.connect()
    ensure_review_tables(con)
    ensure_review_tables(con)
    assert list_audit(con) == [] and list_reviews(con) == []

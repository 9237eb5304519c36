"""Re-coding stored documents keeps every review; retrying rejected inputs; edited reports.

``process --reprocess`` is run in a real subprocess after a change of the user's actor
dictionary (named in the config file): the events change, every review is re-attached (by
event id, or by evidence span when the id is stale) or listed as orphaned, never dropped.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.db.review import add_review, list_reviews
from eventwire.db.store import Store

runner = CliRunner()
REPORT = (
    "Iraqi soldiers fired on protesters in Mosul on 3 March 2024, killing two people, "
    "police said.\n\nIraqi soldiers clashed with Islamic State militants near Kirkuk on "
    "4 March 2024, a spokesman said.\n"
)


def _dictionary(path: Path, name: str) -> None:
    entry = {
        "id": "IQ-MIL",
        "name": name,
        "inter": 1,
        "country": "IQ",
        "type": "military",
        "provenance": "test",
    }
    path.write_text(json.dumps(entry) + "\n", encoding="utf-8")


def _events(db: Path) -> dict[str, dict[str, Any]]:
    with Store.open(db, read_only=True) as store:
        return {r["event_id"]: r for r in store.event_records()}


def _process(*args: str) -> Any:
    return runner.invoke(app, ["process", "--quiet", *args])


@pytest.fixture
def coded(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A store coded with the first version of the user's dictionary; the config; its file."""
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(REPORT, encoding="utf-8")
    actors = tmp_path / "actors.jsonl"
    _dictionary(actors, "Iraqi Army (first edition)")
    config = tmp_path / "eventwire.toml"
    config.write_text(f"user_actor_files = [{json.dumps(str(actors))}]\n", encoding="utf-8")
    db = tmp_path / "store.duckdb"
    done = _process(
        str(reports), "--db", str(db), "--config", str(config), "--published", "2024-03-05"
    )
    assert done.exit_code == 0, done.output
    return db, config, actors


def test_reprocess_after_a_dictionary_change_keeps_every_review(
    coded: tuple[Path, Path, Path],
) -> None:
    db, config, actors = coded
    events = _events(db)
    army = [e for e in events.values() if (e.get("actor1") or {}).get("id") == "IQ-MIL"]
    assert army and all(e["actor1"]["name"] == "Iraqi Army (first edition)" for e in army)
    fixed, dropped = army[0], next(e for e in events.values() if e not in army[:1])
    with Store.open(db) as store:
        add_review(store.con, fixed["event_id"], "correct", {"fatalities": {"best": 5}}, "ann")
        add_review(store.con, dropped["event_id"], "reject", None, "ann", "not an event")
        # a review whose id is stale (its type was recoded since): found again by its span
        store.con.execute(
            "UPDATE review_corrections SET event_id = 'stale-id', attached_event_id = NULL "
            "WHERE event_id = ?",
            [fixed["event_id"]],
        )
        # a review of evidence no event covers any more: listed as orphaned, kept
        store.con.execute(
            "INSERT INTO review_corrections SELECT 'lost-review', 'gone-id', doc_id, 9000, "
            "9100, 9010, 9020, 'confirm', '{}', 'bob', NULL, now(), NULL, false "
            "FROM documents LIMIT 1"
        )
    _dictionary(actors, "Iraqi Army (second edition)")
    cmd = [sys.executable, "-m", "eventwire", "process", "--reprocess", "--quiet"]
    proc = subprocess.run(
        [*cmd, "--db", str(db), "--config", str(config)],
        capture_output=True,
        text=True,
        timeout=900,
        env={**os.environ},
        cwd=db.parent,
    )
    assert proc.returncode == 0, proc.stderr
    assert "re-coded 1 stored documents" in proc.stderr
    assert "orphaned review lost-review" in proc.stderr
    after = _events(db)
    army_after = [e for e in after.values() if (e.get("actor1") or {}).get("id") == "IQ-MIL"]
    assert army_after and all(
        e["actor1"]["name"] == "Iraqi Army (second edition)" for e in army_after
    )
    assert after[fixed["event_id"]]["fatalities"]["best"] == 5  # re-attached by its span
    assert after[fixed["event_id"]]["review"]["status"] == "corrected"
    assert dropped["event_id"] not in after  # still rejected
    with Store.open(db, read_only=True) as store:
        reviews = {r["review_id"]: r for r in list_reviews(store.con)}
        assert len(reviews) == 3  # none dropped
        lost = reviews.pop("lost-review")
        assert lost["orphaned"] and not any(r["orphaned"] for r in reviews.values())
        assert {r["attached_event_id"] for r in reviews.values()} == {
            fixed["event_id"],
            dropped["event_id"],
        }
        ledger = store.ledger()
        assert [row["status"] for row in ledger] == ["processed"]
    listed = runner.invoke(app, ["review", "list", "--orphaned", "--db", str(db)])
    assert [json.loads(line)["review_id"] for line in listed.stdout.splitlines()] == ["lost-review"]


def test_retry_reruns_rejected_inputs_with_the_current_options(tmp_path: Path) -> None:
    report = tmp_path / "long.txt"
    report.write_text(REPORT, encoding="utf-8")
    db = str(tmp_path / "store.duckdb")
    first = _process(str(report), "--db", db, "--max-chars", "60")
    assert first.exit_code == 1 and "rejected" in first.output
    again = _process(str(report), "--db", db)
    assert "already in the ledger" in again.output
    retried = _process("--retry", "--db", db)  # the ledger's rejected inputs
    assert retried.exit_code == 0, retried.output
    with Store.open(db, read_only=True) as store:
        assert [r["status"] for r in store.ledger()] == ["processed"]
        assert store.counts()["events"] > 0


def test_an_edited_report_supersedes_its_previous_version(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    db = str(tmp_path / "store.duckdb")

    def publish(text: str) -> None:
        record = {"id": "wire-17", "text": text, "published": "2024-03-05", "source": "Wire"}
        feed.write_text(json.dumps(record) + "\n", encoding="utf-8")
        done = _process(str(feed), "--db", db)
        assert done.exit_code == 0, done.output

    publish(REPORT)
    first = _events(Path(db))
    publish(REPORT.replace("killing two people", "killing four people"))
    with Store.open(db, read_only=True) as store:
        assert store.counts()["documents"] == 1
        statuses = sorted(r["status"] for r in store.ledger())
        assert statuses == ["processed", "superseded"]
        history = store.con.execute(
            "SELECT doc_id, superseded_by, json_array_length(events) FROM document_history"
        ).fetchall()
        new_doc = store.con.execute("SELECT doc_id FROM documents").fetchall()[0][0]
    old_doc = next(iter(first.values()))["doc_id"]
    assert history == [(old_doc, new_doc, len(first))]
    now = _events(Path(db))
    assert {e["doc_id"] for e in now.values()} == {new_doc}  # not counted twice
    assert not set(now) & set(first)
    exported = runner.invoke(app, ["export", "--db", db, "--format", "csv"])
    assert len(exported.stdout.strip().splitlines()) == len(now) + 1


def test_reprocess_selects_stored_documents_by_input_outlet_and_date(tmp_path: Path) -> None:
    from datetime import date

    from eventwire.run.reprocess import Reprocess, stored_documents
    from test_dedup import attack_reports

    with Store.open(tmp_path / "s.duckdb") as store:
        docs = attack_reports()
        store.write_batch(docs, [])

        def chosen(selection: Reprocess) -> list[str]:
            return sorted(d.input for d, _ in stored_documents(store, selection))

        assert chosen(Reprocess()) == sorted(d.input for d in docs)
        outlet = docs[0].source
        assert chosen(Reprocess(source=outlet)) == sorted(
            d.input for d in docs if d.source == outlet
        )
        assert chosen(Reprocess(input_glob="Euphrates*")) == ["Euphrates Daily.txt"]
        later = max(d.published for d in docs if d.published)
        assert chosen(Reprocess(since=later, until=date(2100, 1, 1))) == sorted(
            d.input for d in docs if d.published == later
        )
        fresh, _ = next(stored_documents(store, Reprocess(input_glob="Euphrates*")))
        assert fresh.text == docs[1].text and not fresh.events  # to be coded afresh

"""Review everything: every field checked and completed, and applied by default everywhere
(every export format, both levels, the API) unless the machine output is asked for."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from eventwire.api.app import create_app
from eventwire.cli import app
from eventwire.db.migrations import current_version
from eventwire.db.review import list_audit, list_reviews
from eventwire.db.review_clusters import add_cluster_review, apply_reviews_to
from eventwire.db.review_fields import ReviewError, resolve_changes
from eventwire.db.store import Store
from eventwire.dedup.cluster import cluster_store
from test_dedup import attack_reports

TOKEN = "review-token-for-tests"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
runner = CliRunner()


def _code(changes: dict[str, Any]) -> str:
    with pytest.raises(ReviewError) as info:
        resolve_changes(changes)
    return info.value.code


# ------------------------------------------------------------------ one test per field
def test_types_are_checked_against_the_ontology() -> None:
    out = resolve_changes({"acled_sub_event_type": "Armed clash"})
    assert out["acled_event_type"] == "Battles"
    typed = resolve_changes({"plover_type": "assault"})
    assert typed["plover_type"] == "ASSAULT" and typed["plover_mode"] is None
    assert typed["cameo_root"]
    assert _code({"plover_type": "PICNIC"}) == "EW-REV-006"
    assert _code({"plover_type": "ASSAULT", "plover_mode": "juggling"}) == "EW-REV-007"
    assert _code({"acled_sub_event_type": "Picnic"}) == "EW-REV-008"
    assert (
        _code({"acled_event_type": "Protests", "acled_sub_event_type": "Armed clash"})
        == "EW-REV-009"
    )
    assert _code({"acled_event_type": "Parties"}) == "EW-REV-010"


def test_actors_come_from_the_dictionary_or_are_entered_new() -> None:
    from eventwire.pipeline.actors.acled_names import default_dictionary

    entry = next(e for e in default_dictionary().by_id.values() if e.inter and e.country)
    chosen = resolve_changes({"actor1": {"id": entry.id}})["actor1"]
    assert (chosen["id"], chosen["name"], chosen["inter"], chosen["country"]) == (
        entry.id,
        entry.name,
        entry.inter,
        entry.country,
    )
    new = resolve_changes({"actor2": {"name": " Valley vigilantes ", "inter": 4}})["actor2"]
    assert (new["id"], new["name"], new["inter"]) == (None, "Valley vigilantes", 4)
    known = resolve_changes({"actor1": {"name": entry.name}})["actor1"]  # no inter: looked up
    assert known["id"] == entry.id and known["inter"] == entry.inter
    assert _code({"actor1": {"id": "NO-SUCH-ACTOR"}}) == "EW-REV-013"
    assert _code({"actor1": {"name": "Valley vigilantes"}}) == "EW-REV-014"
    assert _code({"actor1": {"name": "Valley vigilantes", "inter": 12}}) == "EW-REV-014"


def test_a_place_typed_in_whole_or_looked_up() -> None:
    typed = resolve_changes({"location": {"name": "Camp 4", "lat": 1.5, "lon": 2.5}})
    assert typed["location"]["precision"] == 1 and typed["location"]["geonameid"] is None
    fake = {"name": "Lookup Town", "geonameid": 7, "lat": 3.0, "lon": 4.0, "precision": 2}
    seen: list[dict[str, Any]] = []

    def places(value: dict[str, Any]) -> dict[str, Any] | None:
        seen.append(value)
        return fake if value.get("geonameid") == 7 else None

    out = resolve_changes({"location": {"geonameid": 7}}, places=places)
    assert out["location"] == fake and seen == [{"geonameid": 7}]
    with pytest.raises(ReviewError, match="EW-REV-017"):
        resolve_changes({"location": {"name": "Nowhere"}}, places=places)
    assert _code({"location": {"name": "Camp 4", "precision": 5}}) == "EW-REV-015"
    assert _code({"location": {"admin1": "North"}}) == "EW-REV-016"


def test_places_come_from_the_gazetteer_index() -> None:
    from eventwire.pipeline.places.gazetteer.build import index_path

    if not index_path().exists():
        pytest.skip("no gazetteer index built (eventwire gazetteer build)")
    by_name = resolve_changes({"location": {"name": "Mosul", "country": "IQ"}})["location"]
    assert by_name["country"] == "IQ" and by_name["precision"] == 1
    assert 35 < by_name["lat"] < 37 and by_name["geonameid"]
    by_id = resolve_changes({"location": {"geonameid": by_name["geonameid"], "precision": 2}})
    assert by_id["location"]["name"] == by_name["name"] and by_id["location"]["precision"] == 2


def test_actors_and_places_can_be_searched_to_choose_from(store_path: Path) -> None:
    from eventwire.pipeline.places.gazetteer.build import index_path

    with TestClient(create_app(store_path, review_token=TOKEN)) as c:
        actors = c.get("/lookup/actors", params={"q": "islamic state"}).json()["items"]
        assert actors and all(a["id"] and a["inter"] is not None for a in actors)
        chosen = resolve_changes({"actor1": {"id": actors[0]["id"]}})["actor1"]
        assert chosen["name"] == actors[0]["name"]
        assert c.get("/lookup/actors", params={"q": "x"}).status_code == 422
        if not index_path().exists():
            pytest.skip("no gazetteer index built (eventwire gazetteer build)")
        places = c.get("/lookup/places", params={"q": "Mosul", "country": "IQ"}).json()
        first = places["items"][0]
        assert first["country"] == "IQ" and first["geonameid"]
        picked = resolve_changes({"location": {"geonameid": first["geonameid"]}})["location"]
        assert picked["name"] == first["name"] and picked["lat"] == first["lat"]


def test_dates_fatalities_modality_and_attribution() -> None:
    span = resolve_changes({"date": {"start": "2024-03-01", "end": "2024-03-05"}})["date"]
    assert span == {"start": "2024-03-01", "end": "2024-03-05", "precision": "range"}
    day = resolve_changes({"date": {"start": "2024-03-01"}})["date"]
    assert day == {"start": "2024-03-01", "end": "2024-03-01", "precision": "day"}
    assert _code({"date": {"start": "2024-03-05", "end": "2024-03-01"}}) == "EW-REV-018"
    assert _code({"date": {"start": "March"}}) == "EW-REV-018"
    toll = resolve_changes({"fatalities": {"best": 5, "high": 9}})["fatalities"]
    assert toll == {"best": 5, "low": 5, "high": 9}
    assert _code({"fatalities": {"best": 5, "low": 7}}) == "EW-REV-019"
    assert _code({"modality": "likely"}) == "EW-REV-012"
    said = resolve_changes({"attribution": {"speaker": "the ministry", "role": "official"}})
    assert said["attribution"]["speaker"] == "the ministry"


# ------------------------------------------------------------- applied by default, everywhere
@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "reviewed.duckdb"
    with Store.open(path) as store:
        store.write_batch(attack_reports(), [])
    return path


def _export(path: Path, *args: str) -> str:
    result = runner.invoke(app, ["export", "--db", str(path), *args])
    assert result.exit_code == 0, result.output
    return str(result.stdout)


def _review_over_api(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """Correct one event's toll to 5 and reject another, through the API."""
    with TestClient(create_app(path, review_token=TOKEN)) as c:
        items = c.get("/events", params={"scope": "all", "sort": "id"}).json()["items"]
        fixed, dropped = items[0], items[1]
        body = {"action": "correct", "author": "ann", "changes": {"fatalities": {"best": 5}}}
        assert (
            c.post(f"/events/{fixed['event_id']}/review", json=body, headers=AUTH).status_code
            == 201
        )
        reject = {"action": "reject", "author": "ann", "note": "a duplicate sentence"}
        assert (
            c.post(f"/events/{dropped['event_id']}/review", json=reject, headers=AUTH).status_code
            == 201
        )
        page = c.get("/events", params={"scope": "all"}).json()
        by_id = {e["event_id"]: e for e in page["items"]}
        assert page["total"] == 4 and dropped["event_id"] not in by_id
        assert by_id[fixed["event_id"]]["fatalities"] == 5
        assert by_id[fixed["event_id"]]["review_status"] == "correct"
        machine = c.get("/events", params={"scope": "all", "machine": "true"}).json()
        assert machine["total"] == 5
        assert {e["event_id"]: e["fatalities"] for e in machine["items"]}[fixed["event_id"]] == (
            fixed["fatalities"]
        )
        machine_write = c.post(
            f"/events/{fixed['event_id']}/review",
            params={"machine": "true"},
            json={"action": "confirm", "author": "ann"},
            headers=AUTH,
        )
        assert machine_write.status_code == 422
        detail = c.get(f"/events/{fixed['event_id']}").json()
        assert detail["reviewed"]["fatalities"]["best"] == 5
        assert detail["review"]["status"] == "corrected" and len(detail["reviews"]) == 1
        assert detail["event"]["fatalities"]["best"] == fixed["fatalities"]  # machine, kept
        report_level = {"scope": "all", "level": "report"}  # /stats counts incidents by default
        assert c.get("/stats", params=report_level).json()["total"] == 4
        assert c.get("/stats", params={**report_level, "machine": "true"}).json()["total"] == 5
        mapped = c.get("/map", params={"scope": "all"}).json()
        assert dropped["event_id"] not in {p["event_id"] for p in mapped["points"]}
        audit = c.get("/audit", params={"event_id": fixed["event_id"]}, headers=AUTH).json()
        assert audit["items"][0]["before"]["fatalities"]["best"] == fixed["fatalities"]
        assert audit["items"][0]["after"]["fatalities"] == {"best": 5, "low": 5, "high": 5}
    return fixed, dropped


def test_an_api_correction_reaches_every_export_without_flags(store_path: Path) -> None:
    fixed, dropped = _review_over_api(store_path)
    fid, did = fixed["event_id"], dropped["event_id"]
    jsonl = [json.loads(line) for line in _export(store_path).splitlines()]
    assert {r["event_id"]: r["fatalities"]["best"] for r in jsonl}[fid] == 5
    assert did not in {r["event_id"] for r in jsonl} and len(jsonl) == 4
    rows = list(csv.DictReader(io.StringIO(_export(store_path, "--format", "csv"))))
    assert {r["event_id"]: r["fatalities"] for r in rows}[fid] == "5"
    assert did not in {r["event_id"] for r in rows}
    acled = list(csv.DictReader(io.StringIO(_export(store_path, "--format", "acled-csv"))))
    assert {r["event_id_cnty"]: r["fatalities"] for r in acled}[fid] == "5"
    assert did not in {r["event_id_cnty"] for r in acled} and len(acled) == 4
    features = json.loads(_export(store_path, "--format", "geojson"))["features"]
    assert {f["properties"]["event_id"]: f["properties"]["fatalities"] for f in features}[fid] == 5
    assert did not in {f["properties"]["event_id"] for f in features}
    out = store_path.parent / "events.parquet"
    _export(store_path, "--format", "parquet", "-o", str(out))
    table = pq.read_table(out).to_pylist()
    assert {r["event_id"]: r["fatalities"] for r in table}[fid] == 5 and len(table) == 4
    machine = [json.loads(line) for line in _export(store_path, "--machine").splitlines()]
    assert len(machine) == 5
    assert {r["event_id"]: r["fatalities"]["best"] for r in machine}[fid] == fixed["fatalities"]
    machine_acled = _export(store_path, "--format", "acled-csv", "--machine")
    assert did in machine_acled
    canonical = [
        json.loads(line) for line in _export(store_path, "--level", "canonical").splitlines()
    ]
    members = {r["event_id"] for c in canonical for r in c["reports"]}
    assert did not in members and fid in members and sum(c["n_reports"] for c in canonical) == 4


def test_merge_and_split_canonical_events_survive_reclustering(store_path: Path) -> None:
    with Store.open(store_path) as store:
        cluster_store(store)
        groups = dict(
            store.con.execute(
                "SELECT canonical_id, list(event_id ORDER BY event_id) FROM canonical_members "
                "GROUP BY 1"
            ).fetchall()
        )
        big = max(groups, key=lambda c: len(groups[c]))
        out = groups[big][-1]
        add_cluster_review(store.con, "split", [big], "ann", out, "another market")
        cluster_store(store)
        alone = store.con.execute(
            "SELECT count(*) FROM canonical_members WHERE canonical_id = "
            "(SELECT canonical_id FROM canonical_members WHERE event_id = ?)",
            [out],
        ).fetchall()[0][0]
        assert alone == 1 and store.counts()["canonical_events"] == len(groups) + 1
        first, second = (
            r[0]
            for r in store.con.execute(
                "SELECT DISTINCT canonical_id FROM canonical_members WHERE canonical_id <> "
                "(SELECT canonical_id FROM canonical_members WHERE event_id = ?) ORDER BY 1",
                [out],
            ).fetchall()
        )
        add_cluster_review(store.con, "merge", [first, second], "bob")
        cluster_store(store)
        cluster_store(store, rebuild=True)  # a full rebuild applies them again
        assert store.counts()["canonical_events"] == len(groups)
        audit = list_audit(store.con)
        assert [a["action"] for a in audit] == ["merge", "split"] and audit[0]["author"] == "bob"
        with pytest.raises(ReviewError, match="EW-REV-021"):
            add_cluster_review(store.con, "merge", [first, first], "bob")
        with pytest.raises(ReviewError, match="EW-REV-404"):
            add_cluster_review(store.con, "split", ["nope"], "bob", out)


def test_merge_split_and_orphans_over_the_api(store_path: Path) -> None:
    with Store.open(store_path) as store:
        cluster_store(store)
        big, members = store.con.execute(
            "SELECT canonical_id, list(event_id ORDER BY event_id) FROM canonical_members "
            "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
        ).fetchall()[0]
        n = store.counts()["canonical_events"]
    with TestClient(create_app(store_path, review_token=TOKEN)) as c:
        body = {"event_id": members[-1], "author": "ann"}
        assert c.post(f"/canonical/{big}/split", json=body).status_code == 401
        done = c.post(f"/canonical/{big}/split", json=body, headers=AUTH)
        assert done.status_code == 201, done.text
        assert done.json()["event_ids"] == [members[-1]]
        bad = c.post(f"/canonical/{big}/split", json={**body, "event_id": "x"}, headers=AUTH)
        assert bad.status_code == 400 and bad.json()["error"]["code"] == "EW-REV-022"
        wrong = {
            "action": "correct",
            "author": "a",
            "changes": {"fatalities": {"best": 3, "low": 4}},
        }
        refused = c.post(f"/events/{members[0]}/review", json=wrong, headers=AUTH)
        assert refused.status_code == 422 and "low" in refused.json()["error"]["message"]
        listed = c.get("/reviews", headers=AUTH).json()
        assert [r["action"] for r in listed["clusters"]] == ["split"] and listed["items"] == []
        assert c.get("/reviews", params={"orphaned": "true"}, headers=AUTH).json() == {
            "items": [],
            "clusters": [],
        }
    with Store.open(store_path, read_only=True) as store:
        assert store.counts()["canonical_events"] == n + 1


def test_merge_and_split_apply_to_any_clusters() -> None:
    from eventwire.dedup.linkage import Cluster

    clusters = [Cluster("c1", "k1", ["a", "b"]), Cluster("c2", "k2", ["c"])]
    reviews = [
        {"action": "merge", "event_ids": ["a", "c"]},
        {"action": "split", "event_ids": ["b"]},
        {"action": "merge", "event_ids": ["a", "gone"]},  # a report no longer stored: skipped
    ]
    out = apply_reviews_to(clusters, reviews)
    assert sorted(sorted(c.members) for c in out) == [["a", "c"], ["b"]]
    assert len({c.canonical_id for c in out}) == 2 and {c.component_id for c in out} == {"k1"}


def test_schema_3_store_with_reviews_is_upgraded_and_applied(store_path: Path) -> None:
    with Store.open(store_path) as store:
        event_id = store.con.execute("SELECT min(event_id) FROM events").fetchall()[0][0]
    con = duckdb.connect(str(store_path))
    for table in ("machine_events", "review_clusters", "review_corrections", "review_audit"):
        con.execute(f"DROP TABLE {table}")
    con.execute("DROP TABLE document_history")
    con.execute(
        "CREATE TABLE review_corrections (review_id VARCHAR PRIMARY KEY, event_id VARCHAR, "
        "doc_id VARCHAR, sentence_start INTEGER, sentence_end INTEGER, trigger_start INTEGER, "
        "trigger_end INTEGER, action VARCHAR, changes JSON, author VARCHAR, note VARCHAR, "
        "created_at TIMESTAMP)"
    )
    con.execute(
        "INSERT INTO review_corrections SELECT 'r1', event_id, doc_id, sentence_start, "
        "sentence_end, NULL, NULL, 'reject', '{}', 'ann', NULL, now() FROM events "
        "WHERE event_id = ?",
        [event_id],
    )
    con.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    con.close()
    with Store.open(store_path, read_only=True) as store:
        assert current_version(store.con) == 4
        assert store.counts()["events"] == 4
        assert list_reviews(store.con)[0]["attached_event_id"] == event_id
        kept = store.con.execute("SELECT event_id FROM machine_events").fetchall()
        assert kept == [(event_id,)]


def test_review_cli_corrects_and_lists(store_path: Path) -> None:
    with Store.open(store_path, read_only=True) as store:
        event_id = store.con.execute("SELECT min(event_id) FROM events").fetchall()[0][0]
    base = ["review", "event", event_id, "--db", str(store_path), "--author", "cli"]
    done = runner.invoke(app, [*base, "--correct", '{"modality": "hypothetical"}'])
    assert done.exit_code == 0, done.output
    bad = runner.invoke(app, [*base, "--correct", '{"modality": "likely"}'])
    assert bad.exit_code == 1 and "EW-REV-012" in bad.output
    listed = runner.invoke(app, ["review", "list", "--db", str(store_path)])
    assert json.loads(listed.stdout.splitlines()[0])["changes"] == {"modality": "hypothetical"}
    with Store.open(store_path, read_only=True) as store:
        record = json.loads(
            store.con.execute(
                "SELECT record FROM events WHERE event_id = ?", [event_id]
            ).fetchall()[0][0]
        )
    assert record["modality"] == "hypothetical" and record["review"]["author"] == "cli"

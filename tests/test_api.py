"""HTTP API over a store of synthetic events: filters, pages, GeoJSON, spans, stats, errors."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from eventwire.api.app import create_app
from eventwire.db.store import Store
from scope_docs import CONFLICT_TRIGGERS, scope_documents
from synth_docs import synthetic_documents

TOKEN = "s3cret"


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api") / "api.duckdb"
    with Store.open(path) as store:
        store.write_batch(synthetic_documents(80, seed=3), [])
    return path


@pytest.fixture(scope="module")
def records(db_path: Path) -> list[dict[str, Any]]:
    with Store.open(db_path, read_only=True) as store:
        return list(store.event_records())


@pytest.fixture(scope="module")
def client(db_path: Path, records: list[dict[str, Any]]) -> Iterator[TestClient]:
    with TestClient(create_app(db_path, review_token=TOKEN)) as c:
        yield c


def _all(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    offset = 0
    while True:
        page = client.get("/events", params={**params, "limit": 37, "offset": offset}).json()
        out += page["items"]
        offset += 37
        if offset >= page["total"]:
            return out


def test_health_and_openapi(client: TestClient, records: list[dict[str, Any]]) -> None:
    health = client.get("/health").json()
    assert health["status"] == "ok" and health["events"] == len(records)
    assert health["review_enabled"] is True
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/events",
        "/events/{event_id}",
        "/documents/{doc_id}",
        "/actors",
        "/places",
        "/stats",
        "/health",
        "/map",
        "/events/{event_id}/review",
        "/audit",
    ):
        assert path in paths
    docs = client.get("/docs")
    assert docs.status_code == 200 and "cdn" not in docs.text and "https://" not in docs.text
    assert "eventwire" in client.get("/").text


PREDICATES = {
    "type": ("ASSAULT", lambda r: r["plover_type"] == "ASSAULT"),
    "country": ("iq,SY", lambda r: (r["location"] or {}).get("country") in {"IQ", "SY"}),
    "actor": (
        "militia",
        lambda r: any(
            "militia" in ((r[k] or {}).get("name") or "").lower() for k in ("actor1", "actor2")
        ),
    ),
    "speaker": ("governor", lambda r: "governor" in (r["attributed_to"] or "")),
    "source": ("ledger", lambda r: "ledger" in (r["source"] or "").lower()),
    "q": ("KILLING", lambda r: "killing" in r["sentence"].lower()),
    "sub_type": ("Arrests,Attack", lambda r: r["acled_sub_event_type"] in {"Arrests", "Attack"}),
    "admin1": ("anbar", lambda r: (r["location"] or {}).get("admin1") == "Anbar"),
    "modality": ("asserted", lambda r: r["modality"] == "asserted"),
}


@pytest.mark.parametrize("name", sorted(PREDICATES))
def test_filter_matches_python(
    client: TestClient, records: list[dict[str, Any]], name: str
) -> None:
    value, predicate = PREDICATES[name]
    expected = {r["event_id"] for r in records if predicate(r)}
    got = {e["event_id"] for e in _all(client, **{name: value})}
    assert got == expected
    assert 0 < len(expected) <= len(records)


def test_date_range_and_bbox(client: TestClient, records: list[dict[str, Any]]) -> None:
    start, end = date(2024, 6, 1), date(2024, 12, 31)
    expected = {
        r["event_id"]
        for r in records
        if start <= date.fromisoformat(r["date"]["start"]) <= end
        and 30 <= r["location"]["lat"] <= 37
        and 40 <= r["location"]["lon"] <= 45
    }
    got = _all(client, start=str(start), end=str(end), bbox="40,30,45,37")
    assert {e["event_id"] for e in got} == expected and expected


def test_pages_cover_everything_once(client: TestClient, records: list[dict[str, Any]]) -> None:
    items = _all(client, sort="date")
    assert len(items) == len({e["event_id"] for e in items}) == len(records)
    dates = [e["date_start"] for e in items]
    assert dates == sorted(dates)


def test_geojson_by_format_and_accept(client: TestClient) -> None:
    by_format = client.get("/events", params={"format": "geojson", "limit": 5})
    by_accept = client.get(
        "/events", params={"limit": 5}, headers={"Accept": "application/geo+json"}
    )
    for response in (by_format, by_accept):
        assert response.headers["content-type"].startswith("application/geo+json")
        body = response.json()
        assert body["type"] == "FeatureCollection" and len(body["features"]) == 5
        feature = body["features"][0]
        lon, lat = feature["geometry"]["coordinates"]
        assert (lat, lon) == (feature["properties"]["lat"], feature["properties"]["lon"])


def test_event_evidence_and_document_spans(
    client: TestClient, records: list[dict[str, Any]]
) -> None:
    record = next(r for r in records if r["fatalities"])
    detail = client.get(f"/events/{record['event_id']}").json()
    assert detail["event"] == record and detail["review"] is None
    doc = client.get(f"/documents/{record['doc_id']}").json()
    labels = {s["label"] for s in detail["evidence"]}
    assert {
        "trigger",
        "actor1",
        "actor2",
        "location",
        "date",
        "fatalities",
        "attribution",
    } <= labels
    for span in doc["spans"]:
        piece = doc["text"][span["start"] : span["end"]]
        if span["label"] != "attribution":
            assert piece == span["text"], span
    assert {e["event_id"] for e in doc["events"]} >= {record["event_id"]}


def test_stats_are_consistent(client: TestClient, records: list[dict[str, Any]]) -> None:
    stats = client.get("/stats", params={"interval": "month", "level": "report"}).json()
    assert stats["total"] == len(records)
    assert sum(t["count"] for t in stats["by_type"]) == len(records)
    assert sum(b["count"] for b in stats["timeline"]) == len(records)
    assert all(b["period"].endswith("-01") for b in stats["timeline"])
    assert stats["fatalities"] == sum((r["fatalities"] or {}).get("best") or 0 for r in records)
    pairs: dict[tuple[str, str], int] = {}
    for r in records:
        key = (r["actor1"]["name"], r["actor2"]["name"])
        pairs[key] = pairs.get(key, 0) + 1
    top = stats["network"][0]
    assert top["weight"] == max(pairs.values()) == pairs[(top["source"], top["target"])]
    filtered = client.get("/stats", params={"type": "PROTEST"}).json()
    assert [t["key"] for t in filtered["by_type"]] == ["PROTEST"]


def test_map_points_then_grid(client: TestClient, records: list[dict[str, Any]]) -> None:
    points = client.get("/map", params={"level": "report"}).json()
    assert points["mode"] == "points" and len(points["points"]) == len(records)
    grid = client.get("/map", params={"max_points": 10, "zoom": 3, "level": "report"}).json()
    assert grid["mode"] == "grid" and sum(c["count"] for c in grid["cells"]) == len(records)
    assert len(grid["cells"]) < len(records)


def test_actors_and_places(client: TestClient, records: list[dict[str, Any]]) -> None:
    actors = client.get("/actors").json()["items"]
    assert sum(a["events"] for a in actors) == 2 * len(records)
    assert all(a["events"] == a["as_actor1"] + a["as_actor2"] for a in actors)
    militia = client.get("/actors", params={"name": "militia"}).json()["items"]
    assert [a["name"] for a in militia] == ["Tribal Militia"]
    places = client.get("/places", params={"country": "IQ"}).json()["items"]
    assert {p["name"] for p in places} <= {"Mosul", "Ramadi", "Tikrit"} and places


def test_min_sources_uses_canonical_table_when_present(tmp_path: Path) -> None:
    path = tmp_path / "canon.duckdb"
    with Store.open(path) as store:
        store.write_batch(synthetic_documents(5, seed=1), [])
        ids = [r[0] for r in store.con.execute("SELECT event_id FROM events").fetchall()]
    # read-only: a writable server would cluster the pending events as it starts
    with TestClient(create_app(path, read_only=True)) as c:
        assert c.get("/events", params={"min_sources": 2}).json()["total"] == 0
        assert c.get("/events", params={"min_sources": 1}).json()["total"] == len(ids)
    with Store.open(path) as store:
        store.con.execute(
            "INSERT INTO canonical_events BY NAME SELECT 'c1' AS canonical_id, "
            "'k1' AS component_id, 3 AS n_sources"
        )
        store.con.execute(
            "INSERT INTO canonical_members BY NAME SELECT ? AS event_id, 'c1' AS canonical_id, "
            "'k1' AS component_id",
            [ids[0]],
        )
    with TestClient(create_app(path, read_only=True)) as c:
        items = c.get("/events", params={"min_sources": 2}).json()["items"]
        assert [(e["event_id"], e["n_sources"]) for e in items] == [(ids[0], 3)]


@pytest.fixture(scope="module")
def scope_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The hand-made reports of scope_docs: 3 conflict incidents among 8 records."""
    path = tmp_path_factory.mktemp("api-scope") / "scope.duckdb"
    with Store.open(path) as store:
        store.write_batch(scope_documents(), [])
    with TestClient(create_app(path)) as c:
        yield c


def test_conflict_views_count_conflict_incidents_by_default(scope_client: TestClient) -> None:
    canonical = scope_client.get("/stats").json()  # each incident once: two outlets, one attack
    assert (canonical["level"], canonical["total"], canonical["records"]) == ("canonical", 2, 7)
    assert canonical["reports"] == 3 and canonical["fatalities"] == 3  # one toll, not two
    stats = scope_client.get("/stats", params={"level": "report"}).json()
    assert (stats["scope"], stats["total"], stats["records"], stats["conflict"]) == (
        "conflict",
        3,
        8,
        3,
    )
    assert sum(b["count"] for b in stats["timeline"]) == 3  # trends count incidents too
    assert [t["key"] for t in stats["by_acled_type"]] == ["Violence against civilians", "Battles"]
    assert stats["fatalities"] == 6  # the recalled 2019 toll is not in the headline
    every = scope_client.get("/stats", params={"scope": "all", "level": "report"}).json()
    assert (every["scope"], every["total"], every["records"], every["conflict"]) == (
        "all",
        8,
        8,
        3,
    )
    assert {t["key"] for t in every["by_type"]} == {"ASSAULT", "CONSULT"}
    assert None in {t["key"] for t in every["by_acled_type"]}  # the political interaction


def test_events_map_actors_and_places_take_the_scope(scope_client: TestClient) -> None:
    page = scope_client.get("/events").json()
    assert page["total"] == 3 == len(page["items"])
    assert {e["trigger"] for e in page["items"]} == set(CONFLICT_TRIGGERS)
    assert all(e["background"] is False and e["aggregate"] is False for e in page["items"])
    every = scope_client.get("/events", params={"scope": "all"}).json()
    assert every["total"] == 8
    assert {(e["background"], e["aggregate"]) for e in every["items"]} == {
        (False, False),
        (True, False),
        (False, True),
    }
    assert scope_client.get("/map", params={"level": "report"}).json()["total"] == 3
    every_map = scope_client.get("/map", params={"scope": "all", "level": "report"}).json()
    assert every_map["total"] == 8
    actors = {a["name"] for a in scope_client.get("/actors").json()["items"]}
    assert actors == {"Gunmen", "Rebels"}
    places = {
        p["name"] for p in scope_client.get("/places", params={"scope": "all"}).json()["items"]
    }
    assert "Anbar" in places and "Anbar" not in {
        p["name"] for p in scope_client.get("/places").json()["items"]
    }


TABLE_FIELDS = (
    "date_start",
    "plover_type",
    "acled_sub_event_type",
    "actor1_name",
    "actor2_name",
    "location_name",
    "country",
    "fatalities",
    "event_id",
    "n_sources",
    "n_reports",
)


def test_events_and_map_count_incidents_at_the_canonical_level(scope_client: TestClient) -> None:
    """Two outlets telling one attack: one canonical event with both, on the map once."""
    page = scope_client.get("/events", params={"level": "canonical"}).json()
    assert page["level"] == "canonical" and page["total"] == 2 == len(page["items"])
    assert scope_client.get("/stats").json()["total"] == page["total"]  # what the headline counts
    assert all(set(TABLE_FIELDS) <= set(item) for item in page["items"])
    (merged,) = [item for item in page["items"] if item["n_reports"] == 2]
    assert merged["n_sources"] == 2 and len(merged["sources"]) == 2
    assert merged["fatalities_low"] <= merged["fatalities"] <= merged["fatalities_high"]
    detail = scope_client.get(f"/events/{merged['event_id']}").json()
    assert detail["level"] == "canonical" and len(detail["event"]["reports"]) == 2
    report_page = scope_client.get("/events").json()  # the default stays report-level
    assert report_page["level"] == "report" and report_page["total"] == 3
    paged = [
        scope_client.get(
            "/events", params={"level": "canonical", "limit": 1, "offset": n, "sort": "id"}
        ).json()["items"][0]["event_id"]
        for n in range(2)
    ]
    assert paged == sorted(item["event_id"] for item in page["items"])
    one = scope_client.get("/events", params={"level": "canonical", "min_sources": 2}).json()
    assert [item["event_id"] for item in one["items"]] == [merged["event_id"]]
    geo = scope_client.get("/events", params={"level": "canonical", "format": "geojson"}).json()
    assert {f["id"] for f in geo["features"]} == {item["event_id"] for item in page["items"]}
    on_map = scope_client.get("/map").json()  # the map counts incidents by default
    assert on_map["level"] == "canonical" and on_map["total"] == 2
    assert {p["event_id"] for p in on_map["points"]} == {item["event_id"] for item in page["items"]}
    spec = scope_client.get("/openapi.json").json()
    for path, default in (("/events", "report"), ("/map", "canonical"), ("/stats", "canonical")):
        (param,) = [p for p in spec["paths"][path]["get"]["parameters"] if p["name"] == "level"]
        assert param["schema"]["default"] == default
    assert "level=canonical" in spec["paths"]["/events"]["get"]["description"]


def test_a_bad_scope_is_refused_and_documented(scope_client: TestClient) -> None:
    for path in ("/events", "/stats", "/map"):
        _assert_error(scope_client.get(path, params={"scope": "violent"}), 422, "EW-API-422")
    spec = scope_client.get("/openapi.json").json()
    for path in ("/events", "/stats", "/map", "/actors", "/places"):
        (param,) = [p for p in spec["paths"][path]["get"]["parameters"] if p["name"] == "scope"]
        assert param["schema"]["enum"] == ["conflict", "all"] and param["schema"]["default"] == (
            "conflict"
        )
        assert "ACLED event type" in param["description"]


def test_event_detail_carries_mentions_and_flags(scope_client: TestClient) -> None:
    items = scope_client.get("/events", params={"scope": "all", "limit": 100}).json()["items"]
    stormed = next(e for e in items if e["trigger"] == "stormed")
    record = scope_client.get(f"/events/{stormed['event_id']}").json()["event"]
    assert [(m["kind"], m["text"]) for m in record["mentions"]] == [
        ("main", "stormed"),
        ("consequence", "killing"),
        ("coreferent", "The attack"),
    ]
    recall = next(e for e in items if e["trigger"] == "attacked")
    assert scope_client.get(f"/events/{recall['event_id']}").json()["event"]["background"]


def _assert_error(response: Any, status: int, code: str) -> None:
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code and body["error"]["status"] == status
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]


def test_one_error_shape(db_path: Path) -> None:
    app = create_app(db_path, review_token=TOKEN)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("boom")

    with TestClient(app, raise_server_exceptions=False) as c:
        _assert_error(c.get("/events/does-not-exist"), 404, "EW-API-404")
        _assert_error(c.get("/documents/nope"), 404, "EW-API-404")
        _assert_error(c.get("/no/such/path"), 404, "EW-API-404")
        _assert_error(c.get("/events", params={"limit": 0}), 422, "EW-API-422")
        _assert_error(c.get("/events", params={"bbox": "1,2,x,4"}), 422, "EW-API-422")
        _assert_error(
            c.get("/events", params={"start": "2025-02-01", "end": "2025-01-01"}), 422, "EW-API-422"
        )
        _assert_error(c.get("/audit"), 401, "EW-API-401")
        _assert_error(c.get("/audit", headers={"Authorization": "Bearer nope"}), 403, "EW-API-403")
        _assert_error(c.get("/boom"), 500, "EW-API-500")


def test_review_needs_token(db_path: Path, records: list[dict[str, Any]]) -> None:
    event_id = records[0]["event_id"]
    body = {"action": "confirm", "author": "ann"}
    with TestClient(create_app(db_path)) as c:  # no token configured: review disabled
        _assert_error(
            c.post(
                f"/events/{event_id}/review",
                json=body,
                headers={"Authorization": f"Bearer {TOKEN}"},
            ),
            403,
            "EW-API-403",
        )
        assert c.get("/health").json()["review_enabled"] is False
    with TestClient(create_app(db_path, review_token=TOKEN)) as c:
        _assert_error(c.post(f"/events/{event_id}/review", json=body), 401, "EW-API-401")
        auth = {"Authorization": f"Bearer {TOKEN}"}
        _assert_error(c.post("/events/missing/review", json=body, headers=auth), 404, "EW-REV-404")
        _assert_error(
            c.post(
                f"/events/{event_id}/review",
                json={"action": "correct", "author": "ann"},
                headers=auth,
            ),
            400,
            "EW-REV-003",
        )
        _assert_error(
            c.post(f"/events/{event_id}/review", json={**body, "x": 1}, headers=auth),
            422,
            "EW-API-422",
        )
        bad_type = {"action": "correct", "author": "ann", "changes": {"plover_type": "NOPE"}}
        response = c.post(f"/events/{event_id}/review", json=bad_type, headers=auth)
        _assert_error(response, 422, "EW-API-422")
        assert "NOPE" in response.json()["error"]["message"]
        saved = c.post(f"/events/{event_id}/review", json=body, headers=auth)
        assert saved.status_code == 201 and saved.json()["author"] == "ann"
        audit = c.get("/audit", params={"event_id": event_id}, headers=auth).json()["items"]
        assert audit[0]["action"] == "confirm" and audit[0]["author"] == "ann"
        listed = c.get("/events", params={"doc_id": records[0]["doc_id"]}).json()["items"]
        assert {e["event_id"]: e["review_status"] for e in listed}[event_id] == "confirm"


def test_read_only_server_serves_but_refuses_review(db_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "ro.duckdb"
    copy.write_bytes(db_path.read_bytes())
    with TestClient(create_app(copy, review_token=TOKEN, read_only=True)) as c:
        assert c.get("/events").json()["total"] > 0
        assert c.get("/health").json()["read_only"] is True
        event_id = c.get("/events").json()["items"][0]["event_id"]
        assert c.get(f"/events/{event_id}").status_code == 200
        response = c.post(
            f"/events/{event_id}/review",
            json={"action": "confirm", "author": "a"},
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        _assert_error(response, 403, "EW-API-403")


def test_config_lists_ontology(client: TestClient) -> None:
    config = client.get("/config").json()
    assert "ASSAULT" in config["plover_types"]
    assert config["acled_sub_types"]["Armed clash"] == "Battles"
    assert json.loads(json.dumps(config))["review_enabled"] is True


def test_serve_command_defaults_to_loopback(monkeypatch: pytest.MonkeyPatch, db_path: Path) -> None:
    from typer.testing import CliRunner

    import eventwire.api.app as app_module
    from eventwire.cli import app as cli

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(app_module, "serve_app", lambda db, **kw: calls.append({"db": db, **kw}))
    monkeypatch.setenv("EVENTWIRE_REVIEW_TOKEN", "from-env")
    result = CliRunner().invoke(cli, ["serve", "--db", str(db_path), "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert calls[0]["host"] == "127.0.0.1" and calls[0]["port"] == 8123
    assert calls[0]["review_token"] == "from-env" and calls[0]["db"] == str(db_path)
    monkeypatch.delenv("EVENTWIRE_REVIEW_TOKEN")
    result = CliRunner().invoke(
        cli, ["serve", "--db", str(db_path), "--tiles", "https://t/{z}/{x}/{y}.png"]
    )
    assert result.exit_code == 0, result.output
    assert calls[1]["review_token"] == "" and calls[1]["tiles"] == "https://t/{z}/{x}/{y}.png"


def test_ingest_codes_documents_into_the_served_store(tmp_path: Path) -> None:
    from eventwire.config import load_settings

    db = tmp_path / "ingest.duckdb"
    settings = load_settings(
        config_file=None, env={}, db=str(db), stages=("eventwire.structure.v1",)
    )
    text = "Our own test report. Gunmen attacked a checkpoint near the river, police said."
    body = {"documents": [{"id": "r1", "text": text, "published": "2025-01-02"}]}
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(create_app(db, review_token=TOKEN, settings=settings)) as c:
        _assert_error(c.post("/ingest", json=body), 401, "EW-API-401")
        first = c.post("/ingest", json=body, headers=auth).json()
        assert (first["processed"], first["skipped"]) == (1, 0)
        again = c.post("/ingest", json=body, headers=auth).json()
        assert (again["processed"], again["skipped"], again["failed"]) == (0, 0, 0)
        assert c.get("/health").json()["documents"] == 1
        _assert_error(c.post("/ingest", json={"documents": []}, headers=auth), 422, "EW-API-422")
    with Store.open(db, read_only=True) as store:
        ledger = store.con.execute("SELECT input, status FROM ledger").fetchall()
    # the batch's name, not a random temporary path: the record sent twice has one row
    assert ledger == [("ingest:ingest.jsonl#r1", "processed")]

"""The dashboard's routes (timeline, countries, place search, export) and country names in
the one event filter, over a store of synthetic events spanning 2011 to 2025."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventwire.api.app import create_app
from eventwire.db.countries import country_code, country_codes
from eventwire.db.dashboard import auto_interval
from eventwire.db.filters import EventFilter
from eventwire.db.store import Store
from eventwire.dedup.cluster import cluster_store
from eventwire.errors import ConfigError
from synth_docs import synthetic_documents


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path: Path = tmp_path_factory.mktemp("dash") / "dash.duckdb"
    with Store.open(path) as store:
        # two runs of reports, 2011-2013 and 2023-2025: a span of 14 years
        store.write_batch(synthetic_documents(30, seed=5, published=date(2013, 1, 1)), [])
        store.write_batch(synthetic_documents(30, seed=6, published=date(2025, 6, 30)), [])
        cluster_store(store)
    with TestClient(create_app(path)) as c:
        yield c


def test_country_names_and_codes_resolve_the_same() -> None:
    assert country_codes(["Somalia", "somalia", "SO", "SOM", " so "]) == ("SO",) * 5
    assert country_code("Democratic Republic of Congo") == "CD"
    assert country_code("Iran") == "IR" and country_code("Kosovo") == "XK"
    assert EventFilter.from_options({"country": "Iraq,sy"}).country == ("IQ", "SY")
    with pytest.raises(ConfigError, match=r"EW-QRY-013.*did you mean Somalia \(SO\)"):
        country_code("Somalai")
    with pytest.raises(ConfigError, match="EW-QRY-013"):
        country_code("Qqqqqq")


def test_events_by_country_name_or_code(client: TestClient) -> None:
    totals = {
        value: client.get("/events", params={"country": value, "scope": "all"}).json()["total"]
        for value in ("IQ", "iq", "Iraq", "iraq", "IRQ")
    }
    assert len(set(totals.values())) == 1 and totals["IQ"] > 0
    bad = client.get("/events", params={"country": "Irak"})
    assert bad.status_code == 422
    message = bad.json()["error"]["message"]
    assert "EW-QRY-013" in message and "Iraq (IQ)" in message


def test_countries_lists_names_and_counts(client: TestClient) -> None:
    items = client.get("/countries", params={"scope": "all", "level": "report"}).json()["items"]
    by_code = {c["code"]: c for c in items}
    assert by_code["IQ"]["name"] == "Iraq" and by_code["CD"]["name"]
    total = client.get("/events", params={"scope": "all"}).json()["total"]
    assert sum(c["events"] for c in items) <= total
    iraq = client.get("/events", params={"scope": "all", "country": "IQ"}).json()["total"]
    assert by_code["IQ"]["events"] == iraq


def test_timeline_bins_by_span_and_acled_type(client: TestClient) -> None:
    every = client.get("/timeline", params={"scope": "all", "level": "report"}).json()
    assert every["interval"] == "year" and every["by"] == "acled"
    assert every["first_date"] < "2012" and every["last_date"] > "2024"
    assert {b["period"][5:] for b in every["bins"]} == {"01-01"}
    types = {b["type"] for b in every["bins"]}
    assert "Protests" in types and "Battles" in types
    total = client.get("/events", params={"scope": "all"}).json()["total"]
    assert sum(b["count"] for b in every["bins"]) == total
    recent = client.get(
        "/timeline", params={"scope": "all", "level": "report", "since": "2025-05-01"}
    ).json()
    assert recent["interval"] in {"day", "week"}
    plover = client.get("/timeline", params={"by": "plover", "interval": "month"}).json()
    assert plover["interval"] == "month" and {"ASSAULT"} <= {b["type"] for b in plover["bins"]}
    canonical = client.get("/timeline", params={"scope": "all"}).json()
    stats = client.get("/stats", params={"scope": "all"}).json()
    assert sum(b["count"] for b in canonical["bins"]) == stats["total"]
    assert auto_interval(date(2024, 1, 1), date(2024, 3, 1)) == "day"
    assert auto_interval(date(2016, 1, 1), date(2024, 3, 1)) == "month"


def test_place_search_suggests_by_prefix(client: TestClient) -> None:
    from eventwire.pipeline.places.gazetteer.build import index_path

    if not index_path().exists():
        pytest.skip("no gazetteer index built (eventwire gazetteer build)")
    items = client.get("/places/search", params={"q": "mogad"}).json()["items"]
    assert items and items[0]["name"] == "Mogadishu" and items[0]["country"] == "SO"
    assert -2 < items[0]["lat"] < 4 and 44 < items[0]["lon"] < 47
    country = client.get("/places/search", params={"q": "somalia"}).json()["items"]
    assert country[0]["feature"] == "country"
    only = client.get("/places/search", params={"q": "mo", "country": "Iraq"}).json()["items"]
    assert only and {p["country"] for p in only} == {"IQ"}
    assert client.get("/places/search", params={"q": ""}).status_code == 422


def test_export_streams_the_filtered_selection(client: TestClient) -> None:
    params = {"scope": "all", "country": "Iraq", "level": "report"}
    total = client.get("/events", params=params).json()["total"]
    got = client.get("/export", params={**params, "format": "csv"})
    assert got.status_code == 200 and got.headers["content-type"].startswith("text/csv")
    assert 'filename="eventwire-report-' in got.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(got.text)))
    assert len(rows) == total and {r["country"] for r in rows} == {"IQ"}

    acled = client.get("/export", params={**params, "format": "acled"})
    rows = list(csv.DictReader(io.StringIO(acled.text)))
    assert len(rows) == total and {r["country"] for r in rows} == {"Iraq"}
    assert "event_type" in rows[0] and "sub_event_type" in rows[0]

    geo = client.get("/export", params={**params, "format": "geojson"})
    assert geo.headers["content-type"].startswith("application/geo+json")
    features = json.loads(geo.text)["features"]
    assert len(features) == total and all(f["geometry"]["type"] == "Point" for f in features)

    canonical = client.get("/export", params={"scope": "all", "format": "csv"})
    incidents = client.get("/stats", params={"scope": "all"}).json()["total"]
    assert len(list(csv.DictReader(io.StringIO(canonical.text)))) == incidents
    assert client.get("/export", params={"format": "xls"}).status_code == 422


def test_place_search_without_an_index_says_how_to_build_it(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A missing index is a 503 naming the command, never a minutes-long build in a request."""
    from eventwire.pipeline.places.gazetteer import index

    monkeypatch.setattr(index, "index_path", lambda: tmp_path / "no-index.npz")
    monkeypatch.setattr(index, "_LOADED", {})  # nothing loaded in this process either
    for path in ("/places/search", "/lookup/places"):
        got = client.get(path, params={"q": "mogad"})
        assert got.status_code == 503, path
        error = got.json()["error"]
        assert error["code"] == "EW-DAT-020" and "eventwire gazetteer build" in error["message"]

"""What the dashboard's map and actor network read: /map points and /stats network edges."""

from __future__ import annotations

from pathlib import Path

from eventwire.db.filters import EventFilter
from eventwire.db.reader import EventReader
from eventwire.db.store import Store
from eventwire.records import Actor
from synth_docs import synthetic_documents


def _store(tmp_path: Path) -> Path:
    docs = synthetic_documents(12, seed=5)
    events = [e for d in docs for e in d.events]
    events[0].location.precision = 3
    events[1].actor2 = Actor("a loud blast", events[1].actor2.start, events[1].actor2.end)
    db = tmp_path / "map.duckdb"
    with Store.open(db) as store:
        store.write_batch(docs, [])
    return db


def test_map_points_carry_the_popup_fields_and_precision(tmp_path: Path) -> None:
    with Store.open(_store(tmp_path)) as store:
        points = EventReader(store).map_features(EventFilter(scope="all"), 4, 1000)
    assert points["mode"] == "points"
    keys = {"event_id", "lat", "lon", "type", "acled_type", "date", "place", "admin1", "country"}
    keys |= {"actor1", "actor2", "fatalities", "precision"}
    assert all(keys <= set(p) for p in points["points"])
    assert {p["precision"] for p in points["points"]} == {1, 3}
    assert any(p["actor2"] == "a loud blast" for p in points["points"])
    with Store.open(tmp_path / "map.duckdb") as store:
        grid = EventReader(store).map_features(EventFilter(scope="all"), 2, 3)
    assert grid["mode"] == "grid"
    acled = {"Battles", "Protests", "Riots", "Strategic developments"}
    acled |= {"Violence against civilians", "Explosions/Remote violence"}
    assert {c["type"] for c in grid["cells"]} <= acled  # the synthetic events are all typed


def test_network_edges_say_which_actors_are_coded(tmp_path: Path) -> None:
    with Store.open(_store(tmp_path)) as store:
        edges = EventReader(store).stats(EventFilter(scope="all"), None, 5, 200)["network"]
    uncoded = [e for e in edges if e["target"] == "a loud blast"]
    assert uncoded and all(e["target_inter"] is None for e in uncoded)
    coded = [e for e in edges if e["target"] != "a loud blast"]
    assert coded and all(1 <= e["source_inter"] <= 8 for e in coded)
    assert all(e["type"] for e in coded)

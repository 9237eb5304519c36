"""Trends and alerts: four quiet weeks then a violent week in Nineveh, steady protests in
Basra, a group never seen before (:mod:`trend_docs`), through the library, ``GET /trends``
and ``eventwire trends`` in a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from eventwire.api.app import create_app
from eventwire.db.filters import EventFilter
from eventwire.db.store import Store
from eventwire.db.trends import TrendOptions, compute_trends, level_of
from eventwire.dedup.cluster import cluster_store
from eventwire.errors import ConfigError
from trend_docs import AS_OF, NEW_GROUP, trend_documents

OPTIONS = TrendOptions(as_of=AS_OF)


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("trends") / "trends.duckdb"
    with Store.open(path) as store:
        store.write_batch(trend_documents(), [])
        cluster_store(store)
    return path


@pytest.fixture(scope="module")
def result(db_path: Path) -> dict[str, Any]:
    with Store.open(db_path, read_only=True) as store:
        return compute_trends(store.con, OPTIONS)


def _area(result: dict[str, Any], admin1: str) -> dict[str, Any]:
    return next(a for a in result["areas"] if a["admin1"] == admin1)


def _check_story(result: dict[str, Any]) -> None:
    """The three things the story must show, whichever way the result was obtained."""
    nineveh, basra = _area(result, "Nineveh"), _area(result, "Basra")
    assert nineveh["level"] == "large increase"
    assert (nineveh["events"], nineveh["baseline_events"], nineveh["fatalities"]) == (8, 1.0, 30)
    assert basra["level"] == "stable"
    assert (basra["events"], basra["baseline_events"]) == (4, 4.0)
    assert [a["name"] for a in result["new_actors"]] == [NEW_GROUP[0]]
    assert [(s["admin1"], s["fatalities"]) for s in result["spikes"]] == [("Nineveh", 30)]


def test_the_violent_week_is_a_large_increase_and_the_protests_are_not(
    result: dict[str, Any],
) -> None:
    _check_story(result)
    assert result["window"] == {"start": "2025-06-23", "end": "2025-06-29", "days": 7}
    assert result["baseline"] == {"start": "2025-05-26", "end": "2025-06-22", "windows": 4}
    nineveh = _area(result, "Nineveh")
    assert nineveh["events_change"] == 7.0  # (8 - 1) / 1
    assert nineveh["max_earlier_fatalities"] == 1
    assert result["areas"][0]["admin1"] == "Nineveh"  # the most alarming first
    assert result["totals"]["areas_by_level"]["large increase"] == 1


def test_new_actor_has_first_seen_day_and_area_and_generic_actors_are_never_new(
    result: dict[str, Any],
) -> None:
    (actor,) = result["new_actors"]
    assert actor == {
        "actor_id": NEW_GROUP[1],
        "name": NEW_GROUP[0],
        "inter": NEW_GROUP[2],
        "first_seen": "2025-06-24",
        "country": "IQ",
        "admin1": "Nineveh",
        "events": 3,
    }
    # Anbar's gunmen (Unidentified Armed Group), the civilians they attacked and the
    # protesters appear in the window for the first time or not: never a new actor
    anbar = _area(result, "Anbar")
    assert anbar["events"] == 1 and anbar["level"] == "stable"  # under the floor


def test_a_later_window_no_longer_sees_the_group_as_new(db_path: Path) -> None:
    later = TrendOptions(as_of=AS_OF + timedelta(days=7))
    with Store.open(db_path, read_only=True) as store:
        result = compute_trends(store.con, later)
        lower_floor = compute_trends(store.con, TrendOptions(later.as_of, min_events=2))
    assert result["new_actors"] == []
    nineveh = _area(result, "Nineveh")  # nothing this week, after 8 + 1 + 1 + 1 before
    assert (nineveh["events"], nineveh["baseline_events"]) == (0, 2.75)
    assert nineveh["level"] == "stable"  # under the floor of three a week either way
    assert _area(lower_floor, "Nineveh")["level"] == "decrease"
    assert result["spikes"] == []


def test_filters_choose_the_incidents(db_path: Path) -> None:
    with Store.open(db_path, read_only=True) as store:
        basra = compute_trends(store.con, OPTIONS, EventFilter(admin1="basra"))
        syria = compute_trends(store.con, OPTIONS, EventFilter(country=("SY",)))
        protests = compute_trends(store.con, OPTIONS, EventFilter(acled_type=("Protests",)))
        everything = compute_trends(store.con, OPTIONS, EventFilter(scope="all"))
    assert [a["admin1"] for a in basra["areas"]] == ["Basra"]
    assert basra["new_actors"] == [] and basra["spikes"] == []
    assert syria["areas"] == [] and syria["totals"]["events"] == 0
    assert [a["admin1"] for a in protests["areas"]] == ["Basra"]
    assert everything["scope"] == "conflict"  # trends always count conflict incidents


def test_a_longer_baseline_and_window(db_path: Path) -> None:
    with Store.open(db_path, read_only=True) as store:
        result = compute_trends(
            store.con, TrendOptions(as_of=AS_OF, window_days=14, baseline_windows=2)
        )
    nineveh = _area(result, "Nineveh")
    # window: 8 + the attack of the week before; baseline: weeks 2-5 before → 3 in 28 days
    assert nineveh["events"] == 9
    assert nineveh["baseline_events"] == 1.5


@pytest.mark.parametrize(
    ("events", "mean", "level"),
    [
        (8, 1.0, "large increase"),
        (5, 4.0, "moderate increase"),  # +25% is not above 25%
        (6, 4.0, "large increase"),
        (11, 10.0, "moderate increase"),  # +10%
        (10, 10.0, "stable"),
        (9.5, 10.0, "stable"),
        (9, 10.0, "decrease"),  # -10%
        (0, 3.0, "decrease"),
        (3, 0.0, "large increase"),  # new activity at the floor
        (2, 0.0, "stable"),  # under the floor
        (2, 1.0, "stable"),  # +100%, but two incidents
        (0, 2.75, "stable"),  # -100%, but under three a week before
    ],
)
def test_level_rule(events: int, mean: float, level: str) -> None:
    assert level_of(events, mean, OPTIONS) == level  # type: ignore[arg-type]


def test_options_are_checked() -> None:
    assert TrendOptions.from_options({"as_of": "2025-06-29", "window_days": "14"}).window == (
        date(2025, 6, 16),
        date(2025, 6, 29),
    )
    with pytest.raises(ConfigError, match="EW-QRY-001"):
        TrendOptions.from_options({"as_of": "29/06/2025"})
    for bad in ({"window_days": 0}, {"baseline_windows": "x"}, {"spike_floor": True}):
        with pytest.raises(ConfigError, match="EW-QRY-012"):
            TrendOptions.from_options(bad)


def test_an_empty_store_has_no_trends() -> None:
    with Store.open(":memory:") as store:
        result = compute_trends(store.con, OPTIONS)
    assert result["areas"] == [] and result["new_actors"] == [] and result["spikes"] == []


@pytest.fixture(scope="module")
def client(db_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db_path, read_only=True)) as c:
        yield c


def test_trends_endpoint(client: TestClient) -> None:
    response = client.get("/trends", params={"as_of": "2025-06-29", "window_days": 7})
    assert response.status_code == 200
    _check_story(response.json())
    narrowed = client.get("/trends", params={"as_of": "2025-06-29", "admin1": "Basra"}).json()
    assert [a["admin1"] for a in narrowed["areas"]] == ["Basra"]


@pytest.mark.parametrize(
    "params",
    [
        {"as_of": "yesterday"},
        {"window_days": 0},
        {"baseline_windows": 1000},
        {"country": "I" * 2000},
    ],
)
def test_trends_endpoint_refuses_bad_parameters(client: TestClient, params: dict[str, Any]) -> None:
    response = client.get("/trends", params=params)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "EW-API-422"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "eventwire", "trends", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_trends_command(db_path: Path) -> None:
    proc = _cli("--as-of", "2025-06-29", "--db", str(db_path), "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert lines[0]["kind"] == "trends"
    result = {
        "areas": [x for x in lines if x["kind"] == "area"],
        "new_actors": [x for x in lines if x["kind"] == "new_actor"],
        "spikes": [x for x in lines if x["kind"] == "spike"],
    }
    _check_story(result)
    table = _cli("--as-of", "2025-06-29", "--db", str(db_path))
    assert table.returncode == 0, table.stderr
    nineveh = next(line for line in table.stdout.splitlines() if "Nineveh" in line)
    basra = next(line for line in table.stdout.splitlines() if "Basra" in line)
    assert "large" in nineveh and "+700%" in nineveh
    assert "stable" in basra and "increase" not in basra
    assert NEW_GROUP[0] in table.stdout
    bad = _cli("--as-of", "2025-13-01", "--db", str(db_path))
    assert bad.returncode == 2 and "EW-QRY-001" in bad.stderr

"""``eventwire export`` (levels, formats, filters) and ``eventwire stats``."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.db.exports import ACLED_COLUMNS
from eventwire.db.filters import EventFilter, parse_bbox, parse_date
from eventwire.db.store import Store
from eventwire.errors import ConfigError
from synth_events import insert_synthetic, synthetic_events
from test_dedup import attack_reports

runner = CliRunner()
BAGHDAD_DAY = [
    "--country",
    "IQ",
    "--since",
    "2024-03-04",
    "--until",
    "2024-03-04",
    "--bbox",
    "44,33,45,34",
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("export") / "events.duckdb"
    with Store.open(path) as store:
        store.write_batch(attack_reports(), [])
        insert_synthetic(store.con, synthetic_events(2000, seed=7, start=date(2023, 1, 1)))
    return str(path)


def run(db: str, *args: str) -> Any:
    result = runner.invoke(app, ["export", "--db", db, *args])
    return result


def test_jsonl_report_level_with_filters(db: str) -> None:
    result = run(db, *BAGHDAD_DAY)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 5
    assert {r["source"] for r in records} == {"Tigris Wire", "Euphrates Daily", "Levant Observer"}
    assert all(r["location"]["name"] == "Baghdad" for r in records)


def test_jsonl_canonical_level_clusters_when_stale(db: str) -> None:
    result = run(db, "--level", "canonical", *BAGHDAD_DAY)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(r["n_sources"] for r in records) == [2, 3]
    bombing = next(r for r in records if r["n_sources"] == 3)
    assert bombing["fatalities"] == {"best": 14, "low": 10, "high": 14}
    assert len(bombing["reports"]) == 3


def test_min_sources_at_both_levels(db: str) -> None:
    report = run(db, "--min-sources", "3", *BAGHDAD_DAY)
    assert len(report.stdout.splitlines()) == 3  # the three reports of the bombing
    canonical = run(db, "--level", "canonical", "--format", "csv", "--min-sources", "3")
    rows = list(csv.DictReader(io.StringIO(canonical.stdout)))
    assert rows and all(int(r["n_sources"]) >= 3 for r in rows)


def test_acled_csv_uses_acled_columns(db: str) -> None:
    result = run(
        db, "--format", "acled-csv", "--type", "Remote explosive/landmine/IED", *BAGHDAD_DAY
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert len(rows) == 3
    row = next(r for r in rows if r["source"] == "Euphrates Daily")
    assert row["event_date"] == "2024-03-04" and row["time_precision"] == "1"
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["country"] == "Iraq" and row["location"] == "Baghdad"
    assert row["geo_precision"] == "1" and row["fatalities"] == "10"
    assert row["inter1"] == "2" and row["inter2"] == "7" and row["interaction"] == "27"
    assert "Islamic State" in row["actor1"] and row["notes"].startswith("Islamic State")


def test_acled_csv_canonical_lists_all_sources(db: str) -> None:
    result = run(
        db, "--format", "acled-csv", "--level", "canonical", "--min-sources", "3", *BAGHDAD_DAY
    )
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 1
    assert rows[0]["source"] == "Euphrates Daily; Levant Observer; Tigris Wire"
    assert rows[0]["fatalities"] == "14"


def test_geojson_is_a_feature_collection(db: str) -> None:
    result = run(db, "--format", "geojson", "--type", "ASSAULT", "--country", "IQ")
    data = json.loads(result.stdout)
    assert data["type"] == "FeatureCollection" and data["features"]
    for feature in data["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["properties"]["lat"] == lat and feature["properties"]["lon"] == lon
        assert feature["properties"]["plover_type"] == "ASSAULT"


def test_parquet_partitioned_by_month_and_single_file(db: str, tmp_path: Path) -> None:
    out = tmp_path / "events"
    assert run(db, "--format", "parquet", "-o", str(out)).exit_code == 0
    months = sorted(p.name for p in out.iterdir())
    assert months[0].startswith("month=2023-") and "month=2024-03" in months
    total = duckdb.sql(
        f"SELECT count(*) FROM read_parquet('{out}/*/*.parquet', hive_partitioning = true)"
    ).fetchall()[0][0]
    with Store.open(db, read_only=True) as store:
        assert total == store.counts()["events"]
    single = tmp_path / "canonical.parquet"
    assert run(db, "--format", "parquet", "--level", "canonical", "-o", str(single)).exit_code == 0
    cols = duckdb.sql(f"SELECT * FROM '{single}' LIMIT 1").columns
    assert "n_sources" in cols and "record" in cols and "month" not in cols


@pytest.mark.parametrize(
    "args",
    [
        ["--bbox", "1,2,3"],
        ["--since", "last week"],
        ["--format", "xml"],
        ["--format", "parquet"],
        ["--level", "cluster"],
        ["--modality", "certain"],
        ["--machine", "--level", "canonical"],
    ],
)
def test_usage_errors_exit_2(db: str, args: list[str]) -> None:
    assert run(db, *args).exit_code == 2


def test_filters_match_a_python_reference(db: str) -> None:
    flt = EventFilter.from_options(
        {
            "since": "2023-06-01",
            "until": "2023-09-30",
            "bbox": "30,10,50,40",
            "type": "fight",  # PLOVER 2021 merged FIGHT into ASSAULT: selects ASSAULT
            "actor": "actor 1",
            "modality": "asserted",
        }
    )
    where, params = flt.where("report")
    with Store.open(db, read_only=True) as store:
        got = {
            r[0]
            for r in store.con.execute(
                f"SELECT event_id FROM events WHERE {where}", params
            ).fetchall()
        }
        rows = store.con.execute(
            "SELECT event_id, date_start, date_end, lat, lon, plover_type, "
            "actor1_name, actor2_name, modality FROM events"
        ).fetchall()
    expected = {
        r[0]
        for r in rows
        if r[2] >= date(2023, 6, 1)
        and r[1] <= date(2023, 9, 30)
        and r[3] is not None
        and 10 <= r[3] <= 40
        and 30 <= r[4] <= 50
        and r[5] == "ASSAULT"
        and any(a and "actor 1" in a.lower() for a in (r[6], r[7]))
        and r[8] == "asserted"
    }
    assert expected and got == expected


def test_stats_counts_and_chart(db: str) -> None:
    result = runner.invoke(app, ["stats", "--db", db, "--json", "--country", "IQ"])
    assert result.exit_code == 0, result.output
    counts = json.loads(result.stdout)
    assert counts["total"] == sum(n for _, n in counts["type"])
    assert counts["month"] == sorted(counts["month"])
    chart = runner.invoke(app, ["stats", "--db", db, "--by", "type", "--level", "canonical"])
    assert chart.exit_code == 0 and "ASSAULT" in chart.stdout and "█" in chart.stdout
    assert runner.invoke(app, ["stats", "--db", db, "--by", "colour"]).exit_code == 2


@given(st.text(max_size=60))
def test_parse_bbox_accepts_only_valid_boxes(text: str) -> None:
    try:
        box = parse_bbox(text)
    except ConfigError:
        return
    assert box is not None and len(box) == 4 and box[1] <= box[3]


@given(st.lists(st.floats(-200, 200), min_size=4, max_size=4))
def test_parse_bbox_numbers(values: list[float]) -> None:
    ok = (
        all(-180 <= v <= 180 for v in values[::2])
        and all(-90 <= v <= 90 for v in values[1::2])
        and values[1] <= values[3]
    )
    text = ",".join(repr(v) for v in values)
    if ok:
        assert parse_bbox(text) == tuple(values)
    else:
        with pytest.raises(ConfigError):
            parse_bbox(text)


@given(st.text(max_size=30))
def test_parse_date_never_crashes(text: str) -> None:
    try:
        value = parse_date(text, "since")
    except ConfigError as exc:
        assert exc.code == "EW-QRY-001"
    else:
        assert isinstance(value, date)


def test_reviews_apply_by_default_and_reviewed_is_a_no_op_alias(tmp_path: Path) -> None:
    from eventwire.db.review import add_review

    path = tmp_path / "reviewed.duckdb"
    docs = attack_reports()
    with Store.open(path) as store:
        store.write_batch(docs, [])
        add_review(store.con, docs[0].events[0].event_id, "reject", None, "analyst")
    plain = run(str(path))
    reviewed = run(str(path), "--reviewed")
    machine = run(str(path), "--machine")
    assert reviewed.exit_code == 0, reviewed.output
    assert "deprecated" in reviewed.stderr
    assert len(plain.stdout.splitlines()) == 4 == len(reviewed.stdout.splitlines())
    assert len(machine.stdout.splitlines()) == 5


def test_like_patterns_escape_wildcards_and_backslashes() -> None:
    """Filters match user text literally: %, _ and \\ are not wildcards or escapes."""
    import duckdb

    from eventwire.db.filters import contains, like

    con = duckdb.connect()
    con.execute("CREATE TABLE t (name VARCHAR)")
    con.execute(r"INSERT INTO t VALUES ('100% sure'), ('100 sure'), ('a_b'), ('axb'), ('c\d')")

    def hits(text: str) -> list[str]:
        rows = con.execute(f"SELECT name FROM t WHERE {contains('name')} ORDER BY 1", [like(text)])
        return [r[0] for r in rows.fetchall()]

    assert hits("0% s") == ["100% sure"]
    assert hits("a_b") == ["a_b"]
    assert hits("c\\d") == ["c\\d"]

"""Synthetic report-level events at scale, for benchmarks and store/export tests.

Each synthetic *true* event (type, place, day, actors, toll) is reported by one to four
outlets; the reports differ the way real ones do (a missing actor, a toll that rises in
later reports, a province instead of a town, a date a day off from a publication date).
``truth_id`` says which true event a report describes, so clustering can be scored.
Generated column-wise with numpy: a million events take seconds. No corpus text is used.

>>> table = synthetic_events(1000, seed=1)
>>> table.num_rows
1000
>>> {"event_id", "truth_id", "plover_type", "lat", "date_start"} <= set(table.column_names)
True
"""

from __future__ import annotations

from datetime import date

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

TYPES: tuple[tuple[str, str, str, str, float], ...] = (
    # plover_type, plover_mode, acled_event_type, acled_sub_event_type, weight
    ("ASSAULT", "explosives", "Explosions/Remote violence", "Remote explosive/landmine/IED", 3),
    ("ASSAULT", "kill", "Violence against civilians", "Attack", 4),
    ("ASSAULT", "abduction", "Violence against civilians", "Abduction/forced disappearance", 1),
    ("ASSAULT", "clash", "Battles", "Armed clash", 4),
    ("ASSAULT", "aerial", "Explosions/Remote violence", "Air/drone strike", 2),
    ("ASSAULT", "artillery", "Explosions/Remote violence", "Shelling/artillery/missile attack", 2),
    ("PROTEST", "demonstrate", "Protests", "Peaceful protest", 4),
    ("PROTEST", "riot", "Riots", "Violent demonstration", 1),
    ("COERCE", "arrest", "Strategic developments", "Arrests", 1),
    ("MOBILIZE", "troops", "Strategic developments", "Other", 1),
)
COUNTRIES: tuple[tuple[str, float, float], ...] = (
    ("IQ", 33.3, 44.4),
    ("SY", 35.0, 38.5),
    ("YE", 15.4, 44.2),
    ("AF", 34.5, 69.2),
    ("NG", 11.8, 13.2),
    ("ML", 16.3, -0.1),
    ("SO", 2.0, 45.3),
    ("UA", 48.0, 37.8),
    ("MX", 20.5, -101.0),
    ("IN", 28.6, 77.2),
    ("PK", 33.7, 73.1),
    ("LB", 33.9, 35.5),
    ("CD", -1.7, 29.2),
    ("SD", 15.5, 32.5),
    ("MM", 21.0, 96.0),
    ("CO", 4.6, -74.1),
)
ACTOR_INTER = np.array([1, 2, 3, 4, 8, 1, 2, 3, 6, 7])
OUTLETS = 40
PLACES_PER_COUNTRY = 60


def synthetic_events(
    n: int, seed: int = 0, start: date = date(2023, 1, 1), days: int = 730
) -> pa.Table:
    """``n`` report-level events as an Arrow table with the ``events`` columns + truth_id."""
    rng = np.random.default_rng(seed)
    n_reports = rng.choice([1, 2, 3, 4], size=n, p=[0.45, 0.3, 0.15, 0.1])
    truth = np.repeat(np.arange(n), n_reports)[:n]  # true event of each report
    n_true = int(truth[-1]) + 1 if n else 0
    weights = np.array([t[4] for t in TYPES])
    t_type = rng.choice(len(TYPES), size=n_true, p=weights / weights.sum())
    t_country = rng.integers(0, len(COUNTRIES), size=n_true)
    t_place = (
        t_country * PLACES_PER_COUNTRY + rng.zipf(1.6, size=n_true).clip(1, PLACES_PER_COUNTRY) - 1
    )
    t_day = rng.integers(0, days, size=n_true)
    t_actor1 = rng.integers(0, 300, size=n_true)
    t_actor2 = rng.integers(0, 300, size=n_true)
    t_fat = np.where(rng.random(n_true) < 0.5, 0, rng.geometric(0.15, size=n_true))

    # the places: fixed per seed-independent index, so every run sees the same towns
    place_rng = np.random.default_rng(12345)
    n_places = len(COUNTRIES) * PLACES_PER_COUNTRY
    centre = np.array([(c[1], c[2]) for c in COUNTRIES]).repeat(PLACES_PER_COUNTRY, axis=0)
    coords = centre + place_rng.normal(0, 1.5, size=(n_places, 2))

    ty = t_type[truth]
    place = t_place[truth]
    province = rng.random(n) < 0.08  # some reports only name the province
    lat = np.round(coords[place, 0] + np.where(province, 0.3, 0.0), 4)
    lon = np.round(coords[place, 1] + np.where(province, 0.3, 0.0), 4)
    day = t_day[truth]
    lag = rng.choice([0, 0, 0, 1, 1, 2], size=n)
    published = day + lag
    publication_dated = rng.random(n) < 0.1  # no date expression: the publication date
    ev_day = np.where(publication_dated, published, day)
    fat_true = t_fat[truth]
    rises = rng.random(n) < 0.3
    fat = np.where(rises & (lag == 0), (fat_true * 0.7).astype(int), fat_true)
    a1 = np.where(rng.random(n) < 0.3, -1, t_actor1[truth])
    a2 = np.where(rng.random(n) < 0.4, -1, t_actor2[truth])
    country = np.array([c[0] for c in COUNTRIES])[t_country[truth]]
    base = np.datetime64(start.isoformat(), "D")

    ids = np.arange(n) + 1_000_000_000  # fixed width, sorts like the numbers
    table = pa.table(
        {
            "event_id": _names("s", ids),
            "doc_id": _names("d", ids),
            "source_id": pa.nulls(n, pa.string()),
            "plover_type": np.array([t[0] for t in TYPES])[ty],
            "plover_mode": np.array([t[1] for t in TYPES])[ty],
            "acled_event_type": np.array([t[2] for t in TYPES])[ty],
            "acled_sub_event_type": np.array([t[3] for t in TYPES])[ty],
            "cameo_root": np.where(np.isin(ty, [0, 1, 2]), "18", "19"),
            "actor1_id": _names("A", a1),
            "actor1_name": _names("Actor ", a1),
            "actor1_inter": pa.array(np.where(a1 < 0, 0, ACTOR_INTER[a1 % 10]), mask=a1 < 0),
            "actor2_id": _names("A", a2),
            "actor2_name": _names("Actor ", a2),
            "actor2_inter": pa.array(np.where(a2 < 0, 0, ACTOR_INTER[a2 % 10]), mask=a2 < 0),
            "location_name": pc.if_else(
                province, _names("Province ", place // 10), _names("Town ", place)
            ),
            "geonameid": pa.array(np.where(province, 0, 1_000_000 + place), mask=province),
            "country": country,
            "admin1": _names("Province ", place // 10),
            "lat": lat,
            "lon": lon,
            "geo_precision": np.where(province, 3, 1),
            "date_start": base + ev_day,
            "date_end": base + ev_day,
            "date_precision": np.where(publication_dated, "publication", "day"),
            "fatalities": fat,
            "fatalities_low": fat,
            "fatalities_high": fat,
            "modality": np.where(rng.random(n) < 0.05, "negated", "asserted"),
            "source": _names("Outlet ", rng.integers(0, OUTLETS, size=n)),
            "published": base + published,
            "confidence": np.round(rng.uniform(0.4, 0.95, size=n), 3),
            "sentence_start": np.zeros(n, dtype=np.int32),
            "sentence_end": np.full(n, 80, dtype=np.int32),
            "truth_id": truth,
        }
    )
    return table


def _names(prefix: str, idx: np.ndarray) -> pa.Array:
    """``prefix + str(i)`` for each i (null where i < 0), computed by Arrow."""
    text = pc.cast(pa.array(idx, mask=idx < 0), pa.string())
    return pc.binary_join_element_wise(prefix, text, "")


_RECORD_SQL = """json_object(
    'event_id', event_id, 'doc_id', doc_id, 'plover_type', plover_type,
    'plover_mode', plover_mode, 'acled_event_type', acled_event_type,
    'acled_sub_event_type', acled_sub_event_type, 'cameo_root', cameo_root,
    'actor1', CASE WHEN actor1_id IS NULL THEN NULL ELSE json_object(
        'id', actor1_id, 'name', actor1_name, 'text', actor1_name, 'inter', actor1_inter) END,
    'actor2', CASE WHEN actor2_id IS NULL THEN NULL ELSE json_object(
        'id', actor2_id, 'name', actor2_name, 'text', actor2_name, 'inter', actor2_inter) END,
    'assoc_actors', json('[]'),
    'location', json_object('name', location_name, 'geonameid', geonameid, 'lat', lat,
        'lon', lon, 'admin1', admin1, 'country', country, 'precision', geo_precision),
    'date', json_object('start', date_start, 'end', date_end, 'precision', date_precision),
    'fatalities', json_object('best', fatalities, 'low', fatalities_low,
        'high', fatalities_high),
    'modality', modality, 'source', source, 'published', published,
    'confidence', confidence,
    'sentence', 'Synthetic report ' || event_id || ' of a ' || lower(plover_type) || '.',
    'span', json_array(sentence_start, sentence_end))"""


def insert_synthetic(con: duckdb.DuckDBPyConnection, table: pa.Table) -> None:
    """Insert a synthetic table into ``events`` (the JSON record is built by DuckDB)."""
    con.register("_ew_synth", table.drop_columns(["truth_id"]))
    try:
        con.execute(f"INSERT INTO events BY NAME SELECT *, {_RECORD_SQL} AS record FROM _ew_synth")
    finally:
        con.unregister("_ew_synth")

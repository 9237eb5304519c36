"""Write report-level or canonical events as JSONL, CSV, ACLED-CSV, Parquet or GeoJSON.

Every writer streams (batches of 4,096 rows), so a store of millions of events exports in
constant memory. Parquet goes to one file, or to a directory partitioned by month
(``month=2024-03/…parquet``, hive style, which DuckDB, Spark and Polars read directly).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from eventwire.db.filters import EventFilter
from eventwire.db.queries import COLUMNS, select_sql
from eventwire.db.store import Store
from eventwire.records import Actor, parse_iso_date

FORMATS: tuple[str, ...] = ("jsonl", "csv", "acled-csv", "parquet", "geojson")
BATCH = 4096

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "country",
    "iso",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
)
_TIME_PRECISION = {"day": 1, "week": 2}


def records(store: Store, level: str, flt: EventFilter) -> Iterator[dict[str, Any]]:
    """The JSON records (report: the DESIGN.md contract; canonical: the merged record)."""
    sql, params = select_sql(level, flt, columns=("record",))
    cur = store.con.execute(sql, params)
    while batch := cur.fetchmany(BATCH):
        for (record,) in batch:
            yield json.loads(record)


def write_jsonl(store: Store, level: str, flt: EventFilter, out: IO[str]) -> int:
    n = 0
    for record in records(store, level, flt):
        out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
        n += 1
    return n


def write_csv(store: Store, level: str, flt: EventFilter, out: IO[str]) -> int:
    writer = csv.writer(out)
    writer.writerow(COLUMNS[level])
    sql, params = select_sql(level, flt)
    cur = store.con.execute(sql, params)
    n = 0
    while rows := cur.fetchmany(BATCH):
        writer.writerows(rows)
        n += len(rows)
    return n


def _labeller() -> Callable[[dict[str, Any] | None, date | None, str | None], str | None]:
    """ACLED-style actor names (``acled_actor_label`` of the actor dictionary)."""
    from eventwire.pipeline.actors.acled_names import acled_actor_label

    def label(actor: dict[str, Any] | None, day: date | None, country: str | None) -> str | None:
        if not actor or not (actor.get("name") or actor.get("text")):
            return None
        coded = Actor(
            text=actor.get("text") or actor.get("name") or "",
            name=actor.get("name"),
            actor_id=actor.get("id"),
            type=actor.get("type"),
            inter=actor.get("inter"),
            country=actor.get("country"),
            affiliation=list(actor.get("affiliation") or []),
        )
        return acled_actor_label(coded, day, event_country=country)

    return label


def _country_name(code: str | None) -> str | None:
    if not code:
        return None
    try:
        from eventwire.pipeline.actors.acled_names import default_dictionary

        name = default_dictionary().country_names.get(code)
        if name:
            return str(name)
    except Exception:  # the dictionary is unusable: fall back to pycountry
        pass
    import pycountry

    found = pycountry.countries.get(alpha_2=code)
    return getattr(found, "common_name", None) or getattr(found, "name", None) or code


def _time_precision(when: dict[str, Any] | None) -> int:
    if not when:
        return 3
    if when.get("precision") in _TIME_PRECISION:
        return _TIME_PRECISION[when["precision"]]
    try:
        end, start = parse_iso_date(when["end"]), parse_iso_date(when["start"])
    except (KeyError, TypeError, ValueError):
        return 3
    if end is None or start is None:
        return 3
    days = (end - start).days
    return 1 if days < 1 else 2 if days <= 7 else 3


def _interaction(inter1: int | None, inter2: int | None) -> int | None:
    if not inter1 and not inter2:
        return None
    codes = sorted(c for c in (inter1, inter2) if c)
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


def acled_row(record: dict[str, Any], label: Callable[..., str | None]) -> dict[str, Any]:
    """One event record flattened to ACLED's column names."""
    when = record.get("date") or {}
    loc = record.get("location") or {}
    fat = record.get("fatalities") or {}
    a1, a2 = record.get("actor1") or {}, record.get("actor2") or {}
    start = when.get("start")
    day = parse_iso_date(start or None)
    country = loc.get("country") or record.get("country")
    assoc = [label(a, day, country) for a in record.get("assoc_actors") or []]
    sources = record.get("sources") or ([record["source"]] if record.get("source") else [])
    return {
        "event_id_cnty": record.get("canonical_id") or record.get("event_id"),
        "event_date": start,
        "year": day.year if day else None,
        "time_precision": _time_precision(when),
        "event_type": record.get("acled_event_type"),
        "sub_event_type": record.get("acled_sub_event_type"),
        "actor1": label(a1, day, country),
        "assoc_actor_1": "; ".join(a for a in assoc if a) or None,
        "inter1": a1.get("inter") or 0,
        "actor2": label(a2, day, country),
        "assoc_actor_2": None,
        "inter2": a2.get("inter") or 0,
        "interaction": _interaction(a1.get("inter"), a2.get("inter")),
        "country": _country_name(country),
        "iso": country,
        "admin1": loc.get("admin1"),
        "location": loc.get("name") or loc.get("text"),
        "latitude": loc.get("lat"),
        "longitude": loc.get("lon"),
        "geo_precision": loc.get("precision"),
        "source": "; ".join(s for s in sources if s) or None,
        "notes": record.get("sentence"),
        "fatalities": fat.get("best") or 0,
    }


def write_acled_csv(store: Store, level: str, flt: EventFilter, out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS)
    writer.writeheader()
    label = _labeller()
    n = 0
    for record in records(store, level, flt):
        writer.writerow(acled_row(record, label))
        n += 1
    return n


def write_geojson(store: Store, level: str, flt: EventFilter, out: IO[str]) -> int:
    """A FeatureCollection; events without coordinates get ``"geometry": null``."""
    sql, params = select_sql(level, flt, extra=("json_extract_string(record, '$.sentence')",))
    cur = store.con.execute(sql, params)
    names = [*COLUMNS[level], "sentence"]
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    while rows := cur.fetchmany(BATCH):
        for row in rows:
            props = dict(zip(names, row, strict=True))
            lat, lon = props.get("lat"), props.get("lon")
            geometry = (
                None if lat is None or lon is None else {"type": "Point", "coordinates": [lon, lat]}
            )
            feature = {"type": "Feature", "geometry": geometry, "properties": props}
            out.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False, default=str))
            n += 1
    out.write("\n]}\n")
    return n


def arrow_reader(
    store: Store, level: str, flt: EventFilter, with_record: bool = True
) -> pa.RecordBatchReader:
    """Flat columns (and the JSON record) of the selected events as Arrow batches."""
    extra = ("record",) if with_record else ()
    sql, params = select_sql(level, flt, extra=(*extra, "strftime(date_start, '%Y-%m') AS month"))
    return store.con.sql(sql, params=params).to_arrow_reader(BATCH * 16)


def write_parquet(
    store: Store, level: str, flt: EventFilter, output: str | Path, partition: bool
) -> int:
    """One Parquet file, or (``partition``) a directory with one folder per month."""
    reader = arrow_reader(store, level, flt)
    n = 0
    if partition:

        def counted() -> Iterator[pa.RecordBatch]:
            nonlocal n
            for batch in reader:
                n += batch.num_rows
                yield batch.set_column(
                    batch.schema.get_field_index("month"),
                    "month",
                    pc.fill_null(batch.column("month"), "unknown"),
                )

        ds.write_dataset(
            counted(),
            str(output),
            schema=reader.schema,
            format="parquet",
            partitioning=ds.partitioning(pa.schema([("month", pa.string())]), flavor="hive"),
            existing_data_behavior="delete_matching",
            max_rows_per_group=1 << 17,
        )
        return n
    schema = reader.schema.remove(reader.schema.get_field_index("month"))
    with pq.ParquetWriter(str(output), schema, compression="zstd") as writer:
        for batch in reader:
            n += batch.num_rows
            writer.write_batch(batch.drop_columns(["month"]))
    return n


TEXT_WRITERS: dict[str, Callable[[Store, str, EventFilter, IO[str]], int]] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "acled-csv": write_acled_csv,
    "geojson": write_geojson,
}

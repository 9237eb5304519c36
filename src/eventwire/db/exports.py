"""Write report-level or canonical events as JSONL, CSV, ACLED-CSV, Parquet or GeoJSON.

What each format carries comes from the column spec (:mod:`eventwire.records.columns`):
JSONL the stored records as they are, CSV the level's flat columns, GeoJSON those plus the
sentence, Parquet those plus the record, ACLED-CSV the spec's ``ACLED_FIELDS`` filled from
the typed record (:mod:`eventwire.records.model`). Every writer streams (batches of 4,096
rows), so a store of millions of events exports in constant memory. Parquet goes to one
file, or to a directory partitioned by month (``month=2024-03/…parquet``, hive style,
which DuckDB, Spark and Polars read directly).
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
from eventwire.db.queries import select_sql
from eventwire.db.store import Store
from eventwire.records import Actor, dumps_record, from_json
from eventwire.records.columns import ACLED_COLUMNS, LEVELS, Level, acled_row
from eventwire.records.model import (
    RECORD_TYPES,
    ActorRecord,
    ActorRef,
    AnyRecord,
    CanonicalRecord,
)

__all__ = ["ACLED_COLUMNS", "FORMATS", "TEXT_WRITERS", "acled_fields", "records"]

FORMATS: tuple[str, ...] = ("jsonl", "csv", "acled-csv", "parquet", "geojson")
BATCH = 4096
_TIME_PRECISION = {"day": 1, "week": 2}
Label = Callable[[ActorRecord | ActorRef | None, date | None, str | None], str | None]


def _extras(level: Level, export: str) -> tuple[str, ...]:
    """SQL for what an export carries besides the flat columns (``AS`` their names)."""
    flat = level.names("flat")
    return tuple(
        f"{level.sql_expr(n)} AS {n}" if not level.use(n).stored else n
        for n in level.names(export)
        if n not in flat
    )


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
        out.write(dumps_record(record) + "\n")  # the stored record as it is
        n += 1
    return n


def write_csv(store: Store, level: str, flt: EventFilter, out: IO[str]) -> int:
    writer = csv.writer(out)
    writer.writerow(LEVELS[level].names("flat"))
    sql, params = select_sql(level, flt)
    cur = store.con.execute(sql, params)
    n = 0
    while rows := cur.fetchmany(BATCH):
        writer.writerows(rows)
        n += len(rows)
    return n


def _labeller() -> Label:
    """ACLED-style actor names (``acled_actor_label`` of the actor dictionary)."""
    from eventwire.pipeline.actors.acled_names import acled_actor_label

    def label(
        actor: ActorRecord | ActorRef | None, day: date | None, country: str | None
    ) -> str | None:
        if actor is None or not (actor.name or getattr(actor, "text", None)):
            return None
        full = actor if isinstance(actor, ActorRecord) else None
        coded = Actor(
            text=(full.text if full else None) or actor.name or "",
            name=actor.name,
            actor_id=actor.id,
            type=full.type if full else None,
            inter=actor.inter,
            country=full.country if full else None,
            affiliation=list(full.affiliation) if full else [],
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


def _time_precision(record: AnyRecord) -> int:
    when = record.date
    if when is None:
        return 3
    if when.precision in _TIME_PRECISION:
        return _TIME_PRECISION[when.precision]
    if when.start is None or when.end is None:
        return 3
    days = (when.end - when.start).days
    return 1 if days < 1 else 2 if days <= 7 else 3


def _interaction(inter1: int | None, inter2: int | None) -> int | None:
    if not inter1 and not inter2:
        return None
    codes = sorted(c for c in (inter1, inter2) if c)
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


def acled_fields(level: Level, record: AnyRecord, label: Label) -> dict[str, Any]:
    """The ACLED columns the spec leaves to the exporter, computed from a typed record."""
    day = record.date.start if record.date else None
    country = (record.location.country if record.location else None) or getattr(
        record, "country", None
    )
    assoc = [label(a, day, country) for a in getattr(record, "assoc_actors", ())]
    if isinstance(record, CanonicalRecord):
        sources: list[str] = list(record.sources)
    else:
        sources = [record.source] if record.source else []
    a1, a2 = record.actor1, record.actor2
    return {
        "event_id_cnty": level.use(level.key).value(record),
        "event_date": day,
        "year": day.year if day else None,
        "time_precision": _time_precision(record),
        "actor1": label(a1, day, country),
        "assoc_actor_1": "; ".join(a for a in assoc if a) or None,
        "actor2": label(a2, day, country),
        "assoc_actor_2": None,
        "interaction": _interaction(a1.inter if a1 else None, a2.inter if a2 else None),
        "country": _country_name(country),
        "source": "; ".join(s for s in sources if s) or None,
        "notes": record.sentence,
    }


def write_acled_csv(store: Store, level: str, flt: EventFilter, out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS)
    writer.writeheader()
    label = _labeller()
    spec, record_type = LEVELS[level], RECORD_TYPES[level]
    n = 0
    for data in records(store, level, flt):
        record: AnyRecord = from_json(record_type, data)
        writer.writerow(acled_row(spec, record, acled_fields(spec, record, label)))
        n += 1
    return n


def write_geojson(store: Store, level: str, flt: EventFilter, out: IO[str]) -> int:
    """A FeatureCollection; events without coordinates get ``"geometry": null``."""
    sql, params = select_sql(level, flt, extra=_extras(LEVELS[level], "geojson"))
    cur = store.con.execute(sql, params)
    names = LEVELS[level].names("geojson")
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
    extra = _extras(LEVELS[level], "parquet") if with_record else ()
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

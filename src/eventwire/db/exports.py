"""Write report-level or canonical events as JSONL, CSV, ACLED-CSV, Parquet or GeoJSON.

What each format carries comes from the column spec (:mod:`eventwire.records.columns`):
JSONL the stored records as they are, CSV the level's flat columns, GeoJSON those plus the
sentence, Parquet those plus the record, ACLED-CSV the spec's ``ACLED_FIELDS`` filled from
the typed record (:mod:`eventwire.records.model`). Every writer streams batches of 4,096
rows to its output; the text formats let DuckDB sort the whole selection first, Parquet sorts
only the row ids and reads the wide columns a run of ids at a time (:func:`arrow_reader`), so
its memory grows by a few hundred bytes an event rather than by the records. Parquet
goes to one file, or to a directory partitioned by month (``month=2024-03/…parquet``, hive style,
which DuckDB, Spark and Polars read directly). Files and directories are written whole or not
at all (:mod:`eventwire.db.atomic`). CSV and ACLED-CSV text cells that a spreadsheet would
run as a formula get a leading ``'`` (:func:`safe_cell`).

Every format and level carries the analysts' reviews (:mod:`eventwire.db.review` applies
them in the store): corrected values, rejected events left out. :func:`output_of` with
``machine`` gives the untouched machine output instead.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from eventwire.db.atomic import atomic_dir, atomic_file
from eventwire.db.filters import TABLES, EventFilter
from eventwire.db.queries import COLUMNS, select_sql
from eventwire.db.review import machine_view
from eventwire.db.store import Store
from eventwire.errors import ConfigError
from eventwire.records import Actor, dumps_record, from_json
from eventwire.records.columns import ACLED_COLUMNS, LEVELS, Level, acled_row
from eventwire.records.model import (
    RECORD_TYPES,
    ActorRecord,
    ActorRef,
    AnyRecord,
    CanonicalRecord,
)

__all__ = [
    "ACLED_COLUMNS",
    "FORMATS",
    "TEXT_WRITERS",
    "acled_fields",
    "output_of",
    "records",
    "safe_cell",
]

FORMATS: tuple[str, ...] = ("jsonl", "csv", "acled-csv", "parquet", "geojson")
BATCH = 4096
ARROW_BATCH = BATCH * 16  # rows of one row group of a single Parquet file
FETCH = BATCH * 4  # rows read from the store at a time for Parquet
_TIME_PRECISION = {"day": 1, "week": 2}
Label = Callable[[ActorRecord | ActorRef | None, date | None, str | None], str | None]
# A cell a spreadsheet would run as a formula (OWASP "CSV injection"), unless it is a number.
_FORMULA_START = frozenset("=+-@\t\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def safe_cell(value: Any) -> Any:
    """``value``, with a ``'`` in front when it is text a spreadsheet would run as a formula.

    >>> safe_cell("=HYPERLINK(1)"), safe_cell("-12.5"), safe_cell(-12.5), safe_cell("Mosul")
    ("'=HYPERLINK(1)", '-12.5', -12.5, 'Mosul')
    """
    if isinstance(value, str) and value[:1] in _FORMULA_START and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


@contextmanager
def output_of(store: Store, level: str, machine: bool = False) -> Iterator[None]:
    """Within the block, exports read the reviewed events (the default), or with
    ``machine`` the untouched machine output (report level only: canonical events are
    clustered from the reviewed reports, with the analysts' merges and splits)."""
    if not machine:
        yield
        return
    if level != "report":
        raise ConfigError(
            "--machine gives the machine output of report-level events; canonical events "
            "are built from the reviewed reports (use --level report)",
            "EW-QRY-011",
        )
    with machine_view(store.con):
        yield


def _safe_row(row: Sequence[Any]) -> list[Any]:
    return [safe_cell(v) for v in row]


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
        writer.writerows(_safe_row(row) for row in rows)
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
        row = acled_row(spec, record, acled_fields(spec, record, label))
        writer.writerow({name: safe_cell(value) for name, value in row.items()})
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
    """Flat columns (and the JSON record) of the selected events as Arrow batches, in order.

    DuckDB would hold the whole sorted result (wide JSON records included) in memory before
    the first batch, so only the row ids are sorted here; the wide columns of each run of
    :data:`FETCH` ids are then read and put in that order, one batch in memory at a time.
    """
    extra = _extras(LEVELS[level], "parquet") if with_record else ()
    sql, params = select_sql(level, flt, columns=("rowid",))
    ids = store.con.sql(sql, params=params).to_arrow_table().column(0).combine_chunks()
    cols = ", ".join((*COLUMNS[level], *extra, "strftime(date_start, '%Y-%m') AS month"))
    wide = (
        f"SELECT {cols} FROM {TABLES[level]} JOIN _ew_export_ids"
        f" ON {TABLES[level]}.rowid = _ew_export_ids._ew_id ORDER BY _ew_export_ids._ew_pos"
    )

    def fetch(chunk: pa.Array) -> Iterator[pa.RecordBatch]:
        positions = pa.array(range(len(chunk)), pa.int64())
        store.con.register("_ew_export_ids", pa.table({"_ew_id": chunk, "_ew_pos": positions}))
        try:
            yield from store.con.sql(wide).to_arrow_reader(FETCH)
        finally:
            store.con.unregister("_ew_export_ids")

    schema = store.con.sql(f"SELECT {cols} FROM {TABLES[level]} LIMIT 0").to_arrow_table().schema

    def batches() -> Iterator[pa.RecordBatch]:
        for start in range(0, len(ids), FETCH):
            yield from fetch(ids.slice(start, FETCH))

    return pa.RecordBatchReader.from_batches(schema, batches())


def write_parquet(
    store: Store, level: str, flt: EventFilter, output: str | Path, partition: bool
) -> int:
    """One Parquet file, or (``partition``) a directory with one folder per month.

    Either appears at ``output`` only when complete; a failed or killed export leaves the
    previous one there. Batches stream from the store to disk (:func:`arrow_reader`).
    """
    reader = arrow_reader(store, level, flt)
    if partition:
        with atomic_dir(output) as tmp:
            return _write_partitioned(reader, tmp)
    schema = reader.schema.remove(reader.schema.get_field_index("month"))
    n = 0
    with (
        atomic_file(output) as tmp,
        pq.ParquetWriter(str(tmp), schema, compression="zstd") as writer,
    ):
        for table in _regroup(reader, ARROW_BATCH):
            n += table.num_rows
            writer.write_table(table.drop_columns(["month"]), row_group_size=ARROW_BATCH)
    return n


def _regroup(batches: Iterator[pa.RecordBatch], size: int) -> Iterator[pa.Table]:
    """The rows of ``batches`` as tables of ``size`` rows (the last may be shorter), no copy."""
    held: list[pa.RecordBatch] = []
    rows = 0
    for batch in batches:
        while batch.num_rows:
            take = batch.slice(0, size - rows)
            held.append(take)
            rows += take.num_rows
            batch = batch.slice(take.num_rows)
            if rows == size:
                yield pa.Table.from_batches(held)
                held, rows = [], 0
    if held:
        yield pa.Table.from_batches(held)


def _write_partitioned(reader: pa.RecordBatchReader, directory: Path) -> int:
    """Write the batches to ``directory`` as hive partitions by month; the number of rows."""
    n = 0

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
        str(directory),
        schema=reader.schema,
        format="parquet",
        partitioning=ds.partitioning(pa.schema([("month", pa.string())]), flavor="hive"),
        existing_data_behavior="delete_matching",
        max_rows_per_group=1 << 17,
        preserve_order=True,  # rows of a month in export order, the same on every run
    )
    return n


TEXT_WRITERS: dict[str, Callable[[Store, str, EventFilter, IO[str]], int]] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "acled-csv": write_acled_csv,
    "geojson": write_geojson,
}

"""Event records as a hive-partitioned Parquet dataset beside the store.

``--engine ray`` appends every batch's event rows to ``<db>.events.parquet/month=YYYY-MM/``
(month of the event date, else of publication, else ``unknown``) as well as to the store,
so DuckDB, Spark or Ray can read a run's events without the store. The full event record
(the JSONL contract) is in the ``record`` column.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from eventwire.config import ScaleOptions, Settings
from eventwire.records import Document, event_record

STAGE_OPTIONS = ScaleOptions.STAGE  # settings.options_of(ScaleOptions): parquet_dir


def event_rows(doc: Document) -> list[dict[str, Any]]:
    """Flat Parquet rows of a document's events (the full record kept as JSON)."""
    from eventwire.records import dumps_record

    rows = []
    for event in doc.events:
        rec = event_record(event, doc)
        when = rec.get("date") or {}
        loc = rec.get("location") or {}
        fat = rec.get("fatalities") or {}
        start = when.get("start") or (rec.get("published") or "")
        rows.append(
            {
                "event_id": rec["event_id"],
                "doc_id": rec["doc_id"],
                "source_id": rec.get("source_id"),
                "plover_type": rec.get("plover_type"),
                "acled_event_type": rec.get("acled_event_type"),
                "acled_sub_event_type": rec.get("acled_sub_event_type"),
                "country": loc.get("country"),
                "lat": loc.get("lat"),
                "lon": loc.get("lon"),
                "date_start": when.get("start"),
                "date_end": when.get("end"),
                "fatalities": fat.get("best"),
                "modality": rec.get("modality"),
                "record": dumps_record(rec),
                "month": start[:7] if len(start) >= 7 else "unknown",
            }
        )
    return rows


def _parquet_schema() -> Any:
    import pyarrow as pa

    text, num = pa.string(), pa.float64()
    return pa.schema(
        [
            ("event_id", text),
            ("doc_id", text),
            ("source_id", text),
            ("plover_type", text),
            ("acled_event_type", text),
            ("acled_sub_event_type", text),
            ("country", text),
            ("lat", num),
            ("lon", num),
            ("date_start", text),
            ("date_end", text),
            ("fatalities", pa.int64()),
            ("modality", text),
            ("record", text),
            ("month", text),
        ]
    )


class ParquetSink:
    """Append event rows to a hive-partitioned Parquet dataset, one file set per flush."""

    def __init__(self, root: str | None) -> None:
        self.root = root
        self.run = uuid.uuid4().hex[:8]
        self.part = 0
        self.rows_written = 0

    def write(self, docs: Iterable[Document]) -> None:
        """Append the documents' event rows (nothing when the sink has no directory)."""
        if self.root is None:
            return
        rows = [row for doc in docs for row in event_rows(doc)]
        if not rows:
            return
        import pyarrow as pa
        import pyarrow.dataset as pads

        table = pa.Table.from_pylist(rows, schema=_parquet_schema())
        pads.write_dataset(
            table,
            self.root,
            format="parquet",
            partitioning=["month"],
            partitioning_flavor="hive",
            existing_data_behavior="overwrite_or_ignore",
            basename_template=f"part-{self.run}-{self.part:05d}-{{i}}.parquet",
        )
        self.part += 1
        self.rows_written += len(rows)


def default_parquet_dir(settings: Settings) -> str | None:
    """``<db without suffix>.events.parquet`` beside the store (None for an in-memory store)."""
    configured = settings.options_of(ScaleOptions).parquet_dir
    if configured:
        return str(configured)
    if settings.db == ":memory:":
        return None
    db = Path(settings.db)
    return str(db.with_name(db.stem + ".events.parquet"))

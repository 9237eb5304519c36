"""``export``: stored events to JSONL, CSV or Parquet."""

from __future__ import annotations

import csv
import json
import sys
from typing import Annotated, Any

import typer

from eventwire.cli.common import ConfigOption, DbOption, DebugOption, handle_errors, settings_from

FLAT_COLUMNS = (
    "event_id",
    "doc_id",
    "source_id",
    "plover_type",
    "plover_mode",
    "acled_event_type",
    "acled_sub_event_type",
    "cameo_root",
    "actor1_name",
    "actor1_inter",
    "actor2_name",
    "actor2_inter",
    "location_name",
    "country",
    "admin1",
    "lat",
    "lon",
    "geo_precision",
    "date_start",
    "date_end",
    "date_precision",
    "fatalities",
    "modality",
    "attributed_to",
    "source",
    "confidence",
    "sentence_start",
    "sentence_end",
)


def register(app: typer.Typer) -> None:
    @app.command()
    @handle_errors
    def export(
        db: DbOption = None,
        config: ConfigOption = None,
        format: Annotated[str, typer.Option("--format", help="jsonl, csv or parquet.")] = "jsonl",
        output: Annotated[str, typer.Option("-o", "--output", help="File, or - for stdout.")] = "-",
        debug: DebugOption = False,
    ) -> None:
        """Export stored events (the JSONL record contract, or flat CSV/Parquet columns)."""
        from eventwire.db.store import Store

        settings = settings_from(db, config)
        if format not in {"jsonl", "csv", "parquet"}:
            raise typer.BadParameter("use jsonl, csv or parquet", param_hint="--format")
        if format == "parquet" and output == "-":
            raise typer.BadParameter("parquet needs a file: -o events.parquet", param_hint="-o")
        with Store.open(settings.db, read_only=True) as store:
            if format == "parquet":
                cols = ", ".join(FLAT_COLUMNS) + ", record"
                store.con.execute(
                    f"COPY (SELECT {cols} FROM events ORDER BY doc_id, sentence_start, event_id) "
                    f"TO '{output.replace(chr(39), chr(39) * 2)}' (FORMAT parquet)"
                )
                return
            handle: Any = (
                sys.stdout if output == "-" else open(output, "w", encoding="utf-8", newline="")
            )
            try:
                if format == "jsonl":
                    for record in store.event_records():
                        handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
                else:
                    writer = csv.writer(handle)
                    writer.writerow(FLAT_COLUMNS)
                    cur = store.con.execute(
                        f"SELECT {', '.join(FLAT_COLUMNS)} FROM events "
                        "ORDER BY doc_id, sentence_start, event_id"
                    )
                    while rows := cur.fetchmany(2048):
                        writer.writerows(rows)
            finally:
                if handle is not sys.stdout:
                    handle.close()

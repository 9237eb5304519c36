"""``export`` (report-level or canonical events, five formats, filters) and ``stats``."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterator
from typing import IO, Annotated

import typer

from eventwire.cli.common import (
    ConfigOption,
    DbOption,
    DebugOption,
    err_console,
    handle_errors,
    out_console,
    settings_from,
)
from eventwire.cli.filters import filter_options
from eventwire.cli.store_access import open_for_reading
from eventwire.db.filters import EventFilter

LevelOption = Annotated[
    str, typer.Option("--level", help="report (one row per report) or canonical (deduplicated).")
]


def _level(level: str) -> str:
    if level not in {"report", "canonical"}:
        raise typer.BadParameter("use report or canonical", param_hint="--level")
    return level


def register(app: typer.Typer) -> None:
    # long: a Typer command whose first 30 lines declare its options
    @app.command()
    @handle_errors
    @filter_options
    def export(
        db: DbOption = None,
        config: ConfigOption = None,
        format: Annotated[
            str, typer.Option("--format", help="jsonl, csv, acled-csv, parquet or geojson.")
        ] = "jsonl",
        output: Annotated[str, typer.Option("-o", "--output", help="File, or - for stdout.")] = "-",
        level: LevelOption = "report",
        partition: Annotated[
            str,
            typer.Option(
                "--partition",
                help="Parquet: month (a directory), none, or auto "
                "(a directory unless -o ends in .parquet).",
            ),
        ] = "auto",
        machine: Annotated[
            bool,
            typer.Option(
                "--machine", help="The untouched machine output, without analyst reviews."
            ),
        ] = False,
        reviewed: Annotated[
            bool,
            typer.Option(
                "--reviewed", hidden=True, help="Deprecated: reviews are applied by default."
            ),
        ] = False,
        debug: DebugOption = False,
        *,
        flt: EventFilter,
    ) -> None:
        """Export events: the JSONL record contract, flat CSV/Parquet/GeoJSON, or ACLED-CSV.

        Exports every record (with its background/aggregate flags) unless --scope conflict."""
        from eventwire.db import exports  # lazy: duckdb/pyarrow load on use, CLI start stays light
        from eventwire.dedup.cluster import STAGE_NAME

        settings = settings_from(db, config)
        level = _level(level)
        if format not in exports.FORMATS:
            raise typer.BadParameter(", ".join(exports.FORMATS), param_hint="--format")
        if format == "parquet" and output == "-":
            raise typer.BadParameter(
                "parquet needs a path: -o events.parquet or -o events/", param_hint="-o"
            )
        if partition not in {"auto", "month", "none"}:
            raise typer.BadParameter("use auto, month or none", param_hint="--partition")
        if reviewed:
            err_console.print(
                "note: --reviewed is deprecated and does nothing: reviews are applied by "
                "default (--machine gives the machine output)"
            )
        if machine and reviewed:
            raise typer.BadParameter("--machine and --reviewed contradict each other")
        if machine and level != "report":
            raise typer.BadParameter(
                "--machine gives report-level machine output; canonical events are "
                "clustered from the reviewed reports",
                param_hint="--level",
            )
        canonical = level == "canonical" or flt.min_sources is not None
        with (
            open_for_reading(
                settings.db, cluster_options=settings.options(STAGE_NAME) if canonical else None
            ) as store,
            exports.output_of(store, level, machine),
        ):
            if format == "parquet":
                split = partition == "month" or (
                    partition == "auto" and not output.endswith(".parquet")
                )
                n = exports.write_parquet(store, level, flt, output, partition=split)
                err_console.print(f"wrote {n} {level} events to {output}")
                return
            try:
                with _text_output(output) as handle:
                    n = exports.TEXT_WRITERS[format](store, level, flt, handle)
            except BrokenPipeError:  # `eventwire export | head`: the reader has enough
                _quiet_stdout()
                return
        if output != "-":
            err_console.print(f"wrote {n} {level} events to {output}")

    @app.command()
    @handle_errors
    @filter_options(scope="conflict")
    def stats(
        db: DbOption = None,
        config: ConfigOption = None,
        level: LevelOption = "canonical",
        by: Annotated[
            str, typer.Option("--by", help="Comma-separated: type, acled, country, month.")
        ] = "type,country,month",
        top: Annotated[int, typer.Option("--top", help="Rows per table.")] = 15,
        json_out: Annotated[bool, typer.Option("--json", help="JSON instead of charts.")] = False,
        debug: DebugOption = False,
        *,
        flt: EventFilter,
    ) -> None:
        """Counts of events by type, country and month, with a small bar chart.

        Counts canonical conflict incidents (each real incident once, however many reports
        tell it) unless --level report or --scope all is given."""
        from eventwire.db.stats import (  # lazy: duckdb/pyarrow load on use, CLI start stays light
            GROUPS,
            render,
            stat_counts,
        )
        from eventwire.dedup.cluster import STAGE_NAME

        settings = settings_from(db, config)
        level = _level(level)
        groups = [g.strip() for g in by.split(",") if g.strip()]
        bad = [g for g in groups if g not in GROUPS]
        if bad:
            raise typer.BadParameter(
                f"{', '.join(bad)}: use {', '.join(GROUPS)}", param_hint="--by"
            )
        canonical = level == "canonical" or flt.min_sources is not None
        options = settings.options(STAGE_NAME) if canonical else None
        with open_for_reading(settings.db, cluster_options=options) as store:
            counts = stat_counts(store, level, flt, groups, top)
        if json_out:
            sys.stdout.write(json.dumps(counts, ensure_ascii=False, indent=2) + "\n")
        else:
            render(counts, level, out_console)


@contextlib.contextmanager
def _text_output(output: str) -> Iterator[IO[str]]:
    """stdout for ``-`` (streamed as written), else a file that appears only when complete."""
    if output == "-":
        yield sys.stdout
        return
    from eventwire.db.atomic import atomic_text

    with atomic_text(output) as handle:
        yield handle


def _quiet_stdout() -> None:
    """After a broken pipe, point stdout at devnull so the exit flush does not fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())

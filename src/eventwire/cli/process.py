"""``process``, ``extract`` and ``ledger``: from reports to stored events."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from eventwire.cli.common import (
    ConfigOption,
    DbOption,
    DebugOption,
    FollowLinksOption,
    PublishedOption,
    SourceOption,
    err_console,
    handle_errors,
    out_console,
    parse_cli_date,
    settings_from,
)
from eventwire.cli.store_access import open_for_reading, process_inputs
from eventwire.pipeline.read.feeds import FEED_SUFFIXES, is_url
from eventwire.pipeline.read.readers import CSV_SUFFIXES, JSONL_SUFFIXES
from eventwire.records import dumps_record, event_record


def estimate_inputs(paths: list[str]) -> int | None:
    """Count ledger rows to come, cheaply, for the progress bar: one per filesystem entry the
    reader meets (the same walk: hidden, special and unreadable entries included), JSONL and
    CSV files by their lines; None for stdin."""
    from eventwire.pipeline.read import walk

    total = 0
    for raw in paths:
        if raw == "-" or is_url(raw):
            return None
        path = Path(raw)
        if not path.is_dir():
            total += _rows_of(path)
            continue
        try:
            entries = list(walk.walk(path))
        except OSError:
            total += 1  # the directory cannot be listed: one row says so
            continue
        total += sum(1 if e.problem is not None else _rows_of(e.path) for e in entries)
    return total


def _rows_of(path: Path) -> int:
    """Ledger rows one file gives: its records for JSONL/CSV, else one."""
    suffix = path.suffix.lower()
    if suffix in FEED_SUFFIXES and path.is_file():  # one row per item (a rough count)
        data = path.read_bytes()
        return max(1, data.count(b"<item") + data.count(b"<entry"))
    if suffix not in JSONL_SUFFIXES | CSV_SUFFIXES or not path.is_file():
        return 1  # not a regular file (a FIFO would block): one row says why
    try:
        with path.open("rb") as handle:
            lines = sum(1 for line in handle if line.strip())
    except OSError:
        return 1
    return max(1, lines - (1 if suffix in CSV_SUFFIXES else 0))


def _read_one(path: Path) -> bytes:
    """The bytes of the one text ``extract`` reads, or a clear input error (no traceback)."""
    from eventwire.errors import InputError

    if not path.exists():
        raise InputError(
            f"{path} does not exist (check the path, or use - for stdin)", "EW-ING-001"
        )
    if path.is_dir():
        raise InputError(
            f"{path} is a folder; extract reads one text (use process for folders)", "EW-ING-001"
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}", "EW-ING-001") from exc


def register(app: typer.Typer) -> None:
    register_demo(app)

    # long: a Typer command whose first 25 lines declare its options
    @app.command()
    @handle_errors
    def process(
        inputs: Annotated[
            list[str] | None, typer.Argument(help="Files, directories, feed URLs or - for stdin.")
        ] = None,
        db: DbOption = None,
        config: ConfigOption = None,
        published: PublishedOption = None,
        source: SourceOption = None,
        workers: Annotated[
            str,
            typer.Option(
                help="Parallel workers (processes, or Ray actors): a number, or auto for "
                "one per available core."
            ),
        ] = "1",
        engine: Annotated[str, typer.Option(help="local or ray.")] = "local",
        ray_address: Annotated[str | None, typer.Option(help="Join this Ray cluster.")] = None,
        retry_failed: Annotated[
            bool, typer.Option(help="Re-run inputs that failed before.")
        ] = False,
        max_chars: Annotated[int | None, typer.Option(help="Reject longer documents.")] = None,
        quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
        batch_size: Annotated[
            int | None,
            typer.Option(
                min=1,
                help="Documents per store transaction [default: up to 128, at least one "
                "transaction every 5 s].",
            ),
        ] = None,
        cluster: Annotated[
            bool, typer.Option(help="Cluster new events into canonical events afterwards.")
        ] = True,
        follow_links: FollowLinksOption = False,
        retry: Annotated[
            bool,
            typer.Option(
                help="Re-run rejected and failed inputs with the current options "
                "(those of the ledger when no inputs are given)."
            ),
        ] = False,
        reprocess: Annotated[
            bool,
            typer.Option(
                help="Re-code stored documents (their stored text) with the current pipeline "
                "and data; reviews are re-attached or listed as orphaned."
            ),
        ] = False,
        input_glob: Annotated[
            str | None, typer.Option("--input", help="--reprocess: inputs matching this glob.")
        ] = None,
        since: Annotated[
            str | None, typer.Option(help="--reprocess: documents published on or after.")
        ] = None,
        until: Annotated[
            str | None, typer.Option(help="--reprocess: documents published on or before.")
        ] = None,
        debug: DebugOption = False,
    ) -> None:
        """Read reports, extract events and store them with a ledger row per input.

        --reprocess re-codes stored documents instead (all, or those --input/--source/
        --since/--until select; --source then filters by outlet)."""
        from eventwire.run.executors import ENGINES, make_executor

        pub = parse_cli_date(published)
        settings = settings_from(db, config, max_chars=max_chars, follow_links=follow_links or None)
        if engine not in ENGINES:
            raise typer.BadParameter(f"use {' or '.join(ENGINES)}", param_hint="--engine")
        from eventwire.cli.progress import RunProgress
        from eventwire.run.pool import parse_workers

        try:
            n_workers = parse_workers(workers)
        except ValueError:
            raise typer.BadParameter(
                f"{workers!r}: use a number of at least 1, or auto", param_hint="--workers"
            ) from None
        executor = make_executor(settings, engine, n_workers, ray_address)
        inputs = list(inputs or [])
        selection = _reprocess_selection(reprocess, inputs, input_glob, source, since, until)
        if not inputs and not (retry or reprocess):
            raise typer.BadParameter("give files, directories or -", param_hint="INPUTS")
        total = None if quiet or not inputs else estimate_inputs(inputs)
        with RunProgress(err_console, total, quiet=quiet) as progress:
            summary = process_inputs(  # here, or through the server that owns the store
                inputs,
                settings,
                executor=executor,
                published=pub,
                source=source,
                retry_failed=retry_failed,
                batch_size=batch_size,
                on_result=progress.on_result,
                cluster=cluster,
                retry=retry,
                reprocess=selection,
            )
        clusters = summary.clusters
        if clusters is not None and (clusters.new_events or clusters.vanished_events):
            err_console.print(
                f"{clusters.new_events} new events clustered; "
                f"{clusters.canonical_total} canonical events in the store"
            )
        parts = [f"{summary.counts[s]} {s}" for s in ("processed", "skipped", "rejected", "failed")]
        if summary.already_done:
            parts.append(f"{summary.already_done} already in the ledger")
        err_console.print(
            f"{', '.join(parts)}; {summary.events} events in {summary.seconds:.1f}s → {settings.db}"
        )
        _report_reviews(summary)
        for entry in summary.problems[:20]:
            err_console.print(f"  [yellow]{entry.status}[/] {entry.input}: {entry.reason}")
        if len(summary.problems) > 20:
            err_console.print(f"  … and {len(summary.problems) - 20} more: see `eventwire ledger`")
        raise typer.Exit(summary.exit_code)

    @app.command()
    @handle_errors
    def extract(
        input: Annotated[str, typer.Argument(help="A text file, or - for stdin.")] = "-",
        published: PublishedOption = None,
        config: ConfigOption = None,
        debug: DebugOption = False,
    ) -> None:
        """Extract events from one text (stdin by default) to JSONL on stdout; no store."""
        from eventwire.pipeline.read.readers import decode_bytes
        from eventwire.run.runner import extract as run_extract

        pub = parse_cli_date(published)
        data = sys.stdin.buffer.read() if input == "-" else _read_one(Path(input))
        text, _ = decode_bytes(data, input)
        settings = settings_from(None, config)
        doc = run_extract(text, settings, published=pub)
        for event in doc.events:
            sys.stdout.write(dumps_record(event_record(event, doc)) + "\n")

    @app.command()
    @handle_errors
    def ledger(
        db: DbOption = None,
        config: ConfigOption = None,
        format: Annotated[str, typer.Option("--format", help="table or jsonl.")] = "table",
        status: Annotated[str | None, typer.Option(help="Only rows with this status.")] = None,
        debug: DebugOption = False,
    ) -> None:
        """List every input and what happened to it (processed, skipped, rejected, failed)."""
        if format not in {"table", "jsonl"}:
            raise typer.BadParameter("use table or jsonl", param_hint="--format")
        settings = settings_from(db, config)
        with open_for_reading(settings.db) as store:
            rows = store.ledger(status)
        if format == "jsonl":
            for row in rows:
                sys.stdout.write(json.dumps(row, default=str, sort_keys=True) + "\n")
            return
        table = Table("input", "status", "events", "reason", show_lines=False)
        colours = {
            "processed": "green",
            "skipped": "cyan",
            "rejected": "yellow",
            "failed": "red",
            "superseded": "dim",
        }
        for row in rows:
            colour = colours.get(row["status"], "white")
            table.add_row(
                row["input"],
                f"[{colour}]{row['status']}[/]",
                str(row["n_events"] or 0),
                row["reason"] or "",
            )
        out_console.print(table)

    @app.command()
    @handle_errors
    def check(db: DbOption = None, config: ConfigOption = None, debug: DebugOption = False) -> None:
        """Read every stored value once and say which tables are damaged (exit 1 if any)."""
        from eventwire.db.diagnose import check_store

        settings = settings_from(db, config)
        with open_for_reading(settings.db) as store:
            rows = check_store(store.con)
        table = Table("table", "rows", "state", show_lines=False)
        for row in rows:
            state = "[green]ok[/]" if row["ok"] else f"[red]damaged:[/] {row['problem']}"
            table.add_row(row["table"], "" if row["rows"] is None else f"{row['rows']:,}", state)
        out_console.print(table)
        if not all(row["ok"] for row in rows):
            raise typer.Exit(1)


def _reprocess_selection(
    reprocess: bool,
    inputs: list[str],
    input_glob: str | None,
    source: str | None,
    since: str | None,
    until: str | None,
) -> Any:
    """The stored documents ``--reprocess`` re-codes (None without it)."""
    if not reprocess:
        if input_glob or since or until:
            raise typer.BadParameter("--input, --since and --until go with --reprocess")
        return None
    if inputs:
        raise typer.BadParameter(
            "--reprocess re-codes stored documents: select them with --input GLOB, not paths"
        )
    from eventwire.run.reprocess import Reprocess

    return Reprocess(input_glob, source, parse_cli_date(since), parse_cli_date(until))


def _report_reviews(summary: Any) -> None:
    """After --reprocess: how many documents, and every review that matches no event now."""
    if not summary.reprocessed:
        return
    err_console.print(f"re-coded {summary.reprocessed} stored documents")
    for review in summary.orphaned:
        what = review.get("event_id") or ",".join(review.get("event_ids") or [])
        err_console.print(
            f"  [yellow]orphaned review[/] {review['review_id']} ({review['action']} of {what} "
            f"by {review['author']}): no event matches it now; kept, see "
            "`eventwire review list --orphaned`"
        )


DEMO_DB = "eventwire-demo.duckdb"


def register_demo(app: typer.Typer) -> None:
    @app.command()
    @handle_errors
    def demo(
        reports: Annotated[str, typer.Option(help="Reports to code.")] = "examples/reports",
        db: Annotated[
            str, typer.Option("--db", help="The demo's own store (never $EVENTWIRE_DB).")
        ] = DEMO_DB,
        host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="Port to serve on.")] = 8000,
        serve: Annotated[bool, typer.Option(help="Serve the dashboard afterwards.")] = True,
        debug: DebugOption = False,
    ) -> None:
        """Code the bundled example reports into the demo's own store, then serve it.

        Nothing is deleted: run again, the ledger skips the reports already coded."""
        from eventwire.db.live import find_server

        if not Path(reports).exists():
            raise typer.BadParameter(
                f"{reports} not found (run from the repository root)", param_hint="--reports"
            )
        settings = settings_from(db, None)
        summary = process_inputs([reports], settings)
        done = f", {summary.already_done} already coded" if summary.already_done else ""
        err_console.print(
            f"{summary.counts['processed']} reports coded{done}, "
            f"{summary.events} events → {settings.db}"
        )
        running = find_server(settings.db).discovery
        if serve and running is not None:
            err_console.print(f"the dashboard is already served at {running.url}/")
        elif serve:
            from eventwire.api.app import serve_app

            serve_app(settings.db, host=host, port=port)

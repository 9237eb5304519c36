"""``watch``: keep folders and feeds under watch and process what is new, cycle after cycle.

Every cycle runs the inputs through the same runner as ``process`` (one pipeline, loaded
once, kept between cycles), so the ledger decides what is new: a file or feed item already
in it is not read again (a feed item is known by its guid or link, see
:mod:`eventwire.pipeline.read.feeds`). Each cycle writes its ledger rows, clusters its new
events and logs one line on stderr. The store is opened for the cycle only, so other
commands can read it between cycles. A store that cannot be opened (another process holds
it) or a cycle that fails is logged and tried again next cycle.

Ctrl-C (SIGINT) or SIGTERM ends the watch once the current cycle is written (exit 0); a
second Ctrl-C interrupts the cycle itself (committed batches are kept; exit 130).
"""

from __future__ import annotations

import signal
import threading
import time
from datetime import UTC, datetime
from types import FrameType
from typing import Annotated, Any

import typer

from eventwire.cli.common import (
    ConfigOption,
    DbOption,
    DebugOption,
    FollowLinksOption,
    PublishedOption,
    SourceOption,
    err_console,
    handle_errors,
    parse_cli_date,
    settings_from,
)
from eventwire.errors import EventwireError

__all__ = ["Stopper", "cycle_line", "register"]


class Stopper:
    """Turns the first SIGINT/SIGTERM into a request to stop after the current cycle.

    Used as a context manager: the handlers are installed on entry and the previous ones
    restored on exit. A second SIGINT raises KeyboardInterrupt as usual.
    """

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self) -> None:
        self.stopping = threading.Event()
        self._previous: dict[int, Any] = {}

    def __enter__(self) -> Stopper:
        for sig in self.SIGNALS:
            self._previous[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.stopping.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        self.stopping.set()
        err_console.print("stopping after this cycle (Ctrl-C again to interrupt it)")

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; True when asked to stop (at once, not after the sleep)."""
        return self.stopping.wait(max(0.0, seconds))


def cycle_line(number: int, summary: Any) -> str:
    """The one log line of a cycle: when, what was new, what was already known, events."""
    counts = summary.counts
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    parts = [
        f"{counts['processed']} new",
        f"{counts['skipped']} skipped",
        f"{counts['rejected']} rejected",
        f"{counts['failed']} failed",
        f"{summary.already_done} already in the ledger",
    ]
    took = f"{summary.events} events ({summary.seconds:.1f}s)"
    return f"{now} cycle {number}: {', '.join(parts)}; {took}"


def register(app: typer.Typer) -> None:
    @app.command()
    @handle_errors
    def watch(
        inputs: Annotated[list[str], typer.Argument(help="Folders, files or feed URLs to watch.")],
        interval: Annotated[
            float, typer.Option(min=0.1, help="Seconds from the start of one cycle to the next.")
        ] = 300.0,
        db: DbOption = None,
        config: ConfigOption = None,
        published: PublishedOption = None,
        source: SourceOption = None,
        follow_links: FollowLinksOption = False,
        cycles: Annotated[
            int | None, typer.Option(min=1, help="Stop after this many cycles [default: never].")
        ] = None,
        debug: DebugOption = False,
    ) -> None:
        """Process new files and feed items every INTERVAL seconds until Ctrl-C."""
        from eventwire.cli.store_access import process_inputs
        from eventwire.run.executors import make_executor

        pub = parse_cli_date(published)
        settings = settings_from(db, config, follow_links=follow_links or None)
        executor = make_executor(settings, "local", 1)  # one pipeline, kept between cycles
        err_console.print(
            f"watching {len(inputs)} input(s) every {interval:g}s → {settings.db} (Ctrl-C stops)"
        )
        number = 0
        with Stopper() as stopper:
            while not stopper.stopping.is_set():
                number += 1
                started = time.monotonic()
                try:
                    summary = process_inputs(  # here, or through the server that owns the store
                        list(inputs),
                        settings,
                        executor=executor,
                        published=pub,
                        source=source,
                        cluster=True,
                    )
                except EventwireError as exc:  # the store is busy, a disk is full: next cycle
                    err_console.print(f"cycle {number}: [yellow]not run:[/] {exc}", soft_wrap=True)
                else:
                    err_console.print(cycle_line(number, summary), soft_wrap=True)
                    for entry in summary.problems[:20]:
                        err_console.print(
                            f"  [yellow]{entry.status}[/] {entry.input}: {entry.reason}"
                        )
                if cycles is not None and number >= cycles:
                    break
                stopper.wait(interval - (time.monotonic() - started))
        err_console.print(f"stopped after {number} cycle(s)")

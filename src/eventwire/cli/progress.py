"""The progress bar of ``eventwire process``, made to cost next to nothing.

A run reports every ledger row to :meth:`RunProgress.on_result`; that only adds to counters
(no string work per document). The bar is told about them at most every
``UPDATE_EVERY_S`` seconds and redrawn by rich's own thread ``REFRESH_PER_SECOND`` times a
second, so its cost follows the wall clock, not the number of documents.
``--quiet`` builds no bar at all.
"""

from __future__ import annotations

import time
from collections import Counter
from types import TracebackType
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

if TYPE_CHECKING:
    from eventwire.records import LedgerEntry

__all__ = ["REFRESH_PER_SECOND", "UPDATE_EVERY_S", "RunProgress"]

REFRESH_PER_SECOND = 2.0  # redraws a second (rich's refresh thread)
UPDATE_EVERY_S = 0.25  # the bar's counters catch up with the run at most this often
STATUSES = ("processed", "skipped", "rejected", "failed")


class RunProgress:
    """A throttled progress bar over the ledger rows of a run (or nothing, when quiet).

    >>> with RunProgress(Console(file=open("/dev/null", "w")), total=2) as bar:  # doctest: +SKIP
    ...     bar.on_result(entry)
    """

    def __init__(self, console: Console, total: int | None, quiet: bool = False) -> None:
        self.counts: Counter[str] = Counter()
        self.done = 0
        self.shown = 0  # rows the bar has been told about
        self.updates = 0  # calls into rich, for tests and benchmarks
        self._last = 0.0  # the first row shows at once
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        if not quiet:
            self._progress = Progress(
                SpinnerColumn(),
                TextColumn("[bold]processing"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[status]}"),
                TimeElapsedColumn(),
                console=console,
                transient=False,
                refresh_per_second=REFRESH_PER_SECOND,
                redirect_stdout=False,
                redirect_stderr=False,
            )
            self._task = self._progress.add_task("process", total=total, status="")

    def __enter__(self) -> RunProgress:
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.flush()
        if self._progress is not None:
            self._progress.stop()

    def on_result(self, entry: LedgerEntry) -> None:
        """Count one committed ledger row; tell the bar only now and then."""
        self.done += 1
        self.counts[entry.status] += 1
        if self._progress is None:
            return
        now = time.monotonic()
        if now - self._last >= UPDATE_EVERY_S:
            self._last = now
            self.flush()

    def flush(self) -> None:
        """Bring the bar up to date with the counters."""
        if self._progress is None or self._task is None or self.shown == self.done:
            return
        status = ", ".join(f"{self.counts[s]} {s}" for s in STATUSES if self.counts[s])
        self._progress.update(self._task, advance=self.done - self.shown, status=status)
        self.shown = self.done
        self.updates += 1

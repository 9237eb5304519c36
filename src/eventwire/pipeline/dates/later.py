"""Yearless days told after the day of a record dated at its event.

A yearless day ("on Feb 23", "from 1 November") is read as the most recent such day not
after publication: a news report tells what has happened, so a later day of the calendar
must be last year's. A coded event record (``published_source == EVENT_DATED``: an ACLED
note) is dated at its event, not at its telling, and may go on to tell what followed:
"a man beaten by the police later died on Feb 23" in a note of 2 February, "a curfew on
the two villages from 1 November" in a note of 28 October, "freed on 20 Feb." in a note of
17 February. Read back a year, such a day puts the later deed a year
before the event, and the incident it is merged with takes that day. So a yearless day
that, read in the record's year (or the next, across New Year), falls at most
``LATER_DAYS`` after the record's date is read forward. The incidents stage then knows
it as a later deed (:func:`~eventwire.pipeline.incidents.compat.later_deed`): kept apart
from the record's event, never its date. A day further off keeps its reading (a day and
a month a note swapped, "05 September" for 9 May).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from eventwire.pipeline.dates.timex import Timex

__all__ = ["LATER_DAYS", "forward_later_days", "later_day"]

LATER_DAYS = 30  # a yearless day at most this many days after the record's date


def later_day(timex: Timex, anchor: date) -> bool:
    """Whether a yearless day the rules read a year back falls, read forward, within
    ``LATER_DAYS`` after ``anchor``."""
    start = timex.when.start
    if timex.kind != "partial" or timex.when.precision != "day" or start is None:
        return False
    if start >= anchor:
        return False
    try:
        forward = start.replace(year=start.year + 1)
    except ValueError:  # 29 February
        return False
    return 0 < (forward - anchor).days <= LATER_DAYS


def forward_later_days(found: list[Timex], anchor: date) -> list[Timex]:
    """``found`` with the yearless days told after ``anchor`` (the date of a record dated
    at its event) read in the year after the one the rules gave them."""
    read = []
    for timex in found:
        when = timex.when
        if later_day(timex, anchor) and when.start is not None and when.end is not None:
            moved = replace(
                when,
                start=when.start.replace(year=when.start.year + 1),
                end=when.end.replace(year=when.end.year + 1),
            )
            timex = replace(timex, when=moved)
        read.append(timex)
    return read

"""One night told on either side of midnight: "on Tuesday night" by one outlet, "overnight
into Wednesday" or "in the early hours of Wednesday" by another (:func:`overnight`). Each
report's date is an explicit day, a day apart, so the date rule keeps them apart; the small
hours of a day (``small_hours`` in ``data/dedup/words.yaml``) are the night before it.

The part of the day then counts that way too (:func:`parts_clash`): the small hours are
neither that day's evening nor its afternoon, but they are its night and its early morning
("overnight into Wednesday" and "early on Wednesday" may be one raid).

>>> from datetime import date
>>> from eventwire.dedup.report import ReportEvent
>>> tue, wed = date(2026, 8, 18), date(2026, 8, 19)
>>> night = ReportEvent("a", "d1", "ASSAULT", date_start=tue, date_end=tue,
...     date_precision="day", date_text="on Tuesday night")
>>> small = ReportEvent("b", "d2", "ASSAULT", date_start=wed, date_end=wed,
...     date_precision="day", date_text="overnight into Wednesday")
>>> overnight(night, small)[1]
'the night of 2026-08-18 told as the small hours of the next day'
"""

from __future__ import annotations

import calendar
import functools
import re
from datetime import timedelta

from eventwire.datafiles import words
from eventwire.dedup.clock import clock_hour, hours_apart
from eventwire.dedup.daytime import EVENING, MORNING, halves_apart, time_of_day
from eventwire.dedup.report import ReportEvent

NIGHT = 3  # time_of_day's part for the night (data/dedup/words.yaml time_of_day, in order)


@functools.cache
def _small_hours() -> re.Pattern[str]:
    alternation = "|".join(re.escape(w) for w in sorted(words("dedup", "small_hours")))
    return re.compile(rf"\b(?:{alternation})\b", re.I)


def small_hours(e: ReportEvent) -> bool:
    """Whether the event's date expression puts it in the small hours of its day
    ("overnight into Wednesday", "in the early hours of Sunday", "before dawn on Friday"),
    or its sentence does so with the event's own weekday (the date expression read as the
    bare "Monday" of "in the early hours of Monday")."""
    if e.date_borrowed:
        return False
    if e.date_text and _small_hours().search(e.date_text):
        return True
    if time_of_day(e) not in (None, MORNING):  # "on Friday night": the date's own part
        return False
    return _of_own_day(e, _small_hours().pattern + r"\s+(?:(?:of|on|into|to)\s+)?")


def _of_own_day(e: ReportEvent, before: str) -> bool:
    """Whether the event's sentence names its own weekday right after ``before``."""
    if not (e.sentence and e.start is not None and e.start == e.end):
        return False
    day = calendar.day_name[e.start.weekday()]
    return re.search(rf"{before}{day}\b", e.sentence, re.I) is not None


def _clock(e: ReportEvent) -> int | None:
    """The clock hour of the event's date expression (not one read outside its sentence),
    else of its sentence (as :func:`time_of_day` reads the part of the day)."""
    hour = None if e.date_borrowed else clock_hour(e.date_text)
    return clock_hour(e.sentence) if hour is None else hour


def late_on_day(e: ReportEvent) -> bool:
    """Whether the event is told late on its own day ("late on Sunday", "late Sunday"):
    the night another outlet may tell as the small hours of the next day."""
    if time_of_day(e) == NIGHT:
        return True
    return bool(e.start is not None and _of_own_day(e, r"\blate\s+(?:on\s+)?"))


def _one_day(e: ReportEvent) -> bool:
    return e.start is not None and e.start == e.end and e.date_precision == "day"


def overnight(a: ReportEvent, b: ReportEvent) -> tuple[float, str] | None:
    """A date link for two reports a day apart that tell one night: the earlier dated at
    night ("Tuesday night"), the later in its small hours ("overnight into Wednesday")."""
    if not (_one_day(a) and _one_day(b)) or a.start is None or b.start is None:
        return None
    early, late = (a, b) if a.start < b.start else (b, a)
    assert early.start is not None and late.start is not None
    if late.start - early.start != timedelta(days=1) or small_hours(early):
        return None
    if not small_hours(late) or not late_on_day(early):
        return None
    return 0.8, f"the night of {early.start} told as the small hours of the next day"


def parts_clash(a: ReportEvent, b: ReportEvent) -> bool:
    """Whether the parts of the day two reports name are two incidents ("Monday morning" /
    "Monday evening": two or more parts apart, or the two halves of the day in words); the
    small hours of a day are its night and its early morning, so they clash only with an
    afternoon or an evening."""
    part_a, part_b = time_of_day(a), time_of_day(b)
    if overnight(a, b) is not None:
        return False  # "late on Sunday" / "in the early hours of Monday": one night
    hour_a, hour_b = _clock(a), _clock(b)
    if hour_a is not None and hours_apart(hour_a, hour_b, part_b):
        return True  # "at about 10 a.m." / "at around 4 p.m." or "on Wednesday afternoon"
    if hour_b is not None and hours_apart(hour_b, hour_a, part_a):
        return True
    if part_a is None or part_b is None:
        return False
    small = [p for e, p in ((a, part_b), (b, part_a)) if small_hours(e)]
    if small:
        return any(0 < p <= EVENING for p in small)
    # "Wednesday morning" / "Wednesday afternoon" in words (clock times are read above)
    return abs(part_a - part_b) >= 2 or (hour_a is None and hour_b is None and halves_apart(a, b))

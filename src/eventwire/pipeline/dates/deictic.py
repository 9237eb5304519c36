"""Words that count from the day of the telling: stated days before them, records dated
at their event.

Some inputs carry the date of the event they tell instead of the day they were
published: a coded event record whose note was written against the event date (an
ACLED note: "Refugees yesterday took to the streets…", the coder's date being the day
of the march). Such a document is read with ``published_source == EVENT_DATED``. Its
words that point at the day of the telling ("yesterday", "last night", "overnight",
"on Monday", "this week", "over the weekend") name the event the record is dated by,
so they resolve to the record's date instead of counting back from it a second time.
A stated day ("on 12 May") and the wider periods ("last month", "two years ago") still
resolve as written.

>>> from datetime import date
>>> from eventwire.pipeline.dates.timex import find_timexes
>>> found = find_timexes("Gunmen attacked the market yesterday.", date(2019, 3, 5))
>>> [t.when.start.isoformat() for t in pin_telling_days(found, date(2019, 3, 5), ())]
['2019-03-05']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from itertools import pairwise

from eventwire.pipeline.dates.timex import Timex
from eventwire.records import EVENT_DATED, When

__all__ = [
    "EVENT_DATED",
    "drop_named_weekdays",
    "drop_previous_day",
    "drop_recently",
    "pin_telling_days",
    "prefer_stated_days",
]

_SPANS = frozenset({"day", "week", "range"})
# "the previous day" / "the preceding day" with no preposition: one day before a narrated day
# ("protested against the attacks the previous day"), not a span up to the telling
PREVIOUS_DAY = re.compile(r"the\s+(?:previous|preceding)\s+day", re.I)
# "recently", "lately": a span of days up to the telling
RECENTLY = re.compile(r"recently|lately", re.I)
_WEEK_WORDS = frozenset({"week", "weekend"})


def _telling_day(timex: Timex, weekdays: frozenset[str]) -> bool:
    """A word that counts from the day of the telling to a day or a week around it."""
    words = {w.strip(".,").lower() for w in timex.text.split()}
    if "ago" in words or timex.when.precision not in _SPANS:
        return False
    if timex.kind == "relative":  # "yesterday", "on Monday", "last week"
        return True
    if timex.kind == "range":  # "over the weekend", "early this week"
        return bool(words & _WEEK_WORDS) and not any(c.isdigit() for c in timex.text)
    return timex.kind == "dateparser" and bool(words & weekdays)  # "Sunday night"


def pin_telling_days(found: list[Timex], anchor: date, weekdays: Iterable[str]) -> list[Timex]:
    """``found`` with every telling-day word resolved to ``anchor`` (the record's date)."""
    names = frozenset(w.lower() for w in weekdays)
    pinned = []
    for timex in found:
        if _telling_day(timex, names):
            old = timex.when
            when = When(
                old.text, anchor, anchor, "day", old.recurring, old.span_start, old.span_end
            )
            timex = replace(timex, when=when)
        pinned.append(timex)
    return pinned


def prefer_stated_days(own: list[Timex], weekdays: Iterable[str]) -> list[Timex]:
    """The expressions of a sentence that may date its event: a stated day ("On 17 December,
    overnight, forces struck…") outranks a deictic word of the same sentence ("overnight",
    "yesterday"), which would count back from the publication date instead (a weekday,
    "on Monday", names a day of its own and stays)."""
    days = {w.lower() for w in weekdays}
    deictic = [t for t in own if t.kind == "relative" and not set(t.text.lower().split()) & days]
    stated = [t for t in own if t.kind != "relative" and t.when.precision == "day"]
    if stated and deictic:
        return [t for t in own if t not in deictic]
    return own


def drop_named_weekdays(own: list[Timex], weekdays: Iterable[str], text: str) -> list[Timex]:
    """Drop a weekday told beside the stated day it names ("on Friday September 8", "on
    Sunday [14 May]", "On Friday, 8 September"): the stated day dates the event, and a
    weekday that disagrees with it (a slip of the note) must not count back from
    publication."""
    days = {w.lower() for w in weekdays}
    dropped = []
    for t, after in pairwise(own):
        gap = text[t.end : after.start]
        if (
            t.kind == "relative"
            and set(t.text.lower().split()) & days
            and after.kind != "relative"
            and after.when.precision == "day"
            and re.fullmatch(r"[\s,(\[]{0,3}", gap)
        ):
            dropped.append(t)
    return [t for t in own if t not in dropped]


def drop_previous_day(found: list[Timex]) -> list[Timex]:
    """``found`` without "the previous day" of a record dated at its event: the record's
    date is its event's day, so the day before it dates another deed the note tells (the
    attack a protest is about, the arrest a raid avenged), never the event itself. (The
    rules read the words as "the past day", a span up to the telling.)"""
    return [t for t in found if not (t.kind == "range" and PREVIOUS_DAY.fullmatch(t.text))]


def drop_recently(found: list[Timex]) -> list[Timex]:
    """``found`` without "recently" / "lately" of a record dated at its event: counted back
    from the record's date, they date a deed before the event ("protesters of a recently
    installed governor", "a resident who was arrested recently", "a dispute over recently
    held elections"); the event itself is the record's day. (A stated span, "in recent
    weeks", stays.)"""
    return [t for t in found if not (t.kind == "range" and RECENTLY.fullmatch(t.text))]

"""The part of the day a report puts its incident in (:func:`time_of_day`): two reports of
one day whose parts are two or more steps apart ("Monday morning" / "Monday evening") tell
two incidents (:func:`eventwire.dedup.rules.compare`)."""

from __future__ import annotations

import calendar
import functools
import re
from datetime import date

from eventwire.datafiles import word_table, words
from eventwire.dedup.clock import clock_part
from eventwire.dedup.report import ReportEvent


@functools.cache
def _day_parts() -> tuple[tuple[int, re.Pattern[str]], ...]:
    table = word_table("dedup", "time_of_day")
    return tuple(
        (n, re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I))
        for n, words in enumerate(table.values())
    )


@functools.cache
def _day_edges() -> tuple[tuple[int, re.Pattern[str]], ...]:
    """("early on" -> the morning, "late on" -> the evening) as patterns."""
    return tuple(
        (part, re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(found)) + r")\b", re.I))
        for part, found in (
            (MORNING, words("dedup", "early_in_day")),
            (EVENING, words("dedup", "late_in_day")),
        )
    )


MORNING, AFTERNOON, EVENING = 0, 1, 2  # "early on Friday" is the morning, "late on" the evening


def time_of_day(e: ReportEvent) -> int | None:
    """The part of the day (0 morning … 3 night) in the date expression, else the sentence;
    "late on Friday" with no part named is the evening, "early on Friday" the morning. In
    the sentence, a part of another weekday than the event's ("… stormed a hotel late on
    Saturday … ended the siege on Sunday morning") is not the event's. A date expression
    read outside the event's sentence lends its day, not its part of the day ("killed on
    Thursday night … Earlier that day, five men had been shot": not the night)."""
    part = None if e.date_borrowed else _part_of(e.date_text)
    if part is None and e.sentence:
        part = _part_of(_other_days_out(e.sentence, e.start if e.start == e.end else None))
    return part


@functools.lru_cache(maxsize=65536)
def _part_of(text: str | None) -> int | None:
    """The one part of the day a text names, else None (memoised: a report's sentence is
    compared with every candidate's)."""
    if not text:
        return None
    found = {n for n, pattern in _day_parts() if pattern.search(text)}
    if not found:
        found = {n for n, pattern in _day_edges() if pattern.search(text)}
    if not found:
        return clock_part(text)  # "at around 9 pm"
    return found.pop() if len(found) == 1 else None


_WEEKDAY_PART = re.compile(
    r"\b(" + "|".join(calendar.day_name) + r")(?:['’]s)?\s+(?:morning|afternoon|evening|night)\b",
    re.I,
)


@functools.lru_cache(maxsize=65536)
def _other_days_out(sentence: str | None, day: date | None) -> str | None:
    """The sentence less its "<weekday> morning/…" phrases of other weekdays than ``day``."""
    if not sentence or day is None:
        return sentence
    own = calendar.day_name[day.weekday()].casefold()
    return _WEEKDAY_PART.sub(lambda m: m[0] if m[1].casefold() == own else " ", sentence)


@functools.cache
def _turn_of_day() -> re.Pattern[str]:
    found = sorted(words("dedup", "turn_of_day"))
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in found) + r")\b", re.I)


def halves_apart(a: ReportEvent, b: ReportEvent) -> bool:
    """Whether one report puts its incident in the morning and the other in the afternoon
    ("on Wednesday morning" / "on Wednesday afternoon"): the two halves of a day, either
    side of noon, are two incidents although the parts are adjacent. Not when either report
    names the turn of the day (``turn_of_day``: "around noon", "late morning", "early
    afternoon"), which outlets may tell as either half."""
    if {time_of_day(a), time_of_day(b)} != {MORNING, AFTERNOON}:
        return False
    return not any(_turn_of_day().search(f"{e.date_text or ''} {e.sentence or ''}") for e in (a, b))

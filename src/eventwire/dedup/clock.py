"""The part of the day a clock time names ("at around 9 pm", "at 10:30 a.m.", "at 21:15
local time"): read by :func:`eventwire.dedup.daytime.time_of_day` when a report names no
part of the day in words, so "shot dead … at around 9 pm on Saturday" and "… on Saturday
morning" stay two incidents. Hours of the small hours (midnight to 5 am) name no part: they
are the night before one outlet's day and the early morning of another's (see nights.py)."""

from __future__ import annotations

import functools
import re

# am / pm times ("9 pm", "10:30 a.m.", "9pm") and 24-hour times given as such ("at 21:15",
# "21:15 local time", "2130 GMT"); a bare number is no time.
_TWELVE = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b\.?", re.I)
_TWENTY_FOUR = re.compile(
    r"\b(?:at\s+(?:around\s+|about\s+)?([01]?\d|2[0-3])[:h]([0-5]\d)\b(?!\s*[ap]\.?\s?m\b)"
    r"|([01]?\d|2[0-3]):?([0-5]\d)\s*(?:local time|hrs|hours|GMT|UTC)\b)",
    re.I,
)

# The first hour of each part (morning 0, afternoon 1, evening 2, night 3; daytime.py's
# order); hours before 5 are the small hours.
_MORNING_FROM, _AFTERNOON_FROM, _EVENING_FROM, _NIGHT_FROM = 5, 12, 17, 21


def _part_of_hour(hour: int) -> int | None:
    if hour < _MORNING_FROM:
        return None
    if hour < _AFTERNOON_FROM:
        return 0
    if hour < _EVENING_FROM:
        return 1
    return 2 if hour < _NIGHT_FROM else 3


def _hours(text: str) -> list[int]:
    out = []
    for m in _TWELVE.finditer(text):
        hour = int(m[1])
        if 1 <= hour <= 12:
            out.append(hour % 12 + (12 if m[3].casefold() == "p" else 0))
    for m in _TWENTY_FOUR.finditer(text):
        out.append(int(m[1] if m[1] is not None else m[3]))
    return out


# Where each part of the day starts and ends, in hours (the night runs past midnight).
_SPANS = {0: (_MORNING_FROM, _AFTERNOON_FROM), 1: (_AFTERNOON_FROM, _EVENING_FROM),
          2: (_EVENING_FROM, _NIGHT_FROM), 3: (_NIGHT_FROM, 24 + _MORNING_FROM)}  # fmt: skip
CLOCKS_APART = 3  # hours between two reports' clock times that make them two incidents
PART_APART = 2  # hours between a clock time and the part of the day another report names


@functools.lru_cache(maxsize=65536)
def clock_hour(text: str | None) -> int | None:
    """The one hour the clock times of a text name ("at about 10 a.m." -> 10), else None.

    >>> clock_hour("at about 10 a.m. on Wednesday"), clock_hour("at 10 am and 4 pm")
    (10, None)
    """
    hours = set(_hours(text or ""))
    return hours.pop() if len(hours) == 1 else None


def hours_apart(hour: int, other: int | None, part: int | None) -> bool:
    """Whether a report's clock hour is far from another report's clock hour (circularly,
    ``CLOCKS_APART``) or from the part of the day it names (``PART_APART``): "at about 10
    a.m." and "at around 4 p.m." or "on Wednesday afternoon" are two incidents; "at 10 a.m."
    and "on Wednesday morning" may be one.

    >>> hours_apart(10, 16, None), hours_apart(10, None, 1), hours_apart(10, None, 0)
    (True, True, False)
    """
    if other is not None:
        gap = abs(hour - other)
        return min(gap, 24 - gap) >= CLOCKS_APART
    if part is None:
        return False
    start, end = _SPANS[part]
    at = hour + 24 if part == 3 and hour < _MORNING_FROM else hour
    return (start - at if at < start else at - (end - 1) if at >= end else 0) >= PART_APART


@functools.lru_cache(maxsize=65536)
def clock_part(text: str | None) -> int | None:
    """The one part of the day the clock times of a text name, else None.

    >>> clock_part("opened fire at around 9 pm on Saturday")
    3
    >>> clock_part("a blast at 10:30 a.m. and another at 4 p.m.") is None
    True
    >>> clock_part("gunmen struck at 9:30 pm")
    3
    >>> clock_part("killing 9 people") is None
    True
    """
    if not text:
        return None
    parts = {_part_of_hour(h) for h in _hours(text)}
    return parts.pop() if len(parts) == 1 else None

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

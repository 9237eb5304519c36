"""Find time expressions in text and resolve them against a publication date.

A :class:`Timex` is a span of the text with the :class:`~eventwire.records.When` it
means: "14 June 2014" → that day; "in June" → the most recent June not after
publication (month precision); "last year" → the whole previous calendar year;
"the past six months" → a range ending at publication; "yesterday" → the day before
publication. Habitual cues ("nearly daily") are found separately by
:func:`find_habitual`.

>>> from datetime import date
>>> found = find_timexes("When ISIS took Mosul in June", date(2014, 12, 10))
>>> [(t.when.start.isoformat(), t.when.end.isoformat(), t.when.precision) for t in found]
[('2014-06-01', '2014-06-30', 'month')]

The words live in ``data/dates/timex.yaml``; the patterns are built from them once
(:func:`~eventwire.pipeline.dates.timex_lexicon.load_timex_lexicon`). Explicit textual
forms are parsed by the rules of :mod:`~eventwire.pipeline.dates.timex_rules`;
``dateparser`` is only asked about spans the rules do not know (spaCy DATE entities),
see :func:`parse_with_dateparser`.
"""

from __future__ import annotations

import calendar
import contextlib
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from eventwire.pipeline.dates.timex_lexicon import TimexLexicon, load_timex_lexicon
from eventwire.pipeline.dates.timex_rules import resolve_match
from eventwire.records import When


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression: ``[start, end)`` in the text and the date range it means."""

    start: int
    end: int
    text: str
    when: When
    kind: str  # "explicit", "partial", "relative", "range", "dateparser"


def find_timexes(
    text: str,
    published: date | None,
    offset: int = 0,
    lexicon: TimexLexicon | None = None,
    numeric_order: str = "MDY",
) -> list[Timex]:
    """Return the time expressions of ``text`` resolved against ``published``, in order.

    ``offset`` is added to every span (pass ``sentence.start`` to get document offsets).
    Expressions that cannot be resolved (a relative one without a publication date,
    an impossible day) are left out.
    """
    lex = lexicon or load_timex_lexicon()
    found: list[Timex] = []
    for match in lex.pattern.finditer(text):
        resolved = resolve_match(match, lex, published, numeric_order)
        if resolved is None:
            continue
        when, kind, (s, e) = resolved
        when.text = text[s:e]
        when.span_start, when.span_end = offset + s, offset + e
        found.append(Timex(offset + s, offset + e, text[s:e], when, kind))
    return join_ranges(text, anchor_partial_dates(found, published), offset)


def join_ranges(text: str, found: list[Timex], offset: int = 0) -> list[Timex]:
    """Merge "between July 1 and July 31, 2014" / "from 3 May to 5 May" into one range."""
    merged: list[Timex] = []
    for timex in found:
        if merged:
            first = merged[-1]
            gap = text[first.end - offset : timex.start - offset]
            lead = text[max(0, first.start - offset - 9) : first.start - offset].lower()
            a, b = first.when, timex.when
            if (
                re.fullmatch(r"\s*(?:and|to|until|till|through|-|–)\s*", gap)
                and re.search(r"\b(?:between|from)\s+$", lead)
                and a.start is not None
                and b.end is not None
                and a.start <= b.end
            ):
                if a.start.year != b.end.year and not re.search(r"[0-9]{4}", first.text):
                    # "between July 1 and July 31, 2014": the year is written once
                    with contextlib.suppress(ValueError):
                        a.start = a.start.replace(year=b.end.year)
                when = When(
                    text[first.start - offset : timex.end - offset],
                    a.start,
                    b.end,
                    "range",
                    False,
                    first.start,
                    timex.end,
                )
                merged[-1] = Timex(first.start, timex.end, when.text or "", when, "range")
                continue
        merged.append(timex)
    return merged


def anchor_partial_dates(found: list[Timex], published: date | None = None) -> list[Timex]:
    """Give a yearless date the year of a full date beside it ("27 April 2020 (from 27 - 28
    April)"), when that puts it within half a year of the full date."""
    anchors = [t for t in found if t.kind == "explicit" and t.when.precision == "day"]
    if not anchors:
        return found
    for timex in found:
        when = timex.when
        yearless_range = timex.kind == "range" and not re.search(r"[0-9]{4}", timex.text)
        if not (timex.kind == "partial" or yearless_range) or when.start is None:
            continue
        if when.precision not in ("day", "range") or when.end is None:
            continue
        anchor = min(anchors, key=lambda a: abs(a.start - timex.start)).when.start
        assert anchor is not None
        try:
            moved = when.start.replace(year=anchor.year)
        except ValueError:
            continue
        if abs((moved - anchor).days) <= 183 and (published is None or moved <= published):
            span = when.end - when.start
            when.start, when.end = moved, moved + span
    return found


def find_habitual(
    text: str, offset: int = 0, lexicon: TimexLexicon | None = None
) -> list[tuple[int, int, str]]:
    """Return ``(start, end, words)`` of the habitual cues ("nearly daily", "every week")."""
    lex = lexicon or load_timex_lexicon()
    return [
        (offset + m.start(), offset + m.end(), m.group(0))
        for m in lex.habitual_pattern.finditer(text)
    ]


def parse_with_dateparser(phrase: str, published: date | None) -> When | None:
    """Parse an explicit phrase the rules did not know with ``dateparser`` (slow: one span).

    Returns a day-precision :class:`When` for a full date, month precision when the
    phrase names only a month and year; ``None`` when dateparser finds nothing.
    """
    import dateparser  # lazy: ~100 ms to import, and only unknown DATE spans need it

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    elif not re.search(r"\b(1[89]|2[01])[0-9][0-9]\b", phrase):
        return None  # nothing to anchor a relative phrase to
    try:
        parsed = dateparser.parse(phrase, languages=["en"], settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed is None:
        return None
    day = parsed.date()
    if published is not None and day > published:
        return None  # dateparser guessed a future date; do not present it as a fact
    if str(day.year) not in phrase and published is not None and (published - day).days > 400:
        return None  # "27 - 28 April" read as 1928: a year the text never wrote
    if re.search(r"[0-9]", phrase) and not re.search(r"\b[0-9]{1,2}(st|nd|rd|th)?\b", phrase):
        first = day.replace(day=1)
        last = day.replace(day=calendar.monthrange(day.year, day.month)[1])
        return When(phrase, first, last, "month")
    return When(phrase, day, day, "day")


def shift_days(day: date, days: int) -> date:
    """``day`` moved by ``days`` (helper kept public for tests)."""
    return day + timedelta(days=days)

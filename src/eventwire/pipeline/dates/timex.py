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
(:func:`load_timex_lexicon`). Explicit textual forms are parsed by the rules here;
``dateparser`` is only asked about spans the rules do not know (spaCy DATE entities),
see :func:`parse_with_dateparser`.
"""

from __future__ import annotations

import calendar
import contextlib
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from eventwire.datafiles import KeySpec, data_path, read_data_file
from eventwire.errors import DataFileError
from eventwire.pipeline.dates.timex_rules import resolve_match
from eventwire.records import When

_REQUIRED_KEYS: KeySpec = {
    "months": dict,
    "weekdays": dict,
    "relative_days": dict,
    "units": dict,
    "counts": dict,
    "habitual": list,
}


@dataclass(frozen=True, slots=True)
class TimexLexicon:
    """The words of ``timex.yaml`` and the compiled patterns built from them."""

    version: str
    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    units: dict[str, tuple[int, str]]
    counts: dict[str, int]
    habitual: tuple[str, ...]
    recent: dict[str, int]
    pattern: re.Pattern[str]
    habitual_pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression: ``[start, end)`` in the text and the date range it means."""

    start: int
    end: int
    text: str
    when: When
    kind: str  # "explicit", "partial", "relative", "range", "dateparser"


def _alt(words: list[str]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


def _build_pattern(months: dict[str, int], weekdays: dict[str, int], lex: dict[str, Any]) -> str:
    # Month names: full names case-insensitive; "May" needs a capital or a preposition
    # elsewhere (checked in timex_rules), abbreviations may carry a dot.
    mon = rf"(?:{_alt(list(months))})\.?"
    wd = _alt(list(weekdays))
    day = r"(?:[0-2]?[0-9]|3[01])(?:st|nd|rd|th)?"
    year = r"(?:1[89][0-9][0-9]|2[01][0-9][0-9])"
    count = rf"(?:[0-9]{{1,3}}|{_alt(list(lex['counts']))})"
    unit = r"(?:day|week|month|year)s?"
    rel = _alt(list(lex["relative_days"]))
    recent = _alt(list(lex.get("recent", {})))
    parts = [
        # 2014-06-14
        rf"(?P<iso>{year}-[01]?[0-9]-[0-3]?[0-9])",
        # 06/14/2014, 14/06/2014, 14.06.2014
        rf"(?P<num>[0-3]?[0-9][/.][0-3]?[0-9][/.]{year})",
        # from 27 - 28 April (2020): a range of days
        rf"(?P<drange>(?:from\s+|between\s+)?{day}\s*(?:-|–|to|and)\s*{day}\s+(?:of\s+)?{mon}"
        rf"(?:,?\s+{year})?)",
        # 14 June 2014, 14th of June, 2014, 14 June (year optional)
        rf"(?P<dmy>(?:the\s+)?{day}\s+(?:of\s+)?{mon},?(?:\s+{year})?)",
        # June 14, 2014 / June 14 2014 / June 14
        rf"(?P<mdy>{mon}\s+{day}(?![0-9])(?:,?\s+{year})?)",
        # June 2014 / in early June / since mid-June / June
        rf"(?P<my>(?:(?:in|since|during|until|by|from|early|late|mid|end\s+of|"
        rf"beginning\s+of|last|this)[\s-]+)*(?:early\s+|late\s+|mid-?)?{mon}(?:,?\s+(?:of\s+)?{year})?)",
        # last Tuesday, on Tuesday, Tuesday night
        rf"(?P<wd>(?:(?:last|this|on|past|next)\s+)?(?:{wd})(?:\s+(?:morning|afternoon|evening|night))?)",
        rf"(?P<reld>{rel})",
        rf"(?P<ago>{count}\s+{unit}\s+ago)",
        # the past six months, over the last year, for the last several years
        rf"(?P<past>(?:over\s+|in\s+|during\s+|for\s+|within\s+)?the\s+(?:past|last|previous)\s+"
        rf"(?:{count}\s+)?{unit})",
        r"(?P<lastu>(?:last|this|earlier\s+this|later\s+this|early\s+this|late\s+last|"
        r"earlier\s+last|past)\s+(?:week|month|year|weekend))",
        rf"(?P<recent>{recent})" if recent else r"(?P<recent>(?!x)x)",
        # in 2014, since 2013, during 2015
        rf"(?P<yr>(?:in|since|during|of|from|until|by|throughout)\s+(?:early\s+|late\s+|mid-?)?{year})",
    ]
    return r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])"


def _check(raw: dict[str, Any], path: str) -> dict[str, Any]:
    # keys and their types are checked by read_data_file; here what they hold
    for key in ("months", "weekdays", "relative_days", "counts"):
        table = raw[key]
        if not isinstance(table, dict) or not all(isinstance(v, int) for v in table.values()):
            raise DataFileError(f"{path}: {key!r} must map words to integers", "EW-DAT-103")
    for name, unit in raw["units"].items():
        if not isinstance(unit, dict) or not {"days", "precision"} <= set(unit):
            raise DataFileError(f"{path}: unit {name!r} needs days and precision", "EW-DAT-104")
    return raw


@cache
def load_timex_lexicon(name: str = "timex.yaml") -> TimexLexicon:
    """Load and check ``data/dates/<name>`` and compile its patterns (cached)."""
    path = data_path("dates", name)
    lex = _check(read_data_file(path, _REQUIRED_KEYS), str(path))
    months = {str(k): int(v) for k, v in lex["months"].items()}
    weekdays = {str(k): int(v) for k, v in lex["weekdays"].items()}
    habitual = tuple(str(h) for h in lex["habitual"])
    return TimexLexicon(
        version=str(lex["version"]),
        months=months,
        weekdays=weekdays,
        relative_days={str(k): int(v) for k, v in lex["relative_days"].items()},
        units={str(k): (int(v["days"]), str(v["precision"])) for k, v in lex["units"].items()},
        counts={str(k): int(v) for k, v in lex["counts"].items()},
        habitual=habitual,
        recent={str(k): int(v) for k, v in (lex.get("recent") or {}).items()},
        pattern=re.compile(_build_pattern(months, weekdays, lex), re.IGNORECASE),
        habitual_pattern=re.compile(rf"(?<![\w-])(?:{_alt(list(habitual))})(?![\w-])", re.I),
    )


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
    from datetime import datetime

    import dateparser

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

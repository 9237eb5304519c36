"""Resolution rules for the time expressions found by :mod:`eventwire.pipeline.dates.timex`.

Each named group of the timex pattern has one rule here that turns the matched words
and the publication date into a :class:`~eventwire.records.When`. The rules are
deliberately conservative: a relative expression without a publication date resolves
to nothing, a bare month needs a preposition or a year ("in June", "June 2014"), and a
month name must be capitalised (so "may" the verb and "march" the verb are not dates).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from eventwire.pipeline.dates.timex_lexicon import TimexLexicon
from eventwire.records import When

Resolved = tuple[When, str, tuple[int, int]]

_YEAR_RE = re.compile(r"\b(1[89][0-9][0-9]|2[01][0-9][0-9])\b")
_DAY_RE = re.compile(r"\b([0-2]?[0-9]|3[01])(?:st|nd|rd|th)?\b")


def month_range(year: int, month: int) -> tuple[date, date]:
    """First and last day of a month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _safe_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def most_recent_month(month: int, published: date, strictly_before: bool = False) -> int:
    """The year of the most recent ``month`` not after (or strictly before) publication."""
    if month < published.month or (month == published.month and not strictly_before):
        return published.year
    return published.year - 1


def _month_of(lex: TimexLexicon, text: str) -> tuple[int, str] | None:
    for word in re.findall(r"[A-Za-z]+", text):
        key = word.lower()
        if key in lex.months:
            return lex.months[key], word
    return None


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _count(lex: TimexLexicon, text: str) -> int:
    digits = re.search(r"[0-9]+", text)
    if digits:
        return int(digits.group(0))
    low = text.lower()
    for word in sorted(lex.counts, key=len, reverse=True):
        if re.search(rf"\b{re.escape(word)}\b", low):
            return lex.counts[word]
    return 1


def _unit(text: str) -> str:
    found = re.search(r"(day|week|month|year)s?\b", text.lower())
    return found.group(1) if found else "day"


def _week_of(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _shift_month(year: int, month: int, back: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) - back
    return index // 12, index % 12 + 1


def _day_month(
    lex: TimexLexicon, text: str, published: date | None, day_first: bool
) -> When | None:
    found = _month_of(lex, text)
    if found is None or not _capitalised(found[1]):
        return None
    month = found[0]
    numbers = [m for m in _DAY_RE.findall(_YEAR_RE.sub(" ", text))]
    if not numbers:
        return None
    day = int(numbers[0] if day_first else numbers[-1])
    year_match = _YEAR_RE.search(text)
    if year_match:
        year = int(year_match.group(1))
    elif published is not None:
        year = most_recent_month(month, published)
        candidate = _safe_day(year, month, day)
        if candidate is not None and candidate > published:
            year -= 1
    else:
        return None
    when = _safe_day(year, month, day)
    return None if when is None else When(start=when, end=when, precision="day")


def _numeric(text: str, order: str, published: date | None = None) -> When | None:
    a, b, y = (int(p) for p in re.split(r"[/.]", text))
    month, day = (a, b) if order == "MDY" else (b, a)
    if month > 12 and day <= 12:
        month, day = day, month  # 14/06/2014 is unambiguous whatever the default order
    when = _safe_day(y, month, day)
    other = _safe_day(y, day, month)
    # "raided on 06/05/2017" in a report of 6 May 2017: read the other way round, since an
    # event reported as past cannot fall after its report
    if when and published and when > published and other is not None and other <= published:
        when = other
    return None if when is None else When(start=when, end=when, precision="day")


def _month_year(lex: TimexLexicon, text: str, published: date | None) -> When | None:
    found = _month_of(lex, text)
    if found is None or not _capitalised(found[1]):
        return None
    month, word = found
    low = text.lower()
    prefix = low[: low.find(word.lower())]
    year_match = _YEAR_RE.search(text)
    if year_match is None and not prefix.strip():
        return None  # a bare "June" may be a name; "May" a verb
    if year_match:
        year = int(year_match.group(1))
    elif published is not None:
        year = most_recent_month(month, published, strictly_before="last" in prefix)
    else:
        return None
    first, last = month_range(year, month)
    if re.search(r"\b(since|from)\b", prefix) and published is not None and first <= published:
        return When(start=first, end=published, precision="range")
    return When(start=first, end=last, precision="month")


def _weekday(lex: TimexLexicon, text: str, published: date | None) -> When | None:
    words = re.findall(r"[A-Za-z]+", text)
    name = next((w for w in words if w.lower() in lex.weekdays), None)
    if name is None or not _capitalised(name) or published is None:
        return None
    target = lex.weekdays[name.lower()]
    low = text.lower()
    back = (published.weekday() - target) % 7
    if low.startswith(("last", "past")) and back == 0:
        back = 7
    if low.startswith("next"):
        ahead = (target - published.weekday()) % 7 or 7
        day = published + timedelta(days=ahead)
    else:
        day = published - timedelta(days=back)
    return When(start=day, end=day, precision="day")


def _last_unit(text: str, published: date) -> When:
    low = " ".join(text.lower().split())
    unit = _unit(low) if "weekend" not in low else "weekend"
    this = low.startswith(("this", "earlier this", "later this", "early this"))
    if unit == "weekend":
        saturday = published - timedelta(days=(published.weekday() - 5) % 7)
        if this and saturday + timedelta(days=1) < published - timedelta(days=6):
            saturday += timedelta(days=7)
        return When(
            start=saturday, end=min(saturday + timedelta(days=1), published), precision="range"
        )
    if low.startswith("past"):
        days = {"week": 7, "month": 30, "year": 365}.get(unit, 1)
        return When(start=published - timedelta(days=days), end=published, precision="range")
    if unit == "week":
        monday, sunday = _week_of(published)
        if this:
            return When(start=monday, end=published, precision="week")
        return When(
            start=monday - timedelta(days=7), end=sunday - timedelta(days=7), precision="week"
        )
    if unit == "month":
        if this:
            return When(start=published.replace(day=1), end=published, precision="month")
        year, month = _shift_month(published.year, published.month, 1)
        first, last = month_range(year, month)
        return When(start=first, end=last, precision="month")
    if this:
        return When(start=date(published.year, 1, 1), end=published, precision="year")
    return When(
        start=date(published.year - 1, 1, 1), end=date(published.year - 1, 12, 31), precision="year"
    )


def _ago(lex: TimexLexicon, text: str, published: date) -> When:
    n, unit = _count(lex, text), _unit(text)
    if unit == "day":
        day = published - timedelta(days=n)
        return When(start=day, end=day, precision="day")
    if unit == "week":
        monday, sunday = _week_of(published - timedelta(days=7 * n))
        return When(start=monday, end=sunday, precision="week")
    if unit == "month":
        first, last = month_range(*_shift_month(published.year, published.month, n))
        return When(start=first, end=last, precision="month")
    year = published.year - n
    return When(start=date(year, 1, 1), end=date(year, 12, 31), precision="year")


def _past(lex: TimexLexicon, text: str, published: date) -> When:
    days = lex.units.get(_unit(text), (1, "day"))[0] * _count(lex, text)
    return When(start=published - timedelta(days=days), end=published, precision="range")


def _year(text: str, published: date | None) -> When | None:
    year_match = _YEAR_RE.search(text)
    if year_match is None:
        return None
    year = int(year_match.group(1))
    first, last = date(year, 1, 1), date(year, 12, 31)
    if re.match(r"\s*since\b", text.lower()) and published is not None and first <= published:
        return When(start=first, end=published, precision="range")
    return When(start=first, end=last, precision="year")


def _month_day_range(lex: TimexLexicon, text: str, published: date | None) -> When | None:
    """ "Dec. 25-27" / "Aug 9-13 2017": the days of one month, the year as for "Dec. 25"."""
    days = _DAY_RE.findall(_YEAR_RE.sub(" ", text))
    if len(days) < 2:
        return None
    first = _day_month(lex, text, published, day_first=True)  # the first number is the day
    if first is None or first.start is None:
        return None
    last = _safe_day(first.start.year, first.start.month, int(days[1]))
    if last is None or last < first.start:
        return None
    return When(start=first.start, end=last, precision="range")


def _month_span(lex: TimexLexicon, text: str) -> When | None:
    """ "between February and May 2015", "in April and May 2017", "from November 2017 to
    April 2018": the months from the first month's first day to the last month's last day.
    A year written once belongs to both months (the first one a year earlier when it comes
    later in the calendar: "December to February 2016")."""
    words = [w for w in re.findall(r"[A-Za-z]+", text) if w.lower() in lex.months]
    years = [int(y) for y in _YEAR_RE.findall(text)]
    if len(words) != 2 or not years or not all(_capitalised(w) for w in words):
        return None
    first, last = (lex.months[w.lower()] for w in words)
    end_year = years[-1]
    start_year = years[0] if len(years) > 1 else end_year - (first > last)
    start, end = month_range(start_year, first)[0], month_range(end_year, last)[1]
    return When(start=start, end=end, precision="range") if start < end else None


def resolve_match(
    match: re.Match[str], lex: TimexLexicon, published: date | None, numeric_order: str
) -> Resolved | None:
    """Turn one match of the timex pattern into ``(When, kind, (start, end))`` or ``None``."""
    group = match.lastgroup
    text = match.group(0)
    span = (match.start(), match.end())
    when: When | None = None
    kind = "explicit"
    if group == "iso":
        y, m, d = (int(p) for p in text.split("-"))
        day = _safe_day(y, m, d)
        when = None if day is None else When(start=day, end=day, precision="day")
    elif group == "num":
        when = _numeric(text, numeric_order, published)
    elif group == "drange":
        first = _day_month(lex, re.sub(r"^\D*([0-9]+)\D.*?([0-9]+)", r"\1", text), published, True)
        last = (
            _day_month(lex, re.sub(r"^\D*[0-9]+\D+?(?=[0-9])", "", text), None, True)
            if (_YEAR_RE.search(text))
            else None
        )
        if first and first.start and last is None:
            day = re.findall(r"[0-9]+", re.sub(r"^\D*[0-9]+\D+?(?=[0-9])", "", text))[0]
            end = _safe_day(first.start.year, first.start.month, int(day))
            last = None if end is None else When(start=end, end=end, precision="day")
        if first and last and first.start and last.start and first.start <= last.start:
            when = When(start=first.start, end=last.start, precision="range")
        kind = "range"
    elif group == "mdrange":
        when, kind = _month_day_range(lex, text, published), "range"
    elif group == "mspan":
        when, kind = _month_span(lex, text), "range"
        if when is None:  # not a span ("May 2019 and may 2020"): its last month alone
            at = [m.start() for m in re.finditer(r"[A-Za-z]+", text) if m[0].lower() in lex.months]
            when, kind = _month_year(lex, text[at[-1] :], published), "explicit"
            span = (span[0] + at[-1], span[1])
    elif group in ("dmy", "mdy"):
        when = _day_month(lex, text, published, day_first=group == "dmy")
        kind = "explicit" if _YEAR_RE.search(text) else "partial"
    elif group == "my":
        when = _month_year(lex, text, published)
        kind = "explicit" if _YEAR_RE.search(text) else "partial"
    elif group == "yr":
        when, kind = _year(text, published), "partial"
    elif published is None:
        return None  # everything below is relative to the publication date
    elif group == "wd":
        when, kind = _weekday(lex, text, published), "relative"
    elif group == "reld":
        offset = lex.relative_days.get(" ".join(text.lower().split()), 0)
        day = published + timedelta(days=offset)
        when, kind = When(start=day, end=day, precision="day"), "relative"
    elif group == "ago":
        when, kind = _ago(lex, text, published), "relative"
    elif group == "past":
        when, kind = _past(lex, text, published), "range"
    elif group == "lastu":
        when, kind = _last_unit(text, published), "relative"
    elif group == "recent":
        days = lex.recent.get(" ".join(text.lower().split()), 30)
        when = When(start=published - timedelta(days=days), end=published, precision="range")
        kind = "range"
    if when is None:
        return None
    if when.precision == "range" and kind != "range":
        kind = "range"
    return when, kind, span

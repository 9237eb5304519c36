"""The words of time expressions (``data/dates/timex.yaml``) and the patterns built from them.

:func:`load_timex_lexicon` reads and checks the file once and compiles the one pattern
with a named group per kind of expression; :mod:`eventwire.pipeline.dates.timex` finds
the matches and :mod:`eventwire.pipeline.dates.timex_rules` resolves each group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from eventwire.datafiles import KeySpec, data_path, read_data_file
from eventwire.errors import DataFileError

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
    # opens a background clause ("after", "following"): see dates/stage.py _background
    background_pattern: re.Pattern[str] = re.compile(r"(?!x)x")
    # puts the event before a later thing ("before", "ahead of"): see dates/clauses.py
    preceding_pattern: re.Pattern[str] = re.compile(r"(?!x)x")
    # the later occasions such a word must name ("before elections in October")
    later_things: frozenset[str] = frozenset()
    # nouns of time a date may hang on and still date the event ("the morning of 27 May")
    time_nouns: frozenset[str] = frozenset()
    # nouns of a long-running conflict whose relative clause dates the trigger they are the
    # subject of ("the war, which began in 2020, killed ..."): see dates/stage.py
    period_nouns: frozenset[str] = frozenset()
    # verbs and nouns whose object is what a demonstration is about ("protest the killing
    # of … on 25 November"): a date inside that object dates it (see dates/clauses.py)
    grievance_verbs: frozenset[str] = frozenset()
    # nouns of one violent incident: "Saturday's raid" dates the incident (dates/stage.py)
    incident_nouns: frozenset[str] = frozenset()
    # verbs that tell a report ("said on Friday"): their date dates the telling (stage.py)
    reporting_lemmas: frozenset[str] = frozenset()


def _words_pattern(words: list[str]) -> re.Pattern[str]:
    """A case-insensitive pattern for any of the words, or one that never matches."""
    return re.compile(rf"\b(?:{_alt(words)})\b" if words else r"(?!x)x", re.IGNORECASE)


def _habitual_pattern(cues: tuple[str, ...], things: list[str]) -> re.Pattern[str]:
    """The habitual cues, less a cue that names a thing by how often it comes ("a daily
    newspaper", "monthly allowances", "the weekly market"): no deed recurs there."""
    thing = rf"(?!\s+(?:{_alt([str(w) for w in things])})(?![\w-]))" if things else ""
    return re.compile(rf"(?<![\w-])(?:{_alt(list(cues))})(?![\w-]){thing}", re.I)


def _alt(words: list[str]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


def _build_pattern(months: dict[str, int], weekdays: dict[str, int], lex: dict[str, Any]) -> str:
    # Month names: full names case-insensitive; "May" needs a capital or a preposition
    # elsewhere (checked in timex_rules), abbreviations may carry a dot.
    mon = rf"(?:{_alt(list(months))})\.?"
    # a month read alone ("from March") is never an abbreviation whose dot a day follows:
    # "from Mar. 11-13" is the days, not "since March" with the dot left out
    short = [k for k in months if any(o != k and o.startswith(k) for o in months)]
    full = [k for k in months if k not in short]
    lone = rf"(?:(?:{_alt(full)})\.?|(?:{_alt(short)})(?!\.\s*[0-3]?[0-9](?![0-9]))\.?)"
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
        # Dec. 25-27, Aug 9-13 2017: a range of days with the month first
        rf"(?P<mdrange>{mon}\s*{day}\s*(?:-|–)\s*{day}(?![0-9])(?:,?\s+{year})?)",
        # 14 June 2014, 14th of June, 2014, 14 June (year optional)
        rf"(?P<dmy>(?:the\s+)?{day}\s+(?:of\s+)?{mon},?(?:\s+{year})?)",
        # June 14, 2014 / June 14 2014 / June 14
        rf"(?P<mdy>{mon}\s+{day}(?![0-9])(?:,?\s+{year})?)",
        # between February and May 2015 / from January to March 2016: a span of months, its
        # year written once at its end ("in April or May 2017" is no span: two months, one
        # of which the event fell in)
        rf"(?P<mspan>(?:(?:from|between|in|during|over)\s+)?(?:(?:early|late|mid)[\s-]+)?{lone}"
        rf"(?:,?\s+{year})?\s*(?:-|–|to|and|until|till|through)\s*"
        rf"(?:(?:early|late|mid|(?:the\s+)?end\s+of)[\s-]+)?{lone},?\s+(?:of\s+)?{year})",
        # June 2014 / in early June / since mid-June / June
        rf"(?P<my>(?:(?:in|since|during|until|by|from|early|late|mid|end\s+of|"
        rf"beginning\s+of|last|this)[\s-]+)*(?:early\s+|late\s+|mid-?)?{lone}"
        # "until March 19" is a day (mdy), never the month of March
        rf"(?:,?\s+(?:of\s+)?{year}|(?!\s*[0-3]?[0-9](?![0-9]))))",
        # last Tuesday, on Tuesday, Tuesday night
        # "overnight into Saturday": the night ends on the named day
        rf"(?P<wd>(?:(?:last|this|on|past|next|(?:overnight\s+)?into)\s+)?(?:{wd})"
        r"(?:\s+(?:morning|afternoon|evening|night))?)",
        rf"(?P<reld>{rel})",
        rf"(?P<ago>{count}\s+{unit}\s+ago)",
        # the past six months, over the last year, for the last several years
        rf"(?P<past>(?:over\s+|in\s+|during\s+|for\s+|within\s+)?the\s+(?:past|last|previous)\s+"
        rf"(?:{count}\s+)?{unit})",
        r"(?P<lastu>(?:last|this|earlier\s+this|later\s+this|early\s+this|late\s+last|"
        r"earlier\s+last|past)\s+(?:week|month|year|weekend)|"
        # "at the weekend", "over the weekend", "the weekend attack": the latest weekend
        r"(?:(?:at|over|during)\s+)?the\s+weekend)",
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
        habitual_pattern=_habitual_pattern(habitual, lex.get("habitual_things") or []),
        background_pattern=_words_pattern([str(w) for w in lex.get("background") or []]),
        preceding_pattern=_words_pattern([str(w) for w in lex.get("preceding") or []]),
        later_things=frozenset(str(w).lower() for w in lex.get("later_things") or []),
        time_nouns=frozenset(str(w).lower() for w in lex.get("time_nouns") or []),
        period_nouns=frozenset(str(w).lower() for w in lex.get("period_nouns") or []),
        grievance_verbs=frozenset(str(w).lower() for w in lex.get("grievance_verbs") or []),
        incident_nouns=frozenset(str(w).lower() for w in lex.get("incident_nouns") or []),
        reporting_lemmas=frozenset(str(w).lower() for w in lex.get("reporting_lemmas") or []),
    )

"""Country evidence of a report beyond its place names, and countries as they were then.

``cue_votes``: a report that names no place still says which country it is about through
its administration's own words ("Kirimari Ward", "Sirba locality", "Manyo payam"), its
officials' titles ("the MCA", "the District Chief Executive"), state forces, institutions
and peacekeeping missions ("OCPD", "FAMa", "UNAMID") and currencies ("cedis"). The terms
live in ``data/places/words.yaml`` (``country_cues``); each votes weakly for the
countries it belongs to (shared among them), so a place or an army named in the text still
decides, and it breaks the tie of a group that acts in several countries ("Al Shabaab" in a
note about a "Garissa sub-county" reads as Kenya). "X County" is Kenya's or Liberia's when
X is one of their counties (``unit_names``), else South Sudan's ("Manyo County"); a
county's name, or another stem of ``compass_stems``, with a compass word is one of its
sub-counties or districts, the compass word before or after ("Laikipia West", "Tigania
East", "Ahanta West", "Upper West Akyem").
``no_place_cues`` (``NO_PLACE_CUES``) holds terms of the same layout that the stage reads
only when no place of the text holds (a movement whose name also stands beside towns of
another country, "an SPLM activist … in El Roseires"): a cue of that list never outvotes a
town the text names.

``as_of`` (from ``pipeline.common.countries``): the country of a place on the report's
date (``former_countries``): a town of today's South Sudan named in a report of 2010 lay
in Sudan then.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Any

from eventwire.datafiles import word_table
from eventwire.pipeline.common.countries import as_of as as_of
from eventwire.pipeline.places.gazetteer.normalize import fold

CUE_VOTE = 0.5  # what one cue gives (shared among its countries)
CUE_MAX = 1.0  # the most that all the cues of a text give one country
AFTER_NAME = "+ "  # a term that counts only after a capitalised name ("Sirba locality")
COMPASS = "(?:North|South|East|West|Central)"  # "Laikipia West", "West Gonja"
UNIT_REACH = 30  # characters before a "+ word" term read for the unit's name ("Tana River")
_COMPASS_WORD = re.compile(COMPASS)
CUES = "country_cues"  # the terms that vote with the place names
NO_PLACE_CUES = "no_place_cues"  # the terms that name a country only when no place holds


@cache
def _unit_lists() -> dict[str, dict[str, tuple[str, ...]]]:
    """``unit_names``: an admin-unit word -> country -> the folded names of its units
    ("county" -> "KE" -> ("mombasa", "tana river", ...))."""
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for key, names in word_table("places", "unit_names").items():
        unit, cc = key.split()
        out.setdefault(unit, {})[cc] = tuple(fold(n) for n in names)
    return out


def _unit_countries(head: str, unit: str, countries: tuple[str, ...]) -> tuple[str, ...]:
    """The countries of a "X County" cue (``head``: the text up to the end of X): the one
    whose closed list names X ("Embu County" is Kenya's, "Nimba County" Liberia's), else
    the term's countries that keep no list (a county in none is South Sudan's, whose
    counties were split and renamed too often to list)."""
    lists = _unit_lists().get(unit)
    if not lists:
        return countries
    folded = fold(head)
    for cc, names in lists.items():
        if any(_ends_with_name(folded, name) for name in names):
            return (cc,)
    return tuple(cc for cc in countries if cc not in lists) or countries


def _ends_with_name(head: str, name: str) -> bool:
    """Does ``head`` (folded text) end with the whole name ``name``?"""
    return head.endswith(name) and (len(head) == len(name) or not head[-len(name) - 1].isalnum())


Cue = tuple[re.Pattern[str], str, tuple[str, ...], str | None]


@cache
def _cue_patterns(table: str = CUES) -> tuple[Cue, ...]:
    """One compiled pattern per cue term of ``table`` (``country_cues`` or
    ``no_place_cues``), with the longest word of the term in lower case (a text without
    it cannot match), the term's countries and, for a "+ word" term, the word (whose
    ``unit_names`` may pick one of the countries)."""
    out = []
    terms = (
        word_table("places", "country_cues")
        if table == CUES
        else word_table("places", "no_place_cues")
    )
    for term, countries in terms.items():
        after = term.startswith(AFTER_NAME)
        word = term[len(AFTER_NAME) :] if after else term
        body = r"\s+".join(re.escape(part) for part in word.split())
        if after:
            # the name before the term keeps its capital whatever the term's case
            pattern, flags = rf"\b(?P<name>[A-Z][\w'’-]*)\s+(?i:{body}s?)(?![\w-])", 0
        else:
            pattern = rf"(?<![\w-]){body}s?(?![\w-])"
            flags = 0 if any(c.isupper() for c in word) else re.IGNORECASE
        needle = max(word.split(), key=len).lower()
        out.append((re.compile(pattern, flags), needle, countries, word.lower() if after else None))
    if table != CUES:
        return tuple(out)
    units = word_table("places", "unit_names")
    for cc, stems in word_table("places", "compass_stems").items():
        # "Laikipia West", "Tigania East": a sub-county named after its county or area
        names = "|".join(re.escape(n) for n in (*units.get(f"county {cc}", ()), *stems))
        pattern = (
            rf"(?<![\w-])(?:(?:{names})\s+{COMPASS}|(?:Upper\s+|Lower\s+)?{COMPASS}\s+(?:{names}))"
            r"(?![\w-])"
        )
        out.append((re.compile(pattern), "", (cc,), None))  # no word: cue_votes reads that
    return tuple(out)


@cache
def _needles(table: str = CUES) -> Any:
    """An Aho-Corasick automaton of the cue patterns' words (None when none has one)."""
    import ahocorasick  # lazy, as in the pre-filter

    words = {needle for _pattern, needle, _countries, _unit in _cue_patterns(table) if needle}
    if not words:
        return None
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


def _words_in(low: str, table: str = CUES) -> set[str]:
    """The cue patterns' words found anywhere in ``low`` (as ``word in low`` finds them,
    overlaps included), in one pass over the text instead of one per word."""
    automaton = _needles(table)
    return set() if automaton is None else {word for _end, word in automaton.iter(low)}


@cache
def _compass_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Per country of ``compass_stems``, a pattern of its sub-units named by a stem and a
    compass word, the stem captured (group ``a`` before the compass word, ``b`` after)."""
    units = word_table("places", "unit_names")
    out = []
    for cc, stems in word_table("places", "compass_stems").items():
        names = "|".join(re.escape(n) for n in (*units.get(f"county {cc}", ()), *stems))
        pattern = (
            rf"(?<![\w-])(?:(?P<a>{names})\s+{COMPASS}|(?:Upper\s+|Lower\s+)?{COMPASS}\s+"
            rf"(?P<b>{names}))(?![\w-])"
        )
        out.append((re.compile(pattern), cc))
    return tuple(out)


def compass_units(text: str) -> list[tuple[int, int, str]]:
    """The stems of the sub-units named by a stem and a compass word ("Kisumu West",
    "Rumbek East", "West Gonja"): (start, end, country) of each stem, in text order."""
    out = []
    for pattern, cc in _compass_patterns():
        for found in pattern.finditer(text):
            group = "a" if found.group("a") is not None else "b"
            out.append((found.start(group), found.end(group), cc))
    return sorted(out)


def cue_votes(text: str, table: str = CUES) -> Counter[str]:
    """Votes for the countries the text's non-place cues name (at most ``CUE_MAX`` each);
    ``table`` = ``NO_PLACE_CUES``: the terms that count only when no place holds."""
    votes: Counter[str] = Counter()
    taken: list[tuple[int, int]] = []
    low = text.lower()
    # a quick test of the term's longest word before its pattern (most texts hold few
    # cues); skipped where lower-casing changed the text's length ("İ" -> "i̇")
    quick = len(low) == len(text)
    # the patterns without a word ("Laikipia West") each need a compass word, which most
    # texts lack: one search for any of them first
    compass = _COMPASS_WORD.search(text) is not None
    present = _words_in(low, table) if quick else set()
    for pattern, needle, countries, unit in _cue_patterns(table):
        if (quick and needle and needle not in present) or not (needle or compass):
            continue
        for found in pattern.finditer(text):
            start, end = found.span()
            if any(s < end and start < e for s, e in taken):
                continue  # "county askari" is one cue, not two
            taken.append((start, end))
            owners = countries
            if unit is not None:
                head = text[max(0, found.end("name") - UNIT_REACH) : found.end("name")]
                owners = _unit_countries(head, unit, countries)
            for cc in owners:
                votes[cc] += CUE_VOTE / len(owners)  # type: ignore[assignment]  # float weights in a Counter
            break  # one vote per term, however often the text repeats it
    for cc, value in votes.items():
        votes[cc] = min(value, CUE_MAX)  # type: ignore[assignment]  # float weights in a Counter
    return votes

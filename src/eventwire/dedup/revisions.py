"""A toll a source revised, read in its sentence: "Medics raised the death toll from Sunday's
drone strike on the boat to 10 on Monday after four missing fishermen were found dead" gives
the report's event the count of its clause ("four … found dead", 4) or none at all
("Authorities revised the death toll from Friday's bombing down to nine"), although the
sentence says what the toll now is. A sentence that tells a revision verb, "the … toll" and,
after them, "(down | up) to <number>" (``toll_revision_verbs``, ``toll_nouns``) gives its
events that number as their toll, told as an update (:func:`revised_toll`): the latest toll
of the incident, lower or higher than the first (:func:`revised_down`: a toll revised down
contradicts no earlier, higher count). Filled in when the store's events are loaded
(:func:`fill_revised_tolls`), so batch and incremental clustering read the same tolls.

>>> revised_toll("Officials raised the death toll from Monday's raid in Korla to 20 on Friday.")
(20, "raised the death toll from Monday's raid in Korla to 20")
>>> revised_toll("Police revised the toll from the bombing down to nine.")[0]
9
>>> revised_toll("Gunmen raised a flag over the town and killed four people.") is None
True
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from datetime import timedelta

from eventwire.datafiles import words
from eventwire.dedup.report import ReportEvent, alternation
from eventwire.pipeline.casualties.numbers import (
    NumberLexicon,
    load_number_lexicon,
    number_value,
)

# A source revises a toll within days of the incident: a revision dated only by its own day
# ("… down to 15 on Saturday") may tell an incident up to this many days before it.
REVISION_REACH_DAYS = 7


@functools.cache
def _pattern() -> re.Pattern[str]:
    verbs = alternation(words("dedup", "toll_revision_verbs"))
    nouns = alternation(words("dedup", "toll_nouns"))
    return re.compile(
        rf"\b(?:{verbs})\s+(?:the|its|their)\s+(?:[\w'’-]+\s+){{0,2}}(?:{nouns})\b"
        # the incident the toll is of ("from Monday's raid in Korla"), no clause break
        r"(?:[^.;:]{0,120}?)\s+(?P<way>down\s+|up\s+)?to\s+(?:at\s+least\s+)?"
        r"(?P<n>\d[\d,]*|[a-z]+(?:-[a-z]+)?)\b",
        re.I,
    )


def revised_toll(sentence: str | None) -> tuple[int, str] | None:
    """The toll a sentence says a source revised to, and the words that tell it, or None."""
    found = _revision(sentence)
    return None if found is None else found[:2]


@functools.lru_cache(maxsize=65536)
def _revision(sentence: str | None) -> tuple[int, str, int] | None:
    """The revised toll, its words, and where they end in ``sentence``."""
    if not sentence:
        return None
    lex = load_number_lexicon()
    for m in _pattern().finditer(sentence):
        value = _value(m["n"], lex)
        if value is not None:
            return value, m.group(0), m.end()
    return None


def _value(text: str, lex: NumberLexicon) -> int | None:
    """The number of "20", "nine" or "twenty-one"; None when the word is no number ("to a
    hospital")."""
    first = text.split("-")[0].lower().replace(",", "")
    if not (first.isdigit() or first in lex.words):
        return None
    return number_value(text, lex)


def revised_down(e: ReportEvent) -> bool:
    """Whether the report's toll is a source's revision down ("revised … down to nine")."""
    text = e.fatalities_text or ""
    return bool(revised_toll(text)) and re.search(r"\bdown\s+to\b", text, re.I) is not None


def fill_revised_tolls(events: Iterable[ReportEvent]) -> None:
    """Give each event whose sentence tells a revised toll that toll (and the revision's
    words as its toll's words, so the toll reads as an update); an event dated by the day
    told right after the revised number ("… down to 15 on Saturday") is dated by the
    revision: it happened on or before that day, up to ``REVISION_REACH_DAYS`` before."""
    for e in events:
        found = _revision(e.sentence)
        if found is None or e.background or e.aggregate:
            continue
        value, text, end = found
        e.fatalities = e.fatalities_low = e.fatalities_high = value
        e.fatalities_text = text
        if e.date_start is not None and revision_day(e.sentence or "", end, e.date_text):
            e.date_in_toll = True
            e.date_start -= timedelta(days=REVISION_REACH_DAYS)


def revision_day(sentence: str, end: int, date_text: str | None) -> bool:
    """Whether the event's date words stand right after the revised number ("to 15 on
    Saturday"): the day of the revision, not of the incident."""
    if not date_text or not date_text.strip():
        return False
    after = sentence[end : end + len(date_text) + 12]
    return date_text.strip().casefold() in after.casefold()

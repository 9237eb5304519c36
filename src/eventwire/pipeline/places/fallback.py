"""The last place of a report that names none the recogniser accepts.

The language model labels many small towns of the places ACLED covers a person or an
organisation ("took over Bentiu", "Rebels attack Aweil"), and the context filter then drops
them: an organisation's name is rarely a place. It drops a dateline's city too ("MANDALAY,
May 3 -": the first word of its sentence). When nothing else of the report is a place, such
a name that the gazetteer knows exactly (its own or an alternate name, no loose spelling)
is the best evidence of where the event happened: ``fallback_place`` takes it, preferring
a reading in the country the report's other cues vote for. A name after a person's title
("Governor Obado", "Mr Kinyanjui"), a name inside a longer run of capitalised words, a name
an actor dictionary entry covers, a demonym and a word of the stoplist never count, and
neither does a reading in a country no cue supports, unless no cue names any country and
all the name's readings lie in one.
"""

from __future__ import annotations

import re
from collections import Counter

from eventwire.datafiles import words
from eventwire.pipeline.places.gazetteer.checks import Resolution
from eventwire.pipeline.places.gazetteer.index import Gazetteer
from eventwire.pipeline.places.gazetteer.lexicon import Lexicon
from eventwire.pipeline.places.gazetteer.normalize import fold
from eventwire.pipeline.places.gazetteer.table import FEAT_COUNTRY
from eventwire.pipeline.places.gazetteer.toponyms import Mention

FALLBACK_LABELS = frozenset({"PERSON", "ORG"})
PERSON_TITLES: frozenset[str] = words("places", "person_titles")
LONE_MIN_POP = 5_000  # a reading with no supporting cue must be a town of this size
_TITLE_RE = re.compile(r"([A-Za-z]+)\.?\s+$")


def _titled(text: str, m: Mention) -> bool:
    """Is the name right after a person's title ("Governor Obado", "Mr. Kinyanjui")?"""
    found = _TITLE_RE.search(text[max(0, m.start - 30) : m.start])
    return found is not None and found.group(1).lower() in PERSON_TITLES


def _acronym(name: str) -> bool:
    """ "INGO", "An INGO": an organisation's acronym (a dateline's city is longer or
    stands alone)."""
    last = name.split()[-1]
    return last.isupper() and len(last) <= 5


def _eligible(text: str, m: Mention, lex: Lexicon) -> bool:
    key = fold(m.text)
    return (
        (m.dateline or (m.ner in FALLBACK_LABELS and not _acronym(m.text)))
        and not m.partial
        and not m.modifier
        and len(m.text.split()) <= 2
        and key not in lex.stoplist
        and key not in lex.adjectives
        and not _titled(text, m)
    )


def fallback_place(
    text: str,
    gaz: Gazetteer,
    lex: Lexicon,
    dropped: list[Mention],
    votes: Counter[str],
) -> Resolution | None:
    """The reading of a dropped person/organisation name to take as the report's place
    when nothing else is one (``dropped``: the names the context filter rejected, actor
    names already removed; ``votes``: the country votes of the report's other cues)."""
    best: tuple[float, Resolution] | None = None
    voted = any(v > 0.0 for v in votes.values())
    for m in dropped:
        if not _eligible(text, m, lex):
            continue
        exact = [
            c
            for c in gaz.lookup(m.text, loose=False)
            if c.flag >= 1 and int(gaz.feat[c.index]) != FEAT_COUNTRY
        ]
        if not exact:
            continue
        countries = {gaz.country_code(c.index) for c in exact}
        supported = [c for c in exact if votes.get(gaz.country_code(c.index), 0.0) > 0.0]
        # a reading abroad only when no cue names any country and the name has one
        pool = supported or (exact if len(countries) == 1 and not voted else [])
        if not pool:
            continue
        top = max(pool, key=lambda c: (c.flag, int(gaz.pop[c.index])))
        pop = int(gaz.pop[top.index])
        if not supported and pop < LONE_MIN_POP:
            continue
        score = votes.get(gaz.country_code(top.index), 0.0) + (1.0 if top.flag == 2 else 0.0)
        if best is None or score > best[0]:
            best = (score, Resolution(m, top.index, score, 0.0, flag=top.flag))
    return best[1] if best is not None else None

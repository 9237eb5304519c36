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
from eventwire.pipeline.places.country import compass_units
from eventwire.pipeline.places.gazetteer.checks import Resolution
from eventwire.pipeline.places.gazetteer.index import Gazetteer
from eventwire.pipeline.places.gazetteer.lexicon import Lexicon
from eventwire.pipeline.places.gazetteer.normalize import fold
from eventwire.pipeline.places.gazetteer.table import FEAT_COUNTRY
from eventwire.pipeline.places.gazetteer.toponyms import Mention
from eventwire.records import Document

FALLBACK_LABELS = frozenset({"PERSON", "ORG"})
PERSON_TITLES: frozenset[str] = words("places", "person_titles")
INSTITUTION_WORDS: frozenset[str] = words("places", "institution_words")
LONE_MIN_POP = 5_000  # a reading with no supporting cue must be a town of this size
_TITLE_RE = re.compile(r"([A-Za-z]+)\.?\s+$")


def titled(text: str, m: Mention) -> bool:
    """Is the name right after a person's title ("Governor Obado", "Mr. Kinyanjui")?"""
    found = _TITLE_RE.search(text[max(0, m.start - 30) : m.start])
    return found is not None and found.group(1).lower() in PERSON_TITLES


_WORD_BEFORE_RE = re.compile(r"([\w'’-]+)[^\w]*$")
_WORDS_AFTER_RE = re.compile(r"^(?:\s+[A-Z][a-z]+){1,3}")
INSTITUTION_REACH = 3  # words of the name after the town's ("Babanusa Peace University")


def _opens_institution(text: str, m: Mention) -> bool:
    """Does the name open a local institution's name ("Kumasi Technical Institute", "Heiban
    Rural Hospital", "Babanusa Peace University": an institution word among the next
    ``INSTITUTION_REACH`` capitalised words), not stand inside a longer name ("Shah Wali
    Kot")?"""
    after = _WORDS_AFTER_RE.match(text[m.end : m.end + 40])
    if after is None or not any(w.lower() in INSTITUTION_WORDS for w in after.group(0).split()):
        return False
    before = _WORD_BEFORE_RE.search(text[max(0, m.start - 30) : m.start])
    return before is None or not before.group(1)[:1].isupper() or before.group(1) == "The"


def acronym(name: str) -> bool:
    """ "INGO", "An INGO": an organisation's acronym (a dateline's city is longer or
    stands alone)."""
    last = name.split()[-1]
    return last.isupper() and len(last) <= 5


def _eligible(text: str, m: Mention, lex: Lexicon) -> bool:
    key = fold(m.text)
    return (
        (m.dateline or (m.ner in FALLBACK_LABELS and not acronym(m.text)))
        and (not m.partial or _opens_institution(text, m))
        and not m.modifier
        and len(m.text.split()) <= 2
        and key not in lex.stoplist
        and key not in lex.adjectives
        and not titled(text, m)
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


def compass_place(doc: Document, gaz: Gazetteer, votes: Counter[str]) -> Resolution | None:
    """The place a sub-unit named by a stem and a compass word lies at, when a report names
    no other place: "villagers in Korando, Kisumu West" are at Kisumu, "clashes in Barnaam,
    Rumbek East" at Rumbek (precision 2: in the area of the stem's town). The stem must be
    an exact name of a town or an area of the sub-unit's country, which the report's cues
    vote for."""
    text = doc.text
    for start, end, cc in compass_units(text):
        if votes.get(cc, 0.0) <= 0.0:
            continue
        stem = text[start:end]
        found = [
            c
            for c in gaz.lookup(stem, loose=False)
            if c.flag >= 1
            and gaz.country_code(c.index) == cc
            and int(gaz.feat[c.index]) != FEAT_COUNTRY
        ]
        if found:
            # a town of the name first, else the area ("Marakwet")
            top = max(found, key=lambda c: (int(gaz.feat[c.index]) == 0, int(gaz.pop[c.index])))
            sentence = sum(1 for s in doc.sentences[1:] if s.start <= start)
            mention = Mention(start, end, stem, sentence)
            return Resolution(mention, top.index, 0.0, 0.0, flag=top.flag)
    return None

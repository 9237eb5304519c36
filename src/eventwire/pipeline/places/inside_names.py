"""The place of a report whose only town or province stands inside a longer name.

When nothing of a report is a place — no toponym the context filter kept, no person or
organisation name ``fallback.fallback_place`` takes, no compass sub-unit — the report may
still name a town or a province where the recogniser reads a longer name or none:
* the first words of a local institution's or office's name ("the offices of the Homa Bay
  Governor", "Bungoma High School students", "workers of the Takoradi Flour Mill");
* a landform named after it ("the Laikipia Plateau", "at Lake Naivasha");
* after a locative word, with a common word behind it ("in Murang'a Friday evening");
* an area before its kind word, behind a glued possessive ("SouthSudans Lakes state");
* an end of a road named by its two towns ("along the Yei-Maridi road").
The model labels such a name no place, or the filter drops it as part of a longer run of
capitalised words. It is the best evidence of where the event happened; :func:`inside_place`
takes it at precision 2 (in the area of the town).

Only the gazetteer's own name of a place counts (no alternate name, no loose spelling), a
town of at least ``fallback.LONE_MIN_POP`` people or an area, with every reading in one
country when no cue names a country, else in the country the cues vote for most; a word of the
stoplist, a nationality, a name after a person's title and an acronym never count.
"""

from __future__ import annotations

import re
from collections import Counter

from eventwire.datafiles import words
from eventwire.pipeline.places.fallback import (
    INSTITUTION_WORDS,
    LONE_MIN_POP,
    acronym,
    titled,
)
from eventwire.pipeline.places.gazetteer.checks import Resolution
from eventwire.pipeline.places.gazetteer.index import Gazetteer
from eventwire.pipeline.places.gazetteer.lexicon import Lexicon
from eventwire.pipeline.places.gazetteer.normalize import fold
from eventwire.pipeline.places.gazetteer.table import FEAT_ADMIN, FEAT_ADMIN1, FEAT_COUNTRY
from eventwire.pipeline.places.gazetteer.toponyms import PARTICLES, Mention
from eventwire.records import Document

OFFICE_WORDS: frozenset[str] = words("places", "office_words")
LANDFORMS_AFTER: frozenset[str] = words("places", "landforms_after")
LANDFORMS_BEFORE: frozenset[str] = words("places", "landforms_before")
OWN_NAME = 2  # the flag of a reading by the place's own name
MOST_WORDS = 3
_NEXT_WORDS_RE = re.compile(r"^(?:\s+(?:[A-Z][\w'’]*|[a-z]+)){1,3}")
_WORD_BEFORE_RE = re.compile(r"([A-Za-z]+)\s+$")
_POSSESSIVE_RE = re.compile(r"['’]s?$")
_ARTICLES = ("The", "A", "An")
_NAME = r"[A-Z][\w'’]+(?: [A-Z][\w'’]+)?"
# "along Yei-Maridi road", "the Maai Mahiu-Naivasha highway": a road named by its two ends
_ROAD_RE = re.compile(rf"\b({_NAME})[-–]({_NAME})\s+(?:[Rr]oad|[Hh]ighway)\b")


def _words_after(text: str, m: Mention) -> list[str]:
    found = _NEXT_WORDS_RE.match(text[m.end : m.end + 50])
    return found.group(0).split() if found else []


def _word_before(text: str, m: Mention) -> str | None:
    found = _WORD_BEFORE_RE.search(text[max(0, m.start - 20) : m.start])
    return found.group(1) if found else None


def _opens_name(text: str, m: Mention) -> bool:
    """Is the name the first word of an institution's, an office's or a landform's name:
    an office word among the next three words ("Homa Bay Governor", "the Dembi Dolo city
    mayor"), a capitalised institution word among the capitalised words after it ("Chuka
    Boys' High"), or a landform word right after it ("the Laikipia Plateau")?"""
    after = _words_after(text, m)
    if after and after[0].lower() in LANDFORMS_AFTER:
        return True
    before = _word_before(text, m)
    if before is not None and before[:1].isupper() and before not in _ARTICLES:
        return False  # "the Mama Kisumu Academy": the town's name inside a longer name
    capitalised: list[str] = []
    for word in after:
        key = _POSSESSIVE_RE.sub("", word.lower())
        if key in OFFICE_WORDS:
            return True  # "the Dembi Dolo city mayor", "the Mim Police Commander"
        if not word[:1].isupper():
            break
        capitalised.append(key)
    return any(w in INSTITUTION_WORDS for w in capitalised)


def _after_landform(text: str, m: Mention) -> bool:
    """Is the name right after a landform word it names ("Lake Naivasha")?"""
    before = _word_before(text, m)
    return before is not None and before.lower() in LANDFORMS_BEFORE


def _placed_before_day(text: str, m: Mention, lex: Lexicon) -> bool:
    """Is the name after a locative word and read as part of a longer name only because a
    common word follows it: a capitalised common word that is no name particle ("lynched by
    a mob in Murang'a Friday evening"; "Dar El Aman" is one name) or a lower-case word
    ("rioters in Dagoretti at Stage 56")?"""
    after = _words_after(text, m)
    if m.cue not in lex.locative or not after:
        return False
    word = after[0]
    return word.islower() or (fold(word) in lex.stoplist and word.lower() not in PARTICLES)


def _area_kind_after(text: str, m: Mention, lex: Lexicon) -> bool:
    """Is the name followed by an area's kind word ("SouthSudans Lakes state")? Then only
    the gazetteer's areas of that name count."""
    after = _words_after(text, m)
    return bool(after) and after[0].lower() in lex.admin


def _eligible(text: str, m: Mention, lex: Lexicon) -> bool:
    key = fold(m.text)
    return (
        (
            _opens_name(text, m)
            or _after_landform(text, m)
            or _placed_before_day(text, m, lex)
            or _area_kind_after(text, m, lex)
        )
        and not m.modifier
        and len(m.text.split()) <= MOST_WORDS
        and key not in lex.stoplist
        and key not in lex.adjectives
        and not acronym(m.text)
        and not titled(text, m)
    )


def _sized(gaz: Gazetteer, row: int) -> bool:
    feat = int(gaz.feat[row])
    return feat != FEAT_COUNTRY and (
        feat in (FEAT_ADMIN1, FEAT_ADMIN) or int(gaz.pop[row]) >= LONE_MIN_POP
    )


def road_ends(doc: Document) -> list[Mention]:
    """The towns a road is named by ("Yei" and "Maridi" of "the Yei-Maridi road"): the
    recogniser reads no name inside such a hyphenated pair of short names."""
    out: list[Mention] = []
    for found in _ROAD_RE.finditer(doc.text):
        sentence = sum(1 for s in doc.sentences[1:] if s.start <= found.start())
        for group in (1, 2):
            out.append(Mention(found.start(group), found.end(group), found.group(group), sentence))
    return out


def inside_place(
    doc: Document, gaz: Gazetteer, lex: Lexicon, dropped: list[Mention], votes: Counter[str]
) -> Resolution | None:
    """The reading of a town or province that opens a longer name or names a road, to take
    as the report's place when nothing else is one (``dropped``: the names the context
    filter rejected, actor names already removed; ``votes``: the country votes of the
    report's cues)."""
    text = doc.text
    best: tuple[float, Resolution] | None = None
    # a reading in the country the cues vote for most: the one the report is about
    most = max((v for v in votes.values() if v > 0.0), default=0.0)
    voted = most > 0.0
    for m in [m for m in dropped if _eligible(text, m, lex)] + road_ends(doc):
        if fold(m.text) in lex.stoplist or fold(m.text) in lex.adjectives:
            continue
        own = [c for c in gaz.lookup(m.text, loose=False) if c.flag == OWN_NAME]
        if _area_kind_after(text, m, lex):
            own = [c for c in own if int(gaz.feat[c.index]) in (FEAT_ADMIN1, FEAT_ADMIN)]
        readings = [c for c in own if _sized(gaz, c.index)]
        supported = [
            c for c in readings if voted and votes.get(gaz.country_code(c.index), 0.0) >= most
        ]
        countries = {gaz.country_code(c.index) for c in own}
        # a reading abroad only when no cue names any country and the name has one
        pool = supported or (readings if len(countries) == 1 and not voted else [])
        if not pool:
            continue
        top = max(pool, key=lambda c: int(gaz.pop[c.index]))
        score = votes.get(gaz.country_code(top.index), 0.0)
        if best is None or score > best[0]:
            best = (score, Resolution(m, top.index, score, 0.0, flag=top.flag))
    return best[1] if best is not None else None

"""Small readers of toponym context: trimming spaCy place entities to the name the
gazetteer knows ("the Kunduz city" is Kunduz, "North Iraq" a part of Iraq), the kind a
feature word names, and whether a name is first of all a province."""

from __future__ import annotations

from eventwire.datafiles import words
from eventwire.pipeline.places.gazetteer.index import Candidate, Gazetteer
from eventwire.pipeline.places.gazetteer.lexicon import Lexicon
from eventwire.pipeline.places.gazetteer.mentions import Token
from eventwire.pipeline.places.gazetteer.normalize import fold, strip_article
from eventwire.pipeline.places.gazetteer.table import FEAT_COUNTRY, FEAT_PLACE


def trim_qualifier(
    start: int, end: int, text: str, gaz: Gazetteer, lex: Lexicon
) -> tuple[int, int, str, bool]:
    """Cut a compass or size word the gazetteer does not know as part of the name:
    "North Iraq" is a part of Iraq, not North York; "North Korea" stays whole."""
    head, _, rest = text.partition(" ")
    if not rest or head.lower() not in lex.qualifier:
        return start, end, text, False
    if any(c.flag >= 0 for c in gaz.lookup(text)) or not gaz.lookup(rest, loose=False):
        return start, end, text, False
    return start + len(head) + 1, end, rest, True


def trim_entity(start: int, end: int, text: str, lex: Lexicon) -> tuple[int, int, str]:
    """Cut "the" and feature words off an entity: "the Kunduz city" → "Kunduz"."""
    words = lex.admin | lex.part | lex.town | {"the"}
    changed = True
    while changed and text:
        changed = False
        head, _, rest = text.partition(" ")
        if rest and head.lower() in words:
            start, text, changed = start + len(head) + 1, rest, True
        body, _, tail = text.rpartition(" ")
        if body and tail.lower() in words:
            end, text, changed = end - len(tail) - 1, body, True
    return start, end, text


def word_kind(word: str, lex: Lexicon) -> str | None:
    """The kind of place a feature word names: "admin", "town", "part", else None."""
    if word in lex.admin:
        return "admin"
    if word in lex.town:
        return "town"
    if word in lex.part:
        return "part"
    return None


def province_first(gaz: Gazetteer, readings: list[Candidate]) -> bool:
    """Is the most populous exact reading of a name a first-level area?"""
    exact = [c for c in readings if c.flag == 2]
    if not exact:
        return False
    top = max(exact, key=lambda c: int(gaz.pop[c.index]))
    return gaz.feature(top.index) == "admin1"


def possessive_country(gaz: Gazetteer, text: str) -> list[Candidate]:
    """A country's name with a possessive whose apostrophe was lost ("Sudans army",
    "Benins main city"): the country, when the whole word names no place by itself."""
    if len(text) < 4 or not text.endswith("s") or text.endswith("ss"):
        return []
    if any(c.flag >= 1 for c in gaz.lookup(text, loose=False)):
        return []
    return [
        c
        for c in gaz.lookup(text[:-1], loose=False)
        if c.flag == 2 and int(gaz.feat[c.index]) == FEAT_COUNTRY
    ]


def same_shape(gaz: Gazetteer, text: str, c: Candidate) -> bool:
    """A loose spelling match may not have more words than the entry's name ("Qara Tepe"
    is not "Curitiba")."""
    mention, name = strip_article(fold(text)), strip_article(fold(gaz.name(c.index)))
    # "Balad Ruz" ~ "Baladruz" keeps its letters; "Qabb Elias" ~ "Kabul" does not
    return len(mention.split()) <= len(name.split()) or mention[:3] == name[:3]


def joins_name(gaz: Gazetteer, tokens: list[Token], i: int, j: int, most: int) -> bool:
    """Is token ``j`` an "and" inside one name the gazetteer knows whole, started at ``i``
    ("Jammu and Kashmir's Reasi district", "Trinidad and Tobago"), not between two names
    ("Gao and Timbuktu")?"""
    if not (i < j and tokens[j].text == "and"):
        return False
    for k in range(j + 2, min(len(tokens), i + most) + 1):
        if not tokens[k - 1].capitalised:
            return False
        if gaz.has_key(fold(" ".join(t.text for t in tokens[i:k]))):
            return True
    return False


def of_stop(tokens: list[Token], best: int, j: int) -> int:
    """Where a longer name tried loosely after an exact one must stop: before an "of"
    ("Maroua of Diamare" is Maroua in the Diamare division, not a loose spelling of a
    hamlet abroad; "Tal Tamer" is still tried whole)."""
    return next((k for k in range(best, j) if tokens[k].text == "of"), j)


OF_AREA_WORDS = 3  # how many words of an area's name "X of <area>" may run to


def area_after_of(gaz: Gazetteer, lex: Lexicon, tokens: list[Token], k: int) -> bool:
    """Does "of" at ``k`` introduce a place the gazetteer knows by that exact name ("Muyuka
    of Fako", "Fotokol of Hile Alifa")? The name before it is then a place of that area,
    not the first words of a longer name ("Gulf of Aden" has no exact "Gulf")."""
    if k >= len(tokens) or tokens[k].text != "of":
        return False
    for n in range(OF_AREA_WORDS, 0, -1):
        name = [t.text for t in tokens[k + 1 : k + 1 + n]]
        if len(name) != n or not all(w[:1].isupper() for w in name):
            continue
        key = fold(" ".join(name))
        if key not in lex.stoplist and gaz.lookup(" ".join(name), loose=False):
            return True
    return False


FACILITY_MODIFIERS: frozenset[str] = words("gazetteer", "facility_modifiers")


def facility_after(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """True when a lower-case facility noun follows position k ("air base", "dam")."""
    after = [t.text for t in tokens[k : k + 2]]
    if not after or not after[0].islower():
        return False
    if after[0] in lex.facility and after[0] not in lex.modifier:
        return True
    return len(after) == 2 and after[0] in FACILITY_MODIFIERS and after[1] in lex.facility


POSSESSIVE_MIN_POP = 100_000  # a town this big is named with a possessive ("Nairobis slums")


def possessive_head(text: str, gaz: Gazetteer, lex: Lexicon) -> str | None:
    """The place a capitalised word names with its apostrophe dropped ("Nairobis Mathare
    slum", "Omdurmans Wad Nubawi district", "Kenyas Tana Delta"): the word less its final
    "s" when the word is no name the gazetteer knows and the stem is a country, a province
    or district, or a town of ``POSSESSIVE_MIN_POP`` people ("Kibakis" is a person's, not
    a village's; "Athens" is a town's own name, "Nairobis" only another language's). None
    otherwise."""
    if len(text) < 4 or not text.endswith("s") or text.endswith("ss") or not text[:1].isupper():
        return None
    stem = text[:-1]
    if fold(stem) in lex.stoplist or fold(text) in lex.stoplist:
        return None
    if gaz.has_key(fold(text)) and any(c.flag >= 2 for c in gaz.lookup(text, loose=False)):
        return None
    for c in gaz.lookup(stem, loose=False):
        big = int(gaz.feat[c.index]) != FEAT_PLACE or int(gaz.pop[c.index]) >= POSSESSIVE_MIN_POP
        if big and fold(gaz.name(c.index)) == fold(stem):
            return stem
    return None

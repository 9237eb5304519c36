"""An administrative area whose name is a common word ("in Unity state"), and a name an
administrative kind word follows against a nationality ("Maban county").

The stoplist keeps capitalised common words ("Unity", "Liberty") from being read as
places, which is right for "national unity" and wrong for South Sudan's Unity state. A
stoplisted name before an administrative kind word ("state", "county", "province":
``feature_words.yaml`` ``admin``) that the gazetteer holds as an area of exactly that name
is found by the scan (``common_word_area``) and, still no place of its own, votes for its
country (``common_area_votes``). "The Islamic State" stays nothing (the gazetteer has no
area called "Islamic"), and compass or size words ("Eastern province", "Central region")
are left to the names that hold them whole.

A name followed by an administrative kind word and known in one country only votes for
that country beside its place vote (``kind_word_vote``): "the Sudanese airforce bombed
part of Maban county" is in South Sudan."""

from __future__ import annotations

from collections import Counter

from eventwire.pipeline.places.gazetteer.index import Candidate, Gazetteer
from eventwire.pipeline.places.gazetteer.lexicon import Lexicon
from eventwire.pipeline.places.gazetteer.mentions import Mention, Token
from eventwire.pipeline.places.gazetteer.normalize import fold

AREA_FEATURES = ("admin1", "admin")


def holds_area(gaz: Gazetteer, name: str) -> bool:
    """Does the gazetteer hold an administrative area of exactly this name?"""
    return any(
        c.flag >= 1 and gaz.feature(c.index) in AREA_FEATURES for c in gaz.lookup(name, loose=False)
    )


def common_word_area(gaz: Gazetteer, lex: Lexicon, tokens: list[Token], i: int, j: int) -> bool:
    """Are tokens ``[i, j)`` a stoplisted name before an administrative kind word that the
    gazetteer holds as an area ("Unity" in "Unity state")?"""
    if j >= len(tokens) or tokens[j].text.lower() not in lex.admin:
        return False
    name = " ".join(t.text for t in tokens[i:j])
    key = fold(name)
    return key in lex.stoplist and key not in lex.qualifier and holds_area(gaz, name)


AREA_VOTE = 2.0  # what a province named with its kind word gives as a place (1.0 + ADMIN1_VOTE)


def common_area_votes(dropped: list[Mention], gaz: Gazetteer, lex: Lexicon) -> Counter[str]:
    """Country votes of stoplisted names the filter dropped that an administrative kind word
    follows and that the gazetteer holds as an area of one country ("in Unity state"). They
    say which country the report is about; the place itself is left to the other names
    ("Bentiu, capital of Unity state" is coded to Bentiu)."""
    votes: Counter[str] = Counter()
    seen: set[str] = set()
    for m in dropped:
        key = fold(m.text)
        if (
            m.hint != "admin"
            or m.partial
            or m.modifier
            or key in seen
            or key not in lex.stoplist
            or key in lex.qualifier
        ):
            continue
        seen.add(key)
        countries = {
            gaz.country_code(c.index)
            for c in gaz.lookup(m.text, loose=False)
            if c.flag >= 1 and gaz.feature(c.index) in AREA_FEATURES
        }
        if len(countries) == 1:
            votes[countries.pop()] += AREA_VOTE  # type: ignore[assignment]  # float weights in a Counter
    return votes


KIND_VOTE = 1.0  # "Maban county": as much as a province named as a place's area


def kind_word_vote(gaz: Gazetteer, m: Mention, readings: list[Candidate]) -> str | None:
    """The country a name followed by an administrative kind word votes for ("bombed part
    of Maban county"): the one country where the gazetteer holds every known name of it
    (loose spellings aside). The kind word says the name is that country's own area, which
    is better evidence than a nationality adjective ("the Sudanese air force") beside it."""
    if m.hint != "admin" or m.partial or m.modifier:
        return None
    countries = {gaz.country_code(c.index) for c in readings if c.flag >= 1}
    return countries.pop() if len(countries) == 1 else None

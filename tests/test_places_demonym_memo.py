"""demonym_votes remembers the last texts' votes: same answers, a fresh Counter each call,
and a lexicon's own votes (the places stage asks for one document's votes several times)."""

from __future__ import annotations

import dataclasses

from eventwire.pipeline.places.gazetteer.cues import demonym_votes
from eventwire.pipeline.places.gazetteer.lexicon import load_lexicon

TEXT = "Kenyan police said Somali gunmen crossed the border at night."


def test_the_remembered_votes_are_the_same_and_a_fresh_copy() -> None:
    lex = load_lexicon()
    first = demonym_votes(TEXT, lex)
    assert first["KE"] > 0 and first["SO"] > 0
    first["KE"] += 100  # a caller adding its own votes
    again = demonym_votes(TEXT, lex)
    assert again == demonym_votes(TEXT, lex) and again["KE"] < 100


def test_another_lexicon_gets_its_own_votes_for_the_same_text() -> None:
    lex = load_lexicon()
    assert demonym_votes(TEXT, lex)["KE"] > 0
    kenyan = {k: v for k, v in lex.adjectives.items() if v != "KE"}
    other = dataclasses.replace(lex, adjectives=kenyan)
    assert "KE" not in demonym_votes(TEXT, other)
    assert demonym_votes(TEXT, lex)["KE"] > 0

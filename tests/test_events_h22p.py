"""The events stage's per-parse work done once: cue-class phrases looked up by a parse's
words (``Lexicon.classes_of_phrases``), habitual cues split once per cue table, a parse's
tokens outside names kept for the next question about the same parse."""

from __future__ import annotations

import spacy

from eventwire.pipeline.events import habitual
from eventwire.pipeline.events.triggers import load_lexicon


def test_phrase_index_holds_every_class_phrase_in_rank_order() -> None:
    lex = load_lexicon()
    index = lex.classes_of_phrases()
    assert lex.classes_of_phrases() is index  # built once
    flat = sorted(entry for entries in index.values() for entry in entries)
    expected = [(name, p) for name, cls in lex.classes.items() for p in cls.phrases if p]
    assert [(name, phrase) for _, name, phrase in flat] == expected
    assert all(phrase[0] == first for first, es in index.items() for _, _, phrase in es)


def test_habitual_cues_split_once_per_table() -> None:
    table = {"words": ["routinely"], "phrases": ["every day"]}
    words, phrases = habitual._habitual_cues(table)
    assert words == frozenset({"routinely"}) and phrases == [("every", "day")]
    assert habitual._habitual_cues(table)[1] is phrases


def test_unnamed_tokens_kept_per_parse() -> None:
    nlp = spacy.blank("en")
    first, second = nlp("Gunmen routinely raid the market."), nlp("Gunmen raid the market.")
    tokens = habitual._unnamed(first)
    assert [t.text for t in tokens] == [t.text for t in first]  # no names in a blank parse
    assert habitual._unnamed(first) is tokens  # the same parse: the same list
    assert [t.text for t in habitual._unnamed(second)] == [t.text for t in second]

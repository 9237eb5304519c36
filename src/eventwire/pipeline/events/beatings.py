"""A person beaten beside a word of contest: a beating, not a win (issue 16).

"beat" has a contest sense ("beat the champion in the final"), and the sense check drops it
when a contest word ("set", "price", "seed", "game") stands anywhere in the sentence. A
person who is beaten where the sentence names an armed party or weapon ("Militia beat
villagers … and set fire to huts", "soldiers beat a driver until he lost consciousness
when he refused to pay the price") or tells the harm of the beating ("was severely beaten
and tied to a post") was beaten, not outplayed.

>>> sorted(BEATING_HARM_WORDS)[:3]
['bruises', 'brutally', 'consciousness']
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words
from eventwire.pipeline.events.persons import people_head, person_noun
from eventwire.pipeline.events.phrases import phrase_classes
from eventwire.pipeline.events.roles import find_roles
from eventwire.pipeline.events.triggers import Lexicon, TriggerMatch, token_keys

BEATING_HARM_WORDS: frozenset[str] = words("lexicon", "beating_harm_words")
_CIVILIANS = frozenset({"civilian", "unarmed_collective", "protesters"})


def person_beaten(match: TriggerMatch, parse: Any, lexicon: Lexicon, strong: bool) -> bool:
    """A verb "beat" whose patient is a person or people, with an armed party or weapon in
    the sentence (``strong``) or a word of the beating's harm."""
    head = parse[match.head]
    if head.lemma_.lower() != "beat" or head.pos_ != "VERB":
        return False
    patient = find_roles(parse, match.head, lexicon).patient
    if patient is None:
        return False
    who = people_head(parse, parse[patient])
    if not (person_noun(who) or phrase_classes(parse, who.i, lexicon) & _CIVILIANS):
        return False
    if any(c.dep_ == "poss" for c in who.children) and not _own_people(who, lexicon):
        return False  # "the striker's shot was beaten away": the possessor is no patient
    return strong or any(t.lower_ in BEATING_HARM_WORDS for t in parse)


def _own_people(tok: Any, lexicon: Lexicon) -> bool:
    """Is the noun itself a person or one of the civilian classes' words (not its possessor)?"""
    own = set().union(*(lexicon.words_of(c) for c in _CIVILIANS))
    return person_noun(tok) or bool(token_keys(tok) & own)

"""Riot and fight words told beside a protest that are not the crowd's own deed (issue 16,
h16cf).

ACLED codes a demonstration as a riot when its crowd was violent. Three wordings put a
riot or fight word in a protest's note that the crowd did not do:

- a fight told in a present-tense relative clause on the protest's object, describing
  whom the crowd supports or opposes: "hundreds demonstrated in favour of the troops who
  are fighting the rebels" — :func:`described_fight`;
- a riot or violence someone is charged with, jailed or sentenced for: "five students
  held on charges of inciting riots", "faced prison time for rioting in 2019" —
  :func:`punished_for`;
- a violent act the crowd only wanted, threatened or planned: "They wanted to burn a
  tire" — :func:`only_wished`.
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words
from eventwire.pipeline.events.triggers import Lexicon, TriggerMatch, find_phrases, token_keys

WISHED_GOVERNORS: frozenset[str] = words("lexicon", "wished_governors")
PUNISHMENT_WORDS: frozenset[str] = words("lexicon", "punishment_words")
_PATH_DEPS = frozenset({"dobj", "pobj", "pcomp", "prep", "compound", "conj"})
_PROTEST_LEMMAS: frozenset[str] = words("lexicon", "protest_object_lemmas")
_PRESENT = frozenset({"VBP", "VBZ", "VBG"})


def described_fight(match: TriggerMatch, parse: Any) -> bool:
    """A fight verb in a present-tense relative clause whose noun hangs under a protest
    word ("demonstrated in favour of forces who are fighting X", "marched to show their
    support to the army that is fighting Y"): it describes whom the crowd backs."""
    verb = parse[match.head]
    if verb.pos_ != "VERB" or verb.dep_ != "relcl" or verb.tag_ not in _PRESENT:
        return False
    if verb.tag_ == "VBG" and not any(
        c.dep_ == "aux" and c.tag_ in {"VBP", "VBZ"} for c in verb.children
    ):
        return False  # "who were fighting" is a past act told of them
    node = verb.head
    for _ in range(5):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in _PROTEST_LEMMAS or node.lower_ in _PROTEST_LEMMAS:
            return True
    return False


def punished_for(tok: Any) -> bool:
    """A word under a charge, a jail term or a sentence, through objects and prepositions
    ("on charges of inciting riots", "prison time for rioting"), or under a verb of
    punishment, or one whose object names the punishment, by a preposition ("jailed for
    rioting", "faced years of prison time for rioting")."""
    node = tok
    for step in range(5):
        if node.head.i == node.i or node.dep_ not in _PATH_DEPS:
            return False
        if step and node.pos_ in {"VERB", "AUX"} and node.dep_ != "pcomp":
            return False
        child, node = node, node.head
        if node.pos_ in {"VERB", "AUX"} and child.dep_ == "prep":
            objects = [t for c in node.children if c.dep_ == "dobj" for t in c.subtree]
            return any(token_keys(t) & PUNISHMENT_WORDS for t in (node, *objects))
        mods = [c for c in node.children if c.dep_ == "compound"]
        if any(token_keys(t) & PUNISHMENT_WORDS for t in (node, *mods)):
            return True
    return False


def only_wished(tok: Any) -> bool:
    """A word whose clause is the infinitive object of a verb of wanting, threatening or
    planning ("They wanted to burn a tire", "threatened to throw stones")."""
    node = tok
    for _ in range(3):
        if node.pos_ in {"VERB", "AUX"}:
            break
        if node.head.i == node.i:
            return False
        node = node.head
    if node.pos_ not in {"VERB", "AUX"} or node.dep_ != "xcomp":
        return False
    return bool(token_keys(node.head) & WISHED_GOVERNORS)


def untold_violence(parse: Any, lexicon: Lexicon) -> bool:
    """Is every violence cue of the sentence ("protest_violence": stones, tyres, torched)
    only wanted, threatened or planned (:func:`only_wished`), or charged or punished
    (:func:`punished_for`)?"""
    words_ = lexicon.words_of("protest_violence")
    tokens = list(parse)
    cues = [t for t in tokens if token_keys(t) & words_]
    phrases = lexicon.classes["protest_violence"].phrases
    cues += [tokens[start] for start, _ in find_phrases(tokens, phrases)]
    return bool(cues) and all(only_wished(t) or punished_for(t) for t in cues)

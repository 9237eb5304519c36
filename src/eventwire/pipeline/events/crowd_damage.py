"""Damage a protest's crowd did: "They burned the council building", "Property was
destroyed." (issue 16, h16ao).

ACLED codes a demonstration whose crowd burns, breaks or destroys property as a Violent
demonstration. The lexicon's "protest_violence" cue has the unambiguous words ("torched",
"vandalised", "set ablaze"); "burn", "destroy", "damage" and "break" are left out of it
because notes use them for the grievance as often ("protesting the burning of mosques",
"demanding the repair of a damaged road", "arrested for destroying a fence", "the plant
would destroy the reef"). ``crowd_damage`` reads them only as the main act of their
sentence: done by people who are not an armed or state party ("students burned a car",
"they destroyed the windows"), or told in the passive with no doer ("Property was burnt",
"Several vehicles were destroyed"); not a symbol burned ("burned the flag", "burned an
effigy": ACLED keeps those peaceful), and not a clause of cause, time or purpose.
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words
from eventwire.pipeline.events.phrases import phrase_classes
from eventwire.pipeline.events.triggers import Lexicon

CROWD_DAMAGE = "crowd_damage"  # the context class it gives the sentence
DAMAGE_LEMMAS: frozenset[str] = words("lexicon", "crowd_damage_lemmas")
SYMBOLS: frozenset[str] = words("lexicon", "burned_symbols")
_MAIN_DEPS = frozenset({"ROOT", "conj"})
_UNREAL = frozenset({"would", "could", "will", "may", "might", "should", "not", "never", "to"})
_ARMED = frozenset({"armed", "state", "nonstate", "military_site"})
_PEOPLE = frozenset({"civilian", "unarmed_collective", "protesters", "communal"})


def _main_clause(verb: Any) -> bool:
    """The verb is its sentence's predicate (or a conjunct of it): not "after a bridge was
    destroyed", "arrested for destroying", "a damaged road", "threatened to burn"."""
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ not in _MAIN_DEPS and not (node.dep_ == "advcl" and node.tag_ == "VBG"):
        return False  # "took to the streets, burning T-shirts" is the main act too
    return not any(c.lower_ in _UNREAL for c in verb.children if c.dep_ in {"aux", "neg"})


def _doer_ok(parse: Any, verb: Any, lexicon: Lexicon) -> bool:
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    node = verb
    while subj is None and node.dep_ in {"conj", "advcl"} and node.head.i != node.i:
        node = node.head  # "Youth took to the streets burning …", "… and destroyed the chairs"
        subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    classes = phrase_classes(parse, subj.i, lexicon)
    pronoun = subj.lower_ in {"they", "we"}
    return (pronoun or bool(classes & _PEOPLE)) and not classes & _ARMED


def crowd_damage(parse: Any, lexicon: Lexicon) -> bool:
    """Does the sentence tell people (not armed or state parties) burning, breaking or
    destroying property as its main act, or property destroyed with no doer named?"""
    for verb in parse:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in DAMAGE_LEMMAS:
            continue
        if not _main_clause(verb):
            continue
        objects = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
        passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if any(o.lower_ in SYMBOLS or o.lemma_.lower() in SYMBOLS for o in objects + passive):
            continue  # "burned the French flag", "an effigy was burnt"
        if passive:
            agent = any(c.dep_ == "agent" for c in verb.children)
            people = phrase_classes(parse, passive[0].i, lexicon) & (_PEOPLE | _ARMED)
            if not agent and not people and passive[0].pos_ != "PRON":
                return True  # "Property was destroyed", "Several vehicles were burnt"
            continue
        if objects and _doer_ok(parse, verb, lexicon):
            return True
    return False

"""Headline-like notes: when a violent word in a short note reports the act.

A short note ("Fighting in Malakal.", "JEM attack Kutum. 3 killed") names its scene and
its act in a few words; ``short_note_scene`` keeps an ambiguous violent word there when it
heads the note and a place or party is named. Moved out of rules.py (issue 16).
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words
from eventwire.pipeline.events.triggers import TriggerMatch

# the dependency labels of a word that heads a headline-like note (short_note_scene)
_HEADLINE_DEPS = frozenset({"ROOT", "nsubj", "nsubjpass"})
# "Fighting in Bor continues": a gerund with no object heads the note as its clausal subject
_GERUND_SUBJECT = "csubj"
_AREA_NOUNS: frozenset[str] = words("lexicon", "scene_area_nouns")
_REPORT_VERBS: frozenset[str] = words("lexicon", "scene_report_verbs")
_HEADLINE_LIGHT_VERBS: frozenset[str] = words("lexicon", "headline_light_verbs")
# entity labels that name a place or a party (a person's name alone is no scene)
SCENE_ENTITIES = frozenset({"GPE", "LOC", "FAC", "NORP", "ORG"})
_PLACE_PREPS: frozenset[str] = words("lexicon", "scene_place_prepositions")
_HEADLINE_REPORT_NOUNS: frozenset[str] = words("lexicon", "headline_report_nouns")


def named_scene(match: TriggerMatch, parse: Any) -> bool:
    """A violent word beside a named place or party ("Fighting continued in Malakal",
    "Clashes between the Misseriya and the Rizeigat"): in a short note it reports the
    event; a person's name alone ("X attacks Y") does not make it one."""
    own = set(range(match.start, match.end))
    return any(
        t.i not in own
        and (t.ent_type_ != "PERSON" or _located(t))
        and (t.ent_type_ in SCENE_ENTITIES or t.pos_ == "PROPN")
        for t in parse
    )


def _located(tok: Any) -> bool:
    """A proper noun a place preposition governs ("Fighting in Renk", "near Leer"): a
    place, even where the tagger reads an unknown town's name as a person's."""
    if tok.dep_ == "conj":
        tok = tok.head  # "in the areas of Fashoda and Leer"
    if tok.pos_ != "PROPN" or tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ == "of":  # "in the areas of Fashoda", "the outskirts of Leer"
        return prep.head.lemma_.lower() in _AREA_NOUNS
    return prep.lower_ in _PLACE_PREPS


def short_note_scene(match: TriggerMatch, parse: Any, ctx: set[str]) -> bool:
    """In a short note ("short_note" in the cue classes) with no protest words ("drivers
    struck over unpaid wages"), a named place or party makes a violent word an event, when
    the word heads the note as its main verb or that verb's subject ("Fighting resumed in
    Bentiu", "JEM attack Kutum"); inside a clause or a phrase of a news sentence it is no
    event ("while fighting extradition", "to combat flooding", "complained about a raid")."""
    return (
        "short_note" in ctx
        and "protest_context" not in ctx
        and heads_note(parse[match.head])
        and named_scene(match, parse)
    )


def heads_note(head: Any) -> bool:
    """Does this word head a headline-like note, as its main verb, that verb's subject or
    the violent noun the note is about ("JEM attack Kutum", "carry out revenge attack")?"""
    if head.dep_ == _GERUND_SUBJECT:  # "Fighting in Bor continues", not "fighting corruption …"
        return not any(c.dep_ in {"dobj", "obj"} for c in head.children)
    return head.dep_ in _HEADLINE_DEPS or _headline_noun(head) or _reported_act(head)


def _reported_act(head: Any) -> bool:
    """The act a note's report verb has as its object or clause ("The UN mission reported
    sporadic fighting south of Bentiu", "Heavy fighting around Talawdi, no casualties
    reported"): the note reports it."""
    governor = head.head
    return (
        head.dep_ in {"dobj", "ccomp"}
        and governor.dep_ == "ROOT"
        and governor.lemma_.lower() in _REPORT_VERBS
    )


def _headline_noun(head: Any) -> bool:
    """A violent noun a headline uses as its predicate: the object of a light verb that
    heads the note ("Turkana carry out revenge attack against Merille") or a noun the
    parse hangs on the note's named head ("Toposa attack Kapoeta for second day")."""
    governor = head.head
    if head.dep_ in {"pobj", "pcomp"} and governor.lower_ == "of" and governor.head.dep_ == "ROOT":
        # "Reports of fighting in Leer.": the note reports the act it names
        return str(governor.head.lemma_).lower() in _HEADLINE_REPORT_NOUNS
    if governor.dep_ != "ROOT" or governor is head:
        return False
    if head.dep_ == "dobj":
        return str(governor.lemma_).lower() in _HEADLINE_LIGHT_VERBS
    return bool(head.dep_ == "compound" and governor.pos_ == "PROPN" and head.i > 0)

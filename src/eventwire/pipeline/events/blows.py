"""A blow dealt to a person: "hit" as violence (issue 16, h16an).

"several people hit a doctor", "he was struck with a chair by a rival's supporter", "he was hit
by a bullet and died": the verb "hit" is ambiguous ("prices hit a record", "the storm hit
the coast", "hit the streets"), so the coder keeps it only with conflict words, and these
notes have none. ``blow_to_person`` keeps it when a person is hit by people, or by a
weapon; a vehicle that hits someone is a road accident ("a truck hit a pedestrian", "hit
him with his car"), and a person's name as the doer is left to the other checks ("Smith
hit Jones with a right hook"). "attack" and "assault" (criticism as often as violence) are
kept when someone is attacked with a thing held or thrown ("attacked with stones and
chased by crowds", "was attacked with pepper spray by masked men"; h16bv).
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words
from eventwire.pipeline.events.phrases import phrase_classes
from eventwire.pipeline.events.roles import find_roles
from eventwire.pipeline.events.triggers import Lexicon, TriggerMatch, token_keys

_PEOPLE = frozenset({"civilian", "unarmed_collective", "armed", "protesters", "communal"})
_WEAPONS = frozenset({"weapon_smallarms", "weapon_melee"})
BLOW_LEMMAS: frozenset[str] = words("lexicon", "blow_lemmas")
HARM_BLOW_LEMMAS: frozenset[str] = words("lexicon", "harm_blow_lemmas")
PERSONAL_PRONOUNS: frozenset[str] = words("lexicon", "personal_pronouns")
ROAD_WORDS: frozenset[str] = words("lexicon", "road_vehicles")
ARMED_BLOW_LEMMAS: frozenset[str] = words("lexicon", "armed_blow_lemmas")
INSTRUMENTS: frozenset[str] = words("lexicon", "blow_instruments")


def _person(parse: Any, i: int | None, lexicon: Lexicon) -> bool:
    """A person or people named by a common noun or a personal pronoun ("a doctor",
    "he", "them"); a name alone ("Jones") is not read here."""
    if i is None:
        return False
    tok = parse[i]
    if tok.lower_ in PERSONAL_PRONOUNS:
        return True
    if tok.pos_ == "PROPN" or tok.ent_type_ in {"PERSON", "ORG", "GPE"}:
        return False
    return bool(phrase_classes(parse, i, lexicon) & _PEOPLE)


def blow_to_person(match: TriggerMatch, parse: Any, ctx: set[str], lexicon: Lexicon) -> bool:
    """Is this "hit" a blow to a person, dealt by people or with a weapon? Is this
    "injure" or "wound" harm done to a person by people (h16ba)?"""
    head = parse[match.head]
    lemma = head.lemma_.lower()
    if head.pos_ != "VERB" or lemma not in BLOW_LEMMAS | HARM_BLOW_LEMMAS or "accident" in ctx:
        return False
    if any(token_keys(t) & ROAD_WORDS for t in parse):
        return False  # "a truck hit a pedestrian", "hit the boy with his motorbike"
    roles = find_roles(parse, match.head, lexicon)
    if not _person(parse, roles.patient, lexicon):
        return False
    if lemma in HARM_BLOW_LEMMAS:
        return _person(parse, roles.agent, lexicon)
    return _person(parse, roles.agent, lexicon) or bool(ctx & _WEAPONS)


def armed_blow(match: TriggerMatch, parse: Any, ctx: set[str], lexicon: Lexicon) -> bool:
    """Is this "attack" or "assault" done with a thing held or thrown? Whoever or whatever
    was attacked, the thing says the attack was physical (not "with harsh words")."""
    head = parse[match.head]
    if head.lemma_.lower() not in ARMED_BLOW_LEMMAS or head.pos_ != "VERB" or "accident" in ctx:
        return False
    return _with_instrument(head, lexicon)  # the thing held says the attack is physical


def _with_instrument(head: Any, lexicon: Lexicon) -> bool:
    """The verb's "with" names a thing held or thrown ("with stones", "with a machete",
    "with pepper spray"), not words ("with insults", "with a barrage of criticism")."""
    held = lexicon.words_of("weapon_melee") | lexicon.words_of("thrown_missile") | INSTRUMENTS
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "with"):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            if any(token_keys(t) & held for t in (obj, *obj.conjuncts)):
                return True
    return False

"""Acts a note tells by their occurrence or by who was taken (issue 16, h16af).

``clashes_occurred`` keeps a plural fight noun (or "fighting") that is the subject of a verb of
occurrence ("Clashes occurred between herders and farmers", "Sporadic clashes occur"):
the note reports the fight as having happened, as ``_reported_protest`` does for protest
nouns. A singular "clash" is left out: sport fixtures are told that way ("the clash takes
place at the stadium"). ``people_taken`` keeps a hijacking as an abduction only when
people are among those taken ("the driver and his truck were hijacked"); a vehicle
hijacked alone is the means of another act.
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words
from eventwire.pipeline.events.phrases import phrase_classes
from eventwire.pipeline.events.roles import find_roles
from eventwire.pipeline.events.triggers import Lexicon, TriggerMatch

CLASH_OCCURRENCE_VERBS: frozenset[str] = words("lexicon", "clash_occurrence_verbs")
HIJACK_LEMMAS: frozenset[str] = words("lexicon", "hijack_lemmas")
VEHICLES: frozenset[str] = words("lexicon", "hijacked_vehicles")
_PEOPLE = frozenset({"civilian", "unarmed_collective", "armed", "state", "protesters", "communal"})
_FUTURE = frozenset({"will", "would", "could", "might", "may", "should", "shall"})


def clashes_occurred(head: Any) -> bool:
    """A plural fight noun or "fighting", the subject of a verb that says it happened:
    "clashes occurred", "clashes broke out", "fighting erupted"; not "clashes will occur",
    nor a singular "clash" (a fixture: "the clash takes place on Sunday")."""
    if head.dep_ != "nsubj" or not (head.tag_ == "NNS" or head.lower_ == "fighting"):
        return False
    verb = head.head
    lemma = verb.lemma_.lower()
    if lemma == "break":
        told = any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    elif lemma == "take":
        told = any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
    else:
        told = lemma in CLASH_OCCURRENCE_VERBS
    return told and not any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in verb.children)


def hijacking(match: TriggerMatch, parse: Any) -> bool:
    """Is the trigger a hijack word?"""
    return parse[match.head].lemma_.lower() in HIJACK_LEMMAS


def people_taken(match: TriggerMatch, parse: Any, lexicon: Lexicon) -> bool:
    """Are people among those a hijacking took ("passengers were hijacked", "a driver and
    his truck were hijacked", "hijacked two aid workers")? A bus or a truck alone is not
    (the lexicon counts a bus as a civilian target; here it is the thing taken)."""
    head = parse[match.head]
    patient = find_roles(parse, match.head, lexicon).patient
    taken = [parse[patient]] if patient is not None else []
    taken += [c for c in head.children if c.dep_ in {"nsubjpass", "dobj"}]
    taken += [c for t in list(taken) for c in t.conjuncts]
    return any(
        t.lemma_.lower() not in VEHICLES and phrase_classes(parse, t.i, lexicon) & _PEOPLE
        for t in taken
    )

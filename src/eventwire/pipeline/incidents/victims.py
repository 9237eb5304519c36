"""Victims told as the subject of their death: never the act's author.

"Five soldiers died after an explosive device ripped through an army convoy" makes the
soldiers the subject of the sentence, and the events stage's parse may read them as the
explosion's actor1. They are its victims: actor2 (when the mention names none), and the
author is unidentified until a claim or another mention names one. Only for the types
where a victim is not a party (``victim_subject_types``: explosions, violence against
civilians); in a battle the dead are one of the sides. A toll update ("a wounded driver died
in hospital") is read the same way, but its subject is one of the victims, not the incident's
target: it only stops being actor1.
"""

from __future__ import annotations

import dataclasses

from eventwire.pipeline.common.actordict import ActorDictionary
from eventwire.pipeline.incidents.cues import IncidentCues
from eventwire.records import Actor, Document

UNIDENTIFIED = "GEN-UAG"  # the dictionary id of ACLED's Unidentified Armed Group
CIVILIANS = "GEN-CIVILIANS"
AUTHOR_CODINGS = frozenset({3, 5})  # inter codes a civilian subject gets as an author


def _unidentified(dictionary: ActorDictionary, country: str | None) -> Actor | None:
    entry = dictionary.by_id.get(UNIDENTIFIED)
    return None if entry is None else entry.inferred(country)


def victims_as_subject(
    doc: Document, cues: IncidentCues, types: frozenset[str], dictionary: ActorDictionary
) -> None:
    """Move an actor1 that is the subject of a death or a wound to actor2 (see module)."""
    for event in doc.events:
        actor = event.actor1
        if event.acled_event_type not in types or actor is None or actor.start < 0:
            continue
        if not cues.victim_subject_at(doc.text, actor.end):
            continue
        index = event.sentence_index
        later = 0 <= index < len(doc.sentences) and cues.tells_later_death(
            doc.sentences[index].text
        )
        if not later and (event.actor2 is None or event.actor2.inter is None):
            # "a wounded driver died in hospital": one of the victims, not the target
            event.actor2 = _as_victims(actor, dictionary)
        event.actor1 = _unidentified(dictionary, actor.country)


def _as_victims(actor: Actor, dictionary: ActorDictionary) -> Actor:
    """The subject as victims: a civilian subject that the actors stage coded as the author
    (rioters for "five civilians" acting, an unidentified group) is civilians again."""
    entry = dictionary.by_id.get(CIVILIANS)
    if actor.inter not in AUTHOR_CODINGS or entry is None:
        return dataclasses.replace(actor)
    return dataclasses.replace(
        actor, name=entry.name, actor_id=entry.id, type=entry.type, inter=entry.inter
    )

"""Whose property a state force's drug seizure destroyed: an unidentified gang's.

ACLED codes a police or military seizure or destruction of illegal drugs as Looting/
property destruction by the state force against an unidentified gang (inter 3): "police
seized two tonnes of cannabis found in a lorry", "soldiers uprooted and burned a field of
poppies" (ACLED 2020 dev: 4 of 4 such notes; none codes
Civilians). The targets convention makes an unnamed property-destruction target
Civilians; ``drug_owners`` gives the unidentified gang instead when actor1 is a state
force and the event's sentence names an illegal drug (``seized_drugs`` in
``data/actors/words.yaml``; khat and miraa, a legal trade whose traders soldiers loot,
are not in it).

>>> from eventwire.pipeline.common.actordict import load_actor_dictionary
>>> from eventwire.records import Actor, Document, Event, Sentence, Span
>>> text = "Police seized 2 tons of cannabis in a truck."
>>> doc = Document(text=text, sentences=[Sentence(0, len(text), text)])
>>> e = Event("d", Span(7, 13, "trigger", "seized"), 0, "SEIZE",
...           acled_event_type="Strategic developments",
...           acled_sub_event_type="Looting/property destruction")
>>> e.actor1 = Actor(text="Police", inter=1, type="police", country="BR")
>>> drug_owners(load_actor_dictionary(), doc, e, "BR").inter
3
"""

from __future__ import annotations

import re

from eventwire.datafiles import words
from eventwire.pipeline.actors.roles import STATE_TYPES, inferred
from eventwire.pipeline.common.actordict import ActorDictionary
from eventwire.pipeline.common.wordpattern import word_pattern
from eventwire.records import Actor, Document, Event

PROPERTY = "Looting/property destruction"
_DRUGS = word_pattern(words("actors", "seized_drugs"), re.IGNORECASE)
_DEFAULTED = frozenset({"inferred", "acled-target"})


def drug_owners(
    d: ActorDictionary, doc: Document, event: Event, country: str | None
) -> Actor | None:
    """An unidentified gang as actor2 of a state force's drug seizure; else None."""
    a1, a2 = event.actor1, event.actor2
    if event.acled_sub_event_type != PROPERTY or a1 is None or a1.inter != 1:
        return None
    if a1.type not in STATE_TYPES or "GEN-GANG" not in d.by_id:
        return None
    if a2 is not None and (a2.inter != 7 or a2.resolved_by not in _DEFAULTED):
        return None  # a target the report names keeps its coding
    i = event.sentence_index
    if not 0 <= i < len(doc.sentences) or _DRUGS.search(doc.sentences[i].text) is None:
        return None
    return inferred(d, "GEN-GANG", country)

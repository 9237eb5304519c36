"""The other side of a battle named right after its verb, where the parse lost it.

"Jubaland Darawiish forces fought Islamic State Somalia Province near Xaafuun village":
the parse of a long name followed by a place can hang the name on the place, so the event
coder's second mention is the place ("village") and the battle is left with one side.
``other_side`` reads the words right after the trigger: "with" or "against" and a name up
to the next punctuation or place preposition; when they code as an armed party the
dictionary names (or a composed one), other than actor1, that party is actor2. Otherwise
it falls back to the war's opposition of the day (``wars.war_opponent``).
"""

from __future__ import annotations

import re
from datetime import date

from eventwire.pipeline.actors.compose import code_mention
from eventwire.pipeline.actors.wars import war_opponent
from eventwire.pipeline.common.actordict import ARMED_INTER, ActorDictionary
from eventwire.records import Actor, Document, Event

_NAMED = frozenset({"dictionary", "dictionary-role", "composed"})
_AFTER = re.compile(
    r"[ ]+(?:with|against)[ ]+((?:the[ ]+)?[A-Z][\w'’/-]*(?:[ ]+(?!(?:in|near|at|on|around|"
    r"inside|outside|along|during|after|before|and|from|to|over|who|which|that)\b)"
    r"[\w'’/-]+){0,6})"
)


def named_after_trigger(
    d: ActorDictionary, doc: Document, event: Event, country: str | None, day: date | None
) -> Actor | None:
    """The armed party named as "with X" / "against X" right after a battle's trigger."""
    if event.acled_event_type != "Battles" or event.actor2 is not None:
        return None
    end = event.trigger.end
    if end <= 0 or end > len(doc.text):
        return None
    match = _AFTER.match(doc.text, end)
    if match is None:
        return None
    coded = code_mention(d, match.group(1), country, day, fuzzy=False)
    a1 = event.actor1
    if coded.inter not in ARMED_INTER or coded.resolved_by not in _NAMED:
        return None
    if a1 is not None and (a1.name == coded.name or a1.actor_id == coded.actor_id):
        return None
    coded.text, coded.start, coded.end = match.group(1), match.start(1), match.end(1)
    return coded


def other_side(
    d: ActorDictionary, doc: Document, event: Event, country: str | None, day: date | None
) -> Actor | None:
    """A battle's actor2 when it has none: the party named after the trigger, else the
    war's opposition of the day; None when neither applies."""
    named = named_after_trigger(d, doc, event, country, day)
    return named if named is not None else war_opponent(d, event, country, day)


def not_opponent(event: Event, victims: Actor) -> bool:
    """True when the dead a battle's next sentence tells are no second side: civilians
    (ACLED keeps it a battle) or actor1's own ("SAF and SRF fought. 74 Sudanese army were
    killed.": the army is actor1, its dead do not make it the other side too)."""
    if event.acled_event_type != "Battles":
        return False
    a1 = event.actor1
    if a1 is None or a1.inter is None:
        return victims.inter == 7
    # "JNIM and soldiers exchanged gunfire. Six militants were killed.": a generic word
    # for actor1's kind of party names actor1's own dead
    generic = (victims.actor_id or "").startswith("GEN-") and victims.inter == a1.inter
    own = victims.name == a1.name or generic
    return victims.inter == 7 or own

"""Armed men "from" a country are not that country's government.

"Sebei tribesmen from Uganda attack Kenyan civilians", "Raiders from Uganda attack a
Kenyan village": the parse gave the country of the "from" phrase as the event's actor1,
which the dictionary codes as that state's government (inter 1; acled_more tune seed 13:
two Kenyan notes, gold an ethnic militia of Uganda, inter 4). ``armed_men_from`` recodes a
mention that is a bare country name right after "<noun> from", where the noun is a head of
a non-state armed generic ("raiders", "gunmen", "tribesmen", "militiamen"), as the words
"<noun phrase> from <country>": a communal militia, an unidentified armed group, rebels.
"Soldiers from Uganda" (a state's men) and "refugees from Uganda" (no armed group) are left.
When the parse made the noun phrase the other party ("Turkana raiders" attacked by
"Ethiopia"), that party is dropped for the stage's later rules to find the target.
"""

from __future__ import annotations

import re
from datetime import date

from eventwire.pipeline.actors.compose import code_mention
from eventwire.pipeline.actors.roles import NON_STATE_ARMED
from eventwire.pipeline.common.actordict import ActorDictionary, normalise
from eventwire.records import Actor, Document, Event

_FROM = re.compile(r"((?:[A-Za-z][\w'’-]* ){1,4})from\s+$")
REACH = 60  # characters before the country where its noun phrase may start


def _origin_of(
    d: ActorDictionary, doc: Document, actor: Actor, country: str | None, ref_date: date | None
) -> Actor | None:
    """The armed men the words before "from <country>" name, coded, or None."""
    if actor.start <= 0 or normalise(actor.text) not in d.countries:
        return None
    match = _FROM.search(doc.text[max(0, actor.start - REACH) : actor.start])
    if match is None:
        return None
    words = match.group(1).split()
    if d.heads.get(normalise(words[-1])) is None:
        return None
    for n in range(len(words), 0, -1):
        start = actor.start - len(match.group(0)) + match.group(0).index(" ".join(words[-n:]))
        text = doc.text[start : actor.end]
        coded = code_mention(d, text, country, ref_date, fuzzy=False)
        if coded.inter in NON_STATE_ARMED and coded.resolved_by != "unknown":
            coded.start, coded.end = start, actor.end
            return coded
    return None


def armed_men_from(
    d: ActorDictionary, doc: Document, event: Event, country: str | None, ref_date: date | None
) -> None:
    """Recode, in place, an actor1 or actor2 that is the country of "raiders from X"."""
    for slot, other_slot in (("actor1", "actor2"), ("actor2", "actor1")):
        actor = getattr(event, slot)
        origin = _origin_of(d, doc, actor, country, ref_date) if actor is not None else None
        if origin is None:
            continue
        setattr(event, slot, origin)
        other = getattr(event, other_slot)
        if other is not None and origin.start <= other.start < origin.end:
            setattr(event, other_slot, None)  # the parse's other party was these words

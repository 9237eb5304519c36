"""A force that only stopped a mob is not whom the mob attacked.

"A mob burnt down a church … They tried to burn down another church but were prevented by
the police", "Young men seized two alleged killers. Police stepped in and spared the
pair from a lynching", "… pelted attendees with stones. Police used teargas to
disperse the group", "The executive sustained a head wound before being handed over to
police": ACLED codes Mob violence against the people the mob hit, civilians (inter 7); the
actors stage took the force of a later sentence (``crowd_force``) as actor2 (acled_more tune
seed 13: 4 such Mob violence rows, all gold civilians). ``rescued_victims`` gives Civilians
when the event is Mob violence led by rioters, its state-force actor2 stands in another
sentence than the event's and that sentence tells the force intervening or rescuing
(``intervention_words``, ``rescue_words``), or stands before the trigger in its sentence
with rescue words between ("intervened and saved the suspects from being lynched"; only
dispersing the crowd there is acting on it, ACLED dev: police kept), and neither is hit or
fought (``struck_force_words``). A force after the trigger in the mob's own sentence ("a mob
killed a police officer", "crowds hurled stones at the police") is whom it attacked and
stays; a fight between crowds is ``intervened.py``'s.
"""

from __future__ import annotations

import re

from eventwire.datafiles import words
from eventwire.pipeline.actors.intervened import force_beside_mob
from eventwire.pipeline.actors.roles import inferred
from eventwire.pipeline.common.actordict import ActorDictionary
from eventwire.pipeline.common.wordpattern import word_pattern
from eventwire.records import Actor, Document, Event

_RESCUED = word_pattern(words("actors", "rescue_words"), re.IGNORECASE)
_STOPPED = word_pattern(
    words("actors", "intervention_words") | words("actors", "rescue_words"), re.IGNORECASE
)
_STRUCK = word_pattern(words("actors", "struck_force_words"), re.IGNORECASE)


def rescued_victims(
    d: ActorDictionary, doc: Document, event: Event, country: str | None
) -> Actor | None:
    """Civilians, as the actor2 of Mob violence whose state-force actor2 only stopped the
    mob in a later (or earlier) sentence; None to leave actor2 as it is."""
    found = force_beside_mob(d, doc, event, "GEN-CIVILIANS")
    if found is None:
        return None
    i, a2 = found
    text, stopped = doc.sentences[i].text, _STOPPED
    if i == event.sentence_index:  # "Police intervened and saved them from being lynched"
        if a2.end > event.trigger.start:
            return None
        # "police used teargas to disperse violent demonstrations by prisoners": the crowd
        text, stopped = doc.text[a2.end : event.trigger.start], _RESCUED
    if stopped.search(text) is None or _STRUCK.search(text) is not None:
        return None
    return inferred(d, "GEN-CIVILIANS", country)

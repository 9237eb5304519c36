"""A crowd fight the police broke up: the police are no side of it.

ACLED codes a fight between two crowds as Mob violence with rioters on both sides (inter 5
and 5) when the police only ended it: "a clash between PNU and KANU supporters … Police
intervention ensued", "Police separated two candidates' supporters who were
fighting", "Fulani and residents threw stones at each other … Police forces intervened
and calmed the situation" (acled_more tune: 11 of 13 such Mob violence rows). The actors
stage read the police as actor2. ``broken_up_fight`` gives the second crowd, as rioters,
when the event is Mob violence led by rioters, the note tells a fight between crowds
(``crowd_rival_cues`` less bare "between", or ``crowd_fight_between``), and the sentence of
the police's words tells them intervening (``intervention_words``) and not hit or fighting
(``struck_force_words``: "police that intervened were pelted with stones" keeps them) nor
"with" them ("clashed with police after police intervened").
"""

from __future__ import annotations

import re

from eventwire.datafiles import words
from eventwire.pipeline.actors.roles import inferred
from eventwire.pipeline.common.actordict import ActorDictionary
from eventwire.pipeline.common.wordpattern import word_pattern
from eventwire.records import Actor, Document, Event

_FIGHT = word_pattern(
    (words("actors", "crowd_rival_cues") - {"between"}) | words("actors", "crowd_fight_between"),
    re.IGNORECASE,
)
_INTERVENED = word_pattern(words("actors", "intervention_words"), re.IGNORECASE)
_STRUCK = word_pattern(words("actors", "struck_force_words"), re.IGNORECASE)
_WITH = re.compile(r"\bwith\s+(?:the\s+)?$", re.IGNORECASE)


def force_beside_mob(
    d: ActorDictionary, doc: Document, event: Event, generic: str
) -> tuple[int, Actor] | None:
    """The state-force actor2 of Mob violence led by rioters and the index of its sentence,
    when the dictionary has ``generic`` to code its replacement; else None."""
    a1, a2 = event.actor1, event.actor2
    if event.acled_sub_event_type != "Mob violence" or a1 is None or a2 is None:
        return None
    if a1.inter != 5 or a2.inter != 1 or a2.start < 0 or generic not in d.by_id:
        return None
    i = doc.sentence_at(a2.start)
    return None if i is None else (i, a2)


def broken_up_fight(
    d: ActorDictionary, doc: Document, event: Event, country: str | None
) -> Actor | None:
    """Rioters, as the actor2 of a crowd fight whose state-force actor2 only broke it up;
    None to leave actor2 as it is."""
    found = force_beside_mob(d, doc, event, "GEN-RIOTERS")
    if found is None or _FIGHT.search(doc.text) is None:
        return None
    i, a2 = found
    sentence = doc.sentences[i]
    after = doc.text[a2.end : sentence.end]
    if _INTERVENED.search(after) is None or _STRUCK.search(sentence.text) is not None:
        return None
    if _WITH.search(doc.text[sentence.start : a2.start]) is not None:
        return None
    return inferred(d, "GEN-RIOTERS", country)

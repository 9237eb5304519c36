"""Two crowds fighting each other: both sides are rioters.

A fight between two crowds ("supporters of the NDC clashed with residents", "two rival
groups of youths fought", "a riot broke out as youth groups clashed") is Mob violence or a
violent demonstration with rioters on both sides (ACLED inter 5 and 5). The dictionary codes
the second crowd's words as civilians ("residents", "another group of youths"), which ACLED
keeps for the people a mob hits. ``rival_rioters`` recodes such a second crowd as rioters
when rioters are actor1 and the sentence tells a fight between sides (``crowd_rival_cues``
in ``data/actors/words.yaml``, bare "between" left out: "on the road between X and Y" is a
place). A victim of one crowd ("lynched a suspected thief") stays a civilian.
"""

from __future__ import annotations

import re

from eventwire.datafiles import words
from eventwire.pipeline.actors.roles import as_generic
from eventwire.pipeline.common.actordict import ActorDictionary
from eventwire.pipeline.common.wordpattern import word_pattern
from eventwire.records import Actor, Document, Event

CROWD_FIGHTS = frozenset({"Mob violence", "Violent demonstration"})
_RIVAL = word_pattern(words("actors", "crowd_rival_cues") - {"between"}, re.IGNORECASE)


def rival_rioters(
    d: ActorDictionary, doc: Document, event: Event, country: str | None
) -> Actor | None:
    """The second crowd of a crowd fight, as rioters; None to leave actor2 as it is."""
    a1, a2 = event.actor1, event.actor2
    if event.acled_sub_event_type not in CROWD_FIGHTS or a1 is None or a2 is None:
        return None
    if a1.inter != 5 or a2.actor_id != "GEN-CIVILIANS" or a2.start < 0:
        return None
    i = event.sentence_index
    if not 0 <= i < len(doc.sentences) or _RIVAL.search(doc.sentences[i].text) is None:
        return None
    return as_generic(d, a2, "GEN-RIOTERS", country)

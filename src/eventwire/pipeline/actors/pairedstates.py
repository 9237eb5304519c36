"""Two states' forces named in one phrase: "the forces of A and B clashed".

"Troops of Armenia and Azerbaijan traded fire along the border", "the armed forces
of Chad and Sudan fought near a frontier post": the parse reads one mention, "the
forces of A", and the battle kept one side. ACLED codes the two armies as the two sides
(the second, acting outside its own country, external forces: inter 8, which the role
conventions set after this). ``paired_state`` gives, for a battle with a state's forces
as actor1 and no actor2, the military of the country named right after actor1's
"… of A" by "and B" (B a country the dictionary knows, not A's own). "Cameroonian and
Nigerian forces attacked Boko Haram" is one side with an enemy named, and keeps its actor2.

>>> from datetime import date
>>> from eventwire.pipeline.common.actordict import load_actor_dictionary
>>> from eventwire.records import Actor, Document, Event, Span
>>> text = "Military forces of Chad and Sudan clashed at the border."
>>> e = Event("d", Span(34, 41, "trigger", "clashed"), 0, "FIGHT",
...           acled_event_type="Battles", acled_sub_event_type="Armed clash")
>>> e.actor1 = Actor(text="Military forces of Chad", start=0, end=23, inter=1, country="TD")
>>> paired_state(load_actor_dictionary(), Document(text=text), e).name
'Military Forces of Sudan'
"""

from __future__ import annotations

import re

from eventwire.pipeline.common.actordict import ActorDictionary, normalise
from eventwire.records import Actor, Document, Event

STATE = 1
_OF = re.compile(r"\bof\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}$")
_AND = re.compile(r"\s+and\s+(?:the\s+)?(?P<b>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})")


def paired_state(d: ActorDictionary, doc: Document, event: Event) -> Actor | None:
    """The second state's military of "the forces of A and B" as a battle's actor2, or None."""
    a1 = event.actor1
    if event.acled_event_type != "Battles" or event.actor2 is not None or a1 is None:
        return None
    if a1.inter != STATE or a1.start < 0 or not _OF.search(a1.text):
        return None
    match = _AND.match(doc.text, a1.end)
    if match is None:
        return None
    words = match.group("b").split()
    for n in range(len(words), 0, -1):  # "South Sudan clashed": the longest country
        iso = d.countries.get(normalise(" ".join(words[:n])))
        if iso is None:
            continue
        military = d.get(f"{iso}-MIL")
        if military is None or iso == a1.country:
            return None
        other = military.inferred(iso)
        other.text = " ".join(words[:n])
        other.start = match.start("b")
        other.end = other.start + len(other.text)
        other.resolved_by = "paired-state"
        return other
    return None

"""A battle that won ground is told by the ground it won (issue 16, h16ba).

ACLED codes a battle after which one side took a place ("Al Shabaab clashed with troops
at a base … Al Shabaab took control over the village", "rebels attacked and engaged the
garrison before proceeding to control the town") as the territory sub-type (Non-state
actor overtakes territory, Government regains territory), not as an Armed clash: the
change of hands is the event. ``territory_first`` moves such an event to the head of a
report whose first event is the battle, when the taking is told as done (not hypothetical,
denied, background or a total) and no word beside its trigger says a thing was taken
("heavy weapons seized", "38 vehicles captured": ``taken_things`` of data/finalize) and
it is not told as the time of another act or as an event coded apart ("since the army
retook the town", "(coded separately)").
"""

from __future__ import annotations

import re

from eventwire.datafiles import words
from eventwire.records import Document, Event

TERRITORY_SUB_TYPES = frozenset(
    {"Non-state actor overtakes territory", "Government regains territory"}
)
_UNREAL = frozenset({"hypothetical", "negated"})
TAKEN_THINGS: frozenset[str] = words("finalize", "taken_things")
ASIDE_BEFORE: frozenset[str] = words("finalize", "taking_aside_before")
ASIDE_AFTER: frozenset[str] = words("finalize", "taking_aside_after")
_WORD = re.compile(r"[A-Za-z]+")
_NEAR = 3  # words either side of the trigger


def _thing_taken(doc: Document, event: Event) -> bool:
    """A word of a thing within three words of the trigger, in the text around it."""
    start, end = event.trigger.start, event.trigger.end
    before = _WORD.findall(doc.text[max(0, start - 60) : start])[-_NEAR:]
    after = _WORD.findall(doc.text[end : end + 60])[:_NEAR]
    return any(w.lower() in TAKEN_THINGS for w in before + after)


def told_aside(doc: Document, event: Event) -> bool:
    """ "since the army retook the town", "took over the region (coded separately)"."""
    start, end = event.trigger.start, event.trigger.end
    before = _WORD.findall(doc.text[max(0, start - 40) : start])[-_NEAR:]
    rest = doc.text[end:].split(". ", 1)[0].lower()
    return any(w.lower() in ASIDE_BEFORE for w in before) or any(p in rest for p in ASIDE_AFTER)


def territory_first(doc: Document, events: list[Event]) -> list[Event]:
    """``events`` (ordered) with a taking of ground first where the first is its battle."""
    if not events or events[0].acled_sub_event_type != "Armed clash":
        return events
    for i, event in enumerate(events[1:], start=1):
        if (
            event.acled_sub_event_type in TERRITORY_SUB_TYPES
            and event.modality not in _UNREAL
            and not (event.background or event.aggregate)
            and not (_thing_taken(doc, event) or told_aside(doc, event))
        ):
            return [event, *events[:i], *events[i + 1 :]]
    return events

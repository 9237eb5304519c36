"""The people of an ethnic group as the target: civilians, not the group's militia.

"militia attacked members of the X ethnic group", "attacked a group of X people", "shot
the chief of the X ethnic group": the actor dictionary codes the group by its communal
militia (inter 4), so the attack read as one on an armed party. ACLED codes an attack on
the people of a community as an Attack on civilians; a battle needs the community's
fighters ("the X clan militia") or its fighting back (h16bh).
"""

from __future__ import annotations

import re

from eventwire.datafiles import words
from eventwire.records import Document, Event

_PEOPLE_OF: frozenset[str] = words("finalize", "people_of_group_words")
_ARMED_WORDS: frozenset[str] = words("finalize", "armed_role_words")
_PETTY: frozenset[str] = words("finalize", "petty_offender_words")
_RAIDERS: frozenset[str] = words("finalize", "raider_modifiers")
_PERSONAL = frozenset({"attack", "shoot", "kill", "harm", "beat"})
_ARMED_TARGET = "armed target"
_OBJECT_END = re.compile(r"[,.;]| (?:in|at|near|on|from)\b")


def _object_words(doc: Document | None, event: Event) -> str:
    """The words right after the trigger up to a comma, a full stop or a place preposition:
    the act's object when the actors stage kept no words of the target."""
    if doc is None or not 0 <= event.trigger.end <= len(doc.text):
        return ""
    return _OBJECT_END.split(doc.text[event.trigger.end : event.trigger.end + 120], 1)[0]


def people_of_group(event: Event, doc: Document | None = None) -> bool:
    """True when the event's target, coded as a communal militia, is named by words of the
    people of a group ("members of the X ethnic group") and no armed word."""
    a2 = event.actor2
    if a2 is None or a2.inter != 4:
        return False
    named = a2.text.strip() or _object_words(doc, event)
    text = " ".join(re.findall(r"[a-z]+", named.lower()))
    if set(text.split()) & _ARMED_WORDS:
        return False
    return any(re.search(rf"\b{re.escape(w)}\b", text) for w in _PEOPLE_OF)


def people_attacked(event: Event, frame: str, doc: Document | None = None) -> bool:
    """An act on people that the events stage made a battle only because its target was
    read as armed, when the target is the people of an ethnic group."""
    reason = (event.rule or "").rsplit("|", 1)[-1]
    return (
        frame in _PERSONAL
        and event.acled_sub_event_type == "Armed clash"
        and reason == _ARMED_TARGET
        and people_of_group(event, doc)
    )


def petty_offender(event: Event) -> bool:
    """ "police killed a suspected thief", "soldiers killed two suspected thieves": the
    dictionary codes the thief as an armed gang; ACLED codes the person killed as a civilian
    (not "cattle thieves" nor "armed thieves", raiding bands)."""
    if event.actor2 is None:
        return False
    named = set(re.findall(r"[a-z]+", event.actor2.text.lower()))
    return bool(named & _PETTY) and not named & (_RAIDERS | _ARMED_WORDS)

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
from eventwire.records import Event

_PEOPLE_OF: frozenset[str] = words("finalize", "people_of_group_words")
_ARMED_WORDS: frozenset[str] = words("finalize", "armed_role_words")
_PERSONAL = frozenset({"attack", "shoot", "kill", "harm", "beat"})
_ARMED_TARGET = "armed target"


def people_of_group(event: Event) -> bool:
    """True when the event's target, coded as a communal militia, is named by words of the
    people of a group ("members of the X ethnic group") and no armed word."""
    a2 = event.actor2
    if a2 is None or a2.inter != 4:
        return False
    text = " ".join(re.findall(r"[a-z]+", a2.text.lower()))
    if set(text.split()) & _ARMED_WORDS:
        return False
    return any(re.search(rf"\b{re.escape(w)}\b", text) for w in _PEOPLE_OF)


def people_attacked(event: Event, frame: str) -> bool:
    """An act on people that the events stage made a battle only because its target was
    read as armed, when the target is the people of an ethnic group."""
    reason = (event.rule or "").rsplit("|", 1)[-1]
    return (
        frame in _PERSONAL
        and event.acled_sub_event_type == "Armed clash"
        and reason == _ARMED_TARGET
        and people_of_group(event)
    )

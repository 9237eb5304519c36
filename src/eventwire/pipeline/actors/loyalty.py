"""Forces "loyal to" a leader are the leader's group, not the state.

"Forces loyal to Machar attacked and captured Nasir", "troops supporting Machar clashed with
the army": the event coder's mention is the bare head ("Forces"), which the dictionary codes
as the country's military (inter 1), while the words after it name whom the men follow. A
leader of ``leaders.jsonl`` is coded as the group he leads on the day (``compose``), so
``loyal_forces`` recodes, in place, an actor1 or actor2 coded by its head noun alone that
is followed by "loyal to / supporting / allied to / allied with / under <name>" when the
name codes as a non-state armed party (inter 2, 3, 4) or as a state's mutiny (a leader's
dated role: the mutiny of South Sudan's army in its first weeks). Names of no armed group
("forces loyal to the president" stays the state) leave the mention as it is.
"""

from __future__ import annotations

import re
from datetime import date

from eventwire.pipeline.actors.compose import code_mention
from eventwire.pipeline.actors.roles import NON_STATE_ARMED
from eventwire.pipeline.common.actordict import ActorDictionary
from eventwire.records import Actor, Document, Event

_LOYAL = re.compile(
    r"\s+(?:loyal\s+to|supporting|supportive\s+of|allied\s+(?:to|with)|under)\s+"
    r"((?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*)"
)
_BY_HEAD = frozenset({"head-noun", "context"})  # coded by its head noun alone ("Forces")
REACH = 60  # characters after the mention where the leader's name may end


def _leader_side(
    d: ActorDictionary, doc: Document, actor: Actor, country: str | None, ref_date: date | None
) -> Actor | None:
    """The coded group of the leader named right after the mention, or None."""
    if actor.start < 0 or actor.resolved_by not in _BY_HEAD:
        return None
    match = _LOYAL.match(doc.text[actor.end : actor.end + REACH])
    if match is None:
        return None
    coded = code_mention(d, match.group(1), country, ref_date, fuzzy=False)
    if not (coded.resolved_by or "").endswith("-role"):
        return None  # not a leader of a dated role: "forces loyal to President X" stays
    if coded.inter not in NON_STATE_ARMED and "mutiny" not in (coded.name or "").lower():
        return None
    coded.text, coded.start = doc.text[actor.start : actor.end + match.end(1)], actor.start
    coded.end = actor.end + match.end(1)
    coded.resolved_by = "loyal-to"
    return coded


def loyal_forces(
    d: ActorDictionary, doc: Document, event: Event, country: str | None, ref_date: date | None
) -> None:
    """Recode, in place, an actor1 or actor2 that is the bare head of "forces loyal to X"."""
    for slot in ("actor1", "actor2"):
        actor = getattr(event, slot)
        side = _leader_side(d, doc, actor, country, ref_date) if actor is not None else None
        if side is not None:
            setattr(event, slot, side)

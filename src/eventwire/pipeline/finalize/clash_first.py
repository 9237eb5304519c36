"""A fight in which a bomb or grenade went off is told as the fight (issue 16, h16bg).

ACLED codes an engagement between two armed sides as an Armed clash even when one side
also set off an explosive in it ("Al Shabaab clashed with the soldiers at a checkpoint after
the militants exploded an IED there", "the attack turned into a firefight; one army car hit a
landmine during the fight", "a soldier threw a hand grenade during the clash"): the
explosive is one of the arms of the battle, not a remote strike of its own. The coder reads
both events and ranks the explosion first (its trigger is the surer one). ``clash_first``
moves the Armed clash to the head of a report whose first event is a remote explosive or a
grenade, when the clash is told as having happened (not hypothetical, denied, background,
a total over a period, or an event coded apart: "following clashes … (coded separately)").
The dead of the blast are the battle's dead when the clash's own count gave none.
"""

from __future__ import annotations

from eventwire.pipeline.finalize.territory_first import told_aside
from eventwire.records import Document, Event

BLAST_SUB_TYPES = frozenset({"Remote explosive/landmine/IED", "Grenade"})
_UNREAL = frozenset({"hypothetical", "negated"})


def _dead(event: Event) -> int:
    return (event.fatalities.best or 0) if event.fatalities is not None else 0


def clash_first(doc: Document, events: list[Event]) -> list[Event]:
    """``events`` (ordered) with a told Armed clash first where the first is a blast."""
    if not events or events[0].acled_sub_event_type not in BLAST_SUB_TYPES:
        return events
    for i, event in enumerate(events[1:], start=1):
        if (
            event.acled_sub_event_type == "Armed clash"
            and event.modality not in _UNREAL
            and not (event.background or event.aggregate)
            and not told_aside(doc, event)
        ):
            if _dead(event) == 0 and _dead(events[0]) > 0:
                event.fatalities = events[0].fatalities
            return [event, *events[:i], *events[i + 1 :]]
    return events

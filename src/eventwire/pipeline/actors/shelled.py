"""Whom rebels' shelling hit when the report names no target.

ACLED codes mortar, artillery and rocket fire by a rebel group on a town or an area with
the state's military as actor2 when the report names no target and tells nobody hurt
("Al Shabaab fired mortars at Afgooye", "the rebels shelled Renk": acled_more tune, rebel
shelling: 43 of 61 rows code state forces, 10 civilians, who are the ones the report tells
hurt, and the targets.harmed_civilians rule gives them first).

>>> from eventwire.pipeline.common.actordict import load_actor_dictionary
>>> from eventwire.records import Actor, Event, Span
>>> e = Event("d", Span(0, 6, "trigger", "shelled"), 0, "ATTACK",
...           acled_event_type="Explosions/Remote violence",
...           acled_sub_event_type="Shelling/artillery/missile attack")
>>> e.actor1 = Actor(text="the rebels", inter=2, actor_id="GEN-REBELS")
>>> shelled_forces(load_actor_dictionary(), e, "SS").name
'Military Forces of South Sudan'
"""

from __future__ import annotations

from eventwire.pipeline.common.actordict import ActorDictionary
from eventwire.records import Actor, Event

SHELLING = "Shelling/artillery/missile attack"
REBELS = 2


def shelled_forces(d: ActorDictionary, event: Event, country: str | None) -> Actor | None:
    """The country's military, as actor2 of rebels' shelling with none; else None."""
    a1 = event.actor1
    if event.actor2 is not None or event.acled_sub_event_type != SHELLING or a1 is None:
        return None
    if a1.inter != REBELS or country is None or a1.country not in (None, country):
        return None
    military = d.get(f"{country}-MIL")
    return military.inferred(country) if military is not None else None

"""Who looted or destroyed property: ACLED always names a perpetrator.

Looting/property destruction is a strategic development, so the violence conventions of
``roles.py`` (no perpetrator: an unidentified armed group; a community: its militia) never
ran on it, and such notes kept no actor1 ("Egyptian consulate broken into and looted",
"hospital facilities … were burned and looted"), an uncoded one ("Unknown group burn
houses") or farmers as civilians ("farmers destroyed pastoral route markers", "farmer
youth attacked a Fulani camp … ransacked, vandalized, and burned houses"). ACLED gives
every such row an actor1 and never civilians (acled_more tune seed 13: 64 looting rows,
none without an actor1 or with inter 7; the farmers were a communal militia, inter 4).
``looting_perpetrator`` gives: for farmers, herders or a community named as the looters,
that community's militia; for no perpetrator (or words the dictionary does not code), the
community the note's words point to, else an Unidentified Armed Group. A named armed
actor, a state force or a crowd is left as it is.
"""

from __future__ import annotations

from dataclasses import replace

from eventwire.pipeline.actors.conventions import communal, communal_context
from eventwire.pipeline.actors.roles import as_generic, inferred
from eventwire.pipeline.common.actordict import ActorDictionary
from eventwire.records import Actor, Document, Event

LOOTING = "Looting/property destruction"


def looting_perpetrator(
    d: ActorDictionary, doc: Document, event: Event, country: str | None
) -> Actor | None:
    """The actor1 ACLED gives a looting with no perpetrator or civilians as perpetrator;
    None to leave actor1 as it is."""
    a1 = event.actor1
    if event.acled_sub_event_type != LOOTING:
        return None
    if a1 is not None and a1.inter == 7:
        if a1.actor_id == "GEN-FARMERS":  # "farmers destroyed …": a communal militia
            return replace(as_generic(d, a1, "GEN-COMMUNAL", country), resolved_by="communal")
        return a1 if communal(d, a1, country) else None  # "cattle herders burn …"
    if a1 is not None and a1.inter is not None:
        return None
    label = communal_context(d, doc, event)
    if label is not None:
        return replace(inferred(d, "GEN-COMMUNAL", country), name=label)
    return inferred(d, "GEN-UAG", country)

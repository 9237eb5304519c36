"""ACLED's conventions for the target (actor2) when the words do not code one.

ACLED defines some event types by their target, so the type itself says who actor2 is:

- Violence against civilians (attack, abduction, sexual violence) is violence against
  unarmed people: an uncoded or missing target ("her", "a residential area", "the house
  of the mayor", a body found) is Civilians of the event's country.
- Looting/property destruction hits civilians' property ("olive trees", "houses"): an
  uncoded or missing target is Civilians as well.
- Protest with intervention and Excessive force against protesters are defined by state
  forces acting on the crowd: without a coded target, actor2 is the country's police.

- A peaceful protest has no actor2 in ACLED: whom the protest is addressed to ("against
  the government") is not a party to an interaction, so such a mention is dropped
  (``peaceful_protest_target`` says so; the stage leaves a note with its words).

A target that was coded (an armed group, state forces, a named person) is never replaced;
a mention that was kept keeps its span, only its coding changes (``resolved_by`` =
"acled-target"); a target that had no words is inferred with an empty text.

>>> from eventwire.actordict import load_actor_dictionary
>>> from eventwire.records import Event, Span
>>> e = Event("d", Span(0, 4, "trigger", "shot"), 0, "ASSAULT",
...           acled_event_type="Violence against civilians", acled_sub_event_type="Attack")
>>> default_target(load_actor_dictionary(), e, "MX").name
'Civilians'
"""

from __future__ import annotations

from eventwire.actordict import ActorDictionary
from eventwire.records import Actor, Event

CIVILIAN_TARGET_TYPES = frozenset({"Violence against civilians"})
CIVILIAN_TARGET_SUBTYPES = frozenset({"Looting/property destruction"})
NO_TARGET_SUBTYPES = frozenset({"Peaceful protest"})
POLICE_TARGET_SUBTYPES = frozenset(
    {"Protest with intervention", "Excessive force against protesters"}
)


def _coded(actor: Actor | None) -> bool:
    return actor is not None and actor.inter is not None


def _generic(d: ActorDictionary, actor_id: str, country: str | None, like: Actor | None) -> Actor:
    entry = d.by_id[actor_id]
    base = like or Actor(text="")
    return Actor(
        text=base.text,
        start=base.start,
        end=base.end,
        name=entry.name,
        actor_id=entry.id,
        type=entry.type,
        inter=entry.inter,
        country=entry.country or country,
        affiliation=list(base.affiliation),
        resolved_by="acled-target" if like is not None else "inferred",
    )


def default_target(d: ActorDictionary, event: Event, country: str | None) -> Actor | None:
    """The actor2 ACLED's definition of the event's type implies, or None to leave it."""
    a2 = event.actor2
    if _coded(a2):
        return None
    if (
        event.acled_event_type in CIVILIAN_TARGET_TYPES
        or event.acled_sub_event_type in CIVILIAN_TARGET_SUBTYPES
    ) and "GEN-CIVILIANS" in d.by_id:
        return _generic(d, "GEN-CIVILIANS", country, a2)
    if event.acled_sub_event_type in POLICE_TARGET_SUBTYPES and a2 is None and country:
        police = d.get(f"{country}-POL")
        if police is not None:
            return _generic(d, police.id, country, None)
    return None


def addressee_only(event: Event) -> bool:
    """True when actor2 is only whom a peaceful protest is addressed to (ACLED: no actor2)."""
    return event.actor2 is not None and event.acled_sub_event_type in NO_TARGET_SUBTYPES

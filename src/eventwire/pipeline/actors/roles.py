"""ACLED's role conventions, applied after an event's mentions are coded (stage.py).

Protest events are led by Protesters (6), riots by Rioters (5), the named or social group
moves to ``assoc_actors`` and a named force acting on the crowd is actor2; violence without
a perpetrator is attributed to an Unidentified Armed Group (3), an agentless air strike to
the military of the country it hit, a monitor's report with no side to the state's
military; communities fight as militias; an arrest with no arrester is the state's police;
state forces acting outside their country are external (8).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from eventwire.config import ActorsOptions
from eventwire.pipeline.actors.conventions import (
    agentless_battle,
    communal,
    communal_context,
    communal_words,
    crowd_force,
    group_after,
    monitor_reports,
    suicide_attack,
    suspected_party,
    unknown_party,
    victim_first,
)
from eventwire.pipeline.actors.coref import anaphor_types
from eventwire.pipeline.actors.custody import custodian
from eventwire.pipeline.actors.elsewhere import sole_group
from eventwire.pipeline.actors.lateforce import late_force
from eventwire.pipeline.actors.things import collective
from eventwire.pipeline.common.actordict import ActorDictionary
from eventwire.pipeline.common.countries import as_of
from eventwire.records import Actor, Document, Event

__all__ = [
    "CROWDS",
    "STATE_TYPES",
    "VIOLENT",
    "Scan",
    "acled_roles",
    "as_generic",
    "event_category",
    "inferred",
]

NAME = ActorsOptions.STAGE  # the actors stage's name, for its notes
CROWDS = frozenset({"Protests", "Riots"})
VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
STATE_TYPES = frozenset({"military", "police"})
NON_STATE_ARMED = frozenset({2, 3, 4})  # inter codes: rebels, militias, communal militias

# the stage's sentence scan: an armed actor named elsewhere in the event's sentence
Scan = Callable[[Document, Event, str | None, date | None], Actor | None]


def event_category(event: Event) -> str | None:
    """ACLED event type of an event, with a PLOVER fallback for protests and assaults."""
    if event.acled_event_type:
        return event.acled_event_type
    return {"PROTEST": "Protests", "ASSAULT": "Violence against civilians"}.get(event.plover_type)


def inferred(d: ActorDictionary, generic_id: str, country: str | None) -> Actor:
    """The generic actor ``generic_id`` with no words of the report behind it."""
    return d.by_id[generic_id].inferred(country)


def as_generic(d: ActorDictionary, actor: Actor, generic_id: str, country: str | None) -> Actor:
    """The mention's words coded as the generic actor ``generic_id`` (ACLED's role)."""
    entry = d.by_id[generic_id]
    return replace(
        actor,
        name=entry.name,
        actor_id=entry.id,
        type=entry.type,
        inter=entry.inter,
        country=actor.country or country,
        affiliation=list(actor.affiliation),
        resolved_by="acled-role",
    )


def acled_roles(
    d: ActorDictionary,
    doc: Document,
    event: Event,
    country: str | None,
    scan: Scan,
    infer_unidentified: bool = True,
    seen: Sequence[Actor] = (),
) -> None:
    """Apply ACLED's actor conventions to one coded event, in place (``seen``: the actors
    coded before it in its paragraph)."""
    category = event_category(event)
    a1 = event.actor1
    if category in CROWDS:
        generic_id = "GEN-PROTESTERS" if category == "Protests" else "GEN-RIOTERS"
        if a1 is not None and a1.type in STATE_TYPES and event.actor2 is None:
            event.actor2, a1 = a1, None  # "police dispersed protesters": police are actor2
        if a1 is None:
            event.actor1 = inferred(d, generic_id, country)
        elif a1.actor_id != generic_id:
            event.actor1 = as_generic(d, a1, generic_id, country)
            if a1.inter is not None and a1.actor_id not in ("GEN-CIVILIANS", "GEN-PROTESTERS"):
                event.assoc_actors.append(a1)
        if event.actor2 is None or event.actor2.inter is None:  # "… Police fired tear gas."
            force = crowd_force(d, doc, event, country, doc.published) or late_force(
                d, doc, event, country, doc.published
            )
            event.actor2 = force or event.actor2
    elif category in VIOLENT:
        _violent_roles(d, doc, event, country, scan, infer_unidentified, seen)
    elif event.acled_sub_event_type == "Arrests" and a1 is None and country:
        # "184 were arrested in Mora": an arrest with no arrester named is the state's
        police = d.get(f"{country}-POL")
        if police is not None:
            event.actor1 = inferred(d, police.id, country)
    elif event.acled_sub_event_type == "Disrupted weapons use" and a1 is None:
        # "Bomb found near X": a device no one is said to have laid or found is an
        # unidentified armed group's, as the explosion it was read as before (h16bj)
        event.actor1 = inferred(d, "GEN-UAG", country)
    for actor in (event.actor1, event.actor2):
        if (
            actor is not None
            and actor.inter == 1
            and actor.type in STATE_TYPES
            and country
            and actor.country
            and as_of(actor.country, doc.published) != country
        ):
            actor.inter = 8  # state forces acting outside their own country (as it was then)


def _violent_roles(
    d: ActorDictionary,
    doc: Document,
    event: Event,
    country: str | None,
    scan: Scan,
    infer_unidentified: bool,
    seen: Sequence[Actor],
) -> None:
    """ACLED's perpetrator conventions for violence: a monitor reports, aircraft and
    monitored fire are the state's, communities fight as militias, an unknown named
    actor is a militia, residents attacking are rioters, no perpetrator is an
    unidentified armed group."""
    category, a1 = event_category(event), event.actor1
    monitored = a1 is not None and a1.type == "monitor"
    if a1 is not None and monitored:
        # "the OSCE SMM observed explosions": the monitor reports, it is not a party
        doc.note(NAME, "EW-ACT-012", f"{a1.text!r} is a monitor, not actor1")
        a1 = event.actor1 = scan(doc, event, country, doc.published)
    if a1 is None or a1.actor_id == "GEN-UAG":  # "(JNIM suspected)", "likely Al Shabaab"
        after = group_after(d, doc, a1, doc.published) if a1 is not None else None
        a1 = event.actor1 = after or suspected_party(d, doc, event, doc.published) or a1
    air = event.acled_sub_event_type == "Air/drone strike"
    if a1 is None and not air and not monitored and not monitor_reports(d, doc, event):
        # "Al Shabaab is believed to be responsible": the one group the paragraph names
        # (a monitor's report and an air strike keep their documented defaults below)
        a1 = event.actor1 = sole_group(d, doc, event, doc.published, seen)
    if a1 is None and (held := custodian(d, doc, event, country)) is not None:
        a1 = event.actor1 = held  # "tortured in police custody": the state held them
        doc.note(NAME, "EW-ACT-024", f"harm in custody: {held.name}")
    if (a1 is None or a1.actor_id == "GEN-UAG") and suicide_attack(doc, event):
        rebels = inferred(d, "GEN-REBELS", country)  # a suicide attack: a rebel group's
        a1 = event.actor1 = as_generic(d, a1, "GEN-REBELS", country) if a1 else rebels
    air_force = d.get(f"{country}-MIL") if country else None
    if a1 is None and air:
        # agentless air strikes: aircraft are the state's unless a report says whose
        # (a state's military with no country found: "Air raids on X, 2 killed")
        event.actor1 = inferred(d, air_force.id if air_force else "GEN-MILITARY", country)
    elif a1 is None and air_force and (monitored or monitor_reports(d, doc, event)):
        # a monitoring mission recording fire with no side named: the documented
        # default is the military of the country (ACLED 2020 dev: 26 of 45 such notes
        # name the state's forces first, none an unidentified group)
        event.actor1 = inferred(d, air_force.id, country)
        doc.note(NAME, "EW-ACT-015", "monitor report without a side: the state military")
    elif a1 is None and (label := communal_context(d, doc, event)) is not None:
        event.actor1 = replace(inferred(d, "GEN-COMMUNAL", country), name=label)
        doc.note(NAME, "EW-ACT-018", f"no perpetrator named among communities: {label}")
    elif a1 is None and air_force and event.actor2 is None and agentless_battle(d, doc, event):
        # a battle with no side named ("Fighting in Malakal."): the documented default is
        # the state's military, as for agentless air strikes
        event.actor1 = inferred(d, air_force.id, country)
        doc.note(NAME, "EW-ACT-019", "a battle with no side named: the state military")
    elif a1 is None and infer_unidentified:
        event.actor1 = inferred(d, "GEN-UAG", country)
        doc.note(
            NAME,
            "EW-ACT-010",
            f"no perpetrator for {event.trigger.text!r}: coded as Unidentified Armed Group",
        )
    elif a1 is not None:
        _named_perpetrator(d, doc, event, a1, country, scan)
    a2 = event.actor2  # "clashes between the Habaniya and the Rizeigat": both militias
    if category == "Battles" and a2 is not None and communal(d, a2, country, target=True):
        doc.note(NAME, "EW-ACT-017", f"{a2.text!r}: a community's militia (actor2)")


def _named_perpetrator(
    d: ActorDictionary, doc: Document, event: Event, a1: Actor, country: str | None, scan: Scan
) -> None:
    """A perpetrator the words name: a community is its militia, civilians before a harm
    word are the victims, an unknown name is a militia, residents attacking are rioters, a
    government fighting is its military."""
    if communal(d, a1, country):
        doc.note(NAME, "EW-ACT-017", f"{a1.text!r}: a community's militia")
    elif a1.actor_id == "GEN-UAG" and a1.resolved_by != "inferred" and communal_words(doc, event):
        # "gunmen … over a chieftaincy dispute", "bandits … during cattle raids": the
        # unnamed armed men of a communal conflict are a communal militia (ACLED inter 4)
        event.actor1 = replace(as_generic(d, a1, "GEN-COMMUNAL", country), resolved_by="communal")
        doc.note(NAME, "EW-ACT-017", f"{a1.text!r}: unnamed armed men of a communal conflict")
    elif a1.inter == 7 and event.actor2 is None and victim_first(doc, event):
        # "Four girls were raped", "Women raped by gunmen": the civilians were hit
        event.actor2, event.actor1 = a1, None
        event.actor1 = scan(doc, event, country, doc.published) or inferred(d, "GEN-UAG", country)
    elif a1.inter == 7 or a1.inter is None:
        named = a1.text[:1].isupper() and anaphor_types(a1.text) is None
        if a1.inter is None and a1.resolved_by == "unknown" and named:
            a1.inter = 3  # a named armed actor we do not know: a political militia
        elif a1.inter == 7 and collective(a1.text) and not unknown_party(doc, a1):
            # residents, villagers, workers attacking: mob violence (ACLED: rioters), unless
            # the sentence names an armed doer ("people died when armed men stormed a bar",
            # "a suicide bomber blew himself up as employees queued"); a state force there
            # acts on the crowd ("police fired on youths that attacked chiefs")
            armed = scan(doc, event, country, doc.published)
            armed = armed if armed is not None and armed.inter != 1 else None
            event.actor1 = armed or as_generic(d, a1, "GEN-RIOTERS", country)
        else:
            event.actor1 = as_generic(d, a1, "GEN-UAG", country)
    elif a1.actor_id and a1.actor_id.endswith("-GOV"):
        military = d.get(a1.actor_id[:-4] + "-MIL")
        if military is not None and event_category(event) != "Violence against civilians":
            a1.name, a1.actor_id, a1.type = military.name, military.id, military.type

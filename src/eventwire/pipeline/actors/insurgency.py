"""An unidentified armed party that fights state forces in an insurgency's home areas.

"Two policemen were killed by assailants in Bamenda's outskirts", "clashes between gunmen
and police" on the Kumba road, "assailants presented as separatists": from September 2017
ACLED codes the unnamed side of a battle with Cameroon's forces in the North-West and
South-West regions as the Ambazonian separatists (inter 2), not an unidentified armed
group (acled_more tune seed 13: 3 of 3 such battles; attacks on civilians there by unknown
men stay unidentified, 3). ``insurgent_front`` reads ``insurgent_fronts`` ("COUNTRY FIRST
LAST" -> group id, in ``data/actors/words.yaml``) and the group's ``areas`` (first-level
areas of ``groups.jsonl``): a battle in that country and period, placed in one of those
areas, with a state force on one side and an Unidentified Armed Group on the other,
gets the group for the latter.

>>> in_areas("North-West Province", ["North-West", "South-West"])
True
>>> in_areas("Littoral Province", ["North-West", "South-West"])
False
"""

from __future__ import annotations

from datetime import date

from eventwire.datafiles import word_table
from eventwire.pipeline.actors.roles import STATE_TYPES, as_generic
from eventwire.pipeline.common.actordict import ActorDictionary
from eventwire.records import Event

UNIDENTIFIED = "GEN-UAG"


def _fronts() -> tuple[tuple[str, date, date, str], ...]:
    rows = []
    for key, ids in word_table("actors", "insurgent_fronts").items():
        country, first, last = key.split()
        rows.append((country, date.fromisoformat(first), date.fromisoformat(last), ids[0]))
    return tuple(rows)


FRONTS = _fronts()


def in_areas(admin1: str, areas: list[str]) -> bool:
    """True when a first-level area name ("North-West Province") is one of ``areas``."""
    name = admin1.lower()
    return any(name == a.lower() or name.startswith(a.lower() + " ") for a in areas)


def insurgent_front(
    d: ActorDictionary, event: Event, country: str | None, day: date | None
) -> None:
    """Code a battle's unidentified side as the insurgents of its front, in place."""
    loc = event.location
    if event.acled_event_type != "Battles" or day is None or loc is None or not loc.admin1:
        return
    sides = (event.actor1, event.actor2)
    if not any(a is not None and a.inter == 1 and a.type in STATE_TYPES for a in sides):
        return
    for home, first, last, actor_id in FRONTS:
        entry = d.get(actor_id)
        if entry is None or home != country or not first <= day <= last:
            continue
        if not in_areas(loc.admin1, entry.areas):
            continue
        if event.actor1 is not None and event.actor1.actor_id == UNIDENTIFIED:
            event.actor1 = as_generic(d, event.actor1, actor_id, country)
        if event.actor2 is not None and event.actor2.actor_id == UNIDENTIFIED:
            event.actor2 = as_generic(d, event.actor2, actor_id, country)
        return

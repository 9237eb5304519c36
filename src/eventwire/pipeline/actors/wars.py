"""The other side of a civil war's battle that names only the state's forces.

"Fighting continued in Malakal", "Government soldiers launched an offensive to take Bor",
"SPLA reported that it recaptured Rabkona": in South Sudan's civil war ACLED codes every
battle with two sides, and when the note names none but the state's forces the other side
is the war's armed opposition of the day: the "Mutiny of Military Forces of South Sudan"
(inter 1) from the December 2013 split until ACLED named the SPLM/A-In Opposition (inter
2) in February 2014 (acled_more tune seed 13: 10 such battles, 8 gold Mutiny, 2 gold
SPLM-IO; the actors stage left them with no actor2). ``war_opponent`` gives that side
from ``war_opponents`` (country, first and last day -> actor id) to a battle in that
country and period whose actor1 is the state's own forces and which has no actor2. A
battle whose note names its other side keeps it.
"""

from __future__ import annotations

from datetime import date

from eventwire.datafiles import word_table
from eventwire.pipeline.actors.roles import STATE_TYPES, inferred
from eventwire.pipeline.common.actordict import ActorDictionary
from eventwire.records import Actor, Event


def _periods() -> tuple[tuple[str, date, date, str], ...]:
    rows = []
    for key, ids in word_table("actors", "war_opponents").items():
        country, first, last = key.split()
        rows.append((country, date.fromisoformat(first), date.fromisoformat(last), ids[0]))
    return tuple(rows)


PERIODS = _periods()


def war_opponent(
    d: ActorDictionary, event: Event, country: str | None, day: date | None
) -> Actor | None:
    """The war's opposition as actor2 of a battle only the state's forces fought; else None."""
    a1 = event.actor1
    if event.acled_event_type != "Battles" or event.actor2 is not None or day is None:
        return None
    if a1 is None or a1.inter != 1 or a1.type not in STATE_TYPES or a1.country != country:
        return None
    for home, first, last, actor_id in PERIODS:
        if home == country and first <= day <= last and actor_id in d.by_id:
            return inferred(d, actor_id, country)
    return None

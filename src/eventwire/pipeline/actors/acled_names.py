"""ACLED-style actor names for the ACLED-CSV export.

ACLED names state actors after the country and the government period ("Military Forces
of Iraq (2014-2018)", "Police Forces of Haiti (2017-)"), generic actors after the country
("Protesters (Iraq)", "Civilians (Iraq)", "Unidentified Armed Group (Syria)"), and named
groups by acronym and name ("PKK: Kurdistan Workers Party").

>>> from eventwire.records import Actor
>>> acled_actor_label(Actor("protesters", name="Protesters", actor_id="GEN-PROTESTERS",
...                         inter=6, country="IQ"), None)
'Protesters (Iraq)'
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from eventwire.pipeline.common.actordict import ActorDictionary, ActorEntry, load_actor_dictionary
from eventwire.records import Actor

_STATE_ID = re.compile(r"^[A-Z]{2}-(GOV|MIL|POL)$")


@cache
def default_dictionary() -> ActorDictionary:
    """The packaged actor dictionary (loaded once per process)."""
    return load_actor_dictionary()


def _country_name(d: ActorDictionary, code: str | None) -> str | None:
    return d.country_names.get(code) if code else None


def _with_country(d: ActorDictionary, name: str, country: str | None) -> str:
    country_name = _country_name(d, country)
    return f"{name} ({country_name})" if country_name else name


def _entry_label(
    d: ActorDictionary,
    entry: ActorEntry,
    actor: Actor,
    day: date | None,
    country: str | None,
    closed: bool = False,
) -> str:
    where = actor.country or entry.country or country
    period = entry.period or d.period(entry.country or where, day, closed)
    if entry.label:
        label = entry.label.replace("{period}", period or "").replace(" ()", "")
        return label.replace("{country}", _country_name(d, where) or "").replace(" ()", "")
    if _STATE_ID.match(entry.id):
        return f"{entry.name} ({period})" if period else entry.name
    if entry.label_country:
        return _with_country(d, entry.name, where)
    if entry.acronym:
        return f"{entry.acronym}: {entry.name}"
    return entry.name


def acled_actor_label(
    actor: Actor | None,
    event_date: date | None,
    *,
    event_country: str | None = None,
    dictionary: ActorDictionary | None = None,
    closed_periods: bool = False,
) -> str | None:
    """Return the ACLED-style name of a coded actor (``None`` for no actor).

    State actors carry the government period as it was on ``event_date`` ("(2014-)");
    ``closed_periods=True`` names periods that have ended since with their end year.

    ``event_country`` (ISO2) names the country of actors that have none of their own
    (generic actors, the Islamic State). Civilians of any kind are "Civilians (X)"; use
    ``acled_assoc_label`` for the associated group (Journalists, Labour Group, …).
    """
    if actor is None:
        return None
    d = dictionary or default_dictionary()
    entry = d.get(actor.actor_id)
    country = actor.country or event_country
    if entry is None:
        text = (actor.name or actor.text).strip()
        return text or None
    if entry.generic:
        if actor.inter == 7:
            return _with_country(d, "Civilians", country)
        if entry.label:
            return _entry_label(d, entry, actor, event_date, country, closed_periods)
        return _with_country(d, actor.name or entry.name, country)
    return _entry_label(d, entry, actor, event_date, country, closed_periods)


def acled_assoc_label(
    actor: Actor | None,
    event_date: date | None,
    *,
    event_country: str | None = None,
    dictionary: ActorDictionary | None = None,
) -> str | None:
    """The ACLED associated-actor name: social groups keep their own name ("Students (Iraq)")."""
    if actor is None:
        return None
    d = dictionary or default_dictionary()
    entry = d.get(actor.actor_id)
    if entry is not None and entry.generic and actor.inter == 7:
        name = entry.name if entry.id != "GEN-CIVILIANS" else "Civilians"
        return _with_country(d, name, actor.country or event_country)
    return acled_actor_label(actor, event_date, event_country=event_country, dictionary=d)


def normalise_label(label: str | None) -> str:
    """Lower case, letters and digits only: how labels are compared with ACLED's."""
    return re.sub(r"[^a-z0-9]+", "", (label or "").lower())

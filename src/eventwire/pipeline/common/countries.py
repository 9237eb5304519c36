"""Countries as they were on a report's date (``former_countries`` in
``data/places/words.yaml``): a town of today's South Sudan named in a report of 2010 lay in
Sudan then, and an army of today's South Sudan was then a force of Sudan's own territory.
Shared by the places stage (a place's country) and the actors stage (a state force's home)."""

from __future__ import annotations

from datetime import date
from functools import cache

from eventwire.datafiles import word_table


@cache
def _former() -> dict[str, tuple[str, date]]:
    """``former_countries``: a country -> (the country it was part of, its first own day)."""
    out = {}
    for cc, (was, until) in word_table("places", "former_countries").items():
        out[cc] = (was, date.fromisoformat(until))
    return out


def as_of(country: str | None, when: date | None) -> str | None:
    """The country a place of ``country`` (ISO2) lay in on ``when`` (today's without a
    date): "SS" before 9 July 2011 is "SD"."""
    if country is None or when is None:
        return country
    former = _former().get(country)
    if former is not None and when < former[1]:
        return former[0]
    return country

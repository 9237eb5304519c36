"""Large cities of the gazetteer, for the rule that a district and its city are one place.

A report placed at a district ("Sadr City", "the Dora area") and one placed at the city it
lies in ("Baghdad") may tell one incident. Whether a town is large enough to have districts
and how far they reach comes from the gazetteer: a town of at least
``city_min_population`` people (precision 1, a gazetteer id) is a disc of
``population / city_density_km2`` km² around its point, so Baghdad (7.2M) reaches 21 km,
Kirkuk (1M) 8 km, and a town of 65,000 none at all (no village near it is a district).
The store path fills :attr:`ReportEvent.city_km`; :mod:`eventwire.dedup.rules` stays pure.

>>> round(city_radius_km(7_216_000, DedupOptions()), 1)
21.4
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable

from eventwire.config import DedupOptions
from eventwire.dedup.report import ReportEvent, same_admin1
from eventwire.errors import DataFileError
from eventwire.pipeline.common.geo import haversine_km


def city_radius_km(population: int, opts: DedupOptions) -> float:
    """The radius of a disc holding ``population`` people at ``city_density_km2``."""
    return math.sqrt(population / (math.pi * opts.city_density_km2))


@functools.cache
def _populations(min_population: int) -> dict[int, int]:
    """Gazetteer id → population of the towns this large ({} when no index is built)."""
    from eventwire.pipeline.places.gazetteer.index import built_gazetteer
    from eventwire.pipeline.places.gazetteer.table import FEAT_PLACE

    try:
        gaz = built_gazetteer()
    except DataFileError:
        return {}
    rows = (gaz.pop >= min_population) & (gaz.gid > 0) & (gaz.feat == FEAT_PLACE)
    return dict(zip(gaz.gid[rows].tolist(), gaz.pop[rows].tolist(), strict=True))


def fill_city_radii(events: Iterable[ReportEvent], opts: DedupOptions) -> None:
    """Set ``city_km`` on the events placed at a large city (precision 1, gazetteer id)."""
    towns = [e for e in events if e.geonameid and e.geo_precision == 1 and e.has_point]
    if not towns:
        return
    populations = _populations(opts.city_min_population)
    for e in towns:
        population = populations.get(e.geonameid or 0)
        if population:
            e.city_km = round(city_radius_km(population, opts), 2)


def within_city(a: ReportEvent, b: ReportEvent) -> str | None:
    """Why one place lies inside the large city the other report names ("Dora" 12 km from
    Baghdad's centre, inside its 21 km radius; see :mod:`eventwire.dedup.cities`), or None.
    A district is a town or a "near" place (precision 1 or 2) of the city's country and
    province (when both are known) that is no larger city itself."""
    if a.city_km is None and b.city_km is None:
        return None
    if not (a.has_point and b.has_point) or (a.country and b.country and a.country != b.country):
        return None
    for city, part in ((a, b), (b, a)):
        if city.city_km is None or part.geo_precision not in (1, 2) or city.same_place(part):
            continue
        if part.city_km is not None and part.city_km >= city.city_km:
            continue  # two cities
        if part.admin1 and city.admin1 and not same_admin1(part, city):
            continue
        assert city.lat is not None and city.lon is not None
        assert part.lat is not None and part.lon is not None
        dist = haversine_km(city.lat, city.lon, part.lat, part.lon)
        if dist <= city.city_km:
            return (
                f"{part.location_name} lies within {city.location_name} ({dist:.0f} km from "
                f"its centre, a city {city.city_km:.0f} km across its radius)"
            )
    return None


def untold(a: ReportEvent, b: ReportEvent, evidence: bool) -> bool:
    """Whether a district and its city contradict nothing although no toll agrees: asked
    without place evidence (a report joining a cluster through another member it links to,
    see :mod:`eventwire.dedup.linkage`) when one of the two reports gives no toll ("Taliban
    authorities revised the death toll from Monday's bombing in Dasht-e-Barchi", its count
    not read, and "a bomb … in Kabul … killing 11 passengers"). Two counts still decide."""
    return not evidence and None in (a.fatalities, b.fatalities)

"""A border village read across the line: the twin of a village the files only hold in the
neighbouring country.

"Al Shabaab killed a tax collector in Dif village (Afmadow, Lower Juba)": the files hold
Dif only in Kenya's Wajir, a few kilometres over the border from the Somali Dif the note
means, so the reading is dropped as lying outside the district the note names
(``check_hierarchy``) and the event falls back to Afmadow, 120 km away. Towns on a border
often share one name on both sides (Dif, El Wak, Mandera / Beled Hawo's twin), and a
village file of one country holds the other side's hamlet as its own.

``keep_twins`` runs once the report's country is settled: a mention whose only reading is
a populated place of that **main** name in another country, dropped, and that the text
places under an accepted area or town of the report's own country (a parent chain, "Dif
village (Afmadow, Lower Juba)"), is kept when its reading lies within ``TWIN_KM`` of a
populated place of the report's country (the reading is on the border). Its place keeps
the reading's point and takes the report's country and its parent's province:
``as_home`` rewrites the ``Place``. An alternate name or a loose spelling is no such
reading, and a village abroad far from the line stays dropped.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache

import numpy as np

from eventwire.pipeline.common.geo import haversine_km
from eventwire.pipeline.places.gazetteer.checks import Resolution
from eventwire.pipeline.places.gazetteer.index import Gazetteer
from eventwire.pipeline.places.gazetteer.mentions import Mention
from eventwire.pipeline.places.gazetteer.table import FEAT_ADMIN1, FEAT_PLACE
from eventwire.records import Place

TWIN_KM = 25.0  # a populated place of the report's country this near: the reading is on the line
_DEG = TWIN_KM / 111.0 + 0.01


def keep_twins(
    gaz: Gazetteer, resolutions: list[Resolution | None], focus: str | None
) -> dict[int, Resolution]:
    """Accept the dropped border twins of the report (see the module); return them by the
    id of their resolution, each with the parent reading that placed it."""
    if focus is None:
        return {}
    by_mention = {id(r.mention): r for r in resolutions if r is not None}
    out: dict[int, Resolution] = {}
    for res in resolutions:
        if res is None or res.accepted or res.flag != 2:
            continue
        if gaz.country_code(res.row) == focus or int(gaz.feat[res.row]) != FEAT_PLACE:
            continue
        parent = _home_parent(gaz, res.mention, by_mention, focus)
        if parent is None or not near_country(gaz, res.row, focus, _area(gaz, parent.row)):
            continue
        res.accepted = True
        out[id(res)] = parent
    return out


def as_home(gaz: Gazetteer, place: Place, parent: Resolution) -> Place:
    """The twin's place in the report's country: its point, its parent's province."""
    return dataclasses.replace(
        place, country=gaz.country_code(parent.row), admin1=gaz.admin1_name(parent.row)
    )


def _home_parent(
    gaz: Gazetteer, m: Mention, by_mention: dict[int, Resolution], focus: str
) -> Resolution | None:
    """The first accepted reading up the mention's parent chain, when it lies in the
    report's country (None: no parent, or the chain's first reading lies elsewhere)."""
    up, seen = m.parent, 0
    while up is not None and seen < 3:
        res = by_mention.get(id(up))
        if res is not None and res.accepted:
            return res if gaz.country_code(res.row) == focus else None
        up, seen = up.parent, seen + 1
    return None


def _area(gaz: Gazetteer, row: int) -> int:
    """The province row of a reading (itself for a province; -1: none known)."""
    return row if int(gaz.feat[row]) == FEAT_ADMIN1 else int(gaz.adm1[row])


def near_country(gaz: Gazetteer, row: int, country: str, area: int) -> bool:
    """Does a populated place of ``country`` in province row ``area`` lie within
    ``TWIN_KM`` of ``row``? ("Rajganj (Jalpaiguri district, West Bengal)": Nepal's
    Rajganj lies near India, but near Bihar's villages, not West Bengal's.)"""
    if area < 0:
        return False
    lat, lon = float(gaz.lat[row]), float(gaz.lon[row])
    rows, lats, lons = _country_points(gaz, country)
    box = np.nonzero((np.abs(lats - lat) < _DEG) & (np.abs(lons - lon) < 2 * _DEG))[0]
    return any(
        haversine_km(lat, lon, float(lats[i]), float(lons[i])) <= TWIN_KM
        for i in box.tolist()
        if int(rows[i]) != row and int(gaz.adm1[int(rows[i])]) == area
    )


@lru_cache(maxsize=8)
def _country_points(gaz: Gazetteer, country: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The rows of a country's populated places and their points (cached per country)."""
    code = gaz.countries.index(country) if country in gaz.countries else -1
    rows = np.nonzero((np.asarray(gaz.cc) == code) & (np.asarray(gaz.feat) == FEAT_PLACE))[0]
    return rows, np.asarray(gaz.lat)[rows], np.asarray(gaz.lon)[rows]

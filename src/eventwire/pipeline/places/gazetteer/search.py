"""Place names that start with what a user typed: the dashboard's place search box.

The gazetteer's name index answers whole names only (hashes of folded keys); a search box
needs the places whose name *starts* with the typed text. :func:`prefix_index` sorts the
folded display names of every row once per gazetteer (about a second for 270k rows, then
cached); :func:`search` finds the rows by bisection and adds the whole-name matches of
:meth:`Gazetteer.lookup` (alternate names, "Mogadiscio"). Countries and provinces come
before towns, larger places before smaller ones.
"""

from __future__ import annotations

import bisect
import functools
from typing import Any

from eventwire.pipeline.places.gazetteer.index import Gazetteer
from eventwire.pipeline.places.gazetteer.normalize import fold
from eventwire.records import Place

SCAN = 2000  # prefix matches ranked at most (a one-letter prefix matches thousands)
RANK = {"country": 0, "admin1": 1, "admin2": 2}  # others (places) rank 3


@functools.lru_cache(maxsize=2)
def prefix_index(gaz: Gazetteer) -> tuple[list[str], list[int]]:
    """The folded names of every row, sorted, and the row of each."""
    keys = [fold(gaz.name(i)) for i in range(len(gaz))]
    rows = sorted(range(len(keys)), key=keys.__getitem__)
    return [keys[i] for i in rows], rows


def _rank(gaz: Gazetteer, row: int, exact: bool) -> tuple[int, int, int, int]:
    """Sort key: whole-name matches, then countries, provinces, districts, towns by size."""
    return (0 if exact else 1, RANK.get(gaz.feature(row), 3), -int(gaz.pop[row]), row)


def search(
    gaz: Gazetteer, text: str, country: str | None = None, limit: int = 10
) -> list[dict[str, Any]]:
    """Places whose name starts with ``text`` (or is it), best first, as plain dicts."""
    key = fold(text)
    if not key:
        return []
    keys, rows = prefix_index(gaz)
    start = bisect.bisect_left(keys, key)
    end = bisect.bisect_right(keys, key + "\uffff", lo=start)
    code = country.upper() if country else None
    found: dict[int, bool] = {}
    for i in range(start, end):
        if code is None or gaz.country_code(rows[i]) == code:
            found[rows[i]] = keys[i] == key
            if len(found) >= SCAN:
                break
    for candidate in gaz.lookup(text, loose=False):
        if code is None or gaz.country_code(candidate.index) == code:
            found[candidate.index] = True
    ranked = sorted(found, key=lambda r: _rank(gaz, r, found[r]))
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str | None, str]] = set()
    for row in ranked:
        place = gaz.place(row)
        label = (place.name or "", place.admin1, place.country or "")
        if label in seen:  # the same town twice (GeoNames and a dense layer)
            continue
        seen.add(label)
        out.append({**summary(place), "population": int(gaz.pop[row])})
        if len(out) >= limit:
            break
    return out


def summary(place: Place) -> dict[str, Any]:
    """What a place suggestion shows: name, admin1, country, coordinates, precision, feature
    (the dashboard's place search and the review form's place lookup)."""
    return {
        "geonameid": place.geonameid,
        "name": place.name,
        "admin1": place.admin1,
        "country": place.country,
        "lat": place.lat,
        "lon": place.lon,
        "precision": place.precision,
        "feature": place.feature,
    }

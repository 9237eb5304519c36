"""Merge the curated supplement (``data/gazetteer/supplement.csv``) into the index.

GeoNames' population files miss most towns of Iraq, Syria and other thinly covered
conflict regions (GeoNames records them with population 0). The supplement lists such
places, written for eventwire; ``read_supplement`` (sources.py) schema-checks it and
``add_supplement`` adds its rows as populated places while the index is built.
"""

from __future__ import annotations

from eventwire.pipeline.common.geo import haversine_km
from eventwire.pipeline.places.gazetteer.normalize import fold, skeleton
from eventwire.pipeline.places.gazetteer.sources import read_supplement
from eventwire.pipeline.places.gazetteer.table import FEAT_ADMIN1, FEAT_PLACE, BuildTable

DUPLICATE_KM = 5.0


def add_supplement(table: BuildTable, cc_index: dict[str, int], kind: int) -> tuple[int, int, int]:
    """Add the curated places of supplement.csv as populated places.

    A row is a duplicate when a place of the same country within 5 km already carries
    one of its names (exact or loose key): its spellings are then attached to that place
    and its population raised to the estimate. Returns (new, duplicate, admin1 unknown).
    """
    new = dup = no_admin = 0
    admin_rows: dict[tuple[int, str], int] = {}
    for place in read_supplement():
        cc = cc_index.get(place.country)
        if cc is None:
            continue
        names = [place.name, *place.alt_names]
        same = {
            i
            for name in names
            for index, key in ((table.exact, fold(name)), (table.loose, skeleton(name)))
            for i in index.get(key, {})
            if table.cols["cc"][i] == cc
            and table.cols["feat"][i] == FEAT_PLACE
            and haversine_km(table.cols["lat"][i], table.cols["lon"][i], place.lat, place.lon)
            < DUPLICATE_KM
        }
        if same:
            dup += 1
            for i in same:
                table.index_names(i, [], names)
                table.cols["pop"][i] = max(int(table.cols["pop"][i]), place.population)
            continue
        akey = (cc, fold(place.admin1))
        if akey not in admin_rows:
            admin_rows[akey] = next(
                (
                    i
                    for i in table.exact.get(akey[1], {})
                    if table.cols["cc"][i] == cc and table.cols["feat"][i] == FEAT_ADMIN1
                ),
                -1,
            )
        adm = admin_rows[akey]
        no_admin += adm < 0
        idx = table.add(
            place.name,
            gid=0,
            lat=place.lat,
            lon=place.lon,
            pop=place.population,
            cc=cc,
            adm1=adm,
            feat=FEAT_PLACE,
            kind=kind,
        )
        table.index_names(idx, [place.name], place.alt_names)
        new += 1
    return new, dup, no_admin

"""A layer village read by a loose spelling far from the town the text puts it at.

With a country's own GeoNames file imported, nearly every name is some hamlet's loose
spelling. "Kikaikom, Kumbo" finds no Kikaikom, but Kekekumu, a hamlet of the same province
95 km from Kumbo whose spelling skeleton is the same; "Bwitingi village, Buea" a Bitengé
69 km from Buea. ``checks.compatible`` lets a place lie up to 150 km from a town of its own
province (the default index's readings of towns are often a homonym's), but a village that
only shares a spelling skeleton with the text's name, that far from the town the text names
beside it, is a namesake: the village the text means is one the files lack, and the town
places the event. Read by its own main name or an alternate one (GeoNames' own names of
it), the village stays, and so does one told at a town that names its province
("al-Shamsani in al-Hasakeh": the governorate, whose villages lie 70 km from its city).
"""

from __future__ import annotations

from eventwire.pipeline.places.gazetteer.index import Gazetteer
from eventwire.pipeline.places.gazetteer.normalize import skeleton
from eventwire.pipeline.places.gazetteer.table import FEAT_PLACE

NEAR_TOWN_KM = 60.0  # a place this near the town the text names beside it lies at it


def far_namesake(gaz: Gazetteer, row: int, flag: int, parent: int, area: bool) -> bool:
    """Is ``row`` a layer village, read by a loose spelling (``flag`` below 0), more than
    ``NEAR_TOWN_KM`` from the town ``parent`` (not told as an area: ``area``) the text puts
    it at?"""
    return (
        row >= gaz.base_rows
        and flag < 0
        and not area
        and int(gaz.feat[row]) == FEAT_PLACE
        and int(gaz.feat[parent]) == FEAT_PLACE
        and gaz.cc[row] == gaz.cc[parent]
        and gaz.distance_km(row, parent) > NEAR_TOWN_KM
        and not names_province(gaz, parent)
    )


def names_province(gaz: Gazetteer, town: int) -> bool:
    """Does a town bear its province's name, spelling aside (Al Hasakah in Al-Hasakah)?"""
    area = int(gaz.adm1[town])
    return area >= 0 and skeleton(gaz.name(area)) == skeleton(gaz.name(town))

"""Namesakes of the hierarchy check (issue 17).

A province named after its capital, read as the capital (h17au).

"in Tagabati (Abala, Tillabery)": the report names the region the way the town is spelt,
and the index knows that spelling only for the region's capital (Tillabéri town), not for
the region (Tillaberi). The hierarchy check then asks Abala to lie within 150 km of the
town; Abala lies 220 km away, in the same region, and was rejected, so the event fell to
the capital. A town whose own province bears its name stands for that province as a
parent: any place of the province fits in it, up to ``PROVINCE_KM`` from the town.

A layer village read by a loose spelling far from the town the text puts it at (h17av).

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

PROVINCE_KM = 450.0  # the farthest a place of a capital's province may lie from the capital
NEAR_TOWN_KM = 60.0  # a place this near the town the text names beside it lies at it


def province_of_namesake(gaz: Gazetteer, town: int) -> int:
    """The admin1 row of ``town`` when the province bears the town's name, else -1."""
    if int(gaz.feat[town]) != FEAT_PLACE:
        return -1
    area = int(gaz.adm1[town])
    if area < 0 or skeleton(gaz.name(area)) != skeleton(gaz.name(town)):
        return -1
    return area


def in_namesake_province(gaz: Gazetteer, child: int, pool: list[int]) -> bool:
    """Does ``child`` lie in the province of a town of ``pool`` named like its province?"""
    return any(
        (area := province_of_namesake(gaz, p)) >= 0
        and int(gaz.adm1[child]) == area
        and gaz.distance_km(child, p) < PROVINCE_KM
        for p in pool
    )


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
        and province_of_namesake(gaz, parent) < 0
    )

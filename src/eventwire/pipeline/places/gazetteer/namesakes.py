"""A province named after its capital, read as the capital (issue 17, h17au).

"in Tagabati (Abala, Tillabery)": the report names the region the way the town is spelt,
and the index knows that spelling only for the region's capital (Tillabéri town), not for
the region (Tillaberi). The hierarchy check then asks Abala to lie within 150 km of the
town; Abala lies 220 km away, in the same region, and was rejected, so the event fell to
the capital. A town whose own province bears its name stands for that province as a
parent: any place of the province fits in it, up to ``PROVINCE_KM`` from the town.
"""

from __future__ import annotations

from eventwire.pipeline.places.gazetteer.index import Gazetteer
from eventwire.pipeline.places.gazetteer.normalize import skeleton
from eventwire.pipeline.places.gazetteer.table import FEAT_PLACE

PROVINCE_KM = 450.0  # the farthest a place of a capital's province may lie from the capital


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

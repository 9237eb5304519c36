"""Distances on the globe: the one great-circle distance of eventwire.

Shared by the gazetteer (build, supplement merge, admin2 areas, index), the places stage, dedup
and evaluation, so every "within N km" uses the same Earth: the IUGG mean radius
``EARTH_KM`` (6371.0088 km).
"""

from __future__ import annotations

import math

EARTH_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in km between two points given in degrees.

    >>> round(haversine_km(33.34, 44.40, 36.19, 44.01))  # Baghdad to Erbil
    319
    >>> round(haversine_km(33.3, 44.4, 36.34, 43.13))  # Baghdad to Mosul
    357
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))

"""Front lines of the areas where a report's named groups mostly act.

A group whose records name first-level areas (``areas`` in ``data/actors/groups.jsonl``:
Donetsk and Luhansk for the OSCE monitors and the NAF) already lifts a homonym inside
those areas over one elsewhere. Inside them, a province holds many villages of one name
("Lozove", "Katerynivka", "Prymorske"), and the reports of such groups are about the line
of contact: the towns ``area_fronts`` of ``data/gazetteer/words.yaml`` lists along it.
Of the area's homonyms the one nearer the line scores more (``front_bonus``), so that
"the OSCE SMM observed ... explosions near Lozove" reads the Lozove by Svitlodarsk, not
the one by Donetsk's western suburbs that lies nearer the province's biggest town.
"""

from __future__ import annotations

from eventwire.datafiles import word_table
from eventwire.pipeline.places.gazetteer.index import Gazetteer

# "CC Area" → town names along the area's line of contact
AREA_FRONTS: dict[str, tuple[str, ...]] = word_table("gazetteer", "area_fronts")
FRONT_KM = 25.0  # a homonym this far from every front town gets nothing
FRONT_WEIGHT = 1.5  # at the line itself; falls off linearly to 0 at FRONT_KM


def front_rows(gaz: Gazetteer, areas: list[tuple[str, str]], area_rows: set[int]) -> list[int]:
    """The rows of the front towns of the (country, admin1 name) ``areas``: for each town
    name, its most populous main-name reading inside one of ``area_rows`` (the admin1
    rows of those areas)."""
    rows: list[int] = []
    for cc, area in dict.fromkeys(areas):
        for town in AREA_FRONTS.get(f"{cc} {area}", ()):
            fits = [
                c.index
                for c in gaz.lookup(town, loose=False)
                if c.flag >= 1
                and gaz.country_code(c.index) == cc
                and int(gaz.adm1[c.index]) in area_rows
            ]
            if fits:
                rows.append(max(fits, key=lambda r: (int(gaz.pop[r]), -r)))
    return rows


def front_bonus(gaz: Gazetteer, row: int, fronts: list[int]) -> float:
    """What lying near the line adds to a reading inside the group's areas: FRONT_WEIGHT
    at a front town, less with distance, nothing beyond FRONT_KM."""
    if not fronts:
        return 0.0
    km = min(gaz.distance_km(row, f) for f in fronts)
    return FRONT_WEIGHT * max(0.0, 1.0 - km / FRONT_KM)

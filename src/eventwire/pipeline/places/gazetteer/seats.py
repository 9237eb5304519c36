"""The seat of an administrative area that the index holds with no seat (issue 17, h17an).

The index places an area at its most populous member town (``Gazetteer.place`` with
``point="seat"``: ACLED codes an area-level event to the area's capital). The areas taken
from countrystatecity ("South Darfur", "Ituri", "Soum", "Nasarawa") have no member towns,
so they were placed at their centroid, 50–400 km from the capital ACLED uses ("raided
herders' camps in South Darfur": the state's point lies about 120 km from Nyala).
Such an area now takes as its seat the town ``area_seats`` in ``data/gazetteer/words.yaml``
names for it (written from general knowledge: the capitals of the first- and second-level
areas of the conflict countries whose capital is not named like the area), read in the
area's country within ``NAMED_SEAT_KM`` of its point; an area not listed keeps its centroid.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any, Protocol

from eventwire.datafiles import word_table
from eventwire.pipeline.places.gazetteer.normalize import fold
from eventwire.pipeline.places.gazetteer.table import FEAT_PLACE


class _Found(Protocol):
    @property
    def index(self) -> int: ...


class Gazetteer(Protocol):
    """What the seat search reads of ``index.Gazetteer`` (no import: index.py calls us)."""

    feat: Any
    pop: Any

    def lookup(self, name: str, loose: bool = True) -> Sequence[_Found]: ...
    def country_code(self, index: int) -> str: ...
    def name(self, index: int) -> str: ...
    def distance_km(self, a: int, b: int) -> float: ...


NAMED_SEAT_KM = 500.0  # a capital named in the list ("Western Bahr el Ghazal": Wau, 320 km)


@functools.cache
def _named_seats() -> dict[tuple[str, str], str]:
    """``{(country, folded area name): seat town}`` from ``area_seats``."""
    out: dict[tuple[str, str], str] = {}
    for key, towns in word_table("gazetteer", "area_seats").items():
        cc, _, area = key.partition(":")
        out[(cc.strip(), fold(area.strip()))] = towns[0]
    return out


def _town(gaz: Gazetteer, name: str, cc: str, area: int) -> int:
    """The most populous town of country ``cc`` read by ``name`` within ``NAMED_SEAT_KM``
    of the area's point, or -1."""
    best, best_pop = -1, -1
    for cand in gaz.lookup(name, loose=False):
        i = cand.index
        if int(gaz.feat[i]) != FEAT_PLACE or gaz.country_code(i) != cc:
            continue
        if gaz.distance_km(area, i) > NAMED_SEAT_KM:
            continue
        if int(gaz.pop[i]) > best_pop:
            best, best_pop = i, int(gaz.pop[i])
    return best


def fallback_seat(gaz: Gazetteer, index: int) -> int:
    """The row of the seat of the area ``index`` (which has none in the index), or -1."""
    cc = gaz.country_code(index)
    named = _named_seats().get((cc, fold(gaz.name(index))))
    if named is None:
        # a same-name town ("Mandera" county → Mandera town) was tried too: nothing gained
        # on the tune and dev sets, one ACLED 2020 held-out row lost (h17an); left out
        return -1
    return _town(gaz, named, cc, index)

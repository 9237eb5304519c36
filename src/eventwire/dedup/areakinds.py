"""An administrative area a sentence names with its kind word ("in Ngoketunjia division"):
the geocoder may file it as a town beside its seat, and another report's "in Ndop" may lie
in it, so the two named places are not two places when they are close (``km_precision1``)
in one province (:func:`area_by_kind`, called from :mod:`eventwire.dedup.rules`).

>>> a = ReportEvent("a", "d", "ASSAULT", location_name="Ngo-Ketunjia", geo_precision=1,
...     sentence="Separatists killed four gendarmes in Ngoketunjia division on Tuesday.")
>>> kind_named_area(a)
'division'
"""

from __future__ import annotations

import functools
import re

from eventwire.datafiles import words
from eventwire.dedup.report import ReportEvent, alternation, name_pattern
from eventwire.pipeline.common.folding import fold_text


@functools.lru_cache(maxsize=65536)
def _kind_after(sentence: str, name: str) -> str | None:
    kinds = alternation(words("dedup", "area_kind_words"))
    found = re.search(rf"{name_pattern(name)}\s+({kinds})\b", fold_text(sentence))
    return found[1] if found else None


def kind_named_area(e: ReportEvent) -> str | None:
    """The kind word ("division", "county"; ``area_kind_words``) its sentence names the
    event's town by, or None: an administrative area the geocoder filed as a town."""
    if not (e.sentence and e.location_name and e.geo_precision == 1):
        return None
    return _kind_after(e.sentence, e.location_name)


def area_by_kind(a: ReportEvent, b: ReportEvent) -> str | None:
    """Why one of two towns may lie in the other, an area named with its kind word
    (:func:`kind_named_area`), or None."""
    for area, town in ((a, b), (b, a)):
        kind = kind_named_area(area)
        if kind and town.geo_precision == 1 and not kind_named_area(town):
            return f"{town.location_name} may lie in {area.location_name} {kind}"
    return None

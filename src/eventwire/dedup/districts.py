"""Two named places of one province that may be one place told at two levels: a district
and a town that may lie in it (:func:`eventwire.dedup.placewords.district_reference`), or a
village and its district that both sentences name, each report's geocoder having picked one
of the two (:func:`both_named`).

"Gunmen killed nine villagers in a raid on Dorvan village in the Selka area" is placed at
Selka's seat (the village is not in the index); the other outlet's "attacked the village of
Dorvan in Selka local government area" is placed at a homonym of the village, 100 km off in
the same province. Both sentences name Dorvan and Selka: the two points are two readings of
one pair of names, not two places. Called from :func:`eventwire.dedup.rules._places` once
the two places are in one province.
"""

from __future__ import annotations

import difflib
import re

from eventwire.config import DedupOptions
from eventwire.dedup.placewords import actor_words, district_reference, place_words
from eventwire.dedup.report import ReportEvent, norm_name


def in_district(
    a: ReportEvent, b: ReportEvent, dist: float, opts: DedupOptions
) -> tuple[float, bool, str] | None:
    """A place score for two named places of one province ``dist`` km apart that may be one
    place, or None (the caller goes on to its other tests)."""
    if dist <= opts.km_precision2 and (ref := district_reference(a, b)):
        return 0.7 - 0.3 * dist / opts.km_precision2, True, ref
    if dist <= opts.km_precision3 and (ref := both_named(a, b)):
        return 0.6, True, ref
    return None


def both_named(a: ReportEvent, b: ReportEvent) -> str | None:
    """Why two reports' places are one place named at two levels, or None: their sentences
    share at least two place words (:func:`place_words`, less their province's and actors'
    words), and each report's place is one of them, by its name or a near spelling of it
    (the geocoder's "Dorvan" for a sentence's "Dorvann")."""
    a_words, b_words = place_words(a), place_words(b)
    common = a_words & b_words - actor_words(a, a_words) - actor_words(b, b_words)
    common -= {w for e in (a, b) for w in re.findall(r"\w+", (e.admin1 or "").casefold())}
    if len(common) < 2 or not all(_named(e, common) for e in (a, b)):
        return None
    return f"both name {' and '.join(sorted(common))}"


def _named(e: ReportEvent, common: set[str]) -> bool:
    """Whether the event's place is one of the ``common`` place words, or a near spelling."""
    name = norm_name(e.location_name)
    if not name:
        return False
    close = (difflib.SequenceMatcher(None, name, norm_name(w) or "").ratio() for w in common)
    return max(close) >= _NEAR_SPELLING


_NEAR_SPELLING = 0.85  # "kwal" / "kwall" 0.89; "gwoza" / "gwozi" 0.8

"""A country named as the owner of the place that follows it: "in Somalia's Middle Shabelle
region", "rebels in Sudans South Kordofan", "South Sudan's Western Bahr el-Ghazal state".

The locative word ("in") stands before the country's name, so the country took the cue
and, ranked by it, the event kept only the country (precision 3) although the report
names the region. The country only says whose region it is: ``possessive_hosts`` gives
the mentions of such countries, and the stage ranks them as it ranks other mentions that
only locate the place beside them (``attach.references``).
"""

from __future__ import annotations

import itertools
import re

from eventwire.pipeline.places.within import Placed

# the gap between "Somalia" and "Middle Shabelle": "'s", "’s", a bare "'" or an "s" the
# writer ran into the name ("Sudans South Kordofan")
_POSSESSIVE_GAP = re.compile(r"^(?:['’]s?|s)\s+$")


def possessive_hosts(text: str, placed: list[Placed]) -> set[int]:
    """Ids of the country mentions of ``placed`` (one sentence's places) that are the owner
    of a place of the same country named right after them."""
    ordered = sorted(placed, key=lambda rp: rp[0].mention.start)
    return {
        id(r.mention)
        for (r, p), (s, q) in itertools.pairwise(ordered)
        if p.feature == "country"
        and q.feature != "country"
        and q.country == p.country
        and _POSSESSIVE_GAP.match(text[r.mention.end : s.mention.start])
    }

"""A toll told as an estimate of the deaths: "(total deaths estimated at 4)",
"fatalities estimated at a total of 9", "a gunfight whose dead were estimated to
be over 20".

The estimate is the report's whole toll, told after its parts ("killed a trader and
some of his relatives (total deaths estimated at 4)") or after a coder's
number for the unknown part ("Unknown fatalities coded as 3 - the dead estimated at a
total of 9"): :func:`estimated_totals` reads it as a stated total (``summary``), which
``incident_toll`` takes over the counted victims. A figure estimated for something else
("damage estimated at 2 million") is no death word's and is not read.
"""

from __future__ import annotations

import re

from eventwire.pipeline.casualties.numbers import NumberLexicon, find_quantities
from eventwire.pipeline.casualties.toll_notes import Mention

ESTIMATED = re.compile(
    r"\b(?:fatalit(?:y|ies)|deaths?|death\s+toll)\s+(?:(?:was|were|is|are)\s+)?estimated\s+"
    r"(?:at|to\s+be)\s+(?:a\s+total\s+of\s+)?(?P<q>[^,.;()]{1,30})",
    re.I,
)


def estimated_totals(text: str, offset: int, numbers: NumberLexicon) -> list[Mention]:
    """The estimated tolls of one sentence (``text``, at ``offset`` in the document), as
    stated totals."""
    found = []
    for m in ESTIMATED.finditer(text):
        quantities = find_quantities(m.group("q"), 0, numbers)
        if not quantities or quantities[0].vague or quantities[0].start > 12:
            continue
        q = quantities[0]
        start, end = offset + m.start(), offset + m.start("q") + q.end
        told = text[m.start() : end - offset]
        found.append(Mention("killed", q.best, q.low, q.high, start, end, told, "summary"))
    return found

"""A count opening a clause after a spaced dash: "… they were repulsed by the police -
8 herdsmen were killed".

The left subject of a passive kill runs back to the last clause boundary; a spaced dash
was none, so the reader took the clause before it ("they were repulsed …") and counted its
pronoun. A spaced dash followed right away by a count ("- 8 herdsmen", "- Four soldiers")
opens the victims' clause. A dash between two numbers is a range ("13 - 16 soldiers"), and
a dash aside, closed by a second dash before the kill ("Four civilians - two of them
children - were killed"), reads as before.
"""

from __future__ import annotations

import re

DASH_COUNT = re.compile(
    r"(?<![0-9])\s[-–—]\s+(?=(?:at\s+least\s+|some\s+|about\s+|over\s+)?"
    r"(?:[0-9]+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty"
    r"|thirty|forty|fifty|dozens|hundreds)\b)",
    re.I,
)


def dash_cut(window: str, cut: int) -> int:
    """The start of the victims' clause in ``window`` (a passive kill's left text): after
    the last spaced dash that a count follows, when it lies after ``cut``."""
    found = list(DASH_COUNT.finditer(window))
    if not found or re.search(r"\s[-–—]\s", window[found[-1].end() :]):
        return cut  # "Four civilians – two of them children – were killed": an aside
    return max(cut, found[-1].end())

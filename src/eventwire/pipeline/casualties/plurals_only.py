"""A toll told only by bare plurals: "Raiders kill civilians", "Gunmen raid golf club and
kill civilians", "Armed fighters attacked members of the tribe killing civilians".

:mod:`.tolls_np` reads a bare plural victim as ACLED's plural rule (10, low 2), which
stands when it is added to other counts or read beside them. When it is all the report
says of the dead, the report gives no number, and ACLED's rows for such reports hold 0
more often than 10 (over the 11,136 tune rows of the pool, 13 to 1). :func:`plurals_only`
then gives a zero toll. "Several", "many" (10, low 3), "a number of", an "unknown /
unspecified number" (ACLED codes those by its own convention: 10, or 3 in later years)
keep their reading: an incident whose text says "number", "unknown", "unspecified",
"undisclosed" or "numerous" is never touched.
"""

from __future__ import annotations

import re

from eventwire.pipeline.casualties.toll_notes import Mention

BARE_PLURAL = (10, 2, None)  # tolls_np's reading of a bare plural: (best, low, high)
# a vague quantity told in words: ACLED's "unknown number" is its own convention
TOLD_VAGUE = re.compile(r"\b(?:number|numbers|unknown|unspecified|undisclosed|numerous)\b", re.I)


def plurals_only(mentions: list[Mention], toll: Mention | None, told: str) -> Mention | None:
    """``toll``, or a zero toll where every count of the dead of an incident
    (``mentions``; ``told`` its text) is a bare plural."""
    if toll is None or toll.best != BARE_PLURAL[0] or TOLD_VAGUE.search(told):
        return toll
    dead = [
        m
        for m in mentions
        if m.category == "killed" and not m.background and not m.ambiguous and not m.competing
    ]
    if not dead or any(m.kind != "vague" or (m.best, m.low, m.high) != BARE_PLURAL for m in dead):
        return toll
    return Mention("killed", 0, 0, 0, toll.start, toll.end, toll.text, "zero")

"""Some of the people a harm hit died: "Police shot three men, of whom
one died", "two students were shot by police due to which one died and the other was wounded".

The left subject of "died" runs back over the harm clause to the people it hit, so the
mention counts them all (2); the dead are the count told right before "died" (1).
:func:`count_those_died` sets a mention told so to that count.
"""

from __future__ import annotations

import re

from eventwire.pipeline.casualties.numbers import NumberLexicon, find_quantities
from eventwire.pipeline.casualties.toll_notes import Mention

# a harm done to the people counted, then the part of them that died
SOME_DIED = re.compile(
    r"\b(?:shot|stabbed|injured|wounded|attacked|beaten|hit|hacked|burned|burnt)\b[^.;]*?"
    r"\b(?:and|which|whom)\s+(?P<n>[\w-]+)\s+(?:of\s+(?:them|whom)\s+)?"
    r"(?:(?:later|subsequently|eventually|reportedly)\s+)?(?:died|succumbed|passed\s+away)\b"
    r"(?!.*\b(?:died|succumbed|killed)\b)",
    re.I,
)


def count_those_died(mentions: list[Mention], numbers: NumberLexicon) -> None:
    """Set the mentions that count the people a harm hit before "and one died" to the
    count of the dead (a lower count only)."""
    for m in mentions:
        if m.category != "killed" or m.kind != "count" or not m.best:
            continue
        told = SOME_DIED.search(m.text)
        if told is None:
            continue
        found = find_quantities(told.group("n"), 0, numbers)
        if not found or found[0].vague or found[0].best >= m.best:
            continue
        n = found[0].best
        m.best, m.low, m.high = n, n, n

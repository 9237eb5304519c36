"""The place a note itself says its event was coded to (issue 17).

Coders' notes often end with a remark naming the place they used for the event, which may be
a town near the one the story names, or the district's seat when the village is not on any
map: "... (coded to Ngara town)", "[location coded: Duma, capital of the division]",
"location coded as the zone capital, Mirab", "coded at Lemu district". The remark is the
coder's own answer to the question the places stage asks, so the event takes the place it
names, as the note's other evidence resolved that name (its country, its admin names); a
remark whose words name no resolved place ("coded as military forces", "coded to 4 May",
"[coded: 3]") changes nothing.

>>> [m.start() for m in REMARK.finditer("a raid at Tuli (coded to Buma town)")]
[16]
>>> target_start("Gola, capital city of the ward", 0), target_start("the zone capital, Gola", 0)
(0, 18)
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from eventwire.pipeline.places.gazetteer.checks import Resolution
from eventwire.records import Place

# "coded to X", "coded at X", "coded in X", "coded as X", "[coded: X]", "Location coded to X"
REMARK = re.compile(r"\b(?:[Ll]ocation\s+(?:was\s+|is\s+)?)?[Cc]oded\s*(?:(?:to|at|in|as)\b|:)\s*")
# words between the remark and the name it gives: "the nearby town of", "the largest town,",
# "the Lemu state capital of", "administrative capital", "the zone capital ("
_LEAD = (
    r"(?:(?:the|a|its|nearby|reporting|location|largest|main|central|fighting|area|town|city"
    r"|village|of|in|vicinity)\b[,(]?\s*)*"
)
FILLER = re.compile(
    _LEAD + r"(?:(?:[\w/-]+\s+){0,2}?capital(?:\s+city)?(?:\s+of)?\b[\s,(]*)?" + _LEAD
)
# the precision the remark gives: "with GP2", "at geoprecision 3", "(precision2)"
STATED = re.compile(r"\b(?:GP|[Gg]eo-?prec(?:ision)?|[Pp]recision)\s*([123])\b")
# the remark's own words for a place near the one the story names: ACLED's precision 2
NEAR = re.compile(r"\b(?:unfound|nearby|near|vicinity|not found)\b", re.IGNORECASE)
_END = re.compile(r"[.;\]\n]")


def target_start(text: str, start: int) -> int:
    """Where the name a remark gives begins (after its lead words), from ``start``."""
    m = FILLER.match(text, start)
    return m.end() if m else start


def coded_place(
    text: str, kept: Sequence[tuple[Resolution, Place]], chosen: Place | None
) -> Place | None:
    """The place a coder's remark names, with the precision the remark gives, if it lies in
    the country of the place ``chosen`` from the story's own words (else ``chosen``): "coded
    to Buma" in a note about Chad is not a Kenyan Buma."""
    if chosen is None or "oded" not in text:
        return chosen
    for remark in REMARK.finditer(text):
        at = target_start(text, remark.end())
        named = [place for res, place in kept if res.mention.start <= at + 1 < res.mention.end + 1]
        if not named or named[0].country != chosen.country:
            continue
        stop = _END.search(text, at)
        tail = text[remark.start() : stop.start() if stop else len(text)]
        head = text[max(0, remark.start() - 40) : remark.start()]
        stated = STATED.search(tail)
        precision = named[0].precision
        if stated:
            precision = int(stated.group(1))
        elif NEAR.search(head + tail[: at - remark.start()]):
            precision = max(precision or 1, 2)
        return dataclasses.replace(named[0], precision=precision, fallback="clause")
    return chosen

"""A town of the paragraph over the country named in the event's sentence (issue 17, h17au).

"Police kill two armed smugglers in Kenya. The pair had opened fire at a roadblock in
Garissa.": the event's sentence names only its country, and the event was placed at
Kenya's centre, hundreds of kilometres from the town the next sentence names. When the
sentence's chosen place is a whole country and another sentence of the same paragraph
names a place inside that country, that place is where the event was (as a place borrowed
from the paragraph: ``attach.borrowed``).
"""

from __future__ import annotations

from eventwire.pipeline.places.attach import borrowed
from eventwire.pipeline.places.gazetteer.checks import Resolution
from eventwire.records import Place

Placed = tuple[Resolution, Place]


def sharper_in_paragraph(chosen: Place, paragraph: list[Placed], sentence: int) -> Place:
    """``chosen``, or, when it is a country, the place of ``paragraph`` (the places of the
    event's paragraph) inside that country nearest the event's ``sentence``."""
    if chosen.feature != "country":
        return chosen
    inside = [
        rp
        for rp in paragraph
        if rp[1].feature != "country"
        and rp[1].country == chosen.country
        and rp[0].mention.sentence != sentence
    ]
    if not inside:
        return chosen
    best = min(
        inside, key=lambda rp: (abs(rp[0].mention.sentence - sentence), rp[1].precision or 3)
    )
    return borrowed(best[1], "paragraph")

"""A place name that names a people, not where the event was (issue 17, h17au).

Many peoples share their name with a county, a region or a town (Turkana, Samburu,
Marakwet, Afar, Amhara). Right before a noun of a people's group (``people_nouns`` in
``data/places/words.yaml``: raiders, militia, clan, tribesmen, herders, ethnic ...) the
name tells who acted or suffered, and the note's other places tell where: "gunmen killed a
teacher from the Marakwet ethnic group in Kolowa (Tiaty, Baringo)" happened in Baringo,
not at the Elgeyo-Marakwet town the index also calls Marakwet.

``people_names`` finds such mentions; ``PlacesStage`` leaves them out of the places it
locates events at while the report has another place, and keeps them when they are all
it has, when the rest is only the country, or when a place of the rest lies in another
country (the name then still tells the country and the area the people live in).
"""

from __future__ import annotations

import re

from eventwire.datafiles import words
from eventwire.pipeline.places.gazetteer.checks import Resolution
from eventwire.records import Place

Placed = tuple[Resolution, Place]

PEOPLE_NOUNS: frozenset[str] = words("places", "people_nouns")
_NOUN = "|".join(sorted((re.escape(w) for w in PEOPLE_NOUNS), key=len, reverse=True))
# the people noun right after the name, no punctuation between: "Turkana raiders",
# "Amhara ethnic residents"; not "in Turkana, raiders ..."
_AFTER = re.compile(rf"^[ \t]+(?:{_NOUN})\b", re.IGNORECASE)


def people_names(text: str, placed: list[Placed]) -> set[int]:
    """``id`` of the mentions of ``placed`` that stand right before a people noun."""
    return {id(r.mention) for r, _ in placed if _AFTER.match(text[r.mention.end :])}


def without_peoples(text: str, placed: list[Placed]) -> list[Placed]:
    """``placed`` less the names of peoples when the rest holds a place below the country
    and every place of the rest lies in the peoples' own countries ("Pokot herders in
    Kenya" keeps Pokot: the country alone says less; a reading abroad beside them would
    take the event out of the country); else all of ``placed``."""
    peoples = people_names(text, placed)
    if not peoples:
        return placed
    rest = [rp for rp in placed if id(rp[0].mention) not in peoples]
    homes = {p.country for r, p in placed if id(r.mention) in peoples}
    if not any(p.feature != "country" for _, p in rest):
        return placed
    if any(p.country not in homes for _, p in rest):
        return placed
    return rest

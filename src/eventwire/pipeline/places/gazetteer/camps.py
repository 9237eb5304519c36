"""Camps of the displaced: "Ifo camp", "Kalma IDP camp", "the Otash camp for IDPs".

A camp often bears the name of a town elsewhere (Kenya's Ifo refugee camp, Nigeria's
town of Ifo). When the index lists an entry whose own name or alternate name is "<X>
camp", a mention "X" followed by the word "camp" is read as that entry: the camp is
what the text names; a city's other name is not the camp's.
"""

from __future__ import annotations

import re

from eventwire.pipeline.places.gazetteer.index import Candidate, Gazetteer
from eventwire.pipeline.places.gazetteer.toponyms import Mention

# a candidate that bears the camp's name beats a town of the mention's name elsewhere
# (more than a main name over an alternate one and a town's population do)
CAMP_BONUS = 2.0
CAMP_CITY_POP = 100_000  # a city's other name is not a camp's
_AFTER = re.compile(
    r"\s+(?:(?:idps?|refugees?|displaced|displacement|poc|unmiss)\s+)?camps?\b",
    re.IGNORECASE,
)
_FOR = re.compile(r"\s+camps?\s+for\s+(?:the\s+)?(?:idps?|refugees|displaced)\b", re.IGNORECASE)


def names_camp(text: str, m: Mention) -> bool:
    """Is the mention the name of a camp ("Ifo camp", "Kalma IDP camp", "the Argo camp for
    IDPs")? ``text``: the document's text (the mention's offsets are into it)."""
    after = text[m.end : m.end + 40]
    return _AFTER.match(after) is not None or _FOR.match(after) is not None


def camp_rows(gaz: Gazetteer, text: str, m: Mention) -> set[int]:
    """The index rows named "<mention> camp" (by a main or an alternate name, exactly)
    when the mention names a camp; else none."""
    if not names_camp(text, m):
        return set()
    return {c.index for c in gaz.lookup(m.text + " camp", loose=False) if c.flag >= 1}


def camp_score(rows: set[int], c: Candidate) -> float:
    """What naming a camp adds to a candidate's score (``rows``: ``camp_rows``)."""
    return CAMP_BONUS if c.index in rows else 0.0


def camp_readings(gaz: Gazetteer, found: list[Candidate], rows: set[int]) -> list[Candidate]:
    """The readings a camp's name may have: all but a city's other name ("El Salam camp"
    in Darfur is no Omani city once called so, "Yida refugee camp" no Jeddah: camps take
    the name of the village beside them), unless an entry is named "<X> camp" (``rows``)."""
    return [
        c for c in found if c.index in rows or c.flag != 1 or int(gaz.pop[c.index]) < CAMP_CITY_POP
    ]

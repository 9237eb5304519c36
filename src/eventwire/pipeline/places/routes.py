"""Places of a sentence that only name something else than where the event was (issue 17,
h17an): a town that names a road or the axis it leads to, a town a coder's note says is
another event's, and a town that only tells how far from it the event's town lies.

* a road named after its towns: "truckers closed the Garissa Road in Kitui County", "on
  the Kisumu-Busia highway", "near Bria on the Ndele axis": the road runs
  far from the town that names it (only a town more than ``ROUTE_KM`` from every other
  place of the sentence counts);
* a town a coder's note gives to another event: "marches that began in Gulu (coded
  separately) reached Lira";
* a town that an apposition uses to say where the event's town is: "In Kosti, a town
  300 kilometres south of Khartoum, traders went on strike";
* a town a road or a journey only leads to or from: "gunmen closed the road linking Sanaa to Marib
  near Sirwah", "turned the bus back in the direction of Bamako", "a convoy travelling
  from Kismayo to Jamame was ambushed … in Kismayo".

Each such mention counts as a reference in ``PlacesStage.locate`` (it ranks below the
sentence's other places, and is still taken when it is the sentence's only place).
"""

from __future__ import annotations

import itertools
import re

from eventwire.datafiles import words
from eventwire.pipeline.common.geo import haversine_km
from eventwire.pipeline.places.gazetteer.checks import Resolution
from eventwire.records import Place

Placed = tuple[Resolution, Place]

ROUTE_WORDS: frozenset[str] = words("places", "route_words")
ROUTE_KM = 50.0  # a road named after a town this close to the sentence's other place may be there
_ROUTE = "|".join(sorted((re.escape(w) for w in ROUTE_WORDS), key=len, reverse=True))
# after the town: "Garissa Road", "Ndele axis", "Kisumu-Busia highway" (the other end
# of the road, up to three capitalised words, between the town and the road word)
_ROUTE_AFTER = re.compile(
    rf"^(?:\s*-\s*[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*){{0,2}})?\s+(?:{_ROUTE})\b", re.IGNORECASE
)
# before the town, the other end of the road: "the Nairobi-Naivasha road" (for "Naivasha")
_ROUTE_END = re.compile(r"[A-Z][\w'’]*\s*-\s*$")
_SEPARATELY = re.compile(
    r"^\s*(?:\([^()]{0,80}\)\s*)?\(\s*(?:coded|recorded)\s+(?:separately|as\s+(?:a\s+)?"
    r"separate\s+events?)\s*\)"
)
_DIRECTION = r"(?:(?:north|south)(?:[- ]?(?:east|west))?|east|west)(?:ern)?"
# "Kosti, a town 300 kilometres (186 miles) south of Khartoum"
_APPOSITION = re.compile(
    r"^\s*,\s+(?:an?|the)\s+(?:[a-z]+\s+){0,2}?(?:town|village|city|area|camp|locality)\s+"
    r"(?:located\s+|situated\s+|lying\s+)?(?:about\s+|some\s+|around\s+|roughly\s+)?"
    r"\d[\d,.]*\s*(?:km|kms|kilometres|kilometers|miles)\b(?:\s*\([^()]{0,30}\))?\s+"
    rf"(?:to\s+the\s+)?{_DIRECTION}\s+of\s+(?:the\s+)?(?:[a-z]+\s+)?$",
    re.IGNORECASE,
)


# before a town that a road or a journey only leads to or from: "the road linking Aden to
# Marib", "turned the bus back in the direction of Bamako", "a convoy travelling from
# Mogadishu to Balcad"
_TOWARD = re.compile(
    r"(?:\b(?:road|highway|route|axis)\s+(?:that\s+)?(?:links?|linking|connects?|connecting)"
    r"|\bin\s+the\s+direction\s+of|\bheading\s+(?:to|towards|for)|\bbound\s+for"
    r"|\bon\s+(?:its|their|his|her)\s+way\s+(?:to|from)|\ben\s+route\s+(?:to|from)"
    r"|\btravell?ing\s+(?:from|to))\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$",
    re.IGNORECASE,
)
# between the two ends: "Sanaa to Marib", "Kismayo to Jamame"
_TO = re.compile(r"^\s+(?:(?:town|city)\s+)?(?:to|and|with)\s+(?:the\s+)?$", re.IGNORECASE)


def on_route(text: str, start: int, end: int) -> bool:
    """Does the name at ``[start, end)`` name a road (or one end of it)?"""
    if _ROUTE_AFTER.match(text[end : end + 60]):
        return True
    before = text[max(0, start - 40) : start]
    return bool(_ROUTE_END.search(before)) and bool(
        re.match(rf"^\s+(?:{_ROUTE})\b", text[end : end + 20], re.IGNORECASE)
    )


def _far_from_others(place: Place, res: Resolution, placed: list[Placed]) -> bool:
    """Does a town that names a road lie more than ``ROUTE_KM`` from every other place of
    its sentence? Only then does the road run away from it ("Garissa Road in Kitui
    County" runs far from Garissa); "the Kisumu-Busia road in Kisumu" may be at Kisumu itself."""
    others = [
        q
        for s, q in placed
        if s is not res and q.feature != "country" and q.lat is not None and q.lon is not None
    ]
    if not others or place.lat is None or place.lon is None:
        return False
    return all(
        haversine_km(place.lat, place.lon, q.lat or 0.0, q.lon or 0.0) > ROUTE_KM for q in others
    )


def other_places(text: str, placed: list[Placed]) -> set[int]:
    """The ids of the mentions of ``placed`` (one sentence's places) that name a road, a
    place coded as another event, or a town that only locates the one before it."""
    out: set[int] = set()
    ordered = sorted(placed, key=lambda rp: rp[0].mention.start)
    toward: set[int] = set()
    for r, p in ordered:
        m = r.mention
        road = on_route(text, m.start, m.end) and _far_from_others(p, r, ordered)
        if road or _SEPARATELY.match(text[m.end : m.end + 120]):
            out.add(id(m))
        if _TOWARD.search(text[max(0, m.start - 60) : m.start]):
            toward.add(id(m))
    for (r, _), (s, _) in itertools.pairwise(ordered):
        gap = text[r.mention.end : s.mention.start]
        if _APPOSITION.match(gap) or (id(r.mention) in toward and _TO.match(gap)):
            out.add(id(s.mention))
    return out | toward

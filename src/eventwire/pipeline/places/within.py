"""Which of the places of one sentence an event takes (issue 17): a province or country
that holds a town named in the same clause, a district read far from the town it is said
to lie in, a place that only says where the place before it lies."""

from __future__ import annotations

import itertools
import re

from eventwire.datafiles import words
from eventwire.pipeline.common.geo import haversine_km
from eventwire.pipeline.places.gazetteer.checks import Resolution
from eventwire.pipeline.places.gazetteer.normalize import fold
from eventwire.records import Place

SUBDIVISION_WORDS: frozenset[str] = words("gazetteer", "subdivision_words")
SUBDIVISION_KM = 60.0  # a district lies within a regency; 33-47 km apart is still one
LOCATOR_KM = 60.0  # "al-Shura south of Mosul": a place read farther off is a homonym
_DIRECTION = (
    r"(?:(?:north|south)(?:[- ]?(?:east|west))?|east|west)(?:ern)?"  # "southern", "north-west"
)
# the gap between a place and the one that locates it, with no comma: "Fleifel in the
# southern countryside of Idleb", "al-Shura south of Mosul", "Basira city in eastern
# [Deir-ez-Zor countryside]" (the last only before a "countryside" name)
_LOCATOR_GAP = re.compile(
    r"^\s+(?:(?:village|town|city|area|camp)\s+)?(?:"
    rf"in\s+(?:the\s+)?(?:{_DIRECTION}\s+)?(?:countryside|outskirts|suburbs|vicinity)\s+of"
    r"\s+(?:the\s+)?"
    rf"|(?:about\s+|some\s+)?(?:\d+(?:\.\d+)?\s*(?:km|kilometres|kilometers|miles)\s+)?"
    rf"{_DIRECTION}\s+of\s+(?:the\s+)?"
    rf"|(?P<area>in\s+(?:the\s+)?(?:{_DIRECTION}\s+)?))$",
    re.IGNORECASE,
)

Placed = tuple[Resolution, Place]


def _km(p: Place, q: Place) -> float:
    return haversine_km(p.lat or 0.0, p.lon or 0.0, q.lat or 0.0, q.lon or 0.0)


def holds(area: Place, town: Place) -> bool:
    """Does a province or country hold a town (same country; for a province, the town's
    own province as the gazetteer gives it)?"""
    if town.feature != "city" or town.country is None or town.country != area.country:
        return False
    if area.feature == "country":
        return True
    return area.feature == "admin1" and town.admin1 is not None and town.admin1 == area.admin1


def _towns(placed: list[Placed]) -> list[Place]:
    """The towns of ``placed`` with a point, not named as a landmark or a dateline."""
    return [
        p
        for r, p in placed
        if p.feature == "city"
        and p.lat is not None
        and not (r.mention.landmark or r.mention.dateline)
    ]


def wide_areas(placed: list[Placed], lo: int, hi: int) -> set[int]:
    """Provinces and countries of the clause ``[lo, hi)`` that hold a town of that clause:
    in "In Amhara region, Weldiya town people held a demonstration" or "demonstrations in
    cities across Indonesia including Bandung city" the event is coded to the town."""
    in_clause = [(r, p) for r, p in placed if lo <= r.mention.start < hi]
    towns = _towns(in_clause)
    return {
        id(r.mention)
        for r, p in in_clause
        if p.feature in ("admin1", "country") and any(holds(p, t) for t in towns)
    }


def countries_over_towns(placed: list[Placed]) -> set[int]:
    """Countries named in a sentence that also names a town of that country, outside the
    event's clause too (h17an): in "A reporter in Ghana was beaten while filming an
    eviction in Tamale, the capital of the Northern region" the event is coded to Tamale."""
    towns = _towns(placed)
    return {
        id(r.mention)
        for r, p in placed
        if p.feature == "country" and any(holds(p, t) for t in towns)
    }


def countries_abroad(placed: list[Placed], focus: str | None) -> set[int]:
    """Other countries named in a sentence that holds a town of the report's own country:
    in "in Bluefields, relatives of sailors held on a ship off Barbados marched" the country
    abroad says where something else is (h17ak)."""
    if focus is None:
        return set()
    home = any(
        p.feature == "city"
        and p.country == focus
        and not (r.mention.landmark or r.mention.dateline)
        for r, p in placed
    )
    if not home:
        return set()
    return {id(r.mention) for r, p in placed if p.feature == "country" and p.country != focus}


def far_subdivisions(kept: list[Placed]) -> set[int]:
    """Districts read more than ``SUBDIVISION_KM`` from the town they are said to lie in:
    in "Tegalsari district, Surabaya city" or "Mojoroto subdistrict, Mojoroto district,
    Kediri city" a Tegalsari or Mojoroto that far off is another place of that name, and
    the event is coded to the town. A town named like its own province ("Harib district,
    Marib": the governorate) does not count."""
    by_mention = {id(r.mention): p for r, p in kept}
    out: set[int] = set()
    for r, p in kept:
        if r.mention.hint_word not in SUBDIVISION_WORDS or p.lat is None:
            continue
        up = r.mention.parent
        while up is not None:
            q = by_mention.get(id(up))
            town = q is not None and q.feature in ("city", "admin2") and q.lat is not None
            if q is not None and town and (q.lat, q.lon) != (p.lat, p.lon):
                if fold(up.text) != fold(q.admin1 or "") and _km(p, q) > SUBDIVISION_KM:
                    out.add(id(r.mention))
                break
            up = up.parent
    return out


def locates(text: str, prev: Placed, cur: Placed) -> bool:
    """Does ``cur`` only say where ``prev`` lies, with no comma between them ("Fleifel in
    the southern countryside of Idleb", "al-Shura south of Mosul")? Only a place read
    within ``LOCATOR_KM`` of the other counts."""
    (r, p), (s, q) = prev, cur
    if not s.mention.near or r.mention.near or p.lat is None or q.lat is None:
        return False
    found = _LOCATOR_GAP.match(text[r.mention.end : s.mention.start])
    if found is None or (found.group("area") and s.mention.hint_word != "countryside"):
        return False
    return _km(p, q) <= LOCATOR_KM


def locators(text: str, placed: list[Placed]) -> set[int]:
    """The mentions of ``placed`` (one sentence's places) that only locate the place named
    just before them, with no comma between (see ``locates``)."""
    ordered = sorted(placed, key=lambda rp: rp[0].mention.start)
    return {id(b[0].mention) for a, b in itertools.pairwise(ordered) if locates(text, a, b)}


NEAR_KM = 50.0
_NEAR_GAP = re.compile(
    r"^(?:[^.;:\d]{0,30}?\bnear"
    # "Ad Dur area, south of Ramadi city": a bare direction after a comma says near too
    rf"|(?:\s+(?:village|town|area|camp))?,\s+(?:just\s+)?{_DIRECTION}\s+of)"
    r"\s+(?:the\s+(?:town|village|city)\s+of\s+)?$",
    re.IGNORECASE,
)


def far_from_near(text: str, placed: list[Placed]) -> dict[int, int]:
    """Places read far from the town they are said to be near (h17m's rule): in "Kassa
    village near Tolkomari" or "Ad Dur area, south of Ramadi" a Kassa (an Ad Dur) more than
    ``NEAR_KM`` from Tolkomari (Ramadi) is another Kassa, and the event is coded there.
    Maps each such mention's id to the id of the town's mention. A distance in the gap
    ("X, 100 km north of Y") keeps X."""
    out: dict[int, int] = {}
    ordered = sorted(placed, key=lambda rp: rp[0].mention.start)
    for (r, p), (s, q) in itertools.pairwise(ordered):
        if p.feature != "city" or q.feature != "city" or p.lat is None or q.lat is None:
            continue
        if _NEAR_GAP.match(text[r.mention.end : s.mention.start]) and _km(p, q) > NEAR_KM:
            out[id(r.mention)] = id(s.mention)
    return out


# what a protest is for or against: "rallied in Grodno in support of the
# march in Minsk", "marches in Adama condemning a raid on a church in Bale zone"
_MOTIVE_RE = re.compile(
    r"\b(?:"
    + "|".join(
        r"\s+".join(re.escape(w) for w in cue.split())
        for cue in sorted(words("places", "protest_motive_cues"))
    )
    + r")\b",
    re.IGNORECASE,
)


def motives(text: str, placed: list[Placed]) -> set[int]:
    """The mentions of ``placed`` (one sentence's places) named in the motive of a protest
    after a town of the sentence: in "a protest in Denpasar city demanding the minimum wage
    be the same as in Jakarta" the protest is in Denpasar. Only a town before the motive
    counts (a province or country there says less than the place the motive names)."""
    ordered = sorted(placed, key=lambda rp: rp[0].mention.start)
    out: set[int] = set()
    for k, (r, _) in enumerate(ordered):
        for s, q in ordered[:k]:
            if q.feature != "city" or s.mention.landmark or s.mention.dateline:
                continue
            if _MOTIVE_RE.search(text[s.mention.end : r.mention.start]):
                out.add(id(r.mention))
                break
    return out

"""Checks on the chosen readings of a document's toponyms: does a place lie in the area
the text puts it in ("Taji, Saladin"), is a small place abroad a local name the gazetteer
lacks, is a village far from every firm place of its sentence a stray homonym?
"""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.pipeline.places.gazetteer.index import Candidate, Gazetteer
from eventwire.pipeline.places.gazetteer.kinds import told_as_area
from eventwire.pipeline.places.gazetteer.namesakes import far_namesake, in_namesake_province
from eventwire.pipeline.places.gazetteer.normalize import fold
from eventwire.pipeline.places.gazetteer.table import (
    FEAT_ADMIN,
    FEAT_ADMIN1,
    FEAT_COUNTRY,
    FEAT_PLACE,
)
from eventwire.pipeline.places.gazetteer.toponyms import PLACE_LABELS, Mention

NEAR_PARENT_KM = 30.0
ADMIN2_KM = 100.0  # a place this near a district's point may lie in it
BORDER_KM = 60.0  # a layer village this near a province's point may lie in it
BORDER_REACH_KM = 150.0  # ... and one this near is a weaker fit (the next province's code)
ABROAD_MIN_POP = 100_000  # in a document whose country is clear, a small place abroad is
# more likely a local name the gazetteer lacks
TINY_ABROAD_POP = 20_000  # ... even when the model labels it a place


@dataclass(slots=True)
class Resolution:
    """The chosen entry of a mention, its score and its lead over the runner-up."""

    mention: Mention
    row: int
    score: float
    margin: float
    accepted: bool = True
    flag: int = 2  # how the chosen entry matched (see Candidate.flag)


def compatible(gaz: Gazetteer, child: int, parent: int, area: bool = False) -> bool:
    """True when ``child`` can lie inside ``parent`` ("Sadr City, Baghdad"); ``area``: the
    text tells the parent as an area ("Mimika regency": ``kinds.told_as_area``)."""
    if child == parent or gaz.cc[child] != gaz.cc[parent]:
        return False
    feat = int(gaz.feat[parent])
    if feat == FEAT_COUNTRY:
        return True
    if feat == FEAT_ADMIN1:
        # text and GeoNames disagree on boundaries; a province centroid can be far away.
        # A village of an imported GeoNames file carries its own admin1 code: trusted.
        if int(gaz.adm1[child]) == parent:
            return True
        # ... unless it lies near the province's own point: a border village whose code
        # disagrees with the report's province ("Kinda in Idleb", Latakia in GeoNames)
        dense_known = child >= gaz.base_rows and int(gaz.adm1[child]) >= 0
        limit = BORDER_KM if dense_known else 250.0
        return gaz.distance_km(child, parent) < limit
    # an admin2 row's point is often its seat, not its centre ("Tulunan, Cotabato": 82 km)
    limit = ADMIN2_KM if feat == FEAT_ADMIN or area else 40.0
    return gaz.distance_km(child, parent) < limit or (
        int(gaz.adm1[child]) >= 0
        and int(gaz.adm1[child]) == int(gaz.adm1[parent])
        and gaz.distance_km(child, parent) < 150
    )


def border_km(gaz: Gazetteer, child: int, pool: list[int]) -> float | None:
    """The distance from a layer village to the nearest province of ``pool`` its own
    GeoNames code does not name, when within ``BORDER_REACH_KM`` (None otherwise): reports
    and GeoNames draw provinces differently near their borders ("Mushahidah, Saladin" is
    in Baghdad governorate for GeoNames)."""
    if child < gaz.base_rows or int(gaz.adm1[child]) < 0:
        return None
    dists = [
        gaz.distance_km(child, p)
        for p in pool
        if int(gaz.feat[p]) == FEAT_ADMIN1 and gaz.cc[p] == gaz.cc[child]
    ]
    near = [d for d in dists if d < BORDER_REACH_KM]
    return min(near) if near else None


def _unknown(gaz: Gazetteer, res: Resolution | None, likely: str | None) -> bool:
    """Is a parent unknown to the gazetteer, but for a loose spelling abroad?"""
    return res is None or (res.flag < 0 and gaz.country_code(res.row) != likely)


def check_hierarchy(
    gaz: Gazetteer,
    mentions: list[Mention],
    out: list[Resolution | None],
    focus: str | None,
    cands: list[list[tuple[Candidate, float]]],
    lead: str | None = None,
    likely: str | None = None,
) -> None:
    """Reject a place that does not lie in the place named after it ("Taji, Saladin"
    must be in Saladin), and places abroad when the document's country is clear,
    unless the model tagged them as places. ``likely``: the best-voted country, even
    when not clear: a small town abroad matched by a name cut out of a longer one
    ("Shakhta" of "Shakhta imeni Gagarina") is a local name the gazetteer lacks."""
    where = {id(m): k for k, m in enumerate(mentions)}
    for k in range(len(mentions) - 1, -1, -1):
        res = out[k]
        if res is None:
            continue
        m = res.mention
        j = where.get(id(m.parent)) if m.parent is not None else None
        seen = 0
        # "Srimantapur (Sepahijala district, Tripura)": a parent no gazetteer knows gives
        # way to its own parent
        while j is not None and _unknown(gaz, out[j], likely) and seen < 3:
            up = mentions[j].parent
            j, seen = (where.get(id(up)) if up is not None else None), seen + 1
        parent = out[j] if j is not None else None
        outside = False
        # "Nouakchott (Nouakchott)": a town in the province of the same name
        same_name = m.parent is not None and fold(m.parent.text) == fold(m.text)
        # a loose spelling abroad is no parent ("Jabal al-Zawiya" ~ a Yemeni hamlet), nor an
        # alternate name abroad of a town read by its own name ("near Turbat in Kech
        # district": Kech is no alternate name of Ketsch, Germany)
        loose_abroad = (
            parent is not None
            and (parent.flag < 0 or (parent.flag == 1 and res.flag == 2))
            and gaz.country_code(parent.row) != likely
        )
        if (
            j is not None
            and parent is not None
            and parent.accepted
            and not same_name
            and not loose_abroad
        ):
            # any reading of the parent in its country will do ("Tulunan, Cotabato":
            # the province, not the city), but another place's alternate name ("Cadale":
            # a village called Adale too, in the next province) is no reading of a town
            readings = [
                c.index
                for c, _ in cands[j][:15]
                if gaz.cc[c.index] == gaz.cc[parent.row]
                and (c.flag == 2 or c.index == parent.row or int(gaz.feat[c.index]) != FEAT_PLACE)
            ]
            pool = readings or [parent.row]
            told = told_as_area(mentions[j])  # "Tembagapura district, Mimika regency"
            outside = not any(compatible(gaz, res.row, p, told) for p in pool)
            outside = outside and border_km(gaz, res.row, pool) is None
            outside = outside and not _in_grandparent(gaz, mentions, out, where, j, res.row)
            # "Tagabati (Abala, Tillabery)": the region read as its capital, Tillabéri town
            outside = outside and not in_namesake_province(gaz, res.row, pool)
            # "Haramka village (Jilib, Middle Shabelle)": a known town, its country's only
            # one of that name, in the wrong province of its own country is the town still
            outside = outside and not sole_town(gaz, res, cands[k], parent.row)
            # "Kikaikom, Kumbo": not a hamlet of a like spelling 95 km from Kumbo (but a
            # village of the province named above the town may lie that far from it)
            outside = outside or (
                far_namesake(gaz, res.row, res.flag, parent.row, told)
                and not _in_grandparent(gaz, mentions, out, where, j, res.row)
            )
        abroad = _abroad(gaz, res, focus, lead, likely) and not in_named_country(
            gaz, res, parent, cands[k]
        )
        if outside or abroad:
            res.accepted = False


def in_named_country(
    gaz: Gazetteer,
    res: Resolution,
    parent: Resolution | None,
    cands: list[tuple[Candidate, float]],
) -> bool:
    """Is the place read in the country the text names right after it ("a market in
    Amchide, Cameroon")? Such a place is no homonym abroad, whatever the report's focus. A
    name that is itself a country's ("Argentina, Brazil, Colombia, Mexico and Peru": a list
    of countries) names no town of the next one."""
    return (
        parent is not None
        and not any(int(gaz.feat[c.index]) == FEAT_COUNTRY for c, _ in cands)
        and parent.accepted
        and int(gaz.feat[parent.row]) == FEAT_COUNTRY
        and parent.mention is res.mention.parent
        and gaz.country_code(parent.row) == gaz.country_code(res.row)
    )


def _in_grandparent(
    gaz: Gazetteer,
    mentions: list[Mention],
    out: list[Resolution | None],
    where: dict[int, int],
    j: int,
    row: int,
) -> bool:
    """Does ``row`` carry the code of the province the text puts its parent in? In
    "Maxamed Saciid village (Adan Yabaal, Middle Shabelle)" the files code the town Aadan
    Yabaal to Hiiraan: the village of Middle Shabelle is no stray for lying far from that
    reading. Nor is one of a parent read in that province: in "Dif (Wajir South, Wajir
    County)" and "Galcad village (Ceel Dheere, Galgaduud)" the district's point (a seat or
    a homonym) lies 150-170 km from the village the files code to the county named."""
    up = mentions[j].parent
    g = where.get(id(up)) if up is not None else None
    area, parent = (out[g] if g is not None else None), out[j]
    return (
        area is not None
        and parent is not None
        and area.accepted
        and int(gaz.feat[area.row]) == FEAT_ADMIN1
        and int(gaz.adm1[row]) == area.row
    )


def _abroad(
    gaz: Gazetteer, res: Resolution, focus: str | None, lead: str | None, likely: str | None
) -> bool:
    """Is a chosen place abroad more likely a local name the gazetteer lacks (see
    ``check_hierarchy``)?"""
    m = res.mention
    # the model's place label protects a name abroad, unless the name is cut out of a
    # longer one or the place is a hamlet ("Salim [Al Fajir]" in a Yemeni report)
    labelled = m.ner in PLACE_LABELS and not m.partial
    return (
        (
            focus is not None
            and gaz.country_code(res.row) != focus
            and (not labelled or int(gaz.pop[res.row]) < TINY_ABROAD_POP)
            and (res.margin < 3.0 or int(gaz.pop[res.row]) < ABROAD_MIN_POP)
        )
        or (
            # the country is clear and this entry abroad only shares an alternate name
            # ("Al Jabaliyah" in a Yemeni report is not Jabalya in Gaza)
            lead is not None
            and focus is not None
            and gaz.country_code(res.row) != focus
            and res.flag < 2
            and m.parent is None
            and int(gaz.feat[res.row]) != FEAT_COUNTRY
        )
        or (
            likely is not None
            and m.partial
            and m.ner not in PLACE_LABELS
            and gaz.country_code(res.row) != likely
            and int(gaz.pop[res.row]) < ABROAD_MIN_POP
        )
        or (
            lead is not None
            and gaz.country_code(res.row) != lead
            and m.ner not in PLACE_LABELS
            and m.parent is None
            and not m.children
            and int(gaz.pop[res.row]) < ABROAD_MIN_POP
        )
    )


SOLE_TOWN_POP = 20_000  # a town every reader of its country knows by that name


def sole_town(
    gaz: Gazetteer, res: Resolution, cands: list[tuple[Candidate, float]], parent: int
) -> bool:
    """Is ``res`` a town of at least ``SOLE_TOWN_POP`` people, read by its main name, the only
    place of that name in its country, told inside a first-level area of the same country?"""
    cc = gaz.cc[res.row]
    if (
        res.flag != 2
        or int(gaz.feat[res.row]) != FEAT_PLACE
        or int(gaz.pop[res.row]) < SOLE_TOWN_POP
    ):
        return False
    if gaz.cc[parent] != cc or int(gaz.feat[parent]) != FEAT_ADMIN1:
        return False
    return not any(c.index != res.row and gaz.cc[c.index] == cc for c, _ in cands)


STRAY_MAX_POP = 10_000  # a village, not a town every reader knows
STRAY_KM = 150.0


def _anchor(gaz: Gazetteer, res: Resolution) -> bool:
    """Is a resolution firm enough to judge the others of its sentence by: an area, a
    town, or a name the text places in an "X, Y" chain?"""
    m = res.mention
    return (
        int(gaz.feat[res.row]) != FEAT_PLACE
        or int(gaz.pop[res.row]) >= STRAY_MAX_POP
        or m.parent is not None
        or bool(m.children)
    )


def drop_strays(gaz: Gazetteer, mentions: list[Mention], out: list[Resolution | None]) -> None:
    """Reject a village read far from every firm place of its sentence: with village-level
    files nearly every word is some hamlet's name ("the Qaniyah front (Mahliyah, Marib)",
    "police from Basatin station ... north of Aden"), and a name the gazetteer lacks
    ("Doutchi, near Diffa") lands on a homonym 600 km away. The sentence's own places say
    where it is; when none is near, the name is one we do not know."""
    by_sentence: dict[int, list[Resolution]] = {}
    for res in out:
        if res is not None and res.accepted and int(gaz.feat[res.row]) != FEAT_COUNTRY:
            by_sentence.setdefault(res.mention.sentence, []).append(res)
    for group in by_sentence.values():
        anchors = [r for r in group if _anchor(gaz, r)]
        for res in group:
            if _anchor(gaz, res):
                continue
            key = fold(res.mention.text)
            others = [a.row for a in anchors if fold(a.mention.text) != key and a.row != res.row]
            if others and all(gaz.distance_km(res.row, o) > STRAY_KM for o in others):
                res.accepted = False

"""Scoring one mention's candidates against the whole document (``Chooser``), and the
tie-breaks between homonyms the score tells nothing apart; used by ``resolve``."""

from __future__ import annotations

import itertools
import math
from collections import Counter
from dataclasses import dataclass, field

from eventwire.pipeline.places.gazetteer.checks import (
    BORDER_REACH_KM,
    NEAR_PARENT_KM,
    Resolution,
    border_km,
    compatible,
)
from eventwire.pipeline.places.gazetteer.focus import related as _related
from eventwire.pipeline.places.gazetteer.fronts import front_bonus
from eventwire.pipeline.places.gazetteer.index import Candidate, Gazetteer
from eventwire.pipeline.places.gazetteer.normalize import fold
from eventwire.pipeline.places.gazetteer.table import FEAT_ADMIN, FEAT_ADMIN1, FEAT_COUNTRY
from eventwire.pipeline.places.gazetteer.toponyms import Mention

# a homonym in an area where a named group mostly acts: beats a town under ~20,000 people
# elsewhere (GeoNames gives most villages no population, so 0.35 * log10(pop) alone would
# send "the OSCE SMM ... near Lozove" to a Crimean Lozove of 1,900 people)
AREA_WEIGHT = 1.5
CHILD_POP = 1.0  # a province holding a town of the text's name, by the town's population
CODE_MATCH = 0.5  # a child whose GeoNames admin1 code is the parent province (not only near)
TIE = 1e-6


@dataclass(slots=True)
class Chooser:
    """What scoring one mention's candidates reads from the whole document."""

    gaz: Gazetteer
    mentions: list[Mention]
    cands: list[list[tuple[Candidate, float]]]
    votes: Counter[str]
    focus: str | None
    clear: bool
    where: dict[int, int]
    areas: set[int] = field(default_factory=set)
    fronts: list[int] = field(default_factory=list)  # towns on the areas' line of contact

    def parent_pool(self, j: int, out: list[Resolution | None]) -> list[int]:
        """The readings of parent mention j a child must fit: its chosen entry (and the
        areas of the same country, "Tulunan, Cotabato": the province, not the city) once
        resolved, else its best candidates."""
        gaz, chosen = self.gaz, out[j]
        if chosen is None:
            return [x.index for x, _ in self.cands[j][:15]]
        same = [
            x.index
            for x, _ in self.cands[j][:15]
            if gaz.cc[x.index] == gaz.cc[chosen.row]
            and int(gaz.feat[x.index]) in (FEAT_ADMIN1, FEAT_ADMIN)
        ]
        return [chosen.row, *same]

    @staticmethod
    def near_pool(j: int, pool: list[int], out: list[Resolution | None]) -> list[int]:
        """The readings of parent mention j whose point a child may be near: its chosen
        entry once resolved, else its best candidates."""
        chosen = out[j]
        return [chosen.row] if chosen is not None else pool[:5]

    def unknown(self, j: int) -> bool:
        """Does the gazetteer not know mention j, but for loose spellings abroad ("Jabal
        al-Zawiya" ~ a Yemeni hamlet in a Syrian report), which ``accept`` drops anyway?"""
        return all(
            c.flag < 0 and self.gaz.country_code(c.index) != self.focus for c, _ in self.cands[j]
        )

    def misfit(self, j: int, out: list[Resolution | None]) -> bool:
        """Was mention j read outside the province its own parent names? In "Kagara (Rafi
        LGA, Niger)" the files' only Rafi is a village of another state, so where it lies
        says nothing of where Kagara lies; the province does."""
        up, own = self.mentions[j].parent, out[j]
        if own is None or up is None or id(up) not in self.where:
            return False
        i = self.where[id(up)]
        above = out[i]
        if above is None or int(self.gaz.feat[above.row]) != FEAT_ADMIN1:
            return False
        return not any(compatible(self.gaz, own.row, p) for p in self.parent_pool(i, out))

    def related(self, k: int, done: list[Resolution | None]) -> list[tuple[int, bool]]:
        """``_related`` of mention k, where a parent the gazetteer does not know is replaced
        by its own parent ("Kibungere (Nyabihanga, Mwaro)": in Mwaro), and so is a parent
        read outside its own province (``misfit``; ``done``: the mentions resolved so far)."""
        out = []
        for j, is_parent in _related(self.mentions, k, self.where):
            seen = 0
            same = fold(self.mentions[j].text) == fold(self.mentions[k].text)
            # "Ahwar (Ahwar, Abyan)": the district of the same name says nothing; its
            # province does
            while is_parent and (self.unknown(j) or same or self.misfit(j, done)) and seen < 3:
                up = self.mentions[j].parent
                if up is None or id(up) not in self.where:
                    break
                j, seen = self.where[id(up)], seen + 1
                same = fold(self.mentions[j].text) == fold(self.mentions[k].text)
            out.append((j, is_parent))
        return out

    def choose(self, k: int, others: list[int], out: list[Resolution | None]) -> Resolution:
        """Score mention k's candidates against the document and pick the best."""
        gaz, m = self.gaz, self.mentions[k]
        total_votes = sum(self.votes.values()) or 1.0
        related = self.related(k, out)
        best: list[tuple[float, int, int]] = []
        for c, s in self.cands[k]:
            cc = gaz.country_code(c.index)
            s += 3.0 * self.votes.get(cc, 0.0) / total_votes
            if cc == self.focus:
                s += 1.0
            elif self.clear:
                s -= 2.0
            for j, is_parent in related:
                if fold(self.mentions[j].text) == fold(m.text):
                    continue  # "Nouakchott (Nouakchott)": the province of the same name
                if is_parent:
                    pool = self.parent_pool(j, out)
                    if any(compatible(gaz, c.index, p) for p in pool):
                        s += 3.0
                        # a homonym whose own admin1 code is the text's province beats
                        # one that only lies near it ("Kadikoy, Istanbul": not Yalova's)
                        if any(int(gaz.adm1[c.index]) == p for p in pool):
                            s += CODE_MATCH
                    else:
                        # a layer village whose code names the next province: still a fit,
                        # a weaker one the nearer the text's province ("Mushahidah, Saladin")
                        km = border_km(gaz, c.index, pool)
                        s += -3.0 if km is None else 1.5 - km / BORDER_REACH_KM
                    # of two homonyms in the parent's area, the one closest to its seat (a
                    # country's centroid says nothing)
                    # (a province's point is its centroid or capital: 30 km of it says
                    # little, less than a main name against an alternate one; nor does a
                    # same-named district of the chosen province, "Hays district (Al
                    # Hudaydah)": only the parent's chosen reading counts once resolved)
                    if any(
                        gaz.distance_km(c.index, p) < NEAR_PARENT_KM
                        for p in self.near_pool(j, pool, out)
                        if int(gaz.feat[p]) not in (FEAT_COUNTRY, FEAT_ADMIN1)
                    ):
                        s += 1.0
                else:
                    # "Patiala (Punjab)": the Punjab that holds a Patiala by its own name
                    s += children_fit(gaz, c.index, self.cands[j][:15], m.hint == "admin")
            if self.areas and (c.index in self.areas or int(gaz.adm1[c.index]) in self.areas):
                s += AREA_WEIGHT + front_bonus(gaz, c.index, self.fronts)
            if (
                others
                and int(gaz.feat[c.index]) != FEAT_COUNTRY
                and any(
                    gaz.cc[o] == gaz.cc[c.index] and gaz.distance_km(o, c.index) < 100
                    for o in others
                )
            ):
                s += 1.0
            best.append((s, c.index, c.flag))
        best.sort(reverse=True)
        margin = best[0][0] - best[1][0] if len(best) > 1 else 5.0
        if margin > TIE:
            top = best[0]
        else:
            top = tie_break(gaz, best, [r.row for r in out if r is not None] + others)
        return Resolution(m, top[1], top[0], margin, flag=top[2])


def children_fit(
    gaz: Gazetteer, area: int, child: list[tuple[Candidate, float]], province: bool
) -> float:
    """What a child mention's readings say for an area reading ("Patiala (Punjab)": the
    Punjab that holds a Patiala by its own name): +1.5 for a main name inside it, +0.75
    for another, and, of two provinces of the name the text calls a province
    (``province``), more for the one holding the bigger town (India's Punjab holds a
    Patiala of 446,000 people, Pakistan's a hamlet; "San Jeronimo suburb, Cusco city"
    says nothing for Cusco region against the city)."""
    fits = [ch for ch, _ in child if compatible(gaz, ch.index, area)]
    if not fits:
        return 0.0
    named = [float(gaz.pop[ch.index]) for ch in fits if ch.flag >= 1]
    town = CHILD_POP * 0.35 * math.log10(max(named) + 1.0) if named and province else 0.0
    return (1.5 if max(ch.flag for ch in fits) == 2 else 0.75) + town


def tie_break(
    gaz: Gazetteer, best: list[tuple[float, int, int]], anchors: list[int]
) -> tuple[float, int, int]:
    """Of homonyms the score tells nothing apart (three Orikhoves in Luhansk oblast, none
    with a population), the one nearest the other places the text names in its country
    ("Shag Hiraf, 58 km northeast of Adila ... Um Deibun in West Kordofan": the Kordofan
    Adila, not Blue Nile's), else the one nearest its province's biggest town: reports
    name places where people live, and villages crowd around a province's towns."""
    tied = [b for b in best if best[0][0] - b[0] <= TIE]
    points = [a for a in anchors if a >= 0 and int(gaz.feat[a]) not in (FEAT_COUNTRY, FEAT_ADMIN1)]

    def near(row: int) -> float:
        dists = [gaz.distance_km(row, a) for a in points if a != row and gaz.cc[a] == gaz.cc[row]]
        return min(dists) if dists else math.inf

    return min(tied, key=lambda b: (near(b[1]), seat_km(gaz, b[1]), -b[1]))


def seat_km(gaz: Gazetteer, row: int) -> float:
    """Distance from a row to the biggest town of its admin1 area (inf: none known)."""
    area = int(gaz.adm1[row])
    seat = int(gaz.seat[area]) if area >= 0 else -1
    if seat < 0:
        return math.inf
    return 0.0 if seat == row else gaz.distance_km(row, seat)


def other_picks(first_pick: list[int], folded: list[str], k: int, n: int = 20) -> list[int]:
    """The first ``n`` places picked for other names than mention k's (a lazy slice: a
    sentence of thousands of toponyms stays linear)."""
    picks = (
        pick for j, pick in enumerate(first_pick) if j != k and pick >= 0 and folded[j] != folded[k]
    )
    return list(itertools.islice(picks, n))

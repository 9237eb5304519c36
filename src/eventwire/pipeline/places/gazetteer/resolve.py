"""Toponym disambiguation: choose one gazetteer entry per mention.

Evidence, in two passes:

1. each mention alone: how the name matched (main name, alternate, loose spelling),
   population, feature kind, the feature word beside it ("Anbar *province*");
2. the document: its focus country (country names, adjectives such as "Iraqi", and the
   countries the mentions most plausibly belong to), the explicit hierarchy of
   "X, Y governorate, Country" chains, and distance to the other places mentioned.

No Samarra → Spain, no Baghdad → Iran: a small homonym loses to the big place of the
focus country, and "X, Y" is only read as X inside Y.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from eventwire.datafiles import words
from eventwire.pipeline.places.gazetteer.checks import (
    BORDER_REACH_KM,
    NEAR_PARENT_KM,
    Resolution,
    border_km,
    check_hierarchy,
    compatible,
    drop_strays,
)
from eventwire.pipeline.places.gazetteer.focus import (
    actors_hold,
    drop_unsupported,
    focus_votes,
    lone_homonym,
)
from eventwire.pipeline.places.gazetteer.focus import placed_mention as _placed
from eventwire.pipeline.places.gazetteer.focus import related as _related
from eventwire.pipeline.places.gazetteer.index import Candidate, Gazetteer
from eventwire.pipeline.places.gazetteer.lexicon import Lexicon
from eventwire.pipeline.places.gazetteer.normalize import fold, strip_article
from eventwire.pipeline.places.gazetteer.picks import first_picks
from eventwire.pipeline.places.gazetteer.respell import add_local_spellings
from eventwire.pipeline.places.gazetteer.table import (
    FEAT_ADMIN,
    FEAT_ADMIN1,
    FEAT_COUNTRY,
    FEAT_PLACE,
)
from eventwire.pipeline.places.gazetteer.toponyms import PLACE_LABELS, Mention
from eventwire.pipeline.places.gazetteer.trim import possessive_country, same_shape
from eventwire.records import Document

MAX_CANDIDATES = 60
FLAG_SCORE = {2: 1.0, 1: 0.5, 0: 0.4, -1: -0.2}
# a homonym in an area where a named group mostly acts: beats a town under ~20,000 people
# elsewhere (GeoNames gives most villages no population, so 0.35 * log10(pop) alone would
# send "the OSCE SMM ... near Lozove" to a Crimean Lozove of 1,900 people)
AREA_WEIGHT = 1.5
VILLAGE_WORDS: frozenset[str] = words("gazetteer", "village_words")
CHILD_POP = 1.0  # a province holding a town of the text's name, by the town's population
CODE_MATCH = 0.5  # a child whose GeoNames admin1 code is the parent province (not only near)
LOOSE_CLOSENESS = 1.0  # of two loose village spellings, the nearer ("Tal Yabis": Tall Yabis)
FEATURE_SCORE = {FEAT_PLACE: 0.0, FEAT_ADMIN1: -0.8, FEAT_ADMIN: -1.0, FEAT_COUNTRY: 1.5}


def local_score(gaz: Gazetteer, m: Mention, c: Candidate) -> float:
    """The score of a candidate from the mention alone."""
    feat = int(gaz.feat[c.index])
    s = FLAG_SCORE[c.flag] + 0.35 * math.log10(float(gaz.pop[c.index]) + 1.0)
    if c.flag < 0 and int(gaz.pop[c.index]) == 0:
        # villages of unknown population (most GeoNames rows) are told apart by nothing
        # else; a town's population already ranks it ("Kerfalla" is no closer to Kerrville)
        s += LOOSE_CLOSENESS * (closeness(m.text, gaz.name(c.index)) - 1.0)
    if feat == FEAT_ADMIN1 and c.flag == 1:
        # a province's alternate name is mostly its name in the country's other official
        # language ("Nord-Ouest" is Cameroon's North-West as well as a Haitian department)
        s += FLAG_SCORE[2] - FLAG_SCORE[1]
    s += FEATURE_SCORE[feat]
    if m.children and feat == FEAT_ADMIN1:
        s -= FEATURE_SCORE[feat]  # "Portland, Oregon": the name after a comma is an area
    if m.hint == "admin":
        # "Rafi LGA, Niger": the text calls it a province, so not the country of the name
        s += 2.5 if feat in (FEAT_ADMIN1, FEAT_ADMIN) else (-3.0 if feat == FEAT_COUNTRY else -0.5)
    elif m.hint == "part":
        s += 1.0 if feat == FEAT_ADMIN else 0.0
    elif m.hint == "town":
        s += 1.0 if feat == FEAT_PLACE else -1.5
    return s


def closeness(text: str, name: str) -> float:
    """How alike a mention and an entry's name are (0..1), articles and a leading
    "village of" word removed: a loose key is shared by many spellings ("Tal Yabis",
    "Tall Baswah" and "Qaryat Tall Yabis" have one skeleton), the nearest is likeliest."""
    a, b = strip_article(fold(text)), strip_article(fold(name))
    head, _, rest = b.partition(" ")
    if head in VILLAGE_WORDS and len(rest) >= 3:
        b = strip_article(rest)
    return SequenceMatcher(None, a.replace(" ", ""), b.replace(" ", ""), autojunk=False).ratio()


def resolve_mentions(
    doc: Document,
    gaz: Gazetteer,
    lex: Lexicon,
    mentions: list[Mention],
    actor_votes: Counter[str] | None = None,
    actor_areas: list[tuple[str, str]] | None = None,
) -> tuple[list[Resolution | None], str | None]:
    """Resolve every mention; return the resolutions and the focus country (ISO2).

    ``actor_areas`` are (country, admin1 name) pairs where the named groups mostly act."""
    areas = _area_rows(gaz, actor_areas or [])
    cands = _candidates(gaz, mentions)
    votes = focus_votes(doc.text, gaz, lex, mentions, cands, actor_votes)
    add_local_spellings(gaz, mentions, cands, votes, local_score)
    out, focus = _resolve_group(gaz, mentions, cands, votes, areas, actor_votes)
    focus = drop_unsupported(doc.text, gaz, lex, mentions, cands, out, focus, actor_votes)
    # a paragraph about another country ("In neighbouring Burkina Faso, ..." in a report on
    # Mali; the Malian paragraphs of a report whose last one names Burkina Faso) is
    # resolved with its own focus
    for idx, seg_votes in _other_country_segments(doc, gaz, lex, mentions, cands, focus):
        sub, _ = _resolve_group(
            gaz, [mentions[i] for i in idx], [cands[i] for i in idx], seg_votes, areas
        )
        for i, res in zip(idx, sub, strict=True):
            out[i] = res
    return out, focus


PARENT_REACH_KM = 150.0


def _candidates(gaz: Gazetteer, mentions: list[Mention]) -> list[list[tuple[Candidate, float]]]:
    """Each mention's best-scored candidates (``MAX_CANDIDATES``), and, for a mention placed
    in another ("Rampur, Jaunpur": India has hundreds of Rampurs), also those of the rest
    that lie near one of its parent's readings."""
    full = []
    for m in mentions:
        found = possessive_country(gaz, m.text) or [
            c for c in gaz.lookup(m.text) if c.flag >= 0 or same_shape(gaz, m.text, c)
        ]
        full.append(sorted(((c, local_score(gaz, m, c)) for c in found), key=lambda x: -x[1]))
    where = {id(m): k for k, m in enumerate(mentions)}
    out = []
    for m, scored in zip(mentions, full, strict=True):
        keep = scored[:MAX_CANDIDATES]
        if len(scored) > MAX_CANDIDATES and m.parent is not None and id(m.parent) in where:
            parents = [c.index for c, _ in full[where[id(m.parent)]][:15]]
            near = [
                x
                for x in scored[MAX_CANDIDATES:]
                if any(gaz.distance_km(x[0].index, p) < PARENT_REACH_KM for p in parents)
            ]
            keep = keep + near[:MAX_CANDIDATES]
        out.append(keep)
    return out


SEGMENT_MIN_VOTES = 1.5  # a paragraph's own evidence for another country: two places or so
SEGMENT_SHARE = 0.6


def _other_country_segments(
    doc: Document,
    gaz: Gazetteer,
    lex: Lexicon,
    mentions: list[Mention],
    cands: list[list[tuple[Candidate, float]]],
    focus: str | None,
) -> list[tuple[list[int], Counter[str]]]:
    """The paragraphs whose own places and cues clearly point to another country than the
    document's focus: (mention indexes, the paragraph's votes)."""
    # a dateline opens the paragraph after it ("BENI, Congo, June 7 - ... in Beni territory":
    # the body is not a paragraph of its own about Bolivia's El Beni)
    para = [g + (seg.kind == "dateline") for g, seg in enumerate(doc.segments)]
    groups: dict[int, list[int]] = {}
    for k, m in enumerate(mentions):
        groups.setdefault(_para(para, doc.sentences[m.sentence].segment), []).append(k)
    if len(groups) < 2:
        return []
    bounds: dict[int, tuple[int, int]] = {}
    for sent in doc.sentences:  # one pass: a report of thousands of paragraphs stays linear
        g = _para(para, sent.segment)
        lo, hi = bounds.get(g, (sent.start, sent.end))
        bounds[g] = (min(lo, sent.start), max(hi, sent.end))
    out = []
    for segment, idx in groups.items():
        text = doc.text[bounds[segment][0] : bounds[segment][1]]
        seg_votes = focus_votes(text, gaz, lex, [mentions[i] for i in idx], [cands[i] for i in idx])
        if not seg_votes:
            continue
        leader, value = seg_votes.most_common(1)[0]
        total = sum(seg_votes.values())
        if leader != focus and value >= SEGMENT_MIN_VOTES and value / total >= SEGMENT_SHARE:
            out.append((idx, seg_votes))
    return out


def _para(para: list[int], segment: int) -> int:
    """The paragraph a segment belongs to (a dateline's is the one after it)."""
    return para[segment] if 0 <= segment < len(para) else segment


def _resolve_group(
    gaz: Gazetteer,
    mentions: list[Mention],
    cands: list[list[tuple[Candidate, float]]],
    votes: Counter[str],
    areas: set[int],
    actor_votes: Counter[str] | None = None,
) -> tuple[list[Resolution | None], str | None]:
    """Resolve a group of mentions (a document, or a paragraph of it) given its votes;
    return the resolutions and the group's focus country."""
    focus = votes.most_common(1)[0][0] if votes else None
    # the report's country is where its places can be: a country voted for only by actors
    # and adjectives ("Russian mercenaries ... near Bambari") yields to the places' country
    placed = [
        c for m, sc in zip(mentions, cands, strict=True) if _placed(m) for c, _ in sc if c.flag >= 1
    ]
    place_countries = {gaz.country_code(c.index) for c in placed}
    held = False
    if focus is not None and place_countries and focus not in place_countries:
        held = actors_hold(gaz, focus, placed, actor_votes)
        if not held:
            focus = max(sorted(place_countries), key=lambda cc: votes.get(cc, 0.0))
    total_votes = sum(votes.values()) or 1.0
    # a clear focus (the country is named, or most evidence agrees) rules out far homonyms
    named = any(
        int(gaz.feat[c.index]) == FEAT_COUNTRY
        and c.flag == 2
        and gaz.country_code(c.index) == focus
        for sc in cands
        for c, _ in sc[:1]
    )
    clear = focus is not None and (named or votes[focus] / total_votes >= 0.6)
    first_pick = first_picks(gaz, cands)
    folded = [fold(o.text) for o in mentions]
    where = {id(o): j for j, o in enumerate(mentions)}
    ctx = _Context(gaz, mentions, cands, votes, focus, clear, where)
    ctx.areas = areas
    out: list[Resolution | None] = [None] * len(mentions)
    # last first: in "X (Y, Z)" the area Z is settled before Y, and Y before X
    for k in range(len(mentions) - 1, -1, -1):
        if cands[k]:
            out[k] = ctx.choose(k, _other_picks(first_pick, folded, k), out)
    # without a clear focus, a small place in a country far behind the leader is still
    # more likely a local name the gazetteer lacks ("Shakhta imeni Gagarina" in Donbas)
    lead = focus if focus is not None and _leads(votes, focus) else None
    check_hierarchy(gaz, mentions, out, focus if clear else None, cands, lead, focus)
    drop_strays(gaz, mentions, out)
    for k, res in enumerate(out):
        if res is None or gaz.country_code(res.row) == focus:
            continue
        if held or (clear and lone_homonym(gaz, res.row, cands[k], votes, focus)):
            res.accepted = False  # a local village the gazetteer lacks, not the homonym
    return out, focus


@dataclass(slots=True)
class _Context:
    """What scoring one mention's candidates reads from the whole document."""

    gaz: Gazetteer
    mentions: list[Mention]
    cands: list[list[tuple[Candidate, float]]]
    votes: Counter[str]
    focus: str | None
    clear: bool
    where: dict[int, int]
    areas: set[int] = field(default_factory=set)

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
                    s += _children_fit(gaz, c.index, self.cands[j][:15], m.hint == "admin")
            if self.areas and (c.index in self.areas or int(gaz.adm1[c.index]) in self.areas):
                s += AREA_WEIGHT
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
            top = _tie_break(gaz, best, [r.row for r in out if r is not None] + others)
        return Resolution(m, top[1], top[0], margin, flag=top[2])


def _children_fit(
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


TIE = 1e-6


def _tie_break(
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

    return min(tied, key=lambda b: (near(b[1]), _seat_km(gaz, b[1]), -b[1]))


def _seat_km(gaz: Gazetteer, row: int) -> float:
    """Distance from a row to the biggest town of its admin1 area (inf: none known)."""
    area = int(gaz.adm1[row])
    seat = int(gaz.seat[area]) if area >= 0 else -1
    if seat < 0:
        return math.inf
    return 0.0 if seat == row else gaz.distance_km(row, seat)


def _other_picks(first_pick: list[int], folded: list[str], k: int, n: int = 20) -> list[int]:
    """The first ``n`` places picked for other names than mention k's (a lazy slice: a
    sentence of thousands of toponyms stays linear)."""
    picks = (
        pick for j, pick in enumerate(first_pick) if j != k and pick >= 0 and folded[j] != folded[k]
    )
    return list(itertools.islice(picks, n))


def _area_rows(gaz: Gazetteer, areas: list[tuple[str, str]]) -> set[int]:
    """The admin1 rows named by (country, name) pairs."""
    return {
        c.index
        for cc, name in areas
        for c in gaz.lookup(name, loose=False)
        if int(gaz.feat[c.index]) == FEAT_ADMIN1 and gaz.country_code(c.index) == cc
    }


def _leads(votes: Counter[str], focus: str) -> bool:
    """True when the focus country has at least twice the votes of every other."""
    runner_up = max((v for cc, v in votes.items() if cc != focus), default=0.0)
    return votes[focus] >= 2.0 * runner_up


def accept(res: Resolution, gaz: Gazetteer, focus: str | None, lex: Lexicon) -> bool:
    """Keep a resolution as a place? Weak mentions need a clear, plausible match."""
    m = res.mention
    if not res.accepted:
        return False
    if res.flag < 0 and (focus is None or gaz.country_code(res.row) != focus):
        return False  # a loose spelling match abroad is nearly always another name
    strong = (
        m.ner in PLACE_LABELS
        or m.near  # "near X", "X air base"
        or (m.cue is not None and m.cue != "of")
        or m.hint is not None
        or m.parent is not None
        or bool(m.children)
        or m.echo  # "Kharkiv" again, after "drove them to Kharkiv"
    )
    if strong:
        return res.score > 0.5
    cc = gaz.country_code(res.row)
    pop = int(gaz.pop[res.row])
    feat = int(gaz.feat[res.row])
    if res.flag < 2:
        return False  # an alternate or old name alone ("Molotov" = Perm) is not enough
    if feat in (FEAT_COUNTRY, FEAT_ADMIN1) and res.margin > 1.0:
        return True
    return (cc == focus and pop >= 1000) or pop >= 50_000

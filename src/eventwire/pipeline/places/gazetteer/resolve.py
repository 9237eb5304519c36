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

import math
from collections import Counter
from difflib import SequenceMatcher

from eventwire.datafiles import words
from eventwire.pipeline.places.gazetteer.camps import (
    camp_readings,
    camp_rows,
    camp_score,
    names_camp,
)
from eventwire.pipeline.places.gazetteer.checks import (
    Resolution,
    check_hierarchy,
    drop_strays,
    in_named_country,
)
from eventwire.pipeline.places.gazetteer.choose import Chooser, other_picks
from eventwire.pipeline.places.gazetteer.focus import (
    actors_hold,
    drop_unsupported,
    focus_votes,
    lone_homonym,
)
from eventwire.pipeline.places.gazetteer.focus import placed_mention as _placed
from eventwire.pipeline.places.gazetteer.fronts import front_rows
from eventwire.pipeline.places.gazetteer.index import Candidate, Gazetteer
from eventwire.pipeline.places.gazetteer.lexicon import Lexicon
from eventwire.pipeline.places.gazetteer.normalize import fold, strip_article
from eventwire.pipeline.places.gazetteer.picks import first_picks
from eventwire.pipeline.places.gazetteer.respell import add_local_spellings
from eventwire.pipeline.places.gazetteer.strangers import rival_strangers
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
ALIAS_POP = 20_000  # a town of the report's own country that its other name alone may name
FLAG_SCORE = {2: 1.0, 1: 0.5, 0: 0.4, -1: -0.2}
VILLAGE_WORDS: frozenset[str] = words("gazetteer", "village_words")
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
    fronts = front_rows(gaz, actor_areas or [], areas)
    cands = _candidates(gaz, mentions, doc.text)
    votes = focus_votes(doc.text, gaz, lex, mentions, cands, actor_votes)
    add_local_spellings(gaz, mentions, cands, votes, local_score)
    out, focus = _resolve_group(gaz, mentions, cands, votes, (areas, fronts), actor_votes)
    strangers = rival_strangers(doc.text, gaz, lex, mentions, cands, out, actor_votes)
    if strangers:
        # "RSF members beat a driver in Yathrib district": not Medina; settle again
        cands = [[] if k in strangers else sc for k, sc in enumerate(cands)]
        votes = focus_votes(doc.text, gaz, lex, mentions, cands, actor_votes)
        out, focus = _resolve_group(gaz, mentions, cands, votes, (areas, fronts), actor_votes)
    focus = drop_unsupported(doc.text, gaz, lex, mentions, cands, out, focus, actor_votes)
    # a paragraph about another country ("In neighbouring Burkina Faso, ..." in a report on
    # Mali; the Malian paragraphs of a report whose last one names Burkina Faso) is
    # resolved with its own focus
    for idx, seg_votes in _other_country_segments(doc, gaz, lex, mentions, cands, focus):
        sub, _ = _resolve_group(
            gaz, [mentions[i] for i in idx], [cands[i] for i in idx], seg_votes, (areas, fronts)
        )
        for i, res in zip(idx, sub, strict=True):
            out[i] = res
    return out, focus


PARENT_REACH_KM = 150.0


def _candidates(
    gaz: Gazetteer, mentions: list[Mention], text: str
) -> list[list[tuple[Candidate, float]]]:
    """Each mention's best-scored candidates (``MAX_CANDIDATES``), and, for a mention placed
    in another ("Rampur, Jaunpur": India has hundreds of Rampurs), also those of the rest
    that lie near one of its parent's readings. A mention naming a camp prefers the entry
    named "<mention> camp" (``camps``)."""
    full = []
    for m in mentions:
        found = possessive_country(gaz, m.text) or [
            c for c in gaz.lookup(m.text) if c.flag >= 0 or same_shape(gaz, m.text, c)
        ]
        camp = camp_rows(gaz, text, m)
        if names_camp(text, m):
            found = camp_readings(gaz, found, camp)
        pairs = ((c, local_score(gaz, m, c) + camp_score(camp, c)) for c in found)
        full.append(sorted(pairs, key=lambda x: -x[1]))
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
    areas: tuple[set[int], list[int]],
    actor_votes: Counter[str] | None = None,
) -> tuple[list[Resolution | None], str | None]:
    """Resolve a group of mentions (a document, or a paragraph of it) given its votes;
    return the resolutions and the group's focus country."""
    # a country voted against ("near the Somali border") is no focus, even when alone
    top = votes.most_common(1)
    focus = top[0][0] if top and top[0][1] > 0 else None
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
    ctx = Chooser(gaz, mentions, cands, votes, focus, clear, where)
    ctx.areas, ctx.fronts = areas
    out: list[Resolution | None] = [None] * len(mentions)
    # last first: in "X (Y, Z)" the area Z is settled before Y, and Y before X
    for k in range(len(mentions) - 1, -1, -1):
        if cands[k]:
            out[k] = ctx.choose(k, other_picks(first_pick, folded, k), out)
    # without a clear focus, a small place in a country far behind the leader is still
    # more likely a local name the gazetteer lacks ("Shakhta imeni Gagarina" in Donbas)
    lead = focus if focus is not None and _leads(votes, focus) else None
    check_hierarchy(gaz, mentions, out, focus if clear else None, cands, lead, focus)
    drop_strays(gaz, mentions, out)
    for k, res in enumerate(out):
        if res is None or gaz.country_code(res.row) == focus:
            continue
        up = where.get(id(res.mention.parent)) if res.mention.parent is not None else None
        if up is not None and in_named_country(gaz, res, out[up], cands[k]):
            continue  # "into a market in Amchide, Cameroon" in a report led by Nigeria
        if held or (clear and lone_homonym(gaz, res.row, cands[k], votes, focus)):
            res.accepted = False  # a local village the gazetteer lacks, not the homonym
    return out, focus


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
    if res.flag == 1 and cc == focus and pop >= ALIAS_POP:
        return True  # "took control of Axum" (Aksum) in a report about Ethiopia
    if res.flag < 2:
        return False  # an alternate or old name alone ("Molotov" = Perm) is not enough
    if feat in (FEAT_COUNTRY, FEAT_ADMIN1) and res.margin > 1.0:
        return True
    return (cc == focus and pop >= 1000) or pop >= 50_000
